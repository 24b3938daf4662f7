package io.jexpect.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts sessions and keeps track of every program it started, so that none outlives the script:
 * {@link #shutdownAll()} ends them all. Other children can be put in its care too ({@link #startAdopted}).
 * Also holds the defaults for new sessions ({@code match_max -d}, {@code remove_nulls -d}).
 * Several engines can live in one JVM; nothing is static. Its threads (one {@link Poller} reading
 * all sessions, one {@link Reaper}, one timer for close escalation) start with the first spawn.
 */
public final class Engine implements AutoCloseable {
    private final Set<Session> live = ConcurrentHashMap.newKeySet();
    private final Set<ProcessHandle> adopted = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object(); // spawn and adopt against shutdown
    private boolean stopping;                      // guarded by lifecycle
    private Poller poller;                         // guarded by lifecycle
    private final Reaper reaper = new Reaper();
    private ScheduledExecutorService timers;       // guarded by lifecycle
    private volatile int defaultMatchMax = 2000;
    private volatile boolean defaultRemoveNulls = true;
    private volatile long termAfterMillis = 1000;
    private volatile long killAfterMillis = 2000;
    private Thread hook;

    /** Starts a program (see {@link SpawnOptions}); refused once {@link #shutdownAll()} has begun. */
    public Session spawn(SpawnOptions options) throws IOException {
        return spawn(options, null);
    }

    /**
     * Starts a program whose decoded output passes through {@code outputHook} (on the poller
     * thread, chunk by chunk, in order) before patterns see it: what it returns is buffered.
     */
    public Session spawn(SpawnOptions options, OutputHook outputHook) throws IOException {
        synchronized (lifecycle) {
            if (stopping) throw new SpawnException("couldn't execute \"" + options.command().get(0) + "\": shutting down");
            Spawner.Spawned sp = Spawner.spawn(options);
            Session s = new Session(this, sp, options.charset(), defaultMatchMax, defaultRemoveNulls, outputHook);
            live.add(s);
            reaper.add(s);
            return s;
        }
    }

    /** Convenience: a program on a terminal with default options. */
    public Session spawn(String... command) throws IOException {
        return spawn(SpawnOptions.of(command));
    }

    /**
     * A session over given streams, e.g. stdin/stdout for Expect's user_spawn_id: expect reads
     * {@code in}, send writes {@code out}. Either may be null (no input: immediately at eof).
     */
    public Session wrap(InputStream in, OutputStream out, Charset charset, String label) {
        return new Session(this, in, out, charset == null ? StandardCharsets.UTF_8 : charset,
            defaultMatchMax, defaultRemoveNulls, label);
    }

    /** Starts children outside the engine (a {@link ProcessBuilder} pipeline). */
    @FunctionalInterface
    public interface Starter<E extends Exception> {
        List<Process> start() throws E;
    }

    /**
     * Starts children elsewhere made (Tcl's {@code exec}) under the same rule as spawned programs:
     * until they exit, {@link #shutdownAll()} ends them and their descendants, and a shutdown that
     * begins meanwhile waits until they are known. Once shutdown has begun nothing is started and
     * this returns null.
     */
    public <E extends Exception> List<Process> startAdopted(Starter<E> starter) throws E {
        synchronized (lifecycle) {
            if (stopping) return null;
            List<Process> started = starter.start();
            for (Process p : started) {
                ProcessHandle h = p.toHandle();
                adopted.add(h);
                p.onExit().thenRun(() -> adopted.remove(h));
            }
            return started;
        }
    }

    public int defaultMatchMax() {
        return defaultMatchMax;
    }

    /** {@code match_max -d}: for sessions created from now on. */
    public void setDefaultMatchMax(int n) {
        if (n <= 0) throw new IllegalArgumentException("must be positive");
        defaultMatchMax = n;
    }

    public boolean defaultRemoveNulls() {
        return defaultRemoveNulls;
    }

    public void setDefaultRemoveNulls(boolean on) {
        defaultRemoveNulls = on;
    }

    /** The close escalation schedule: SIGTERM after {@code term} ms, SIGKILL {@code kill} ms later. */
    public void setCloseEscalation(long termMillis, long killMillis) {
        termAfterMillis = termMillis;
        killAfterMillis = killMillis;
    }

    /** Programs started and not yet reaped. */
    public List<Session> liveSessions() {
        return new ArrayList<>(live);
    }

    /**
     * The one way to end everything now (exit, a fatal signal, the JVM shutdown hook): refuses new
     * spawns, then hangs up every program at once, escalates what is left to SIGTERM and SIGKILL
     * (process groups, and descendants that left them), and returns once all are gone. Safe to call
     * from any thread, any number of times; a second caller waits for the first.
     */
    public void shutdownAll() {
        synchronized (lifecycle) {
            if (stopping && live.isEmpty() && adopted.isEmpty()) return;
            stopping = true;
            new Shutdown(new ArrayList<>(live), new ArrayList<>(adopted)).run();
            adopted.clear();
            if (poller != null) poller.stop();
            if (timers != null) timers.shutdownNow();
        }
    }

    /** Shuts down and removes the shutdown hook. */
    @Override
    public void close() {
        shutdownAll();
        removeShutdownHook();
    }

    /** Registers a JVM shutdown hook that calls {@link #shutdownAll()} (idempotent). */
    public synchronized void installShutdownHook() {
        if (hook != null) return;
        hook = new Thread(this::shutdownAll, "jexpect-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // Created while the JVM is already exiting: it must start nothing.
            synchronized (lifecycle) {
                stopping = true;
            }
        }
    }

    public synchronized void removeShutdownHook() {
        if (hook == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        hook = null;
    }

    // ---- for Session --------------------------------------------------------------------------

    Poller poller() {
        synchronized (lifecycle) {
            if (poller == null) poller = new Poller();
            return poller;
        }
    }

    void scheduleEscalation(Session s) {
        ScheduledExecutorService t;
        synchronized (lifecycle) {
            if (stopping) return; // shutdown escalates on its own
            if (timers == null) {
                timers = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread th = new Thread(r, "jexpect-close-escalation");
                    th.setDaemon(true);
                    return th;
                });
            }
            t = timers;
        }
        try {
            t.schedule(() -> {
                if (!s.groupAlive()) return;
                s.escalate(Signals.SIGTERM);
                t.schedule(() -> {
                    if (s.groupAlive()) s.escalate(Signals.SIGKILL);
                    s.pollExit();
                }, killAfterMillis, TimeUnit.MILLISECONDS);
            }, termAfterMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // engine shut down meanwhile: shutdownAll() dealt with it
        }
    }

    void reaped(Session s) {
        live.remove(s);
        reaper.remove(s);
        s.exited();
    }
}
