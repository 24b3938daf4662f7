package io.jexpect.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Expect's waiting loop over one or many sessions (expect.c's Exp_ExpectObjCmd).
 *
 * <p>Each time a session yields new text (one "read": see {@link MatchBuffer}), the cases are tried
 * against that session's buffer in list order and the first case that matches anywhere wins, not
 * the earliest position. A session's buffered text is tried first, before anything new is read.
 * An exhausted session gives EOF at once; otherwise TIMEOUT when the deadline (monotonic clock, ms)
 * passes. Waiting is event-driven: the sessions' reader threads wake the waiting thread.
 *
 * <p>An {@link Observer} sees each new piece of text when it is examined, on the calling thread,
 * before patterns are tried: that is when Expect echoes output (log_user) and writes log files.
 */
public final class Expecter {

    /** Sees text as an expect examines it (Expect's expLogInteractionU). */
    @FunctionalInterface
    public interface Observer {
        void examined(Session session, String text);

        /** Whether {@link #examined} needs the text now: a read moves it without copying it when not. */
        default boolean wantsText() {
            return true;
        }
    }

    private final Observer observer;
    private volatile Wakeup waiting;
    private volatile boolean woken;

    public Expecter() {
        this(null);
    }

    public Expecter(Observer observer) {
        this.observer = observer;
    }

    /**
     * Waits for one of the cases, with searchers of their own (see {@link #expect(ExpectPlan, long)}).
     *
     * @param sessions      the sessions to read (duplicates ignored); order decides ties
     * @param cases         the cases in priority order
     * @param timeoutMillis &lt;0 waits forever; 0 examines only what has already arrived
     * @throws InterruptedException when the thread is interrupted or another thread called {@link #wake}
     */
    public ExpectResult expect(List<Session> sessions, List<Case> cases, long timeoutMillis)
        throws InterruptedException {
        return expect(new ExpectPlan(sessions, cases), timeoutMillis);
    }

    /**
     * Waits for one of the plan's cases. Waiting on the same plan again (an exp_continue loop)
     * resumes its searchers where they stopped.
     *
     * @param timeoutMillis &lt;0 waits forever; 0 examines only what has already arrived
     * @throws InterruptedException when the thread is interrupted or another thread called {@link #wake}
     */
    public ExpectResult expect(ExpectPlan plan, long timeoutMillis) throws InterruptedException {
        return expect(plan, timeoutMillis, false);
    }

    /**
     * As {@link #expect(ExpectPlan, long)}; {@code bufferTried}: the caller has just tried the
     * buffered text with {@link #tryBuffered} and nothing can have changed it since.
     */
    public ExpectResult expect(ExpectPlan plan, long timeoutMillis, boolean bufferTried) throws InterruptedException {
        Session[] ss = plan.sessions;
        Case[] cases = plan.cases;
        boolean probes = plan.hasProbe;
        ExpectResult buffered = bufferTried ? null : tryBuffered(plan);
        if (buffered != null) return buffered;
        // Sessions the poller reads are read by this thread while it waits (see Wakeup), unless a
        // probe (a screen pattern) asks to be tested again on its own schedule. Without waiting
        // (timeout 0) what has reached them is read once, as Expect's look at its descriptors: a
        // session the poller took back is claimed too, or output it had not read yet was missed.
        Poller poller = !probes ? anyPoller(ss) : null;
        Wakeup polling = poller == null ? null : poller.pollingWakeup();
        Wakeup wake = polling != null ? polling : new Wakeup();
        ReadingItself own = polling != null ? new ReadingItself(ss, polling) : null;
        if (own == null) for (Session s : ss) s.letGo(); // the poller reads for us
        waiting = wake;
        for (Session s : ss) s.addWaiter(wake);
        if (probes) for (Case c : cases) if (c.pattern() instanceof Pattern.Probe p) p.condition().started();
        try {
            Waiting w = new Waiting(plan, timeoutMillis, wake, own);
            ExpectResult r;
            do r = w.step(); while (r == null);
            return r;
        } finally {
            for (Session s : ss) s.removeWaiter(wake);
            if (own != null) {
                own.release();
                poller.recycle(polling);
            }
        }
    }

    /**
     * One expect's waiting loop, a step at a time: a wait over output that matches nothing yet (a
     * stream) takes thousands of steps in one call, and a loop in a method called once runs in the
     * bytecode interpreter until it is replaced on the stack (~2 s into a 50 MB stream); a step is
     * a method called often enough for C1 to compile it after a few hundred reads.
     */
    private final class Waiting {
        private final ExpectPlan plan;
        private final long timeoutMillis;
        private final long deadline;
        private final Wakeup wake;
        private final ReadingItself own;
        private boolean first; // without probes, the buffered text was tried before the wait
        private boolean retest; // a probe asked to be tested again, or a wakeup brought no text

