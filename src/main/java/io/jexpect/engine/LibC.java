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
    int WNOHANG = 1;
    int EINTR = 4, EIO = 5, EAGAIN = 11, ECHILD = 10, ESRCH = 3;
    short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08, POSIX_SPAWN_SETSID = 0x80;
    long TIOCSWINSZ = 0x5414, TIOCGWINSZ = 0x5413;
    long SYS_PIDFD_OPEN = 434;

    int posix_openpt(int flags);
    int grantpt(int fd);
    int unlockpt(int fd);
    int ptsname_r(int fd, byte[] buf, NativeLong len);
    int open(String path, int flags);
    int close(int fd);
    NativeLong read(int fd, byte[] buf, NativeLong n);
    NativeLong write(int fd, byte[] buf, NativeLong n);
    int tcsendbreak(int fd, int duration);
    int tcgetattr(int fd, Memory termios);
    int tcsetattr(int fd, int action, Memory termios);
    int ioctl(int fd, NativeLong request, Memory arg);
    int pipe2(int[] fds, int flags);
    int poll(Memory fds, NativeLong nfds, int timeoutMs);
    int kill(int pid, int sig);
    int waitpid(int pid, int[] status, int options);
    int eventfd(int initval, int flags);
    NativeLong syscall(NativeLong number, int arg1, int arg2);

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

    /** Writes all bytes; returns the errno of a failed write, or 0. */
    static int writeFully(int fd, byte[] data, int off, int len) {
        byte[] chunk = off == 0 ? data : java.util.Arrays.copyOfRange(data, off, off + len);
        int done = 0;
        while (done < len) {
            byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, len);
            long n = C.write(fd, rest, new NativeLong(len - done)).longValue();
            if (n < 0) {
                int e = errno();
                if (e == EINTR || e == EAGAIN) continue;
                return e;
            }
            done += (int) n;
        }
        return 0;
    }

    /** poll() on the given fds; returns the revents per fd (0 = nothing), or null on timeout. */
    static short[] poll(int[] fds, int timeoutMs) {
        Memory m = new Memory(8L * fds.length);
        for (int i = 0; i < fds.length; i++) {
            m.setInt(8L * i, fds[i]);
            m.setShort(8L * i + 4, (short) POLLIN);
            m.setShort(8L * i + 6, (short) 0);
        }
        while (true) {
            int r = C.poll(m, new NativeLong(fds.length), timeoutMs);
            if (r < 0 && errno() == EINTR) continue;
            if (r <= 0) return null;
            short[] out = new short[fds.length];
            for (int i = 0; i < fds.length; i++) out[i] = m.getShort(8L * i + 6);
            return out;
        }
    }
}
