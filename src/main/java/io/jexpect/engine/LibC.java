package io.jexpect.engine;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The libc calls the engine makes (Linux, glibc; x86-64 and AArch64), through the JDK's
 * foreign-function API. We spawn with posix_spawn ourselves instead of pty4j's launcher because
 * only then do we (1) own waitpid and so see "killed by SIGKILL" apart from "exit 137", (2) apply
 * the terminal modes and stty_init before the program runs, race-free, and (3) can watch the
 * child's exit to report eof while a grandchild holds the tty.
 *
 * <p>Every function is called in one shape: six integer or pointer arguments, each widened to 64
 * bits (a function reads the low 32 bits of an int, and ignores arguments it does not have), a
 * 64-bit result (an int result is its low 32 bits) and errno captured. The JDK spins a class and a
 * stub per shape, tens of milliseconds at start; a further function of the same shape costs a
 * symbol lookup. The variadic functions (open, fcntl, ioctl) need a second shape, which tells the
 * x86-64 callee that no vector register is used, and costs a script its first use of one (17-28 ms
 * of CPU): a spawn on a pty calls none of them. Functions are linked on their first call, so a
 * script pays only for the calls it makes.
 */
final class LibC {
    private LibC() {
    }

    static final int O_RDWR = 2, O_NOCTTY = 0x100, O_CLOEXEC = 0x80000;
    static final int POLLIN = 0x1, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;
    static final int O_NONBLOCK = 0x800, F_GETFL = 3, F_SETFL = 4;
    static final int POLLOUT = 0x4;
    static final int WNOHANG = 1, WEXITED = 4, WNOWAIT = 0x01000000, P_ALL = 0;
    static final int EINTR = 4, EIO = 5, EAGAIN = 11, ECHILD = 10, ESRCH = 3, EMFILE = 24, ENFILE = 23;
    static final int EPOLLIN = 0x1, EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CLOEXEC = 0x80000;
    static final int POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08, POSIX_SPAWN_SETSID = 0x80;
    static final long TIOCSWINSZ = 0x5414, TIOCGWINSZ = 0x5413;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final long ERRNO_OFFSET = Linker.Option.captureStateLayout()
        .byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    /** (function, errno state, six arguments) -> result: one handle for every function. */
    private static final MethodHandle CALL = LINKER.downcallHandle(
        FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG), ERRNO);

    /** Per thread: where errno lands after each call (read by {@link #errno}). */
    private static final ThreadLocal<MemorySegment> CALL_STATE =
        ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(Linker.Option.captureStateLayout()));

    /** The variadic functions' handle (fd or path, the command or flags, one variadic argument), made on first use. */
    private static final class Variadic {
        static final MethodHandle CALL = LINKER.downcallHandle(
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG), ERRNO, Linker.Option.firstVariadicArg(2));
    }

    /** The functions, by their C names; each is looked up on its first call. */
    enum Fn {
        posix_openpt, grantpt, unlockpt, ptsname_r, close, read, write, tcsendbreak, tcgetattr, tcsetattr,
        pipe2, poll, kill, waitpid, waitid, eventfd, epoll_create1, epoll_ctl, epoll_wait, getpid,
        mmap, mprotect, sigaction, sigemptyset, sigfillset, sigprocmask, signal, close_range, dup, dup2, chdir, execve,
        posix_spawn, posix_spawn_file_actions_init, posix_spawn_file_actions_destroy,
        posix_spawn_file_actions_addopen, posix_spawn_file_actions_adddup2,
        posix_spawn_file_actions_addclosefrom_np, posix_spawn_file_actions_addchdir_np,
        posix_spawnattr_init, posix_spawnattr_destroy, posix_spawnattr_setflags,
        posix_spawnattr_setsigdefault, posix_spawnattr_setsigmask,
        socket, bind, listen, accept4, recvmsg, getsockopt, shutdown,
        open(true), fcntl(true), ioctl(true);

        private final boolean variadic;
        private MemorySegment symbol; // a benign race: two threads may look it up twice, to equal addresses

        Fn() {
            this(false);
        }

        Fn(boolean variadic) {
            this.variadic = variadic;
        }

        private MemorySegment symbol() {
            MemorySegment s = symbol;
            if (s == null) {
                s = LINKER.defaultLookup().find(name()).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name()));
                symbol = s;
            }
            return s;
        }
    }

    /** Calls {@code f}; missing arguments are 0. Returns the C result (an int's in the low 32 bits). */
    static long call(Fn f, long a, long b, long c, long d, long e, long g) {
        try {
            return (long) CALL.invokeExact(f.symbol(), CALL_STATE.get(), a, b, c, d, e, g);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long call(Fn f, long a, long b, long c) {
        if (!f.variadic) return call(f, a, b, c, 0, 0, 0);
        try {
            return (long) Variadic.CALL.invokeExact(f.symbol(), CALL_STATE.get(), a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int callInt(Fn f, long a, long b, long c, long d) {
        return (int) call(f, a, b, c, d, 0, 0);
    }

    static int callInt(Fn f, long a, long b, long c) {
        return (int) call(f, a, b, c);
    }

    static int callInt(Fn f, long a, long b) {
        return (int) call(f, a, b, 0);
    }

    static int callInt(Fn f, long a) {
        return (int) call(f, a, 0, 0);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }

    /** errno as the last call on this thread left it. */
    static int errno() {
        return CALL_STATE.get().get(JAVA_INT, ERRNO_OFFSET);
    }

    // The calls made for every read, send and wait.

    // A segment passes as its address: the fences keep a GC-managed one alive through the call.

    static long read(int fd, MemorySegment buf, long n) {
        long r = call(Fn.read, fd, buf.address(), n, 0, 0, 0);
        Reference.reachabilityFence(buf);
        return r;
    }

    static long write(int fd, MemorySegment buf, long n) {
        long r = call(Fn.write, fd, buf.address(), n, 0, 0, 0);
        Reference.reachabilityFence(buf);
        return r;
    }

    /** {@code fds}: struct pollfd entries (int fd, short events, short revents). */
    static int poll(MemorySegment fds, long nfds, int timeoutMs) {
        int r = callInt(Fn.poll, fds.address(), nfds, timeoutMs);
        Reference.reachabilityFence(fds);
        return r;
    }

    static int close(int fd) {
        return callInt(Fn.close, fd);
    }

    static int kill(int pid, int sig) {
        return callInt(Fn.kill, pid, sig);
    }

    static void setNonBlocking(int fd) {
        call(Fn.fcntl, fd, F_SETFL, (int) call(Fn.fcntl, fd, F_GETFL, 0) | O_NONBLOCK);
    }

    /** Whether {@code fd} has input or a hang-up waiting to be read, without waiting. */
    static boolean readable(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = pollFd(arena, fd, POLLIN);
            return poll(m, 1, 0) > 0 && (m.get(JAVA_SHORT, 6) & (POLLIN | POLLHUP | POLLERR)) != 0;
        }
    }

    /** Waits up to {@code timeoutMs} until {@code fd} can take output (or has failed). */
    static void pollOut(int fd, int timeoutMs) {
        try (Arena arena = Arena.ofConfined()) {
            poll(pollFd(arena, fd, POLLOUT), 1, timeoutMs);
        }
    }

    private static MemorySegment pollFd(SegmentAllocator arena, int fd, int events) {
        MemorySegment m = arena.allocate(8);
        m.set(JAVA_INT, 0, fd);
        m.set(JAVA_INT, 4, events); // events, and revents = 0
        return m;
    }

    /** A NUL-terminated copy of {@code s} (UTF-8). */
    static MemorySegment string(SegmentAllocator arena, String s) {
        return arena.allocateFrom(s, StandardCharsets.UTF_8);
    }

    /** A NULL-terminated array of C strings, as argv and envp. */
    static MemorySegment strings(SegmentAllocator arena, List<String> list) {
        MemorySegment array = arena.allocate(ADDRESS, list.size() + 1L);
        for (int i = 0; i < list.size(); i++) array.setAtIndex(ADDRESS, i, string(arena, list.get(i)));
        array.setAtIndex(ADDRESS, list.size(), MemorySegment.NULL);
        return array;
    }

    /** The C string at the start of {@code buf}. */
    static String cString(MemorySegment buf) {
        long n = 0;
        while (n < buf.byteSize() && buf.get(JAVA_BYTE, n) != 0) n++;
        return new String(buf.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
    }
}
