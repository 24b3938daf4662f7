package io.jexpect.engine;

import io.jexpect.regex.HsrePattern;
import io.jexpect.regex.PatternFlags;
import io.jexpect.regex.RePattern;
import io.jexpect.regex.RegexException;
import io.jexpect.regex.RegexRuntimeException;
import java.util.EnumSet;

/**
 * Compiles Tcl advanced regular expressions with io.jexpect.regex, covering where that port departs from
 * Tcl 8.6's C engine: a backwards range such as {@code [z-a]} is an error in Tcl (the port makes
 * the whole pattern impossible), a pattern that can never match is simply no match (the port throws
 * "Regex marked impossible" at each search, or "Impossible arc" while compiling, where the C code
 * quietly drops the arc).
 */
public final class Are {
    private Are() {}

    /**
     * The compiled pattern, or null when the port cannot build it although Tcl would (then, as
     * far as the port can tell, it never matches).
     *
     * @throws RegexException with Tcl's wording for a range out of order, and the engine's errors
     */
    public static RePattern compile(String source, EnumSet<PatternFlags> flags) throws RegexException {
        new Shape(source, flags.contains(PatternFlags.EXPANDED)).check();
        if (flags.contains(PatternFlags.EXPANDED)) source = tighten(source);
        RePattern re;
        try {
            re = HsrePattern.compile(source, flags);
        } catch (RuntimeException e) {
            if (e instanceof RegexRuntimeException r && r.getCause() instanceof RegexException cause) throw cause;
            if ("Impossible arc".equals(e.getMessage())) return null;
            throw e;
        }
        return re;
    }

    /**
     * An expanded (-expanded) pattern with each run of white space and # comments outside bracket
     * expressions made one space, escapes kept: the port's own expanded mode takes only the space
     * as white space, so a tab, a newline or a comment line broke the pattern. The port still
     * skips the spaces itself, so -about reports REG_UNONPOSIX as Tcl does.
     */
    static String tighten(String p) {
        StringBuilder out = new StringBuilder(p.length());
        int i = 0;
        int n = p.length();
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(c).append(p.charAt(i + 1));
                i += 2;
            } else if (Character.isWhitespace(c) || c == '#') {
                if (c == '#') {
                    while (i < n && p.charAt(i) != '\n') i++;
                } else {
                    i++;
                }
                if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') out.append(' ');
            } else if (c == '[') {
                int end = bracketEnd(p, i);
                out.append(p, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index just past the bracket expression opening at start (or the end of the pattern). */
    private static int bracketEnd(String p, int start) {
        int i = start + 1;
        int n = p.length();
        if (i < n && p.charAt(i) == '^') i++;
        if (i < n && p.charAt(i) == ']') i++;
        while (i < n && p.charAt(i) != ']') {
            char c = p.charAt(i);
            if (c == '[' && i + 1 < n && ":.=".indexOf(p.charAt(i + 1)) >= 0) {
                int close = p.indexOf(p.charAt(i + 1) + "]", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\\' && i + 1 < n) {
                i += 2;
            } else {
                i++;
            }
        }
        return Math.min(n, i + 1);
    }

    /** Whether the pattern can never match ({@code c$x}): Tcl reports no match where the port throws. */
    public static boolean neverMatches(RePattern re) {
        if (re == null) return true;
        try {
            re.matcher("").find();
            return false;
        } catch (RegexRuntimeException e) {
            if (e.getCause() instanceof RegexException c && "Regex marked impossible".equals(c.getMessage())) return true;
            throw e;
        }
    }

    /** A scan of the pattern for its bracket expressions (outside comments and escapes). */
    private static final class Shape {
        private final String p;
        private boolean expanded;
        private int i;

        Shape(String p, boolean expanded) {
            this.p = p;
            this.expanded = expanded;
        }

        void check() throws RegexException {
            if (p.startsWith("***=")) return;
            if (p.startsWith("***:")) i = 4;
            if (p.startsWith("(?", i) && i + 2 < p.length() && Character.isLetter(p.charAt(i + 2))) {
                int close = p.indexOf(')', i);
                if (close < 0) return;
                String opts = p.substring(i + 2, close);
                if (opts.indexOf('q') >= 0) return;
                if (opts.indexOf('x') >= 0) expanded = true;
                if (opts.indexOf('t') >= 0) expanded = false;
                i = close + 1;
            }
            while (i < p.length()) {
                char c = p.charAt(i++);
                if (expanded && c == '#') {
                    while (i < p.length() && p.charAt(i) != '\n') i++;
                } else if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    bracket();
                }
            }
        }

        /** Skips a bracket expression, refusing a range whose end comes before its start, as Tcl does. */
        private void bracket() throws RegexException {
            if (i < p.length() && p.charAt(i) == '^') i++;
            boolean first = true;
            while (i < p.length() && (first || p.charAt(i) != ']')) {
                first = false;
                int start = element();
                if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                    i++;
                    int end = element();
                    if (start >= 0 && end >= 0 && end < start) throw new RegexException("invalid character range");
                }
            }
            if (i < p.length()) i++; // the ']'
        }

        /** One element of a bracket expression: its character, or -1 for a class or an escape that is not one character. */
        private int element() {
            char c = p.charAt(i);
            if (c == '[' && i + 1 < p.length() && ".=:".indexOf(p.charAt(i + 1)) >= 0) {
                char kind = p.charAt(i + 1);
                int close = p.indexOf(kind + "]", i + 2);
                if (close < 0) {
                    i = p.length();
                    return -1;
                }
                String body = p.substring(i + 2, close);
                i = close + 2;
                return kind == '.' && body.length() == 1 ? body.charAt(0) : -1;
            }
            if (c == '\\' && i + 1 < p.length()) {
                char e = p.charAt(i + 1);
                i += 2;
                return Character.isLetterOrDigit(e) ? -1 : e;
            }
            i++;
            return c;
        }
    }
}
