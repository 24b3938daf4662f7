package io.jexpect.commands;

import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The interpreter's event queue: timers and idle callbacks from {@code after}, run in the script
 * thread by vwait, update, and anything else that waits (such as Expect's expect and sleep).
 * Other threads may {@link #post} work and {@link #wakeup} a waiting script thread. A child
 * interpreter's loop shares its parent's {@link Notifier}: waiting in either runs both's events.
 */
public final class EventLoop {
    /** A scheduled script: a timer (with a deadline) or an idle callback. */
    record Event(String id, Value script, long deadline, boolean idle, long sequence) {}

    private final Interp interp;
    private final Notifier notifier;
    /** Pending events by id, in creation order (timers and idle callbacks alike). */
    private final Map<String, Event> pending = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Task> posted = new ConcurrentLinkedQueue<>();
    private int nextId;
    /** fileevent handlers by channel and direction, in registration order. */
    private final Map<Channel, Value[]> fileHandlers = new LinkedHashMap<>();
    /** Event sources with no script of their own yet (listening servers, connects in progress). */
    private int sources;

    /** An event source polled by the loop (Expect's expect_background): runs when ready. */
    public interface Source {
        boolean ready();

        void run() throws TclException;
    }

    private final List<Source> polled = new ArrayList<>();

    public void addSource(Source s) {
        if (!polled.contains(s)) polled.add(s);
    }

    public void removeSource(Source s) {
        polled.remove(s);
    }

    /** Work for the script thread that may fail as a script does (an accepted connection's callback). */
    @FunctionalInterface
    public interface Task {
        void run() throws TclException;
    }

    private EventLoop(Interp interp, Notifier notifier) {
        this.interp = interp;
        this.notifier = notifier;
        notifier.loops.add(this);
    }

    /** The event loop of an interpreter (created on first use). */
    public static EventLoop of(Interp interp) {
        EventLoop loop = interp.extension(EventLoop.class);
        if (loop != null) return loop;
        return interp.extension(EventLoop.class, () -> {
            Interp parent = InterpCommands.parentOf(interp);
            return new EventLoop(interp, parent == null ? new Notifier() : of(parent).notifier);
        });
    }

    /** A deleted interpreter's events go with it. */
    void detach() {
        pending.clear();
        posted.clear();
        fileHandlers.clear();
        polled.clear();
        notifier.loops.remove(this);
    }

    String addTimer(long delayMs, Value script) {
        String id = "after#" + nextId++;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMs));
        pending.put(id, new Event(id, script, deadline, false, notifier.nextSequence()));
        return id;
    }

    String addIdle(Value script) {
        String id = "after#" + nextId++;
        pending.put(id, new Event(id, script, 0, true, notifier.nextSequence()));
        return id;
    }

    Map<String, Event> pending() {
        return pending;
    }

    /**
     * True when timers, idle callbacks, file events, event sources or posted work are waiting, here
     * or in another loop of the family.
     */
    public boolean hasPending() {
        List<EventLoop> loops = notifier.loops; // indexed: asked at every expect's wait
        for (int i = 0; i < loops.size(); i++) if (loops.get(i).hasOwnPending()) return true;
        return false;
    }

    private boolean hasOwnPending() {
        return !pending.isEmpty() || !posted.isEmpty() || !fileHandlers.isEmpty() || sources > 0 || !polled.isEmpty();
    }

    /** Counts an event source that will post work later (a listening server); -1 when it ends. */
    public void countSource(int delta) {
        sources += delta;
    }

    /** Sets (or with an empty script, removes) the readable or writable handler of a channel. */
    void setFileHandler(Channel ch, boolean writable, Value script) {
        Value[] h = fileHandlers.computeIfAbsent(ch, k -> new Value[2]);
        h[writable ? 1 : 0] = script.toString().isEmpty() ? null : script;
        if (h[0] == null && h[1] == null) fileHandlers.remove(ch);
        if (!writable && h[0] != null) ch.setInputListener(this::wakeup);
    }

    Value fileHandler(Channel ch, boolean writable) {
        Value[] h = fileHandlers.get(ch);
        return h == null || h[writable ? 1 : 0] == null ? Value.EMPTY : h[writable ? 1 : 0];
    }

    /** A closed channel's handlers go with it. */
    public void channelClosed(Channel ch) {
        fileHandlers.remove(ch);
    }

    private boolean anyFileReady() {
        for (EventLoop l : notifier.loops) if (l.anyOwnFileReady()) return true;
        return false;
    }

    private boolean anyOwnFileReady() {
        for (Source s : polled) if (s.ready()) return true;
        for (var e : fileHandlers.entrySet()) {
            Value[] h = e.getValue();
            if ((h[0] != null && e.getKey().readable()) || (h[1] != null && e.getKey().writable())) return true;
        }
        return false;
    }

    /** Runs the handlers of the family's channels that are ready now; returns whether any ran. */
    boolean runFileEvents() throws TclException {
        boolean ran = false;
        for (EventLoop l : List.copyOf(notifier.loops)) ran |= l.runOwnFileEvents();
        return ran;
    }

    private boolean runOwnFileEvents() throws TclException {
        boolean ran = false;
        for (Source s : new ArrayList<>(polled)) {
            if (!polled.contains(s) || !s.ready()) continue;
            ran = true;
            try {
                s.run();
            } catch (TclException ex) {
                if (ex.exitStatus() != null) throw ex;
                if (ex.isError()) backgroundError(ex);
            }
        }
        for (Channel ch : new ArrayList<>(fileHandlers.keySet())) {
            for (int dir = 0; dir < 2; dir++) {
                Value[] h = fileHandlers.get(ch);
                if (h == null || h[dir] == null) continue;
                if (dir == 0 ? !ch.readable() : !ch.writable()) continue;
                Value script = h[dir];
                ran = true;
                try {
                    interp.evalGlobal(script);
                } catch (TclException ex) {
                    if (ex.exitStatus() != null) throw ex;
                    if (ex.isError()) {
                        // Tcl deletes a handler that fails, then reports the error.
                        Value[] now = fileHandlers.get(ch);
                        if (now != null && now[dir] == script) setFileHandler(ch, dir == 1, Value.EMPTY);
                        backgroundError(ex);
                    }
                }
            }
        }
        return ran;
    }

    /**
     * Marks the script thread as blocked outside this loop (expect, sleep) until called with false:
     * meanwhile an event source interrupts it, so it comes back to run the event. After the call
     * with false returns, no such interrupt is delivered any more.
     */
    public void waitingElsewhere(boolean on) {
        // The notifier's monitor, not its lock: it is taken twice at every expect's wait, and a
        // monitor costs the bytecode interpreter no calls. Only the interrupt needs it.
        if (on) {
            notifier.waiter = Thread.currentThread();
            return;
        }
        synchronized (notifier) {
            notifier.waiter = null;
            // A wakeup that raced the end of the wait must not break the script's next I/O
            // (trap work stays queued in the interpreter and runs before the next command).
            Thread.interrupted();
        }
    }

    /**
     * The System.nanoTime() deadline of the earliest timer; "now" when idle callbacks or posted work
     * are waiting; Long.MAX_VALUE when there is nothing to wait for.
     */
    public long nextDeadlineNanos() {
        if (anyPosted() || anyFileReady()) return System.nanoTime();
        long next = Long.MAX_VALUE;
        for (EventLoop l : notifier.loops) {
            for (Event e : l.pending.values()) {
                long d = e.idle ? System.nanoTime() : e.deadline;
                if (d < next) next = d;
            }
        }
        return next;
    }

    private boolean anyPosted() {
        for (EventLoop l : notifier.loops) if (!l.posted.isEmpty()) return true;
        return false;
    }

    /** Queues work from any thread to run in the script thread at the next {@link #runDue}. */
    public void post(Task task) {
        posted.add(task);
        wakeup();
    }

    /** Ends a {@link #waitUntil} early (callable from any thread). */
    public void wakeup() {
        notifier.lock.lock();
        try {
            notifier.woken = true;
            notifier.signal.signalAll();
        } finally {
            notifier.lock.unlock();
        }
        synchronized (notifier) {
            Thread waiter = notifier.waiter;
            if (waiter != null) waiter.interrupt();
        }
    }

    /**
     * Runs the posted work and the timers that are due, then the idle callbacks; returns whether
     * anything ran. Errors in scripts go to the background error handler, as in Tcl; only an
     * {@code exit} inside a handler propagates (as the TclException of exit).
     */
    public boolean runDue() throws TclException {
        boolean traps = interp.asyncPending();
        if (traps) interp.runAsync(); // signal traps first, as Tcl_DoOneEvent does
        return traps | runTimers() | runFileEvents() | runIdle();
    }

    /** Runs the family's posted work, then its timers that are due, earliest first. */
    boolean runTimers() throws TclException {
        boolean ran = false;
        for (EventLoop l : List.copyOf(notifier.loops)) ran |= l.runPosted();
        long now = System.nanoTime();
        List<Due> due = new ArrayList<>();
        for (EventLoop l : notifier.loops) {
            for (Event e : l.pending.values()) if (!e.idle && e.deadline - now <= 0) due.add(new Due(l, e));
        }
        due.sort((x, y) -> x.event.deadline != y.event.deadline
                ? Long.compare(x.event.deadline, y.event.deadline) : Long.compare(x.event.sequence, y.event.sequence));
        for (Due d : due) ran |= d.loop.runIfPending(d.event);
        return ran;
    }

    /** Runs the family's idle callbacks pending now, in the order they were made. */
    boolean runIdle() throws TclException {
        List<Due> idle = new ArrayList<>();
        for (EventLoop l : notifier.loops) {
            for (Event e : l.pending.values()) if (e.idle) idle.add(new Due(l, e));
        }
        idle.sort((x, y) -> Long.compare(x.event.sequence, y.event.sequence));
        for (Due d : idle) d.loop.runIfPending(d.event);
        return !idle.isEmpty();
    }

    private record Due(EventLoop loop, Event event) {}

    private boolean runPosted() throws TclException {
        boolean ran = false;
        for (Task t; (t = posted.poll()) != null; ) {
            try {
                t.run();
            } catch (TclException ex) {
                if (ex.exitStatus() != null) throw ex;
                if (ex.isError()) backgroundError(ex);
            }
            ran = true;
        }
        return ran;
    }

    /** Runs an event unless an earlier handler cancelled it (or deleted its interpreter). */
    private boolean runIfPending(Event e) throws TclException {
        if (pending.remove(e.id) == null) return false;
        run(e);
        return true;
    }

    private void run(Event e) throws TclException {
        try {
            interp.evalGlobal(e.script);
        } catch (TclException ex) {
            if (ex.exitStatus() != null) throw ex;
            if (ex.isError()) {
                ex.appendErrorInfo("\n    (\"after\" script)");
                backgroundError(ex);
            }
        }
    }

    /**
     * Reports an error from an event handler to the interp bgerror prefix (by default
     * ::tcl::Bgerror, which calls bgerror), as Tcl's HandleBgErrors: an exit there exits, an error
     * there is written to stderr.
     */
    public void backgroundError(TclException ex) throws TclException {
        List<Value> words = new ArrayList<>(InterpCommands.bgerrorHandler(interp).asList());
        words.add(ex.result());
        words.add(TryCommands.options(ex));
        try {
            interp.evalGlobalAllowingExceptions(Value.ofList(words), interp);
        } catch (TclException e) {
            if (e.exitStatus() != null) throw e;
            if (e.isError() && !InterpCommands.isSafe(interp)) {
                writeStderr(interp, "error in background error handler:\n" + e.errorInfo() + "\n");
            }
        }
    }

    /** Writes a report on an interpreter's stderr, if it has one. */
    static void writeStderr(Interp interp, String text) {
        try {
            interp.channels().stderr().write(text);
        } catch (TclException ignored) {
            // No stderr to report to.
        }
    }

    /**
     * Blocks the script thread until the deadline (System.nanoTime() based), the next timer, or a
     * {@link #wakeup}, whichever is first; it does not run anything itself.
     */
    public void waitUntil(long deadlineNanos) throws TclException {
        long until = Math.min(deadlineNanos, nextDeadlineNanos());
        interp.setAsyncWaker(this::wakeup);
        notifier.lock.lock();
        try {
            while (!notifier.woken && !anyPosted() && !interp.asyncPending()) {
                long left = until - System.nanoTime();
                if (left <= 0) break;
                notifier.signal.awaitNanos(left);
            }
            notifier.woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TclException.error("wait interrupted");
        } finally {
            notifier.lock.unlock();
            interp.setAsyncWaker(null);
        }
    }

    boolean cancel(String id) {
        return pending.remove(id) != null;
    }

    boolean cancelScript(String script) {
        for (Iterator<Event> it = pending.values().iterator(); it.hasNext(); ) {
            if (it.next().script.toString().equals(script)) {
                it.remove();
                return true;
            }
        }
        return false;
    }
}
