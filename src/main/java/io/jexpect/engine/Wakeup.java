package io.jexpect.engine;

/** A latch an expect call waits on; every session it watches signals it when data or eof arrives. */
final class Wakeup {
    private boolean signalled;

    synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    synchronized void clear() {
        signalled = false;
    }

    /** Waits until signalled or the monotonic deadline ({@link Long#MAX_VALUE} = forever) passes. */
    synchronized boolean await(long deadlineNanos) throws InterruptedException {
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
    }
}
