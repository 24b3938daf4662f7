package io.jexpect.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the event loops of one interpreter and its children (`interp create`) share, as Tcl's
 * per-thread notifier: any of them waiting runs the others' timers, idle callbacks and file
 * events, and a wakeup for one wakes whichever of them waits.
 */
final class Notifier {
    /** The loops of the family, in creation order. */
    final List<EventLoop> loops = new ArrayList<>();
    final ReentrantLock lock = new ReentrantLock();
    final Condition signal = lock.newCondition();
    boolean woken;
    /**
     * The script thread while it blocks outside a loop (expect, sleep): wakeups interrupt it.
     * Cleared and interrupted under this object's monitor (waitUntil's lock keeps its timed wait).
     */
    volatile Thread waiter;
    /** Creation order of events across the family: idle callbacks run in it, timers break ties by it. */
    private long sequence;

    long nextSequence() {
        return sequence++;
    }
}