        Waiting(ExpectPlan plan, long timeoutMillis, Wakeup wake, ReadingItself own) {
            this.plan = plan;
            this.timeoutMillis = timeoutMillis;
            this.deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
            this.wake = wake;
            this.own = own;
            this.first = plan.hasProbe;
        }

        /** Examines what the sessions have, or waits for more: the expect's result, or null to step again. */
        ExpectResult step() throws InterruptedException {
            Session[] ss = plan.sessions;
            Case[] cases = plan.cases;
            wake.clear();
            boolean readSomething = false;
            for (int si = 0; si < ss.length; si++) {
                Session s = ss[si];
                MatchBuffer b = s.buffer();
                // Expect tries the patterns on what is buffered first, even when that is nothing:
                // `expect *` or `-re .*` on an empty buffer matches at once.
                boolean examine = first || retest;
                boolean keep = observer != null && observer.wantsText();
                if (!first && b.transfer(keep) > 0) {
                    readSomething = true;
                    examine = true;
                    if (observer != null) observer.examined(s, keep ? b.lastChunk() : null);
                }
                if (examine) {
                    ExpectResult r = evaluate(s, si, plan);
                    if (r != null) return r;
                }
            }
            retest = false;
            if (first) {
                // Buffered text did not match: now read what has arrived, without waiting.
                first = false;
                return null;
            }
            if (readSomething) {
                return timeoutMillis > 0 && System.nanoTime() > deadline ? timeout(cases) : null;
            }
            for (Session s : ss) if (s.buffer().isDrainedAtEof()) return eof(s, cases);
            if (woken) {
                woken = false;
                throw new InterruptedException("woken");
            }
            boolean probes = plan.hasProbe;
            long probeAt = probes ? probeRetest(plan) : Long.MAX_VALUE;
            long until = Math.min(deadline, probeAt);
            boolean more = timeoutMillis != 0 ? (own != null ? own.await(until) : wake.await(until))
                : own != null && own.readOnce();
            if (!more) {
                // One last look: data may have raced the deadline.
                if (anyPending(ss)) return null;
                if (timeoutMillis != 0 && probeAt < deadline && System.nanoTime() < deadline) {
                    retest = true;
                    return null;
                }
                return timeout(cases);
            }
            retest = probes; // woken: a probe's state may have changed without new text
            return null;
        }
    }

    /**
     * Expect tries the patterns on what is buffered first (its EXP_DATA_OLD): the match there, or
     * null, without reading or waiting. Most turns of an exp_continue loop over fast output match
     * here and need nothing of the waiting {@link #expect} sets up. Null for a plan with probes
     * (screen patterns), which are started first and so take the waiting way.
     */
    public ExpectResult tryBuffered(ExpectPlan plan) {
        if (plan.hasProbe) return null;
        Session[] ss = plan.sessions;
        for (int si = 0; si < ss.length; si++) {
            ExpectResult r = evaluate(ss[si], si, plan);
            if (r != null) return r;
        }
        return null;
    }

    /** A poller one of the sessions is read by (the others are streams, or of other engines), or null. */
    private static Poller anyPoller(Session[] ss) {
        for (Session s : ss) if (s.poller() != null) return s.poller();
        return null;
    }

    /**
     * The waiting thread reads its sessions itself: claimed at the first wait, released at the
     * end. Streams (and sessions at eof) are not claimed: their readers wake the wait.
     */
    private static final class ReadingItself {
        private final Session[] sessions;
        private final Wakeup wake;
        private Session[] claimed;
        private int[] fds;
        private boolean[] ready;
        private boolean readOnce;

        ReadingItself(Session[] sessions, Wakeup wake) {
            this.sessions = sessions;
            this.wake = wake;
        }

        /** Waits for output, eof or a signal, and reads what is ready; false at the deadline. */
        boolean await(long deadline) throws InterruptedException {
            if (claimed == null) claim();
            if (claimed.length == 0) return wake.await(deadline);
            for (int i = 0; i < claimed.length; i++) fds[i] = claimed[i].buffer().eofSeen() ? -1 : claimed[i].readFd();
            if (!wake.awaitReadable(fds, ready, deadline)) return false;
            for (int i = 0; i < claimed.length; i++) {
                if (ready[i] && fds[i] >= 0) claimed[i].readReady(wake.buf, wake.bytes, false);
            }
            return true;
        }

        /** Without waiting: reads once what has reached the sessions; false when nothing had. */
        boolean readOnce() throws InterruptedException {
            if (readOnce) return false;
            readOnce = true;
            if (claimed == null) claim();
            return claimed.length > 0 && await(System.nanoTime());
        }

        private void claim() {
            Session[] got = new Session[sessions.length];
            int n = 0;
            for (Session s : sessions) if (s.claim()) got[n++] = s;
            claimed = n == got.length ? got : Arrays.copyOf(got, n);
            for (Session s : claimed) s.awaitPollerRead();
            fds = new int[claimed.length];
            ready = new boolean[claimed.length];
        }

