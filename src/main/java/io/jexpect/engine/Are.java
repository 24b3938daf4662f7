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
 * quietly drops the arc), and a loop whose body can match empty through both an anchor and a
 * lookahead constraint, such as {@code (^(?!aa))+}, sends the port's constraint pull-back into an
 * endless loop that Tcl 8.6 fixed: it is refused as too complex rather than hanging.
 */
public final class Are {
    private Are() {}

    /**
     * The compiled pattern, or null when the port cannot build it although Tcl would (then, as
     * far as the port can tell, it never matches).
     *
     * @throws RegexException with Tcl's wording for a range out of order and a pattern too complex
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

    /**
     * A scan of the pattern's structure: per atom, whether it can match empty and whether an empty
     * match can pass an anchor ({@code ^ $ \A \Z \m \M \y \Y}) or a lookahead constraint.
     */
    private static final class Shape {
        private final String p;
        private boolean expanded;
        private int i;

        Shape(String p, boolean expanded) {
            this.p = p;
            this.expanded = expanded;
        }

        private record Info(boolean nullable, boolean anchor, boolean lookahead) {
            static final Info CHAR = new Info(false, false, false);
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
            alternation();
        }

        private Info alternation() throws RegexException {
            Info all = branch();
            while (i < p.length() && p.charAt(i) == '|') {
                i++;
                Info b = branch();
                all = new Info(all.nullable || b.nullable, all.anchor || b.anchor, all.lookahead || b.lookahead);
            }
            return all;
        }

        private Info branch() throws RegexException {
            boolean nullable = true, anchor = false, lookahead = false;
            while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
                Info a = quantified();
                if (a == null) continue;
                nullable &= a.nullable;
                anchor |= a.anchor;
                lookahead |= a.lookahead;
            }
            return nullable ? new Info(true, anchor, lookahead) : Info.CHAR;
        }

        /** An atom and its quantifier; null for ignorable text (white space and comments in expanded mode). */
        private Info quantified() throws RegexException {
            Info a = atom();
            if (a == null) return null;
            int min = 1;
            boolean unbounded = false;
            if (i < p.length()) {
                char c = p.charAt(i);
                if (c == '*' || c == '+' || c == '?') {
                    i++;
                    min = c == '+' ? 1 : 0;
                    unbounded = c != '?';
                } else if (c == '{' && i + 1 < p.length() && Character.isDigit(p.charAt(i + 1))) {
                    int close = p.indexOf('}', i);
                    if (close < 0) return a;
                    String[] mn = p.substring(i + 1, close).split(",", -1);
                    try {
                        min = Integer.parseInt(mn[0]);
                    } catch (NumberFormatException e) {
                        min = 1;
                    }
                    unbounded = mn.length > 1 && mn[1].isEmpty();
                    i = close + 1;
                } else {
                    return a;
                }
                if (i < p.length() && p.charAt(i) == '?') i++;
            }
            if (unbounded && a.nullable && a.anchor && a.lookahead) throw new RegexException("regular expression is too complex");
            return min == 0 ? new Info(true, a.nullable && a.anchor, a.nullable && a.lookahead) : a;
        }

        private Info atom() throws RegexException {
            char c = p.charAt(i++);
            if (expanded && Character.isWhitespace(c)) return null;
            if (expanded && c == '#') {
                while (i < p.length() && p.charAt(i) != '\n') i++;
                return null;
            }
            switch (c) {
                case '^', '$' -> {
                    return new Info(true, true, false);
                }
                case '[' -> {
                    bracket();
                    return Info.CHAR;
                }
                case '\\' -> {
                    if (i >= p.length()) return Info.CHAR;
                    char e = p.charAt(i++);
                    return "AZmMyY".indexOf(e) >= 0 ? new Info(true, true, false) : Info.CHAR;
                }
                case '(' -> {
                    boolean lookahead = p.startsWith("?=", i) || p.startsWith("?!", i);
                    if (lookahead || p.startsWith("?:", i)) i += 2;
                    Info inner = alternation();
                    if (i < p.length()) i++; // the ')'
                    return lookahead ? new Info(true, false, true) : inner;
                }
                default -> {
                    return Info.CHAR;
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
