package io.jexpect.api;

import io.jexpect.engine.Pattern;
import io.jexpect.engine.Session;
import io.jexpect.screen.ScreenPattern;
import io.jexpect.screen.VirtualTerminal;
import java.time.Duration;
import java.util.function.Function;

/**
 * One alternative an {@link ExpectSession} can wait for: text (glob, exact, Tcl regular
 * expression) or an outcome ({@link #EOF}, {@link #TIMEOUT}). Listing {@code EOF} or
 * {@code TIMEOUT} makes that outcome a result instead of an {@link ExpectException}, as pexpect's
 * {@code expect([pattern, EOF, TIMEOUT])} does:
 * <pre>{@code
 * Match m = s.expectAny(Expected.exact("$ "), Expected.EOF, Expected.TIMEOUT);
 * if (m.isTimeout()) ...
 * }</pre>
 * Values are immutable and may be shared between threads and sessions.
 */
public final class Expected {
    /** The program's output ended (everything left unmatched becomes {@link Match#before()}). */
    public static final Expected EOF = new Expected(new Pattern.Eof(), "eof");
    /** The wait's timeout passed. */
    public static final Expected TIMEOUT = new Expected(new Pattern.Timeout(), "timeout");

    private final Pattern pattern;
    private final String shown;
    /** For screen alternatives: how long the screen must have been still (null: not on the screen). */
    private final Duration stable;

    private Expected(Pattern pattern, String shown) {
        this(pattern, shown, null);
    }

    private Expected(Pattern pattern, String shown, Duration stable) {
        this.pattern = pattern;
        this.shown = shown;
        this.stable = stable;
    }

    /**
     * A glob matched against the session's rendered {@link Screen} (its rows joined by newlines,
     * trailing blanks trimmed) rather than its output stream; for sessions started with
     * {@link ExpectSession.Builder#screen()}. {@link Match#buffer()} is the screen's text.
     */
    public static Expected screen(String glob) {
        return new Expected(new Pattern.Glob(glob, false), "screen glob " + glob, Duration.ZERO);
    }

    /** {@link #screen(String)} with a literal text. */
    public static Expected screenExact(String text) {
        return new Expected(new Pattern.Exact(text, false), "screen exact " + text, Duration.ZERO);
    }

    /** {@link #screen(String)} with a Tcl regular expression ({@code (?n)} makes ^ and $ match at rows). */
    public static Expected screenRegex(String tclRegex) {
        return new Expected(Pattern.regex(tclRegex, false), "screen regex " + tclRegex, Duration.ZERO);
    }

    /**
     * This screen alternative, matched only once the screen has not changed for {@code still}
     * (counted from the later of its last change and the start of the wait): for programs that
     * repaint in several steps. {@code Expected.screen("*").stable(d)} waits for any still screen.
     *
     * @throws IllegalStateException for an alternative on the output stream
     */
    public Expected stable(Duration still) {
        if (stable == null) throw new IllegalStateException("stable() is for screen alternatives, not " + shown);
        return new Expected(pattern, shown + " (stable " + still.toMillis() + " ms)", still);
    }

    /** True for an alternative on the rendered screen. */
    boolean onScreen() {
        return stable != null;
    }

    /** The engine's pattern; a screen alternative looks up each session's screen through {@code screens}. */
    Pattern pattern(Function<Session, VirtualTerminal> screens) {
        return stable == null ? pattern : new Pattern.Probe(new ScreenPattern(pattern, stable.toMillis(), screens));
    }

    /** Expect's glob: {@code *}, {@code ?}, {@code [a-z]}, unanchored unless {@code ^}/{@code $} are used. */
    public static Expected glob(String pattern) {
        return new Expected(new Pattern.Glob(pattern, false), "glob " + pattern);
    }

    /** A literal substring. */
    public static Expected exact(String text) {
        return new Expected(new Pattern.Exact(text, false), "exact " + text);
    }

    /** A literal substring, ignoring case. */
    public static Expected exactIgnoringCase(String text) {
        return new Expected(new Pattern.Exact(text, true), "exact (nocase) " + text);
    }

    /**
     * A Tcl advanced regular expression (Tcl's leftmost-longest choice, {@code \d}, {@code [[:alpha:]]}).
     *
     * @throws IllegalArgumentException when it does not compile
     */
    public static Expected regex(String tclRegex) {
        return new Expected(Pattern.regex(tclRegex, false), "regex " + tclRegex);
    }

    /** {@link #regex(String)}, ignoring case. */
    public static Expected regexIgnoringCase(String tclRegex) {
        return new Expected(Pattern.regex(tclRegex, true), "regex (nocase) " + tclRegex);
    }

    Pattern pattern() {
        return pattern;
    }

    /** The alternative as written, e.g. {@code exact $ }. */
    @Override
    public String toString() {
        return shown;
    }
}
