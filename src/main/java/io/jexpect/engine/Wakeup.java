package io.jexpect.engine;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.jexpect.engine.LibC.Fn;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * A latch an expect call waits on; every session it watches signals it when data or eof arrives.
 *
 * <p>A thread waiting on sessions the {@link Poller} reads waits in poll(2) over their descriptors
 * and reads them itself ({@link #awaitReadable}): the output then reaches the script thread with
 * one wake-up instead of two (the poller's, then the script's). Other threads still reach it
 * through {@link #signal}, which writes to an eventfd the same poll(2) watches. Such wakeups carry
 * a descriptor and read buffers and are kept by the poller for the next expect.
 */
final class Wakeup {
    static final int READ_SIZE = 16384;
    /** An eventfd's increment: the 64-bit 1. */
    private static final MemorySegment ONE = Arena.global().allocate(JAVA_LONG);

    static {
        ONE.set(JAVA_LONG, 0, 1L);
    }

    private boolean signalled;
    /**
     * Threads in {@link #await}: only they need a notify. A notify inflates the monitor, and every
     * later lock of an inflated monitor takes the JVM's slow path (several a read).
     */
    private int waiters;
    // Reading for itself: the eventfd other threads wake us with while we are in poll(2).
    private final int eventFd;
    private boolean polling;
    private boolean written;
    final NativeBuffer buf;
    final byte[] bytes;
    /** struct pollfd entries: the descriptors, then the eventfd; an int view of them; their Java copy. */
    private MemorySegment fds = MemorySegment.NULL;
    private IntBuffer fdInts;
    private int[] pollfds = new int[0];

    /** A latch for waiting with Object.wait only. */
    Wakeup() {
        eventFd = -1;
        buf = null;
        bytes = null;
    }

    private Wakeup(int eventFd) {
        this.eventFd = eventFd;
        buf = new NativeBuffer(READ_SIZE);
        bytes = new byte[READ_SIZE];
    }

    /** A latch that can also wait in poll(2); null if the system refuses an eventfd. */
    static Wakeup polling() {
        int fd = LibC.callInt(Fn.eventfd, 0, LibC.O_CLOEXEC | LibC.O_NONBLOCK);
        return fd < 0 ? null : new Wakeup(fd);
    }

    boolean canPoll() {
        return eventFd >= 0;
    }

    synchronized void signal() {
        signalled = true;
        if (polling && !written) {
            written = true;
            LibC.write(eventFd, ONE, 8);
        }
        if (waiters > 0) notifyAll();
    }

    synchronized void clear() {
        signalled = false;
    }

    /** Waits until signalled or the monotonic deadline ({@link Long#MAX_VALUE} = forever) passes. */
    synchronized boolean await(long deadlineNanos) throws InterruptedException {
        waiters++;
        try {
            while (!signalled) {
                if (deadlineNanos == Long.MAX_VALUE) {
                    wait();
                } else {
                    long rem = deadlineNanos - System.nanoTime();
                    if (rem <= 0) return false;
                    wait(rem / 1_000_000, (int) (rem % 1_000_000));
                }
            }
            return true;
        } finally {
            waiters--;
        }
    }

    /**
     * Waits until signalled, the deadline passes, or one of {@code descriptors} has input or a
     * hang-up. Returns false at the deadline; otherwise {@code ready[i]} tells which descriptors
     * are worth a read. Interruptible: the wait is cut into slices that look at the interrupt flag.
     * A deadline already past still looks once, without waiting.
     */
    boolean awaitReadable(int[] descriptors, boolean[] ready, long deadlineNanos) throws InterruptedException {
        int n = descriptors.length;
        // struct pollfd {int fd; short events; short revents}, as two ints each, copied in whole
        // through an IntBuffer view (a VarHandle access per field, or MemorySegment.copy, cost
        // several times as much before the JIT has compiled them); each revents read alone.
        if (pollfds.length != 2 * (n + 1)) {
            pollfds = new int[2 * (n + 1)];
            fds = Arena.ofAuto().allocate(4L * pollfds.length);
            fdInts = fds.asByteBuffer().order(ByteOrder.nativeOrder()).asIntBuffer();
        }
        while (true) {
            if (Thread.interrupted()) throw new InterruptedException();
            long rem = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
            synchronized (this) {
                if (signalled) return true;
                polling = true;
            }
            for (int i = 0; i <= n; i++) {
                pollfds[2 * i] = i < n ? descriptors[i] : eventFd;
                pollfds[2 * i + 1] = POLLIN_REQUEST; // events, and revents = 0
            }
            fdInts.put(0, pollfds, 0, pollfds.length);
            int r;
            try {
                r = LibC.poll(fds, n + 1, rem <= 0 ? 0 : (int) Math.min(INTERRUPT_SLICE_MS, (rem + 999_999) / 1_000_000));
            } finally {
                synchronized (this) {
                    polling = false;
                    if (written) {
                        written = false;
                        LibC.read(eventFd, buf.segment, 8);
                    }
                }
            }
            if (r <= 0) { // a slice ended, or EINTR
                if (rem <= 0) return false;
                continue;
            }
            boolean any = false;
            for (int i = 0; i < n; i++) {
                ready[i] = revents(fdInts.get(2 * i + 1)) != 0;
                any |= ready[i];
            }
            synchronized (this) {
                if (any || signalled) return true;
            }
            if (rem <= 0) return false;
        }
    }

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    /** The second int of a struct pollfd asking for input: events is its first short. */
    private static final int POLLIN_REQUEST = LITTLE_ENDIAN ? LibC.POLLIN : LibC.POLLIN << 16;

    private static int revents(int eventsAndRevents) {
        return LITTLE_ENDIAN ? eventsAndRevents >>> 16 : eventsAndRevents & 0xFFFF;
    }

    private static final int INTERRUPT_SLICE_MS = 250;

    /** Gives the eventfd back to the system. */
    void close() {
        if (eventFd >= 0) LibC.close(eventFd);
    }
}
