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
 * {@link #shutdown()} hangs up, terminates and kills every remaining process group and reaps it.
 * Also holds the defaults for new sessions ({@code match_max -d}, {@code remove_nulls -d}).
 * Several engines can live in one JVM; nothing is static.
 */
public final class Engine implements AutoCloseable {
    private final Set<Session> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jexpect-close-escalation");
        t.setDaemon(true);
        return t;
    });
    private volatile int defaultMatchMax = 2000;
    private volatile boolean defaultRemoveNulls = true;
    private volatile long termAfterMillis = 1000;
    private volatile long killAfterMillis = 2000;
    private Thread hook;

    /** Starts a program (see {@link SpawnOptions}). */
    public Session spawn(SpawnOptions options) throws IOException {
        Spawner.Spawned sp = Spawner.spawn(options);
        Session s = new Session(this, sp, options.charset(), defaultMatchMax, defaultRemoveNulls);
        live.add(s);
        return s;
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
     * Ends every program this engine started: hang up, then SIGTERM, then SIGKILL to each process
     * group (and to descendants that left it) within about {@code graceMillis}, then reaps.
     */
    public void shutdown(long graceMillis) {
        List<Session> all = new ArrayList<>(live);
        List<ProcessHandle> strays = new ArrayList<>();
        for (Session s : all) {
            ProcessHandle.of(s.pid()).ifPresent(h -> h.descendants().forEach(strays::add));
            s.close();
            s.escalate(Signals.SIGHUP);
        }
        waitGone(all, graceMillis / 3);
        for (Session s : all) if (s.groupAlive()) s.escalate(Signals.SIGTERM);
        waitGone(all, graceMillis - graceMillis / 3);
        for (Session s : all) if (s.groupAlive()) s.escalate(Signals.SIGKILL);
        for (ProcessHandle h : strays) if (h.isAlive()) h.destroyForcibly();
        waitGone(all, 1000);
        for (Session s : all) s.pollExit();
    }

    /** {@link #shutdown(long)} with a 300 ms grace. */
    public void shutdown() {
        shutdown(300);
    }

    /** Shuts down and stops the engine's timer thread. */
    @Override
    public void close() {
        shutdown();
        timers.shutdownNow();
        removeShutdownHook();
    }

    /** Registers a JVM shutdown hook that ends every remaining program (idempotent). */
    public synchronized void installShutdownHook() {
        if (hook != null) return;
        hook = new Thread(() -> shutdown(200), "jexpect-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
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

    void scheduleEscalation(Session s) {
        try {
            timers.schedule(() -> {
                if (!s.groupAlive()) return;
                s.escalate(Signals.SIGTERM);
                timers.schedule(() -> {
                    if (s.groupAlive()) s.escalate(Signals.SIGKILL);
                    s.pollExit();
                }, killAfterMillis, TimeUnit.MILLISECONDS);
            }, termAfterMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // engine closed: shutdown() already dealt with it
        }
    }

    void reaped(Session s) {
        live.remove(s);
    }

    private static void waitGone(List<Session> all, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            boolean any = false;
            for (Session s : all) any |= s.groupAlive();
            if (!any) return;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
