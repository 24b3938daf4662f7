package io.jexpect.engine;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Catches process signals, including those the JVM keeps for itself (SIGQUIT always; SIGINT,
 * SIGTERM and SIGHUP without {@code -Xrs}) and all of them under {@code -Xrs}, where
 * {@code sun.misc.Signal} delivers nothing. The only thing a handler may safely do inside a JVM
 * is a system call, so the handler is a few machine instructions made at run time that write the
 * signal number to a non-blocking pipe; a daemon thread reads the pipe and calls the listener.
 *
 * <p>One per process, because signal dispositions are per process: this is the one piece of
 * static state in the engine. {@link #restore} puts back what the process had before (the JVM's
 * own handler in a JVM started without {@code -Xrs}), so an embedding program keeps its
 * behaviour once a script lets go of a signal.
 */
public final class SignalCatcher {
    /** The highest signal number (Linux: NSIG - 1). */
    public static final int MAX = 64;

    private static SignalCatcher instance;

    private final int writeFd;
    private final Pointer handler;
    private final IntConsumer[] listeners = new IntConsumer[MAX + 1];
    /** The disposition each signal had before we first changed it (a struct sigaction). */
    private final Map<Integer, Memory> originals = new HashMap<>();

    /** The libc calls this class needs (Linux, glibc; x86-64 and AArch64 layouts agree). */
    private interface Sys extends Library {
        Sys C = Native.load("c", Sys.class);
        int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;
        int O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000, SA_RESTART = 0x10000000;
        long SIG_DFL = 0, SIG_IGN = 1;
        /** struct sigaction: handler, 128-byte mask, int flags, restorer. */
        int SIGACTION_SIZE = 152, FLAGS_OFFSET = 136;

        Pointer mmap(Pointer addr, NativeLong len, int prot, int flags, int fd, NativeLong offset);
        int mprotect(Pointer addr, NativeLong len, int prot);
        int sigaction(int sig, Memory act, Memory old);
        int pipe2(int[] fds, int flags);
        int poll(Memory fds, NativeLong nfds, int timeoutMs);
        NativeLong read(int fd, byte[] buf, NativeLong n);
        int getpid();
        int kill(int pid, int sig);
    }

