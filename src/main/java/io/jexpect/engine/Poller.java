package io.jexpect.engine;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import io.jexpect.engine.LibC.Fn;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread per engine that reads every session's output: an epoll set over the sessions'
 * descriptors, so an idle session costs no thread and no descriptor beyond its own. While a script
 * thread waits in an expect it reads that expect's sessions itself, and they leave the set meanwhile
 * ({@link Session#claim}), and stay out of it between the expects of a dialogue until the script
 * has not come back for {@link #HOLD_CHECK_NANOS} (checked here on a timer). Each ready
 * session gets one read per round (fair under floods); a session whose unexamined text is at its
 * limit leaves the set until the script makes room. After a program has exited, what it left is
 * drained and eof follows at the hang-up, or {@link #DRAIN_AFTER_EXIT_NANOS} after the last byte
 * when a grandchild still holds the terminal.
 */
final class Poller {
    private static final long DRAIN_AFTER_EXIT_NANOS = 20_000_000L;
    /**
     * How often held sessions are looked at: one an expect has let go and not claimed again since
     * the last look is read here again. So a busy script leaves output undrained for at most
     * about twice this: a program writing a flood is never blocked for longer.
     */
    private static final long HOLD_CHECK_NANOS = 5_000_000L;
    /** An expect waiting longer than this is no dialogue: its end wakes us instead of our timer. */
    private static final long LONG_WAIT_NANOS = 50_000_000L;
    private static final int MAX_EVENTS = 256;
    private static final int READ_SIZE = 16384;
    // struct epoll_event is packed on x86-64 (4 + 8 bytes) and padded elsewhere (4 + 4 + 8).
    private static final int EVENT_SIZE = System.getProperty("os.arch").matches("amd64|x86_64") ? 12 : 16;
    private static final int DATA_OFFSET = EVENT_SIZE == 12 ? 4 : 8;

    private final int epfd;
    private final int wakeFd;
    private final Map<Long, Session> byKey = new ConcurrentHashMap<>();
    private final Map<Session, Long> draining = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;
    /** Wakeups expects gave back, for the next expect. Guarded by itself (a monitor costs less than a lock-free queue's CAS before the JIT compiles it). */
    private final ArrayDeque<Wakeup> spareWakeups = new ArrayDeque<>();
    // Sessions expects hold out of the set, each with the claims seen at the last look (or minus
    // the count it was held at: a value no look can have left, see checkHeld).
    private final Map<Session, Long> held = new ConcurrentHashMap<>();
    private boolean holdTimer;           // poller thread: the next look at held sessions is timed
    private long nextHoldCheck;          // poller thread
    // True while no timed look is due: a session held or let go from now on wakes us.
    private volatile boolean sleepy = true;

    /** An eventfd's increment: the 64-bit 1 that {@link #wake} writes. */
    private final MemorySegment one = Arena.ofAuto().allocate(JAVA_LONG);

    Poller() {
        epfd = LibC.callInt(Fn.epoll_create1, LibC.EPOLL_CLOEXEC);
        wakeFd = LibC.callInt(Fn.eventfd, 0, LibC.O_CLOEXEC | LibC.O_NONBLOCK);
        if (epfd < 0 || wakeFd < 0) throw new IllegalStateException("epoll: errno " + LibC.errno());
        one.set(JAVA_LONG, 0, 1L);
        ctl(LibC.EPOLL_CTL_ADD, wakeFd, event(0));
        thread = new Thread(this::run, "jexpect-poller");
        thread.setDaemon(true);
        thread.start();
    }

    long newKey() {
        return keys.incrementAndGet();
    }

    /** A new session: reading starts. */
    void add(Session s) {
        byKey.put(s.key(), s);
        ctl(LibC.EPOLL_CTL_ADD, s.readFd(), s.pollEvent());
    }

    /** Stops or restarts reading a session for a while (its buffer is full, or a script thread reads it). Called under the session's lock. */
    void watch(Session s, boolean on) {
        ctl(on ? LibC.EPOLL_CTL_ADD : LibC.EPOLL_CTL_DEL, s.readFd(), s.pollEvent());
    }

    /** An expect holds the session out of the set ({@link Session#claim}). Called under the session's lock. */
    void hold(Session s, long claims) {
        held.put(s, -claims);
        if (sleepy) wake();
    }

    /** An expect let a held session go: it is read here again unless claimed before our next look. */
    void idle() {
        if (sleepy) wake();
    }

    /** Stops watching a session for good (eof or close). Called under the session's lock. */
    void remove(Session s, boolean watched) {
        byKey.remove(s.key());
        draining.remove(s);
        if (watched) ctl(LibC.EPOLL_CTL_DEL, s.readFd(), s.pollEvent());
    }

    /** The session's program has exited (or reading resumed after it did): eof once its output is quiet. */
    void exited(Session s) {
        if (!byKey.containsKey(s.key())) return;
        draining.put(s, System.nanoTime() + DRAIN_AFTER_EXIT_NANOS);
        wake();
    }

    void stop() {
        stopped = true;
        wake();
    }

    /** A wakeup a script thread can wait in poll(2) with (see {@link Wakeup}), or null if none can be made. */
    Wakeup pollingWakeup() {
        Wakeup w;
        synchronized (spareWakeups) {
            w = spareWakeups.poll();
        }
        return w != null ? w : Wakeup.polling();
    }

    /** Keeps a wakeup from {@link #pollingWakeup} for the next expect. */
    void recycle(Wakeup w) {
        w.clear();
        synchronized (spareWakeups) {
            spareWakeups.push(w);
        }
        if (stopped) closeSpares();
    }

    private void closeSpares() {
        synchronized (spareWakeups) {
            for (Wakeup w; (w = spareWakeups.poll()) != null; ) w.close();
        }
    }

    private void wake() {
        // A saturated counter (EAGAIN) means a wakeup is already pending.
        LibC.write(wakeFd, one, 8);
    }

    /** A session's output was read (by whichever thread): a program that has exited is not quiet yet. */
    void readFrom(Session s) {
        if (!draining.isEmpty() && draining.containsKey(s)) draining.put(s, System.nanoTime() + DRAIN_AFTER_EXIT_NANOS);
    }

    /**
     * The struct epoll_event that asks for a session's input and names it by {@code key}: made
     * once per session, so claiming and releasing it allocate nothing.
     */
    MemorySegment event(long key) {
        MemorySegment ev = Arena.ofAuto().allocate(EVENT_SIZE);
        ev.set(JAVA_INT, 0, LibC.EPOLLIN);
        ev.set(JAVA_LONG_UNALIGNED, DATA_OFFSET, key);
        return ev;
    }

    private void ctl(int op, int fd, MemorySegment event) {
        LibC.callInt(Fn.epoll_ctl, epfd, op, fd, event.address());
        Reference.reachabilityFence(event);
    }

    private void run() {
        Arena arena = Arena.ofAuto();
        MemorySegment events = arena.allocate((long) EVENT_SIZE * MAX_EVENTS);
        NativeBuffer buf = new NativeBuffer(READ_SIZE);
        byte[] bytes = new byte[READ_SIZE];
        try {
            while (!stopped) {
                int n = LibC.callInt(Fn.epoll_wait, epfd, events.address(), MAX_EVENTS, timeoutMillis());
                if (n < 0 && LibC.errno() != LibC.EINTR) throw new IllegalStateException("epoll_wait: errno " + LibC.errno());
                for (int i = 0; i < n; i++) {
                    long key = events.get(JAVA_LONG_UNALIGNED, (long) i * EVENT_SIZE + DATA_OFFSET);
                    if (key == 0) {
                        LibC.read(wakeFd, buf.segment, 8);
                        if (!holdTimer) { // a session was held or let go (or something else woke us)
                            holdTimer = true;
                            sleepy = false;
                            nextHoldCheck = System.nanoTime() + HOLD_CHECK_NANOS;
                        }
                        continue;
                    }
                    Session s = byKey.get(key);
                    if (s == null) continue;
                    s.readReady(buf, bytes, true);
                }
                long now = System.nanoTime();
                if (holdTimer && now - nextHoldCheck >= 0) checkHeld(now);
                // Most rounds drain nothing: no iterator for an empty map.
                if (!draining.isEmpty()) for (Map.Entry<Session, Long> e : draining.entrySet()) {
                    Session s = e.getKey();
                    if (now - e.getValue() < 0 || s.paused()) continue;
                    // Output the program wrote before exiting can reach the terminal's master side
                    // after the exit is seen (a loaded machine): what is there, or a hang-up, is the
                    // read path's. Only a quiet descriptor (a grandchild holds the terminal) ends here.
                    if (s.readable()) draining.replace(s, e.getValue(), now + DRAIN_AFTER_EXIT_NANOS);
                    else if (draining.remove(s, e.getValue())) s.reachedEof();
                }
            }
        } finally {
            LibC.close(epfd);
            LibC.close(wakeFd);
            closeSpares();
        }
    }

    /**
     * Takes back the held sessions no expect has claimed since the last look, and decides whether
     * another look is due on the timer. Not when every session left is gone or waited on for long:
     * then {@link #sleepy} stays set, and the next hold or let-go wakes us. (It is set before the
     * sessions are looked at, and they change it after their own change, so no change is missed.)
     */
    private void checkHeld(long now) {
        sleepy = true;
        boolean timed = false;
        for (Map.Entry<Session, Long> e : held.entrySet()) {
            Session s = e.getKey();
            long seen = e.getValue();
            long claims = s.takeBackIfIdle(seen);
            if (claims < 0) {
                held.remove(s, seen); // not if it was held again meanwhile: hold() stored another value
                continue;
            }
            e.setValue(claims);
            if (!s.waitingLongerThan(LONG_WAIT_NANOS, now)) timed = true;
        }
        holdTimer = timed;
        nextHoldCheck = now + HOLD_CHECK_NANOS;
        if (timed) sleepy = false;
    }

    private int timeoutMillis() {
        long next = holdTimer ? nextHoldCheck : Long.MAX_VALUE;
        if (!draining.isEmpty()) for (Map.Entry<Session, Long> e : draining.entrySet()) {
            if (!e.getKey().paused()) next = Math.min(next, e.getValue());
        }
        if (next == Long.MAX_VALUE) return -1;
        return (int) Math.max(0, (next - System.nanoTime() + 999_999) / 1_000_000);
    }
}
