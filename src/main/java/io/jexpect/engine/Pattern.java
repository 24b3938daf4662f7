package io.jexpect.engine;

import com.basistech.tclre.PatternFlags;
import com.basistech.tclre.RePattern;
import com.basistech.tclre.RegexException;

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
