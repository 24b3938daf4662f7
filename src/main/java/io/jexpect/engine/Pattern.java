package io.jexpect.engine;

import io.jexpect.regex.PatternFlags;
import io.jexpect.regex.RePattern;
import io.jexpect.regex.RegexException;

import java.util.EnumSet;

/**
 * One expect case's pattern. Text patterns ({@link Glob}, {@link Exact}, {@link Regex}, {@link Null})
 * are searched in a session's buffer; the keywords ({@link Eof}, {@link Timeout}, {@link Default},
 * {@link FullBuffer}) are outcomes the {@link Expecter} reports.
 */
public sealed interface Pattern {

    /** Expect's glob (Exp_StringCaseMatch): unanchored, greedy {@code *}, {@code ^}/{@code $} anchor to the buffer. */
    record Glob(String pattern, boolean nocase) implements Pattern {
    }

    /** {@code -ex}: a literal substring. */
    record Exact(String text, boolean nocase) implements Pattern {
    }

    /**
     * {@code -re}: a Tcl advanced regular expression (leftmost, then longest as Tcl picks);
     * {@code compiled} is null for a pattern that can never match, such as {@code c$x}.
     */
    record Regex(String source, boolean nocase, RePattern compiled) implements Pattern {
        @Override
        public String toString() {
            return "Regex[" + source + (nocase ? ", nocase" : "") + "]";
        }
    }

    /** {@code null}: a NUL character (only seen when remove_nulls is off). */
    record Null() implements Pattern {
    }

    /** {@code eof}: the program's output ended. */
    record Eof() implements Pattern {
    }

    /** {@code timeout}: the deadline passed. */
    record Timeout() implements Pattern {
    }

    /** {@code default}: timeout or eof. */
    record Default() implements Pattern {
    }

    /** {@code full_buffer}: the buffer is two thirds full; the case gets the oldest third. */
    record FullBuffer() implements Pattern {
    }

    /**
     * {@code expect -screen} and the like: a condition a client of the engine tests on a session
     * (its rendered screen, say), tried in list order with the text patterns.
     */
    record Probe(Condition condition) implements Pattern {
    }

    /** What a {@link Probe} tests. Called on the expecting thread. */
    interface Condition {
        /** An expect call that tests this condition begins (a condition may measure time from here). */
        default void started() {
        }

        /** The match as things stand, or null. */
        Found test(Session session);

        /** When ({@link System#nanoTime}) to test again if no output comes first; {@link Long#MAX_VALUE} for never. */
        default long retestAt(Session session) {
            return Long.MAX_VALUE;
        }
    }

    /** A condition's match: what expect_out(buffer) becomes, and the matched groups. */
    record Found(String buffer, java.util.List<ExpectResult.Group> groups) {
    }

    /**
     * Searches a whole text (not a session's output) for a text pattern with the rules expect
     * uses; the groups as {@link ExpectResult#groups()} gives them, or null when it does not match.
     */
    static java.util.List<ExpectResult.Group> find(Pattern textPattern, String text) {
        if (!textPattern.isText()) throw new IllegalArgumentException("not a text pattern: " + textPattern);
        Searcher.Hit h = Searcher.forPattern(textPattern).search(MatchBuffer.holding(text));
        if (h == null) return null;
        java.util.List<ExpectResult.Group> groups = new java.util.ArrayList<>();
        for (int g = 0; g < h.groups(); g++) {
            int st = h.groupStart(g), en = h.groupEnd(g);
            groups.add(st < 0 ? null : new ExpectResult.Group(text.substring(st, en), st, en - 1));
        }
        return java.util.Collections.unmodifiableList(groups);
    }

    static Pattern glob(String p) {
        return new Glob(p, false);
    }

    static Pattern exact(String s) {
        return new Exact(s, false);
    }

    /**
     * Compiles a Tcl ARE.
     *
     * @throws IllegalArgumentException with the regex engine's message when it does not compile
     */
    static Regex regex(String source, boolean nocase) {
        EnumSet<PatternFlags> flags = EnumSet.of(PatternFlags.ADVANCED);
        if (nocase) flags.add(PatternFlags.ICASE);
        try {
            RePattern re = Are.compile(source, flags);
            return new Regex(source, nocase, Are.neverMatches(re) ? null : re);
        } catch (RegexException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static Pattern regex(String source) {
        return regex(source, false);
    }

    /** True for the patterns searched in text (not eof/timeout/default/full_buffer). */
    default boolean isText() {
        return this instanceof Glob || this instanceof Exact || this instanceof Regex || this instanceof Null;
    }
}