    private SignalCatcher(int readFd, int writeFd, Pointer handler) {
        this.writeFd = writeFd;
        this.handler = handler;
        Thread reader = new Thread(() -> read(readFd), "jexpect-signals");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The process's catcher, made on first use.
     *
     * @throws UnsupportedOperationException on a machine we cannot write a handler for (not Linux
     *     on x86-64 or AArch64), or where the system refuses executable memory
     */
    public static synchronized SignalCatcher get() {
        if (instance != null) return instance;
        byte[] code = handlerCode();
        if (code == null) {
            throw new UnsupportedOperationException("no signal handler for " + System.getProperty("os.arch"));
        }
        try {
            int[] fds = new int[2];
            if (Sys.C.pipe2(fds, Sys.O_CLOEXEC | Sys.O_NONBLOCK) != 0) throw new UnsupportedOperationException("pipe2 failed");
            patchFd(code, fds[1]);
            NativeLong len = new NativeLong(4096);
            Pointer page = Sys.C.mmap(null, len, Sys.PROT_READ | Sys.PROT_WRITE, Sys.MAP_PRIVATE | Sys.MAP_ANONYMOUS, -1, new NativeLong(0));
            if (page == null || Pointer.nativeValue(page) == -1) throw new UnsupportedOperationException("mmap failed");
            page.write(0, code, 0, code.length);
            // Making the page executable also makes the instruction cache see it (AArch64).
            if (Sys.C.mprotect(page, len, Sys.PROT_READ | Sys.PROT_EXEC) != 0) {
                throw new UnsupportedOperationException("executable memory refused");
            }
            instance = new SignalCatcher(fds[0], fds[1], page);
            return instance;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new UnsupportedOperationException("no native access: " + e.getMessage());
        }
    }

    /** Calls the listener (on the catcher's thread) each time the signal arrives. */
    public synchronized void handle(int sig, IntConsumer listener) {
        listeners[sig] = listener;
        install(sig, Pointer.nativeValue(handler));
    }

    /** Ignores the signal. */
    public synchronized void ignore(int sig) {
        install(sig, Sys.SIG_IGN);
        listeners[sig] = null;
    }

    /** The system's default action (usually: the process dies by the signal). */
    public synchronized void setDefault(int sig) {
        install(sig, Sys.SIG_DFL);
        listeners[sig] = null;
    }

    /** Puts back what the process had before this catcher first changed the signal. */
    public synchronized void restore(int sig) {
        Memory old = originals.remove(sig);
        if (old != null) Sys.C.sigaction(sig, old, null);
        listeners[sig] = null;
    }

    /** Whether the process ignored the signal before we changed it (as a shell's background job does). */
    public synchronized boolean ignoredAtStart(int sig) {
        Memory old = originals.get(sig);
        if (old == null) {
            old = new Memory(Sys.SIGACTION_SIZE);
            if (Sys.C.sigaction(sig, null, old) != 0) return false;
        }
        return old.getLong(0) == Sys.SIG_IGN;
    }

    /** Ends the process by the signal, as the system's default action would: the parent sees a death by it. */
    public void dieBy(int sig) {
        setDefault(sig);
        Sys.C.kill(Sys.C.getpid(), sig);
        // A signal whose default is not to die (or that is blocked) leaves us here.
        Runtime.getRuntime().halt(128 + sig);
    }

    private void install(int sig, long what) {
        if (sig < 1 || sig > MAX) throw new IllegalArgumentException("no signal " + sig);
        Memory act = new Memory(Sys.SIGACTION_SIZE);
        act.clear();
        act.setLong(0, what);
        act.setInt(Sys.FLAGS_OFFSET, Sys.SA_RESTART);
        Memory old = new Memory(Sys.SIGACTION_SIZE);
        if (Sys.C.sigaction(sig, act, old) != 0) throw new IllegalArgumentException("cannot change signal " + sig);
        originals.putIfAbsent(sig, old);
    }

    private void read(int fd) {
        Memory pfd = new Memory(8);
        byte[] buf = new byte[64];
        while (true) {
            pfd.setInt(0, fd);
            pfd.setInt(4, 1); // events = POLLIN, revents = 0
            if (Sys.C.poll(pfd, new NativeLong(1), -1) <= 0) continue; // EINTR
            long n = Sys.C.read(fd, buf, new NativeLong(buf.length)).longValue();
            for (int i = 0; i < n; i++) {
                int sig = buf[i];
                IntConsumer l;
                synchronized (this) {
                    l = listeners[sig];
                }
                if (l == null) continue;
                try {
                    l.accept(sig);
                } catch (RuntimeException e) {
                    // A listener's failure must not stop signal delivery.
                }
            }
        }
    }

    /**
     * handler(int sig) { char c = sig; write(FD, &c, 1); } as raw machine code: no libc call, no
     * errno change, nothing that is unsafe in a signal handler. FD is patched in by {@link #patchFd}.
     */
    private static byte[] handlerCode() {
        if (!System.getProperty("os.name").equals("Linux")) return null;
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> new byte[] {
                0x40, (byte) 0x88, 0x7c, 0x24, (byte) 0xf8, // mov [rsp-8], dil   (the red zone)
                0x48, (byte) 0x8d, 0x74, 0x24, (byte) 0xf8, // lea rsi, [rsp-8]
                (byte) 0xbf, 0, 0, 0, 0,                    // mov edi, FD
                (byte) 0xba, 1, 0, 0, 0,                    // mov edx, 1
                (byte) 0xb8, 1, 0, 0, 0,                    // mov eax, 1 (write)
                0x0f, 0x05,                                 // syscall
                (byte) 0xc3};                               // ret
            case "aarch64" -> words(
                0xd10043ff,  // sub sp, sp, #16
                0x390003e0,  // strb w0, [sp]
                0x910003e1,  // mov x1, sp
                0xd2800000,  // movz x0, #FD
                0xd2800022,  // mov x2, #1
                0xd2800808,  // mov x8, #64 (write)
                0xd4000001,  // svc #0
                0x910043ff,  // add sp, sp, #16
                0xd65f03c0); // ret
            default -> null;
        };
    }

    private static void patchFd(byte[] code, int fd) {
        if (code[0] == 0x40) {
            for (int i = 0; i < 4; i++) code[11 + i] = (byte) (fd >>> (8 * i));
        } else {
            int movz = 0xd2800000 | (fd & 0xffff) << 5;
            for (int i = 0; i < 4; i++) code[12 + i] = (byte) (movz >>> (8 * i));
        }
    }

    private static byte[] words(int... ws) {
        byte[] b = new byte[ws.length * 4];
        for (int i = 0; i < ws.length; i++) {
            for (int j = 0; j < 4; j++) b[4 * i + j] = (byte) (ws[i] >>> (8 * j));
        }
        return b;
    }
}
