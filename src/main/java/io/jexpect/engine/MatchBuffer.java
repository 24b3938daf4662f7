package io.jexpect.engine;

import io.jexpect.regex.CharWindow;

/**
 * One session's input, with Expect's buffer rules.
 *
 * <p>Two parts: <em>pending</em> text, decoded by the reader thread but not yet examined (what the
 * kernel would still hold for real Expect), and the <em>window</em> that patterns see. An expect
 * call moves pending text into the window one read at a time, exactly as expect.c's expIRead does:
 * the window holds at most {@code 3 * matchMax + 1} characters; before each read, when it is at least
 * two thirds full, its oldest third is dropped (or, if the expect has a {@code full_buffer} pattern,
 * that pattern matches first and is handed that third). A read moves at most the free room.
 *
 * <p>Pending text is bounded too: beyond {@link #readAhead()} the reader stops reading
 * ({@link #wantsPause()}) until the script has examined half of it ({@link #resumes()}), so the
 * program blocks in its write, as it would under Expect (whose kernel holds a few kilobytes); nothing
 * is lost. While the script is writing to the program the reader must not stop (a program that floods
 * output and only then reads its input would deadlock against our send), so it keeps draining up to
 * the larger {@link #pendingLimit()}, beyond which the oldest pending text is dropped, as a full
 * match buffer drops its oldest third: memory stays bounded either way.
 *
 * <p>Thread-safety: the reader only appends to pending; everything else is for the single script
 * thread that runs expect on this session. {@code onRoom} runs on the script thread whenever it makes
 * room or starts writing, so a paused reader can resume.
 */
public final class MatchBuffer {
    /**
     * Enough for many reads (a pty's read returns at most 4 KB) and small enough to stay out of the
     * collector's way: a reader that read a million characters ahead kept megabytes of char arrays
     * live through every young collection (regex5: 7 MB more touched memory, ~1,700 more page faults).
     */
    private static final int MIN_READ_AHEAD = 1 << 16;
    private static final int MIN_PENDING_LIMIT = 1 << 20;

    private final Object lock = new Object();
    private final Runnable onData;
    private final Runnable onRoom;
    // pending text, written by the reader
    private char[] pend = new char[256];
    private int pStart;
    private int pEnd;
    /** False while no pending character can be a NUL: remove_nulls need not look at them. */
    private boolean pendingMayHoldNul;
    private boolean eof;
    /** Sends in progress: the reader must not block then (see the class comment). */
    private int writers;
    /**
     * A stream's reader waits on the lock for room ({@link #awaitRoom}). Only then is it notified:
     * a notify inflates the lock's monitor, and every later lock of an inflated monitor takes the
     * JVM's slow path (a poller's session locks it several times a read).
     */
    private boolean readerWaits;
    // the window, used by the script thread only
    private char[] win = new char[256];
    private int ws; // window start: consuming just moves it, so many small matches stay linear
    private int use;
    private long base;
    private volatile int matchMax;
    private volatile boolean removeNulls;
    private String lastChunk;
    private final IncrementalDecoder.Sink sink = new IncrementalDecoder.Sink() {
        @Override
        public void accept(char[] chars, int off, int len) {
            append(chars, off, len);
        }

        @Override
        public int acceptAscii(byte[] b, int off, int len) {
            return appendAscii(b, off, len);
        }
    };

    MatchBuffer(int matchMax, boolean removeNulls, Runnable onData, Runnable onRoom) {
        setMatchMax(matchMax);
        this.removeNulls = removeNulls;
        this.onData = onData;
        this.onRoom = onRoom;
    }

    /** A window holding just this text, for searching a text that is not a session's output. */
    static MatchBuffer holding(String text) {
        MatchBuffer b = new MatchBuffer(Math.max(1, text.length()), false, () -> { }, () -> { });
        b.win = text.toCharArray();
        b.use = text.length();
        return b;
    }

    /** Expect's match_max for this session: the guaranteed matchable length, in characters. */
    public int matchMax() {
        return matchMax;
    }

    /** Sets match_max; takes effect at the next read, like Expect's expAdjust. */
    public void setMatchMax(int n) {
        if (n <= 0) throw new IllegalArgumentException("must be positive");
        matchMax = n;
    }

    /** Expect's remove_nulls: drop NUL characters when they enter the window (default on). */
    public boolean removeNulls() {
        return removeNulls;
    }

    public void setRemoveNulls(boolean on) {
        removeNulls = on;
    }

    /** The window's capacity: {@code 3 * matchMax + 1} characters. */
    public int capacity() {
        return 3 * matchMax + 1;
    }

    /** The text patterns see, without copying; valid until the next expect call changes it. */
    public CharSequence text() {
        return new CharWindow(win, ws, use);
    }

