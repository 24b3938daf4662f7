package io.jexpect.engine;

import com.sun.jna.NativeLong;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One connection Expect can read and write: a spawned program on a pseudo-terminal or on pipes,
 * or a pair of given streams (the user's stdin/stdout). Create through {@link Engine}.
 *
 * <p>A daemon reader thread drains the program's output into the {@link MatchBuffer} and never
 * waits for the script; {@link #send} writes on the caller's thread meanwhile, so a program that
 * floods output while we write cannot deadlock us. Eof is reported when the output ends or, for a
 * program, once it has exited and what it left has been read (even if a grandchild keeps the
 * terminal open).
 */
public final class Session implements AutoCloseable {
    private static final int DRAIN_AFTER_EXIT_MS = 20;

    private final Engine engine;
    private final int pid;            // -1 for streams
    private final int readFd;         // -1 for streams
    private final int writeFd;
    private final int wakeFd;         // eventfd that interrupts the reader's poll on close
    private final int pidFd;          // pidfd of the program, -1 if unavailable
    private final String slaveName;
    private final InputStream in;
    private final OutputStream out;
    private final Charset charset;
    private final MatchBuffer buffer;
    private final List<Wakeup> waiters = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Object reapLock = new Object();
    private final Thread reader;
    private volatile ExitStatus exit;
    private volatile boolean closed;
    private volatile boolean strictWrite;
    private volatile boolean stripParity;
    private boolean fdsReleased;
    private boolean readerDone;

    Session(Engine engine, Spawner.Spawned sp, Charset charset, int matchMax, boolean removeNulls) {
        this.engine = engine;
        this.pid = sp.pid();
        this.readFd = sp.readFd();
        this.writeFd = sp.writeFd();
        this.slaveName = sp.slaveName();
        this.in = null;
        this.out = null;
        this.charset = charset;
        this.buffer = new MatchBuffer(matchMax, removeNulls, this::signalWaiters);
        this.wakeFd = LibC.C.eventfd(0, LibC.O_CLOEXEC);
        int pfd = LibC.C.syscall(new NativeLong(LibC.SYS_PIDFD_OPEN), pid, 0).intValue();
        this.pidFd = pfd;
        this.reader = new Thread(this::readFds, "jexpect-reader-" + pid);
        reader.setDaemon(true);
        reader.start();
    }

    Session(Engine engine, InputStream in, OutputStream out, Charset charset, int matchMax, boolean removeNulls,
            String label) {
        this.engine = engine;
        this.pid = -1;
        this.readFd = -1;
        this.writeFd = -1;
        this.wakeFd = -1;
        this.pidFd = -1;
        this.slaveName = null;
        this.in = in;
        this.out = out;
        this.charset = charset;
        this.buffer = new MatchBuffer(matchMax, removeNulls, this::signalWaiters);
        this.reader = new Thread(this::readStream, "jexpect-reader-" + label);
        reader.setDaemon(true);
        if (in != null) reader.start(); else buffer.markEof();
    }

    // ---- identity -----------------------------------------------------------------------------

    /** The program's process id, or -1 for a stream session. */
    public long pid() {
        return pid;
    }

    /** The terminal's slave device (Expect's spawn_out(slave,name)), or null without a terminal. */
    public String slaveName() {
        return slaveName;
    }

    public boolean isPty() {
        return slaveName != null;
    }

    public MatchBuffer buffer() {
        return buffer;
    }

    public Charset charset() {
        return charset;
    }

    /** True once the output has ended and all of it has been examined. */
    public boolean isEof() {
        return buffer.isDrainedAtEof();
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- writing ------------------------------------------------------------------------------

    /** Expect's {@code exp_configure -strictwrite}: when true, writing to a dead program throws. */
    public void setStrictWrite(boolean strict) {
        this.strictWrite = strict;
    }

    /** Encodes and writes text to the program (or the output stream), flushing at once. */
    public void send(String text) throws IOException {
        sendBytes(text.getBytes(charset));
    }

    public void sendBytes(byte[] data) throws IOException {
        if (closed) throw new IOException("session is closed");
        buffer.writing(true);
        try {
            write(data);
        } finally {
            buffer.writing(false);
        }
    }

    private void write(byte[] data) throws IOException {
        if (out != null) {
            try {
                out.write(data);
                out.flush();
            } catch (IOException e) {
                if (strictWrite) throw e;
            }
            return;
        }
        if (writeFd < 0) return;
        int err = LibC.writeFully(writeFd, data, 0, data.length);
        if (err != 0 && strictWrite) throw new IOException("write failed: " + Spawner.errnoMessage(err) + " (errno " + err + ")");
    }

    /** Sends a break (Expect's {@code send -break}); only meaningful on a terminal. */
    public void sendBreak() {
        if (isPty() && !closed) LibC.C.tcsendbreak(writeFd, 0);
    }

    /** Expect's {@code parity 0}: clear the high bit of every byte read (7-bit lines), before decoding. */
    public void setParity(boolean keep) {
        stripParity = !keep;
    }

    public boolean parity() {
        return !stripParity;
    }

    private static void stripParity(byte[] b, int n) {
        for (int i = 0; i < n; i++) b[i] &= 0x7f;
    }

    /** Sets the terminal's window size (no effect without a terminal). */
    public void setWindowSize(int rows, int columns) {
        if (isPty() && !closed) Terminal.setWindowSize(readFd, rows, columns);
    }

    /** The terminal's {rows, columns}, or {0, 0} without one. */
    public int[] windowSize() {
        return isPty() && !closed ? Terminal.windowSize(readFd) : new int[]{0, 0};
    }

    // ---- process control ----------------------------------------------------------------------

    /** Sends a signal to the program's process group; false if it no longer exists. */
    public boolean signal(int sig) {
        if (pid <= 0) return false;
        return LibC.C.kill(-pid, sig) == 0 || LibC.C.kill(pid, sig) == 0;
    }

    /**
     * Closes the connection as Expect does: for a terminal, closing our side hangs it up (the
     * kernel sends SIGHUP); for pipes, SIGHUP goes to the process group. Returns at once; if the
     * program is still alive after 1 s its group gets SIGTERM, and SIGKILL 2 s later. Does not reap.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (pid > 0 && !isPty()) signal(Signals.SIGHUP);
        stopReader();
        buffer.markEof();
        if (pid > 0) engine.scheduleEscalation(this);
    }

    /** Kills what is left of the program's group now (used by the escalation and by shutdown). */
    void escalate(int sig) {
        if (pid <= 0) return;
        pollExit();
        LibC.C.kill(-pid, sig);
        if (exit == null) LibC.C.kill(pid, sig);
    }

    /** True while the program or another member of its process group is alive. */
    boolean groupAlive() {
        if (pid <= 0) return false;
        pollExit();
        return exit == null || LibC.C.kill(-pid, 0) == 0;
    }

    /**
     * Reaps the program, blocking until it exits (Expect's {@code wait}). For a stream session
     * returns null.
     */
    public ExitStatus waitFor() throws InterruptedException {
        if (pid <= 0) return null;
        while (true) {
            ExitStatus st = pollExit();
            if (st != null) return st;
            if (pidFd >= 0) {
                LibC.poll(new int[]{pidFd}, 200);
            } else {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }

    /** Reaps the program if it has exited (Expect's {@code wait -nowait}); empty if still running. */
    public Optional<ExitStatus> exitStatusNow() {
        return Optional.ofNullable(pollExit());
    }

    ExitStatus pollExit() {
        if (pid <= 0) return null;
        synchronized (reapLock) {
            if (exit != null) return exit;
            int[] status = new int[1];
            int r = LibC.C.waitpid(pid, status, LibC.WNOHANG);
            if (r == pid) {
                exit = ExitStatus.fromWaitStatus(pid, status[0]);
                engine.reaped(this);
                synchronized (this) {
                    if (fdsReleased && pidFd >= 0) LibC.C.close(pidFd);
                }
            } else if (r < 0 && LibC.errno() == LibC.ECHILD) {
                exit = new ExitStatus(pid, 0, 0, null, null); // reaped elsewhere; nothing better to say
                engine.reaped(this);
            }
            return exit;
        }
    }

    // ---- reader -------------------------------------------------------------------------------

    void addWaiter(Wakeup w) {
        waiters.add(w);
    }

    void removeWaiter(Wakeup w) {
        waiters.remove(w);
    }

    private void signalWaiters() {
        for (Wakeup w : waiters) w.signal();
        for (Runnable r : listeners) r.run();
    }

    /** Runs r (on the reader's thread) whenever output or eof arrives: lets an event loop wake up. */
    public void addListener(Runnable r) {
        listeners.add(r);
    }

    public void removeListener(Runnable r) {
        listeners.remove(r);
    }

    private void readFds() {
        IncrementalDecoder dec = new IncrementalDecoder(charset);
        IncrementalDecoder.Sink sink = buffer::append;
        byte[] buf = new byte[16384];
        boolean exited = false;
        try {
            while (!closed) {
                int[] fds = exited || pidFd < 0 ? new int[]{readFd, wakeFd} : new int[]{readFd, wakeFd, pidFd};
                short[] ev = LibC.poll(fds, exited ? DRAIN_AFTER_EXIT_MS : -1);
                if (ev == null) {
                    if (exited) break;        // program gone and nothing more to read
                    continue;
                }
                if (ev[1] != 0 || closed) break;
                if (ev[0] != 0) {
                    long n = LibC.C.read(readFd, buf, new NativeLong(buf.length)).longValue();
                    if (n > 0) {
                        if (stripParity) stripParity(buf, (int) n);
                        dec.feed(buf, 0, (int) n, sink);
                        continue;
                    }
                    if (n < 0 && (LibC.errno() == LibC.EINTR || LibC.errno() == LibC.EAGAIN)) continue;
                    break;                    // 0 = eof on a pipe; EIO = terminal hung up
                }
                if (fds.length > 2 && ev[2] != 0) {
                    exited = true;
                    pollExit();
                }
            }
        } finally {
            dec.finish(sink);
            buffer.markEof();
            synchronized (this) {
                readerDone = true;
                if (closed) releaseFds();
            }
        }
    }

    private void readStream() {
        IncrementalDecoder dec = new IncrementalDecoder(charset);
        IncrementalDecoder.Sink sink = buffer::append;
        byte[] buf = new byte[16384];
        try {
            int n;
            while (!closed && (n = in.read(buf)) >= 0) {
                if (n > 0 && stripParity) stripParity(buf, n);
                if (n > 0 && !closed) dec.feed(buf, 0, n, sink);
            }
        } catch (IOException e) {
            // a failing input ends like eof
        } finally {
            dec.finish(sink);
            buffer.markEof();
        }
    }

    private void stopReader() {
        if (readFd < 0) return;
        synchronized (this) {
            if (readerDone) {
                releaseFds();
                return;
            }
        }
        byte[] one = {1, 0, 0, 0, 0, 0, 0, 0};
        LibC.writeFully(wakeFd, one, 0, 8);
    }

    /** Closes our descriptors once the reader no longer uses them (so a number is never reused under it). */
    private synchronized void releaseFds() {
        if (fdsReleased) return;
        fdsReleased = true;
        LibC.C.close(readFd);
        if (writeFd != readFd) LibC.C.close(writeFd);
        LibC.C.close(wakeFd);
        // The pidfd stays open until the program is reaped: wait still polls it.
        if (exit != null && pidFd >= 0) LibC.C.close(pidFd);
    }

    @Override
    public String toString() {
        return "Session[pid=" + pid + (slaveName != null ? ", " + slaveName : "") + "]";
    }
}
