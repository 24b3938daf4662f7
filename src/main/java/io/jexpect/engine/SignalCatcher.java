package io.jexpect.engine;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.jexpect.engine.LibC.Fn;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
public final class SignalCatcher implements SignalSource {
    /** The highest signal number (Linux: NSIG - 1). */
    public static final int MAX = 64;

    private static SignalCatcher instance;

    private final int writeFd;
    private final long handler;
    private final IntConsumer[] listeners = new IntConsumer[MAX + 1];
    /** The disposition each signal had before we first changed it (a struct sigaction). */
    private final Map<Integer, MemorySegment> originals = new HashMap<>();

    // Linux, glibc; the x86-64 and AArch64 values and layouts agree.
    private static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;
    private static final int SA_RESTART = 0x10000000;
    private static final long SIG_DFL = 0, SIG_IGN = 1, MAP_FAILED = -1, PAGE = 4096;
    /** struct sigaction: handler, 128-byte mask, int flags, restorer. */
    private static final int SIGACTION_SIZE = 152, FLAGS_OFFSET = 136;

    private SignalCatcher(int readFd, int writeFd, long handler) {
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
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            if (LibC.callInt(Fn.pipe2, fds.address(), LibC.O_CLOEXEC | LibC.O_NONBLOCK) != 0) {
                throw new UnsupportedOperationException("pipe2 failed");
            }
            patchFd(code, fds.getAtIndex(JAVA_INT, 1));
            long page = LibC.call(Fn.mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (page == 0 || page == MAP_FAILED) throw new UnsupportedOperationException("mmap failed");
            MemorySegment.ofAddress(page).reinterpret(PAGE).copyFrom(MemorySegment.ofArray(code));
            // Making the page executable also makes the instruction cache see it (AArch64).
            if (LibC.callInt(Fn.mprotect, page, PAGE, PROT_READ | PROT_EXEC) != 0) {
                throw new UnsupportedOperationException("executable memory refused");
            }
            instance = new SignalCatcher(fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1), page);
            return instance;
        } catch (UnsatisfiedLinkError | IllegalCallerException e) {
            throw new UnsupportedOperationException("no native access: " + e.getMessage());
        }
    }

    private static CompletableFuture<SignalCatcher> ready;

    /**
     * The catcher, made on a daemon thread of its own from the first call (not in the common
     * ForkJoinPool, whose set-up every start would pay for): start-up asks early, so the native
     * handlers load while the interpreter is built. Fails as {@link #get} does.
     */
    public static synchronized CompletableFuture<SignalCatcher> ready() {
        if (ready == null) {
            CompletableFuture<SignalCatcher> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(get());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }, "jexpect-signal-setup");
            t.setDaemon(true);
            t.start();
            ready = f;
        }
        return ready;
    }

    /** Calls the listener (on the catcher's thread) each time the signal arrives. */
    @Override
    public synchronized void handle(int sig, IntConsumer listener) {
        listeners[sig] = listener;
        install(sig, handler);
    }

    /** Ignores the signal. */
    @Override
    public synchronized void ignore(int sig) {
        install(sig, SIG_IGN);
        listeners[sig] = null;
    }

    /** The system's default action (usually: the process dies by the signal). */
    @Override
    public synchronized void setDefault(int sig) {
        install(sig, SIG_DFL);
        listeners[sig] = null;
    }

    /** Puts back what the process had before this catcher first changed the signal. */
    @Override
    public synchronized void restore(int sig) {
        MemorySegment old = originals.remove(sig);
        if (old != null) LibC.callInt(Fn.sigaction, sig, old.address(), 0);
        listeners[sig] = null;
    }

    /** Whether the process ignored the signal before we changed it (as a shell's background job does). */
    @Override
    public synchronized boolean ignoredAtStart(int sig) {
        MemorySegment old = originals.get(sig);
        if (old == null) {
            old = Arena.ofAuto().allocate(SIGACTION_SIZE);
            if (LibC.callInt(Fn.sigaction, sig, 0, old.address()) != 0) return false;
        }
        return old.get(JAVA_LONG, 0) == SIG_IGN;
    }

    /** Ends the process by the signal, as the system's default action would: the parent sees a death by it. */
    @Override
    public void dieBy(int sig) {
        setDefault(sig);
        LibC.kill((int) LibC.call(Fn.getpid, 0, 0, 0), sig);
        // A signal whose default is not to die (or that is blocked) leaves us here.
        Runtime.getRuntime().halt(128 + sig);
    }

    /**
     * Ends the JVM (its shutdown hooks give a terminal the prompt used its modes back); a hook
     * that blocks on the busy script thread does not keep the process alive.
     */
    @Override
    public void exitNow(int status) {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                // halt all the same
            }
            Runtime.getRuntime().halt(status);
        });
        System.exit(status);
    }

    private void install(int sig, long what) {
        if (sig < 1 || sig > MAX) throw new IllegalArgumentException("no signal " + sig);
        // The original disposition is kept (for restore), so its memory is the GC's to free.
        MemorySegment old = Arena.ofAuto().allocate(SIGACTION_SIZE);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment act = arena.allocate(SIGACTION_SIZE); // zeroed: an empty mask
            act.set(JAVA_LONG, 0, what);
            act.set(JAVA_INT, FLAGS_OFFSET, SA_RESTART);
            if (LibC.callInt(Fn.sigaction, sig, act.address(), old.address()) != 0) {
                throw new IllegalArgumentException("cannot change signal " + sig);
            }
        }
        originals.putIfAbsent(sig, old);
    }

    private void read(int fd) {
        Arena arena = Arena.ofAuto();
        MemorySegment pfd = arena.allocate(8);
        MemorySegment buf = arena.allocate(64);
        while (true) {
            pfd.set(JAVA_INT, 0, fd);
            pfd.set(JAVA_INT, 4, LibC.POLLIN); // events, and revents = 0
            if (LibC.poll(pfd, 1, -1) <= 0) continue; // EINTR
            long n = LibC.read(fd, buf, buf.byteSize());
            for (int i = 0; i < n; i++) {
                int sig = buf.get(JAVA_BYTE, i);
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