    /** The window as a String (copy). */
    @Override
    public String toString() {
        return new String(win, ws, use);
    }

    public int length() {
        return use;
    }

    /** Removes and returns the first {@code end} characters of the window (expect_out(buffer)). */
    public String consume(int end) {
        if (end < 0 || end > use) throw new IndexOutOfBoundsException(end);
        String s = new String(win, ws, end);
        drop(end);
        return s;
    }

    /** Removes the first {@code end} characters of the window, as {@link #consume} without the copy. */
    void drop(int end) {
        if (end < 0 || end > use) throw new IndexOutOfBoundsException(end);
        ws += end;
        use -= end;
        base += end;
        if (use == 0) ws = 0;
    }

    /** The first {@code end} characters, without removing them. */
    public String peek(int end) {
        return new String(win, ws, end);
    }

    /** Expect's full_buffer condition: the window is at least two thirds of its capacity. */
    public boolean isFull() {
        adjust();
        return use > 0 && (long) use * 3 >= (long) capacity() * 2;
    }

    /** Characters read from the program but not yet examined by an expect. */
    public int pendingLength() {
        synchronized (lock) {
            return pEnd - pStart;
        }
    }

    /**
     * Removes and returns up to {@code max} pending characters (all of them when negative): another
     * reader of the program's output takes what no expect has examined yet.
     */
    public String takePending(int max) {
        String s;
        synchronized (lock) {
            int n = max < 0 ? pEnd - pStart : Math.min(max, pEnd - pStart);
            s = new String(pend, pStart, n);
            pStart += n;
            if (pStart == pEnd) emptied();
            wakeReader();
        }
        onRoom.run();
        return s;
    }

    /** Whether the pending text holds character c. */
    public boolean pendingContains(char c) {
        synchronized (lock) {
            for (int i = pStart; i < pEnd; i++) if (pend[i] == c) return true;
            return false;
        }
    }

    /** True once the program's output has ended and every character has been examined. */
    public boolean isDrainedAtEof() {
        synchronized (lock) {
            return eof && pEnd == pStart;
        }
    }

    /** The most pending text kept while nobody examines it and a send drains the program's output. */
    public int pendingLimit() {
        return Math.max(MIN_PENDING_LIMIT, 4 * capacity());
    }

    /** The most pending text the reader reads ahead of the script while nothing is being sent. */
    int readAhead() {
        return Math.max(MIN_READ_AHEAD, 4 * capacity());
    }

    // ---- engine side -------------------------------------------------------------------------

    /** Total characters ever removed from the front of the window: window index + base = absolute position. */
    long base() {
        return base;
    }

    char[] array() {
        return win;
    }

    /** Index in {@link #array()} of the window's first character. */
    int start() {
        return ws;
    }

    /** Reader: where a decoder puts the text it decodes (ASCII straight from its bytes). */
    IncrementalDecoder.Sink sink() {
        return sink;
    }

    /** Reader: new decoded text. Never blocks; see {@link #wantsPause()}. */
    void append(char[] c, int off, int len) {
        synchronized (lock) {
            int limit = pendingLimit();
            if (writers > 0 && pEnd - pStart + len > limit) {
                // Draining during a send: keep the newest text only (see the class comment).
                if (len > limit) {
                    off += len - limit;
                    len = limit;
                }
                pStart = Math.min(pEnd, pStart + (pEnd - pStart + len - limit));
            }
            reserve(len);
            System.arraycopy(c, off, pend, pEnd, len);
            pEnd += len;
            pendingMayHoldNul = true;
        }
        onData.run();
    }

    /**
     * Reader: as {@link #append}, for the leading bytes of {@code b[off, off + len)} below 0x80,
     * widened straight into the pending text (each is its character in an ASCII-based charset).
     * Returns how many bytes it took: it stops at the first byte from 0x80 up, and takes none
     * while a send drains over the limit (append drops the oldest text then).
     */
    int appendAscii(byte[] b, int off, int len) {
        int n = 0;
        synchronized (lock) {
            if (writers > 0 && pEnd - pStart + len > pendingLimit()) return 0;
            reserve(len);
            char[] p = pend;
            int at = pEnd;
            boolean nul = false;
            for (; n < len; n++) {
                byte v = b[off + n];
                if (v <= 0) {
                    if (v < 0) break;
                    nul = true;
                }
                p[at + n] = (char) v;
            }
            pEnd += n;
            if (nul) pendingMayHoldNul = true;
        }
        if (n > 0) onData.run();
        return n;
    }

