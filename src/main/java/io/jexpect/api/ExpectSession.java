package io.jexpect.api;

import io.jexpect.engine.Case;
import io.jexpect.engine.Engine;
import io.jexpect.engine.ExitStatus;
import io.jexpect.engine.ExpectResult;
import io.jexpect.engine.Expecter;
import io.jexpect.engine.Pattern;
import io.jexpect.engine.Session;
import io.jexpect.engine.SpawnOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A spawned program driven from Java, fluently:
 * <pre>{@code
 * try (ExpectSession s = ExpectSession.spawn("python3", "-i")) {
 *     s.expect(">>> ");
 *     s.sendLine("6*7");
 *     String answer = s.expectRegex("\n(\\d+)\r\n").group(1); // after the echoed "6*7"
 * }
 * }</pre>
 * Patterns have Expect's semantics (glob, exact, Tcl regex; the first pattern listed wins). A wait
 * that ends without a match throws {@link ExpectException} carrying the unmatched output.
 * Closing ends the program (hang-up, then TERM and KILL if it lingers) and reaps it.
 */
public final class ExpectSession implements AutoCloseable {
    private final Engine engine;
    private final Session session;
    private Duration timeout = Duration.ofSeconds(10);

    private ExpectSession(Engine engine, Session session) {
        this.engine = engine;
        this.session = session;
    }

    /** Starts a program on a pseudo-terminal. */
    public static ExpectSession spawn(String... command) throws IOException {
        return spawn(SpawnOptions.of(command));
    }

    public static ExpectSession spawn(SpawnOptions options) throws IOException {
        Engine engine = new Engine();
        try {
            return new ExpectSession(engine, engine.spawn(options));
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** How long each expect waits (default 10 s); a negative duration waits forever. */
    public ExpectSession timeout(Duration d) {
        timeout = d;
        return this;
    }

    public ExpectSession send(String text) {
        try {
            session.send(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sends text and a carriage return, which is what a terminal's Enter key sends. */
    public ExpectSession sendLine(String text) {
        return send(text + "\r");
    }

    /** Waits for a glob pattern (Expect's default kind). */
    public Match expect(String glob) {
        return expectAny(Pattern.glob(glob));
    }

    public Match expectExact(String text) {
        return expectAny(Pattern.exact(text));
    }

    public Match expectRegex(String tclRegex) {
        return expectAny(Pattern.regex(tclRegex));
    }

    /** Waits for the first of several patterns (list order decides); {@link Match#index()} says which. */
    public Match expectAny(Pattern... patterns) {
        List<Case> cases = new ArrayList<>();
        for (Pattern p : patterns) cases.add(Case.of(p));
        ExpectResult r;
        try {
            r = new Expecter().expect(List.of(session), cases, timeout.isNegative() ? -1 : timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExpectException("interrupted", session.buffer().toString());
        }
        return switch (r.outcome()) {
            case MATCH -> new Match(r.caseIndex(), r.buffer(), r.groups().stream()
                    .map(g -> g == null ? null : g.text()).toList());
            case EOF -> throw new ExpectException("eof before a match", r.buffer());
            case TIMEOUT -> throw new ExpectException("timeout after " + timeout.toMillis() + " ms", session.buffer().toString());
            case FULL_BUFFER -> throw new ExpectException("buffer full", r.buffer());
        };
    }

    /** Waits for the program's output to end, returning what was left unmatched. */
    public String expectEof() {
        ExpectResult r;
        try {
            r = new Expecter().expect(List.of(session), List.of(Case.of(new Pattern.Eof())),
                    timeout.isNegative() ? -1 : timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExpectException("interrupted", session.buffer().toString());
        }
        if (r.outcome() != ExpectResult.Outcome.EOF) throw new ExpectException("no eof within the timeout", session.buffer().toString());
        return r.buffer();
    }

    public long pid() {
        return session.pid();
    }

    /** Waits for the program to exit and reaps it. */
    public ExitStatus waitFor() {
        try {
            return session.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    /** A successful match: which pattern, the consumed output up to the match's end, and the groups. */
    public record Match(int index, String buffer, List<String> groups) {
        /** Group 0 is the whole match. */
        public String group(int n) {
            return n < groups.size() ? groups.get(n) : null;
        }
    }

    /** An expect that ended without a match. */
    public static final class ExpectException extends RuntimeException {
        private final String unmatched;

        ExpectException(String why, String unmatched) {
            super(why + "; unmatched output: \"" + tail(unmatched) + "\"");
            this.unmatched = unmatched;
        }

        public String unmatched() {
            return unmatched;
        }

        private static String tail(String s) {
            String t = s.length() > 200 ? "..." + s.substring(s.length() - 200) : s;
            return t.replace("\r", "\\r").replace("\n", "\\n");
        }
    }
}
