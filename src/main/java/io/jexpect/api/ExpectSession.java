package io.jexpect.api;

import io.jexpect.engine.Case;
import io.jexpect.engine.Engine;
import io.jexpect.engine.ExpectResult;
import io.jexpect.engine.Expecter;
import io.jexpect.engine.Session;
import io.jexpect.engine.Signals;
import io.jexpect.engine.SpawnOptions;
import io.jexpect.screen.ScreenTap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A program on a pseudo-terminal, driven from Java:
 * <pre>{@code
 * try (ExpectSession s = ExpectSession.spawn("python3", "-q", "-i")) {
 *     s.expect(">>> ");
 *     s.sendLine("6*7");
 *     String answer = s.expectRegex("\n(\\d+)\r\n").group(1); // after the echoed "6*7"
 * }
 * }</pre>
 * Patterns have Expect's semantics (glob, exact, Tcl regex; the first alternative listed wins, not
 * the earliest in the output). A wait that ends without one of its alternatives throws
 * {@link ExpectException}; list {@link Expected#EOF} or {@link Expected#TIMEOUT} to get them as a
 * {@link Match} instead.
 *
 * <p>One thread at a time may expect on a session; sending is allowed from any thread meanwhile.
 * Closing ends the program (hang-up, then SIGTERM and SIGKILL if it lingers) and reaps it. A
 * session never closed still has its program ended when the JVM exits.
 */
public final class ExpectSession implements AutoCloseable {
    private final Engine engine;
    private final Session session;
    private final List<SessionObserver> observers;
    private final ScreenTap tap; // null without Builder.screen()
    private volatile Duration timeout;

    private ExpectSession(Engine engine, Session session, List<SessionObserver> observers, Duration timeout, ScreenTap tap) {
        this.engine = engine;
        this.session = session;
        this.observers = observers;
        this.timeout = timeout;
        this.tap = tap;
    }

    /** Starts a program on a pseudo-terminal with default settings (the program is looked up on PATH). */
    public static ExpectSession spawn(String... command) {
        return builder(command).start();
    }

    /** Settings for a program to start: {@code ExpectSession.builder("ssh", host).timeout(...).start()}. */
    public static Builder builder(String... command) {
        return new Builder(List.of(command));
    }

    /** Settings for a program to start, its words as a list. */
    public static Builder builder(List<String> command) {
        return new Builder(command);
    }

    // ---- settings -----------------------------------------------------------------------------

    /** How long each expect waits unless given its own timeout (default 10 s); negative waits forever. */
    public ExpectSession timeout(Duration d) {
        timeout = d;
        return this;
    }

    /** The default timeout of this session's expects. */
    public Duration timeout() {
        return timeout;
    }

    /** Adds an observer of the traffic from now on. */
    public ExpectSession observe(SessionObserver observer) {
        observers.add(observer);
        return this;
    }

    /** Writes everything the program prints to {@code log} from now on (as Expect's {@code log_file}). */
    public ExpectSession logTo(Appendable log) {
        return observe(new AppendingObserver(log));
    }

    // ---- sending ------------------------------------------------------------------------------

    /** Writes text to the program as it is (no line end added). */
    public ExpectSession send(String text) {
        // Observers see the text before it goes: the reader thread can record the program's
        // answer (a terminal's echo) before this thread is back from the write.
        for (SessionObserver o : observers) {
            try {
                o.sent(text);
            } catch (RuntimeException ignored) {
                // see SessionObserver
            }
        }
        try {
            session.send(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Sends text and a line end: a carriage return on a terminal (what its Enter key sends, which
     * the terminal turns into a newline for the program), a newline on {@linkplain Builder#pipes() pipes}.
     */
    public ExpectSession sendLine(String text) {
        return send(text + (session.isPty() ? "\r" : "\n"));
    }

    /**
     * Sends a control character, as typing Ctrl and {@code key} does: {@code sendControl('c')}
     * interrupts, {@code 'd'} ends the input, {@code 'z'} suspends (on a terminal, with its default
     * settings).
     */
    public ExpectSession sendControl(char key) {
        char upper = Character.toUpperCase(key);
        if (upper < '@' || upper > '_') throw new IllegalArgumentException("no control character for '" + key + "'");
        return send(String.valueOf((char) (upper & 0x1f)));
    }

    /** Ctrl-C: the terminal turns it into SIGINT for the program's foreground process group. */
    public ExpectSession interrupt() {
        return sendControl('c');
    }

    /**
     * Ends the program's input. On a terminal this is Ctrl-D, which gives the program end of input
     * (a read of 0 bytes) when it comes at the start of a line, and elsewhere ends the line without
     * a newline. On {@linkplain Builder#pipes() pipes} the program's stdin is closed: it reads end
     * of file, and later sends fail.
     */
    public ExpectSession sendEof() {
        if (session.isPty()) return sendControl('d');
        if (!session.closeInput()) throw new UncheckedIOException(new IOException("session is closed"));
        return this;
    }

    /** Resizes the terminal; the program gets SIGWINCH (no effect on pipes). */
    public ExpectSession setWindowSize(int rows, int columns) {
        if (rows <= 0 || columns <= 0) throw new IllegalArgumentException("rows and columns must be positive");
        session.setWindowSize(rows, columns);
        return this;
    }

    /** The terminal's {rows, columns} ({0, 0} when never set, and on pipes). */
    public int[] windowSize() {
        return session.windowSize();
    }

    /**
     * The virtual terminal the program draws on, as it is now.
     *
     * @throws IllegalStateException for a session started without {@link Builder#screen()}
     */
    public Screen screen() {
        if (tap == null) throw new IllegalStateException(this + " has no screen: start it with ExpectSession.builder(...).screen()");
        tap.sync();
        return new Screen(tap.terminal());
    }

    // ---- expecting ----------------------------------------------------------------------------

    /** Waits for a glob pattern (Expect's default kind). */
    public Match expect(String glob) {
        return expectAny(Expected.glob(glob));
    }

    /** Waits for a literal text. */
    public Match expectExact(String text) {
        return expectAny(Expected.exact(text));
    }

    /** Waits for a Tcl regular expression; {@link Match#group(int)} gives its groups. */
    public Match expectRegex(String tclRegex) {
        return expectAny(Expected.regex(tclRegex));
    }

    /** Waits, up to the session's timeout, for the first of several alternatives (list order decides); {@link Match#index()} says which. */
    public Match expectAny(Expected... alternatives) {
        return expectAny(timeout, alternatives);
    }

    /** {@link #expectAny(Expected...)} with this call's own timeout (negative: wait forever). */
    public Match expectAny(Duration timeout, Expected... alternatives) {
        return expectAny(List.of(this), timeout, alternatives);
    }

    /**
     * Waits on several sessions at once for the first alternative any of them matches (Expect's
     * {@code expect -i $ids}); {@link Match#session()} says which session. Sessions are tried in the
     * order given when several have output; eof is reported for the first session whose output ended.
     */
    public static Match expectAny(Collection<ExpectSession> sessions, Duration timeout, Expected... alternatives) {
        if (sessions.isEmpty()) throw new IllegalArgumentException("no session to expect on");
        if (alternatives.length == 0) throw new IllegalArgumentException("nothing to expect");
        Map<Session, ExpectSession> bySession = new IdentityHashMap<>();
        for (ExpectSession s : sessions) bySession.put(s.session, s);
        List<Case> cases = new ArrayList<>();
        for (Expected e : alternatives) {
            if (e.onScreen()) for (ExpectSession s : sessions) s.screen(); // fails early for a session without one
            cases.add(Case.of(e.pattern(s -> bySession.get(s).tap.terminal())));
        }
        long millis = timeout.isNegative() ? -1 : timeout.toMillis();
        ExpectResult r;
        try {
            r = new Expecter().expect(new ArrayList<>(bySession.keySet()), cases, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExpectException("interrupted", unmatched(sessions));
        }
        return switch (r.outcome()) {
            case MATCH -> {
                ExpectResult.Group whole = r.groups().getFirst();
                List<String> groups = r.groups().stream().map(g -> g == null ? null : g.text()).toList();
                yield new Match(r.caseIndex(), r.buffer().substring(0, whole.start()), groups, false, false,
                        bySession.get(r.session()));
            }
            case EOF -> {
                if (r.caseIndex() < 0) throw new ExpectException("eof before a match", r.buffer());
                yield new Match(r.caseIndex(), r.buffer(), List.of(), true, false, bySession.get(r.session()));
            }
            case TIMEOUT -> {
                if (r.caseIndex() < 0) throw new ExpectException("timeout after " + millis + " ms", unmatched(sessions));
                ExpectSession only = sessions.size() == 1 ? sessions.iterator().next() : null;
                yield new Match(r.caseIndex(), unmatched(sessions), List.of(), false, true, only);
            }
            case FULL_BUFFER -> throw new ExpectException("buffer full", r.buffer());
        };
    }

    private static String unmatched(Collection<ExpectSession> sessions) {
        StringBuilder sb = new StringBuilder();
        for (ExpectSession s : sessions) sb.append(s.session.buffer());
        return sb.toString();
    }

    /** Waits for the program's output to end, returning what was left unmatched. */
    public String expectEof() {
        return expectEof(timeout);
    }

    /** {@link #expectEof()} with this call's own timeout. */
    public String expectEof(Duration timeout) {
        return expectAny(timeout, Expected.EOF).before();
    }

    /**
     * {@link #expectAny(Duration, Expected...)} on a virtual thread: the future completes with the
     * match, or exceptionally with {@link ExpectException}. Do not expect on this session until it is done.
     */
    public CompletableFuture<Match> expectAsync(Duration timeout, Expected... alternatives) {
        return CompletableFuture.supplyAsync(() -> expectAny(timeout, alternatives), r -> Thread.ofVirtual().start(r));
    }

    // ---- the process --------------------------------------------------------------------------

    /** The program's process id. */
    public long pid() {
        return session.pid();
    }

    /** True until the program has exited (reaping it if it has). */
    public boolean isAlive() {
        return session.exitStatusNow().isEmpty();
    }

    /** How the program ended, or empty while it runs (does not wait). */
    public Optional<ExitStatus> exitStatus() {
        return session.exitStatusNow().map(ExitStatus::of);
    }

    /**
     * Sends a signal to the program's process group, e.g. {@code kill(15)}.
     *
     * @return false when the program is already gone
     */
    public boolean kill(int signal) {
        if (signal <= 0) throw new IllegalArgumentException("bad signal " + signal);
        return session.signal(signal);
    }

    /**
     * Sends a signal by name: {@code "TERM"}, {@code "SIGKILL"}, {@code "HUP"}, {@code "INT"} …
     *
     * @return false when the program is already gone
     */
    public boolean kill(String signalName) {
        int sig = Signals.number(signalName.toUpperCase(java.util.Locale.ROOT));
        if (sig < 0) throw new IllegalArgumentException("unknown signal " + signalName);
        return kill(sig);
    }

    /** Waits for the program to exit, however long it takes, and reaps it. */
    public ExitStatus waitFor() {
        try {
            return ExitStatus.of(session.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pid " + pid(), e);
        }
    }

    /** Waits at most {@code limit} for the program to exit; empty if it is still running then. */
    public Optional<ExitStatus> waitFor(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<ExitStatus> st = exitStatus();
            if (st.isPresent() || System.nanoTime() >= end) return st;
            try {
                Thread.sleep(Math.min(10, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return exitStatus();
            }
        }
    }

    /** Ends the program (hang-up, then SIGTERM, then SIGKILL to its process group) and reaps it. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "ExpectSession[pid " + pid() + "]";
    }

    /** What to start and how; {@link #start()} spawns it. */
    public static final class Builder {
        private SpawnOptions options;
        private Duration timeout = Duration.ofSeconds(10);
        private OutputFilter filter;
        private boolean screen;
        private final List<SessionObserver> observers = new CopyOnWriteArrayList<>();

        private Builder(List<String> command) {
            options = SpawnOptions.of(command);
        }

        /** Default timeout of the session's expects (10 s unless set). */
        public Builder timeout(Duration d) {
            timeout = d;
            return this;
        }

        /** Working directory (default: the JVM's). */
        public Builder directory(Path dir) {
            options = options.withDirectory(dir);
            return this;
        }

        /** Environment variables set on top of the JVM's environment (a null value removes one). */
        public Builder environment(Map<String, String> overrides) {
            Map<String, String> env = new LinkedHashMap<>(options.environment());
            env.putAll(overrides);
            options = options.withEnvironment(env);
            return this;
        }

        /** The terminal's size from the start (default: unset, as Expect's 0x0). */
        public Builder windowSize(int rows, int columns) {
            options = options.withWindowSize(rows, columns);
            return this;
        }

        /**
         * Plain pipes instead of a terminal, for programs that need none: stderr comes merged into
         * the output, nothing is echoed or translated, {@link #sendLine} ends lines with a newline
         * and {@link #sendEof} closes the program's stdin.
         */
        public Builder pipes() {
            options = options.withPipes();
            return this;
        }

        /** Extra {@code stty} settings applied before the program starts, e.g. {@code "-echo"}. */
        public Builder stty(String... settings) {
            options = options.withStty(List.of(settings));
            return this;
        }

        /** The program's encoding (UTF-8 unless set). */
        public Builder charset(Charset cs) {
            options = options.withCharset(cs);
            return this;
        }

        /** Rewrites the output before patterns see it (e.g. {@link OutputFilter#stripAnsi()}); several are applied in order. */
        public Builder filter(OutputFilter f) {
            filter = filter == null ? f : filter.andThen(f);
            return this;
        }

        /**
         * Gives the session a virtual terminal ({@link ExpectSession#screen()}, {@link Expected#screen}):
         * the program is told TERM=xterm-256color (unless the environment sets TERM) and, unless
         * {@link #windowSize} says otherwise, a 24x80 window; resizes reach the screen too.
         */
        public Builder screen() {
            screen = true;
            return this;
        }

        /** Observes the traffic from the very first byte. */
        public Builder observe(SessionObserver o) {
            observers.add(o);
            return this;
        }

        /** Logs everything the program prints, from the first byte (as Expect's {@code log_file}). */
        public Builder logTo(Appendable log) {
            return observe(new AppendingObserver(log));
        }

        /**
         * Starts the program.
         *
         * @throws UncheckedIOException when it cannot be started (not found, not executable …)
         */
        public ExpectSession start() {
            Engine engine = new Engine();
            OutputFilter f = filter;
            List<SessionObserver> obs = observers;
            SpawnOptions opts = options;
            ScreenTap tap = null;
            if (screen) {
                if (!opts.pty()) throw new IllegalStateException("a screen needs a terminal, not pipes()");
                if (opts.rows() == 0 || opts.columns() == 0) opts = opts.withWindowSize(24, 80);
                if (!opts.environment().containsKey("TERM")) {
                    Map<String, String> env = new LinkedHashMap<>(opts.environment());
                    env.put("TERM", "xterm-256color");
                    opts = opts.withEnvironment(env);
                }
                tap = new ScreenTap(opts.rows(), opts.columns());
            }
            ScreenTap screenTap = tap;
            try {
                Session s = engine.spawn(opts, text -> {
                    if (screenTap != null) screenTap.output(text); // drawn as it came, before any filter
                    for (SessionObserver o : obs) {
                        try {
                            o.received(text);
                        } catch (RuntimeException ignored) {
                            // see SessionObserver
                        }
                    }
                    return f == null ? text : f.apply(text);
                });
                if (screenTap != null) screenTap.attach(s);
                engine.installShutdownHook();
                return new ExpectSession(engine, s, obs, timeout, screenTap);
            } catch (IOException e) {
                engine.close();
                throw new UncheckedIOException(e.getMessage(), e);
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        }
    }

    /** logTo's observer: received text, appended under a lock (the thread reading the output writes it). */
    private record AppendingObserver(Appendable log) implements SessionObserver {
        @Override
        public void received(String text) {
            synchronized (log) {
                try {
                    log.append(text);
                } catch (IOException ignored) {
                    // a failing log must not disturb the session
                }
            }
        }
    }
}