    /** Room for {@code len} more pending characters at {@code pEnd}. Under the lock. */
    private void reserve(int len) {
        if (pEnd + len <= pend.length) return;
        int live = pEnd - pStart;
        if (live + len > pend.length / 2) {
            char[] n = new char[Math.max(pend.length * 2, live + len)];
            System.arraycopy(pend, pStart, n, 0, live);
            pend = n;
        } else {
            System.arraycopy(pend, pStart, pend, 0, live);
        }
        pStart = 0;
        pEnd = live;
    }

    /** Reader: true when it should stop reading until {@code onRoom} says there is room again. */
    boolean wantsPause() {
        synchronized (lock) {
            return !eof && writers == 0 && pEnd - pStart >= readAhead();
        }
    }

    /**
     * Reader: true when a paused reader should resume: half the limit is free again (or a send
     * started, or the output ended). Not as soon as there is any room: under a flood each of the
     * script's reads would otherwise stop and restart the reader (two epoll_ctl calls and a
     * contended lock for every window's worth of text).
     */
    boolean resumes() {
        synchronized (lock) {
            return eof || writers > 0 || pEnd - pStart <= readAhead() / 2;
        }
    }

    /**
     * A reader of a blocking stream: when {@link #wantsPause()}, waits until half the limit is free
     * ({@link #resumes()}, as a polled reader), woken by the script's reads only then.
     */
    void awaitRoom() throws InterruptedException {
        synchronized (lock) {
            if (eof || writers > 0 || pEnd - pStart < readAhead()) return;
            readerWaits = true;
            try {
                while (!eof && writers == 0 && pEnd - pStart > readAhead() / 2) lock.wait();
            } finally {
                readerWaits = false;
            }
        }
    }

    /** Wakes a stream's reader waiting for room, if one does. Under the lock. */
    private void wakeReader() {
        if (readerWaits) lock.notifyAll();
    }

    /** Script thread: a write to the program starts or ends. */
    void writing(boolean started) {
        synchronized (lock) {
            writers += started ? 1 : -1;
            wakeReader();
        }
        if (started) onRoom.run();
    }

    /** Reader thread: the program's output has ended (or close: a blocked reader lets go). */
    void markEof() {
        synchronized (lock) {
            eof = true;
            wakeReader();
        }
        onData.run();
    }

    /** Whether the output has ended (all of it may not have been examined yet). */
    public boolean eofSeen() {
        synchronized (lock) {
            return eof;
        }
    }

    /**
     * One "read" into the window (expIRead): drop the oldest third if two thirds full, then move
     * as much pending text as fits. Returns the number of characters moved, 0 if none pending.
     * With {@code keepChunk}, the raw chunk (before NUL removal) is kept for {@link #lastChunk()}.
     */
    int transfer(boolean keepChunk) {
        adjust();
        int cap = capacity();
        int n;
        synchronized (lock) {
            if (pEnd == pStart) return 0;
            if ((long) use * 3 >= (long) cap * 2) shuffle();
            n = Math.min(pEnd - pStart, cap - use);
            ensureWindow(use + n);
            System.arraycopy(pend, pStart, win, ws + use, n);
            lastChunk = keepChunk ? new String(pend, pStart, n) : null;
            boolean mayHoldNul = pendingMayHoldNul;
            pStart += n;
            if (pStart == pEnd) emptied();
            if (pEnd - pStart <= readAhead() / 2) wakeReader();
            int added = n;
            if (removeNulls && mayHoldNul) added = stripNulls(ws + use, n);
            use += added;
        }
        onRoom.run();
        return n;
    }

    /** No pending text left. Under the lock. */
    private void emptied() {
        pStart = pEnd = 0;
        pendingMayHoldNul = false;
    }

    String lastChunk() {
        return lastChunk;
    }

    /** Drops the oldest third of the window (exp_buffer_shuffle). */
    private void shuffle() {
        int skip = use / 3;
        ws += skip;
        use -= skip;
        base += skip;
    }

    /** Applies a changed match_max: a smaller window forgets its oldest text (expAdjust). */
    private void adjust() {
        int cap = capacity();
        if (use > cap) {
            int excess = use - cap;
            ws += excess;
            use = cap;
            base += excess;
        }
    }

    /** Makes room for {@code needed} window characters, sliding the window to the front first. */
    private void ensureWindow(int needed) {
        if (ws + needed <= win.length) return;
        if (needed <= win.length) {
            System.arraycopy(win, ws, win, 0, use);
            ws = 0;
            return;
        }
        char[] n = new char[Math.max(needed, Math.max(Math.min(capacity(), win.length * 2), 256))];
        System.arraycopy(win, ws, n, 0, use);
        win = n;
        ws = 0;
    }

    private int stripNulls(int from, int n) {
        int w = from;
        for (int r = from; r < from + n; r++) if (win[r] != 0) win[w++] = win[r];
        return w - from;
    }
}
