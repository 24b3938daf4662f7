package io.jexpect.api;

import io.jexpect.engine.Pattern;

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

    private Expected(Pattern pattern, String shown) {
        this.pattern = pattern;
        this.shown = shown;
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
