package io.jexpect.engine;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One connection Expect can read and write: a spawned program on a pseudo-terminal or on pipes,
 * or a pair of given streams (the user's stdin/stdout). Create through {@link Engine}.
 *
 * <p>The engine's {@link Poller} drains a program's output into the {@link MatchBuffer} and never
 * waits for the script (while an expect waits on the session, that thread reads it instead); {@link #send} writes on the caller's thread meanwhile, so a program that
 * floods output while we write cannot deadlock us, and a send to a program that stops reading gives
 * up after its timeout or when interrupted. Eof is reported when the output ends or, for a program,
 * once it has exited and what it left has been read (even if a grandchild keeps the terminal open).
 * A program's session holds one descriptor (two on pipes) and no thread of its own.
 */
public final class Session implements AutoCloseable {
    private static final int WRITE_WAIT_SLICE_MS = 50;
    private static final int WRITE_PIECE = 65536;
    private static final int KEPT_WRITE_BUFFER = 4096;

    private final Engine engine;
    private final int pid;            // -1 for streams
    private final int readFd;         // -1 for streams
    private final int writeFd;
    private final Poller poller;      // null for streams
    private final long key;           // the poller's name for this session, 0 for streams
    private final MemorySegment pollEvent; // the poller's epoll_event for it, null for streams
    private final String slaveName;
    private final InputStream in;
    private final OutputStream out;
    private volatile Charset charset;
    private volatile LineEnding lineEnding = LineEnding.LF;
    private final MatchBuffer buffer;
    private IncrementalDecoder decoder;   // guarded by readLock
    private final IncrementalDecoder.Sink sink;      // the buffer, through the output hook if active
    private final OutputHook outputHook;
    // Copied on change (under changeLock), read without a lock by every append: plain arrays cost
    // less than a CopyOnWriteArrayList's iterator while the JIT has not compiled the path.
    private volatile Wakeup[] waiters = new Wakeup[0];
    private volatile Runnable[] listeners = new Runnable[0];
    private final Object changeLock = new Object();
    private final Object reapLock = new Object();
    private final Object readLock = new Object();  // one reader at a time: the poller or a waiting expect
    private volatile ExitStatus exit;
    private volatile boolean closed;
    private volatile boolean strictWrite;
    private volatile boolean stripParity;
    // Guarded by this: who uses the descriptors, and whether the poller reads them.
    private int fdUsers;
    private boolean fdsReleased;
    private boolean paused;
    private int readers;              // expects waiting on this session that read the descriptor themselves
    private boolean held;             // out of the poller's set for them, from a claim until given back
    private long claims;              // counts claims: the poller sees whether an expect came back
    private long waitingSince;        // when the current readers began waiting
    private boolean watched;          // in the poller's set: !gone && !paused && !held
    private boolean gone;             // the poller is done with this session (eof or close)
    private boolean inputEnded;       // closeInput: the write end goes once no writer uses it
    private boolean writeFdClosed;
    private NativeBuffer spareWriteBuffer; // guarded by this: native memory sends copy their bytes into (see writeBuffer)

    Session(Engine engine, Spawner.Spawned sp, Charset charset, int matchMax, boolean removeNulls,
            OutputHook outputHook) {
        this.engine = engine;
        this.outputHook = outputHook;
        this.pid = sp.pid();
        this.readFd = sp.readFd();
        this.writeFd = sp.writeFd();
        this.slaveName = sp.slaveName();
        this.in = null;
        this.out = null;
        this.charset = charset;
        this.buffer = new MatchBuffer(matchMax, removeNulls, this::signalWaiters, this::room);
        this.decoder = new IncrementalDecoder(charset);
        this.sink = outputHook == null ? buffer.sink() : new Hooked();
        // Non-blocking (the spawner's): never block the poller on a read, nor a send past its timeout.
        this.poller = engine.poller();
        this.key = poller.newKey();
        this.pollEvent = poller.event(key);
        poller.add(this);
        watched = true;
    }

    Session(Engine engine, InputStream in, OutputStream out, Charset charset, int matchMax, boolean removeNulls,
            String label) {
        this.engine = engine;
        this.outputHook = null;
        this.pid = -1;
        this.readFd = -1;
        this.writeFd = -1;
        this.poller = null;
        this.key = 0;
        this.pollEvent = null;
        this.slaveName = null;
        this.in = in;
        this.out = out;
        this.charset = charset;
        this.buffer = new MatchBuffer(matchMax, removeNulls, this::signalWaiters, () -> { });
        this.decoder = new IncrementalDecoder(charset);
        this.sink = buffer.sink();
        // A blocking stream needs a thread to read it; there are at most a few (user, tty, a channel).
        Thread reader = new Thread(this::readStream, "jexpect-reader-" + label);
        reader.setDaemon(true);
        if (in != null) reader.start(); else buffer.markEof();
    }

    // ---- identity -----------------------------------------------------------------------------

    /** The descriptor the program's output is read from (its pty), or -1 for a stream session. */
    public int descriptor() {
        return readFd;
    }

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

    public LineEnding lineEnding() {
        return lineEnding;
    }

    /**
     * Changes the encoding of what is read and sent, and how line ends are read, from now on. What
     * was read but not examined yet (what the kernel would still hold for Expect) is decoded again.
     */
    public void setEncoding(Charset cs, LineEnding eol) {
        synchronized (readLock) {
            if (cs.equals(charset) && eol == lineEnding) return;
            byte[] read = buffer.takePending(-1).getBytes(charset);
            byte[] incomplete = decoder.takeIncomplete();
            charset = cs;
            lineEnding = eol;
            decoder = new IncrementalDecoder(cs, eol);
            byte[] again = Arrays.copyOf(read, read.length + incomplete.length);
            System.arraycopy(incomplete, 0, again, read.length, incomplete.length);
            // Already through the output hook once: straight to the buffer.
            decoder.feed(again, 0, again.length, buffer.sink());
        }
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

    /** Encodes and writes text to the program (or the output stream), flushing at once; no time limit. */
    public void send(String text) throws IOException {
        sendBytes(text.getBytes(charset), -1);
    }

    public void sendBytes(byte[] data) throws IOException {
        sendBytes(data, -1);
    }

    /**
     * Writes all of {@code data}. While the program does not read, its output keeps being drained
     * (see {@link MatchBuffer}); if it accepts nothing for {@code timeoutMillis} (&lt;0: no limit)
     * this throws {@link WriteTimeoutException}, and an interrupt of the calling thread throws
     * {@link InterruptedIOException}; both tell how many bytes went through.
     */
    public void sendBytes(byte[] data, long timeoutMillis) throws IOException {
        if (closed) throw new IOException("session is closed");
        buffer.writing(true);
        try {
            write(data, timeoutMillis);
        } finally {
            buffer.writing(false);
        }
    }

    private void write(byte[] data, long timeoutMillis) throws IOException {
        if (out != null) {
            writeStream(data);
            return;
        }
        if (writeFd < 0 || data.length == 0) return;
        if (!acquireFds()) {
            if (strictWrite) throw new IOException("session is closed");
            return;
        }
        NativeBuffer piece = null;
        try {
            // A long text goes in pieces, each copied once to native memory: what write(2) gets from its start.
            piece = writeBuffer(Math.min(data.length, WRITE_PIECE));
            int pieceAt = -1; // where piece starts in data
            int pieceLength = 0;
            int done = 0;
            long deadline = deadline(timeoutMillis);
            while (done < data.length) {
                if (done != pieceAt) {
                    pieceAt = done;
                    pieceLength = Math.min(data.length - done, WRITE_PIECE);
                    piece.copyFrom(data, done, pieceLength);
                }
                long n = LibC.write(writeFd, piece.segment, pieceLength);
                if (n > 0) {
                    done += (int) n;
                    deadline = deadline(timeoutMillis);
                    continue;
                }
                if (!writeStalled(n, timeoutMillis, deadline, done, data.length)) return;
            }
        } finally {
            if (piece != null && piece.size() <= KEPT_WRITE_BUFFER) keepWriteBuffer(piece);
            releaseFds();
        }
    }

    /** A write to a stream (a Java command's, the user's): its failures count only with strict writes. */
    private void writeStream(byte[] data) throws IOException {
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            if (strictWrite) throw e;
        }
    }

    /**
     * After a write(2) that took nothing ({@code n}, its result): waits until the program reads
     * again, within the timeout and interruptibly; true to write again, false to give up quietly.
     * A method apart from write's common path, which C1 compiles whole.
     */
    private boolean writeStalled(long n, long timeoutMillis, long deadline, int done, int length) throws IOException {
        int err = n < 0 ? LibC.errno() : LibC.EAGAIN;
        if (err == LibC.EINTR) return true;
        if (err != LibC.EAGAIN) {
            if (strictWrite) throw new IOException("write failed: " + Spawner.errnoMessage(err) + " (errno " + err + ")");
            return false;
        }
        // The program is not reading: wait until it does, within the timeout, interruptibly.
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) throw new WriteTimeoutException(timeoutMillis, done, length);
        LibC.pollOut(writeFd, (int) Math.min(left, WRITE_WAIT_SLICE_MS));
        if (closed) throw new IOException("session is closed");
        if (Thread.interrupted()) {
            InterruptedIOException e = new InterruptedIOException("send interrupted");
            e.bytesTransferred = done;
            throw e;
        }
        return true;
    }

    /**
     * Native memory for a send's bytes, at least {@code size}: the session keeps one of up to
     * {@link #KEPT_WRITE_BUFFER} bytes between sends, so a dialogue's sends allocate nothing (a
     * longer send, or one another thread makes meanwhile, gets its own). Freed by the GC. Fails
     * once the program's input is closed ({@link #closeInput}).
     */
    private synchronized NativeBuffer writeBuffer(int size) throws IOException {
        if (inputEnded) throw new IOException("the program's input is closed");
        NativeBuffer b = spareWriteBuffer;
        spareWriteBuffer = null;
        return b != null && b.size() >= size ? b : new NativeBuffer(Math.max(size, 256));
    }

    private synchronized void keepWriteBuffer(NativeBuffer b) {
        spareWriteBuffer = b;
    }

    private static long deadline(long timeoutMillis) {
        return timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
    }

    /**
     * Ends the program's input on pipes: its stdin is closed, so it reads end of file, and later
     * sends fail. A terminal has no such thing (Ctrl-D is a character its line discipline reads):
     * false there, and for a closed session.
     */
    public synchronized boolean closeInput() {
        if (isPty() || writeFd < 0 || closed) return false;
        inputEnded = true;
        if (fdUsers == 0) closeWriteFd();
        return true;
    }

    /** Sends a break (Expect's {@code send -break}); only meaningful on a terminal. */
    public void sendBreak() {
        if (isPty() && acquireFds()) {
            try {
                LibC.callInt(LibC.Fn.tcsendbreak, writeFd, 0);
            } finally {
                releaseFds();
            }
        }
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
        if (isPty() && acquireFds()) {
            try {
                Terminal.setWindowSize(readFd, rows, columns);
            } finally {
                releaseFds();
            }
        }
    }

    /** The terminal's {rows, columns}, or {0, 0} without one. */
    public int[] windowSize() {
        if (!isPty() || !acquireFds()) return new int[]{0, 0};
        try {
            return Terminal.windowSize(readFd);
        } finally {
            releaseFds();
        }
    }

    // ---- process control ----------------------------------------------------------------------

    /** Sends a signal to the program's process group; false if it no longer exists. */
    public boolean signal(int sig) {
        if (pid <= 0) return false;
        return LibC.kill(-pid, sig) == 0 || LibC.kill(pid, sig) == 0;
    }

    /**
     * Closes the connection as Expect does: for a terminal, closing our side hangs it up (the
     * kernel sends SIGHUP); for pipes, SIGHUP goes to the process group. Returns at once; if the
     * program is still alive after 1 s its group gets SIGTERM, and SIGKILL 2 s later. Does not reap.
     */
    @Override
    public void close() {
        if (hangUp() && pid > 0) engine.scheduleEscalation(this);
    }

    /** Close without the escalation schedule (shutdown runs its own); false if already closed. */
    boolean hangUp() {
        synchronized (this) {
            if (closed) return false;
            closed = true;
        }
        if (pid > 0 && !isPty()) signal(Signals.SIGHUP);
        if (readFd >= 0) {
            synchronized (this) {
                // A descriptor closed now leaves the poller's set by itself; one still in use must be taken out.
                if (!gone) poller.remove(this, watched && fdUsers > 0);
                gone = true;
                watched = false;
            }
            releaseFds(); // the session's own use: descriptors close now, or when the last user is done
        }
        buffer.markEof();
        return true;
    }

    /** Signals what is left of the program's group now (used by the escalation and by shutdown). */
    void escalate(int sig) {
        if (pid <= 0) return;
        if (LibC.kill(-pid, sig) != 0 && exit == null) LibC.kill(pid, sig); // it may have left its group
        // A stopped process acts on SIGTERM only once continued.
        if (sig == Signals.SIGTERM) LibC.kill(-pid, Signals.SIGCONT);
    }

    /** True while the program or another member of its process group is alive. */
    boolean groupAlive() {
        if (pid <= 0) return false;
        pollExit();
        return exit == null || LibC.kill(-pid, 0) == 0;
    }

    /**
     * Reaps the program, blocking until it exits (Expect's {@code wait}). For a stream session
     * returns null.
     */
    public ExitStatus waitFor() throws InterruptedException {
        if (pid <= 0) return null;
        synchronized (reapLock) {
            // The engine's reaper wakes us; the timed wait only guards against a missed wakeup.
            while (pollExit() == null) reapLock.wait(200);
            return exit;
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
            int r;
            int status;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment s = arena.allocate(JAVA_INT);
                r = LibC.callInt(LibC.Fn.waitpid, pid, s.address(), LibC.WNOHANG);
                status = s.get(JAVA_INT, 0);
            }
            if (r == pid) {
                exit = ExitStatus.fromWaitStatus(pid, status);
            } else if (r < 0 && LibC.errno() == LibC.ECHILD) {
                exit = new ExitStatus(pid, 0, 0, null, null); // reaped elsewhere; nothing better to say
            } else {
                return null;
            }
            reapLock.notifyAll();
        }
        engine.reaped(this);
        return exit;
    }

    // ---- reader -------------------------------------------------------------------------------

    void addWaiter(Wakeup w) {
        synchronized (changeLock) {
            waiters = with(waiters, w);
        }
    }

    void removeWaiter(Wakeup w) {
        synchronized (changeLock) {
            waiters = without(waiters, w);
        }
    }

    private void signalWaiters() {
        for (Wakeup w : waiters) w.signal();
        for (Runnable r : listeners) r.run();
    }

    /** Runs r (on the reader's thread) whenever output or eof arrives: lets an event loop wake up. */
    public void addListener(Runnable r) {
        synchronized (changeLock) {
            listeners = with(listeners, r);
        }
        letGo(); // only a reading thread runs listeners: the poller must read from now on
    }

    public void removeListener(Runnable r) {
        synchronized (changeLock) {
            listeners = without(listeners, r);
        }
    }

    private static <T> T[] with(T[] a, T x) {
        T[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }

    /** {@code a} without its first {@code x} (the same array if there is none). */
    private static <T> T[] without(T[] a, T x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != x) continue;
            T[] b = Arrays.copyOf(a, a.length - 1);
            System.arraycopy(a, i + 1, b, i, a.length - i - 1);
            return b;
        }
        return a;
    }

    int readFd() {
        return readFd;
    }

    long key() {
        return key;
    }

    MemorySegment pollEvent() {
        return pollEvent;
    }

    synchronized boolean paused() {
        return paused;
    }

    /** Poller: whether output or a hang-up waits on the descriptor. */
    boolean readable() {
        if (!acquireFds()) return false;
        try {
            return LibC.readable(readFd);
        } finally {
            releaseFds();
        }
    }

    /**
     * The descriptor is readable (the poller, or the expect that claimed it): reads once.
     * Returns true if data came. The poller leaves a session an expect has claimed meanwhile to
     * that expect ({@link #claim}): the readiness it saw may predate the claim.
     */
    boolean readReady(NativeBuffer buf, byte[] bytes, boolean byPoller) {
        synchronized (readLock) {
            if (byPoller && isHeld()) return false;
            if (!acquireFds()) return false;
            try {
                long n = LibC.read(readFd, buf.segment, bytes.length);
                if (n > 0) {
                    buf.copyTo(bytes, 0, (int) n);
                    if (stripParity) stripParity(bytes, (int) n);
                    decoder.feed(bytes, 0, (int) n, sink);
                    synchronized (this) {
                        if (!gone && !paused && buffer.wantsPause()) {
                            paused = true;
                            updateWatch();
                        }
                    }
                    poller.readFrom(this);
                    return true;
                }
                if (n < 0 && (LibC.errno() == LibC.EINTR || LibC.errno() == LibC.EAGAIN)) return false;
            } finally {
                releaseFds();
            }
            reachedEof(); // 0 = eof on a pipe; EIO = terminal hung up
            return false;
        }
    }

    /** Poller: the output has ended (or the program has exited and gone quiet). */
    void reachedEof() {
        synchronized (readLock) {
            if (!stopReading()) return;
            decoder.finish(sink);
            buffer.markEof();
        }
    }

    /**
     * A waiting expect reads this session itself ({@link #readReady}) until {@link #release}; the
     * poller leaves it alone meanwhile. False when there is nothing to read (a stream, closed, eof).
     */
    synchronized boolean claim() {
        if (poller == null || gone || closed) return false;
        if (readers++ == 0) waitingSince = System.nanoTime();
        claims++;
        if (!held) {
            held = true;
            updateWatch();
            poller.hold(this, claims);
        }
        return true;
    }

    /**
     * After a {@link #claim}: waits until a read the poller had begun before it is in the buffer.
     * From then on only the claiming expect reads, so what it does not find has not been read.
     */
    void awaitPollerRead() {
        synchronized (readLock) {
            // nothing: the poller feeds what it read before it lets go of the lock
        }
    }

    private synchronized boolean isHeld() {
        return held;
    }

    /**
     * The expect has stopped waiting. The session stays out of the poller's set for now: the next
     * expect of an exp_continue loop or a send/expect dialogue claims it again without a system
     * call, and the poller takes it back once the script has not come back for a few milliseconds
     * ({@link #takeBackIfIdle}), so output is never left undrained for longer than that.
     */
    void release() {
        synchronized (this) {
            if (readers == 0 || --readers > 0) return;
            if (listeners.length > 0) {
                letGo();
                return;
            }
        }
        poller.idle();
    }

    /** The poller reads the session again now, unless an expect is reading it. */
    synchronized void letGo() {
        if (!held || readers > 0) return;
        held = false;
        updateWatch();
    }

    /**
     * Poller: gives the session back to the poller when no expect has claimed it since it saw
     * {@code seenClaims} and none waits on it now. Returns the claims counted so far, or -1 once
     * the poller reads it (or it is gone).
     */
    synchronized long takeBackIfIdle(long seenClaims) {
        if (!held || gone) return -1;
        if (readers == 0 && claims == seenClaims) {
            held = false;
            updateWatch();
            return -1;
        }
        return claims;
    }

    /** Poller: whether an expect has been waiting on the session for longer than {@code nanos}. */
    synchronized boolean waitingLongerThan(long nanos, long now) {
        return readers > 0 && now - waitingSince > nanos;
    }

    Poller poller() {
        return poller;
    }

    /** Puts the descriptor in the poller's set or takes it out, as the state now asks. Under this. */
    private void updateWatch() {
        boolean want = !gone && !paused && !held;
        if (want == watched) return;
        watched = want;
        poller.watch(this, want);
    }

    /** The decoder's output through the output hook on its way to the buffer, while the hook is active. */
    private final class Hooked implements IncrementalDecoder.Sink {
        @Override
        public void accept(char[] chars, int off, int len) {
            if (outputHook.active()) hooked(chars, off, len);
            else buffer.append(chars, off, len);
        }

        @Override
        public int acceptAscii(byte[] b, int off, int len) {
            return outputHook.active() ? 0 : buffer.appendAscii(b, off, len);
        }
    }

    /** Passes decoded output through the hook (a filter, a transcript) on its way to the buffer. */
    private void hooked(char[] chars, int off, int len) {
        String shown = new String(chars, off, len);
        String text = outputHook.apply(shown);
        if (text == shown) buffer.append(chars, off, len); // passed unchanged: no copy back
        else if (text != null && !text.isEmpty()) buffer.append(text.toCharArray(), 0, text.length());
        else signalWaiters(); // nothing for the buffer, but what the hook keeps (a screen) may have changed
    }

    /** The script made room in the buffer, or started writing: a paused reader resumes. */
    private void room() {
        synchronized (this) {
            if (!paused || gone || !buffer.resumes()) return;
            paused = false;
            updateWatch();
        }
        if (exit != null) poller.exited(this);
    }

    /** Reaper: the program has exited. */
    void exited() {
        if (readFd >= 0) poller.exited(this);
    }

    /** Ends reading for good; false if it had already ended. */
    private synchronized boolean stopReading() {
        if (gone) return false;
        gone = true;
        poller.remove(this, watched);
        watched = false;
        return true;
    }

    private void readStream() {
        byte[] buf = new byte[16384];
        try {
            int n;
            while (!closed && (n = in.read(buf)) >= 0) {
                if (n > 0 && stripParity) stripParity(buf, n);
                if (n > 0 && !closed) {
                    synchronized (readLock) {
                        decoder.feed(buf, 0, n, sink);
                    }
                }
                buffer.awaitRoom();
            }
        } catch (IOException | InterruptedException e) {
            // a failing input ends like eof
        } finally {
            synchronized (readLock) {
                decoder.finish(sink);
            }
            buffer.markEof();
        }
    }

    /** Takes a use of the descriptors; false once the session is closed (they may be gone). */
    private synchronized boolean acquireFds() {
        if (closed || readFd < 0) return false;
        fdUsers++;
        return true;
    }

    /** Gives a use back; the last one after close closes the descriptors (never under another user). */
    private synchronized void releaseFds() {
        if (--fdUsers == 0 && inputEnded) closeWriteFd();
        if (fdUsers >= 0 || fdsReleased) return;
        fdsReleased = true;
        LibC.close(readFd);
        if (writeFd != readFd) closeWriteFd();
    }

    private synchronized void closeWriteFd() {
        if (writeFdClosed) return;
        writeFdClosed = true;
        LibC.close(writeFd);
    }

    @Override
    public String toString() {
        return "Session[pid=" + pid + (slaveName != null ? ", " + slaveName : "") + "]";
    }
}