        void release() {
            if (claimed != null) for (Session s : claimed) s.release();
        }
    }

    /**
     * Makes a waiting (or the next) {@link #expect} on this expecter stop waiting with an
     * InterruptedException, without interrupting its thread (callable from any thread).
     */
    public void wake() {
        woken = true;
        Wakeup w = waiting;
        if (w != null) w.signal();
    }

    private static long probeRetest(ExpectPlan plan) {
        long at = Long.MAX_VALUE;
        for (int i = 0; i < plan.cases.length; i++) {
            if (!(plan.cases[i].pattern() instanceof Pattern.Probe p)) continue;
            for (int si = 0; si < plan.sessions.length; si++) {
                if (plan.applies(i, si)) at = Math.min(at, p.condition().retestAt(plan.sessions[si]));
            }
        }
        return at;
    }

    private static boolean anyPending(Session[] ss) {
        for (Session s : ss) if (s.buffer().pendingLength() > 0) return true;
        return false;
    }

    private static ExpectResult evaluate(Session s, int si, ExpectPlan plan) {
        Case[] cases = plan.cases;
        MatchBuffer b = s.buffer();
        for (int i = 0; i < cases.length; i++) {
            Case c = cases[i];
            if (!plan.applies(i, si)) continue;
            Pattern p = c.pattern();
            if (p instanceof Pattern.FullBuffer) {
                if (b.isFull()) {
                    int len = b.length() / 3;
                    return new ExpectResult(ExpectResult.Outcome.FULL_BUFFER, s, i,
                        c.transfer() ? b.consume(len) : b.peek(len), List.of());
                }
                continue;
            }
            if (p instanceof Pattern.Probe probe) {
                Pattern.Found f = probe.condition().test(s);
                if (f == null) continue;
                // What was shown up to now counts as seen: the stream moves past it.
                if (c.transfer()) b.consume(b.length());
                return new ExpectResult(ExpectResult.Outcome.MATCH, s, i, f.buffer(), f.groups());
            }
            if (!p.isText()) continue;
            Searcher.Hit h = plan.searcher(i, si).search(b);
            if (h != null) return matched(s, i, c, h);
        }
        return null;
    }

    private static ExpectResult matched(Session s, int index, Case c, Searcher.Hit h) {
        MatchBuffer b = s.buffer();
        // Every group lies within the buffer's text up to the match's end: cut from that string
        // (the whole match from the start is that string itself, and a literal's is the literal).
        String buffer;
        if (h.start() == 0 && h.text() != null) {
            if (c.transfer()) b.drop(h.end());
            buffer = h.text();
        } else {
            buffer = c.transfer() ? b.consume(h.end()) : b.peek(h.end());
        }
        int n = h.groups();
        ExpectResult.Group[] groups = new ExpectResult.Group[c.pattern() instanceof Pattern.Null ? 1 : n];
        boolean all = true;
        if (c.pattern() instanceof Pattern.Null) {
            groups[0] = new ExpectResult.Group(null, h.start() - 1, h.start() - 1);
        } else {
            for (int g = 0; g < n; g++) {
                int st = h.groupStart(g);
                int en = h.groupEnd(g);
                if (st >= 0) groups[g] = new ExpectResult.Group(buffer.substring(st, en), st, en - 1);
                else all = false;
            }
        }
        // List.of takes no null (a group that took no part); Collections.unmodifiableList costs an
        // Object.getClass, a native call in C1's code, ~6% of an exp_continue turn over short lines.
        return new ExpectResult(ExpectResult.Outcome.MATCH, s, index, buffer,
            all ? List.of(groups) : java.util.Collections.unmodifiableList(Arrays.asList(groups)));
    }

    private static ExpectResult eof(Session s, Case[] cases) {
        for (int i = 0; i < cases.length; i++) {
            Case c = cases[i];
            Pattern p = c.pattern();
            if ((p instanceof Pattern.Eof || p instanceof Pattern.Default) && c.appliesTo(s)) {
                MatchBuffer b = s.buffer();
                String buf = c.transfer() ? b.consume(b.length()) : b.peek(b.length());
                return new ExpectResult(ExpectResult.Outcome.EOF, s, i, buf, List.of());
            }
        }
        MatchBuffer b = s.buffer();
        return new ExpectResult(ExpectResult.Outcome.EOF, s, -1, b.consume(b.length()), List.of());
    }

    private static ExpectResult timeout(Case[] cases) {
        for (int i = 0; i < cases.length; i++) {
            Pattern p = cases[i].pattern();
            if (p instanceof Pattern.Timeout || p instanceof Pattern.Default) {
                return new ExpectResult(ExpectResult.Outcome.TIMEOUT, null, i, null, List.of());
            }
        }
        return new ExpectResult(ExpectResult.Outcome.TIMEOUT, null, -1, null, List.of());
    }
}
