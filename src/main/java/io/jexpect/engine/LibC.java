package io.jexpect.engine;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.IntByReference;

/**
 * The few libc calls the engine needs (Linux, glibc). We spawn with posix_spawn ourselves instead of
 * pty4j's launcher because only then do we (1) own waitpid and so see "killed by SIGKILL" apart from
 * "exit 137", (2) apply the terminal modes and stty_init before the program runs, race-free, and
 * (3) can watch the child's exit through a pidfd to report eof while a grandchild holds the tty.
 */
interface LibC extends Library {
    LibC C = Native.load("c", LibC.class);

    int O_RDWR = 2, O_NOCTTY = 0x100, O_CLOEXEC = 0x80000;
    int POLLIN = 0x1, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;
    int O_NONBLOCK = 0x800, F_GETFL = 3, F_SETFL = 4;
    int POLLOUT = 0x4;
    int WNOHANG = 1, WEXITED = 4, WNOWAIT = 0x01000000, P_ALL = 0;
    int EINTR = 4, EIO = 5, EAGAIN = 11, ECHILD = 10, ESRCH = 3, EMFILE = 24, ENFILE = 23;
    int EPOLLIN = 0x1, EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CLOEXEC = 0x80000;
    short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08, POSIX_SPAWN_SETSID = 0x80;
    long TIOCSWINSZ = 0x5414, TIOCGWINSZ = 0x5413;

    int posix_openpt(int flags);
    int grantpt(int fd);
    int unlockpt(int fd);
    int ptsname_r(int fd, byte[] buf, NativeLong len);
    int open(String path, int flags);
    int close(int fd);
    NativeLong read(int fd, byte[] buf, NativeLong n);
    NativeLong read(int fd, Pointer buf, NativeLong n);
    NativeLong write(int fd, byte[] buf, NativeLong n);
    NativeLong write(int fd, Pointer buf, NativeLong n);
    int fcntl(int fd, int cmd, int arg);
    int tcsendbreak(int fd, int duration);
    int tcgetattr(int fd, Memory termios);
    int tcsetattr(int fd, int action, Memory termios);
    int ioctl(int fd, NativeLong request, Memory arg);
    int pipe2(int[] fds, int flags);
    int poll(Memory fds, NativeLong nfds, int timeoutMs);
    int kill(int pid, int sig);
    int waitpid(int pid, int[] status, int options);
    int waitid(int idtype, int id, Pointer siginfo, int options);
    int eventfd(int initval, int flags);
    int epoll_create1(int flags);
    int epoll_ctl(int epfd, int op, int fd, Pointer event);
    int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMs);

    int posix_spawn_file_actions_init(Pointer fa);
    int posix_spawn_file_actions_destroy(Pointer fa);
    int posix_spawn_file_actions_addopen(Pointer fa, int fd, String path, int oflag, int mode);
    int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newfd);
    int posix_spawn_file_actions_addclosefrom_np(Pointer fa, int from);
    int posix_spawn_file_actions_addchdir_np(Pointer fa, String path);
    int posix_spawnattr_init(Pointer attr);
    int posix_spawnattr_destroy(Pointer attr);
    int posix_spawnattr_setflags(Pointer attr, short flags);
    int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);
    int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);
    int sigemptyset(Pointer set);
    int sigfillset(Pointer set);
    int posix_spawn(IntByReference pid, String path, Pointer fileActions, Pointer attr,
                    StringArray argv, StringArray envp);

    static int errno() {
        return Native.getLastError();
    }

    static void setNonBlocking(int fd) {
        C.fcntl(fd, F_SETFL, C.fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
    }

    /** Whether {@code fd} has input or a hang-up waiting to be read, without waiting. */
    static boolean readable(int fd) {
        Memory m = new Memory(8);
        m.setInt(0, fd);
        m.setShort(4, (short) POLLIN);
        m.setShort(6, (short) 0);
        return C.poll(m, new NativeLong(1), 0) > 0 && (m.getShort(6) & (POLLIN | POLLHUP | POLLERR)) != 0;
    }

    /** Waits up to {@code timeoutMs} until {@code fd} can take output (or has failed). */
    static void pollOut(int fd, int timeoutMs) {
        Memory m = new Memory(8);
        m.setInt(0, fd);
        m.setShort(4, (short) POLLOUT);
        m.setShort(6, (short) 0);
        C.poll(m, new NativeLong(1), timeoutMs);
    }
}
