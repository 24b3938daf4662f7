package io.jexpect.commands;

/**
 * Tcl's glob-style matcher ({@code Tcl_StringCaseMatch}), used by {@code switch -glob},
 * {@code lsearch -glob}, {@code array names -glob} and friends, and its UTF-16 twin
 * ({@code Tcl_UniCharCaseMatch}) that {@code string match} uses.
 * {@code *} any run, {@code ?} any char, {@code [chars]} a set with ranges (either order, no
 * negation, no escapes inside), {@code \x} the literal x. With nocase, both sides are lower-cased.
 * Tcl 8.6.13's characters are UTF-16 units, but its UTF-8 matcher takes a surrogate pair as one
 * character: so does {@link #matches}, while {@link #matchesUnits} takes each unit alone.
 */
public final class GlobMatch {
    private GlobMatch() {}

    public static boolean matches(String pattern, String str) {
        return match(pattern, 0, str, 0, false, false);
    }

    public static boolean matches(String pattern, String str, boolean nocase) {
        return match(pattern, 0, str, 0, nocase, false);
    }

    /** As {@code string match}: each half of a surrogate pair is a character of its own. */
    public static boolean matchesUnits(String pattern, String str, boolean nocase) {
        return match(pattern, 0, str, 0, nocase, true);
    }

    /** True when the pattern contains no glob metacharacters (so it only matches itself). */
    public static boolean isLiteral(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') return false;
        }
        return true;
    }

    /** Tcl folds the case of BMP characters only. */
    private static int fold(int c, boolean nocase) {
        return nocase && c <= 0xFFFF ? Character.toLowerCase((char) c) : c;
    }

    /** The character at {@code i}: a whole surrogate pair unless matching by units. */
    private static int charAt(String s, int i, boolean units) {
        char c = s.charAt(i);
        return units || !Character.isHighSurrogate(c) ? c : s.codePointAt(i);
    }

    private static int width(int c) {
        return c > 0xFFFF ? 2 : 1;
    }

    private static boolean match(String pat, int p, String str, int s, boolean nocase, boolean units) {
        int pn = pat.length(), sn = str.length();
        while (true) {
            if (p >= pn) return s >= sn;
            char pc = pat.charAt(p);
            if (s >= sn && pc != '*') return false;
            if (pc == '*') {
                while (p < pn && pat.charAt(p) == '*') p++;
                if (p >= pn) return true;
                char next = pat.charAt(p);
                boolean literal = next != '[' && next != '?' && next != '\\';
                int first = fold(next, nocase);
                while (true) {
                    if (literal) {
                        // Skip ahead to the next place the literal could match.
                        while (s < sn && fold(str.charAt(s), nocase) != first) s += width(charAt(str, s, units));
                    }
                    if (match(pat, p, str, s, nocase, units)) return true;
                    if (s >= sn) return false;
                    s += width(charAt(str, s, units));
                }
            }
            int ch = charAt(str, s, units);
            s += width(ch);
            if (pc == '?') {
                p++;
                continue;
            }
            if (pc == '[') {
                ch = fold(ch, nocase);
                p++;
                while (true) {
                    if (p >= pn || pat.charAt(p) == ']') return false;
                    int start = charAt(pat, p, units);
                    p += width(start);
                    start = fold(start, nocase);
                    if (p < pn && pat.charAt(p) == '-') {
                        p++;
                        if (p >= pn) return false;
                        int end = charAt(pat, p, units);
                        p += width(end);
                        end = fold(end, nocase);
                        if ((start <= ch && ch <= end) || (end <= ch && ch <= start)) break;
                    } else if (start == ch) {
                        break;
                    }
                }
                // Skip the rest of the set; an unterminated set ends the pattern.
                while (p < pn && pat.charAt(p) != ']') p++;
                p++;
                continue;
            }
            if (pc == '\\') {
                p++;
                if (p >= pn) return false;
            }
            int want = charAt(pat, p, units);
            if (fold(want, nocase) != fold(ch, nocase)) return false;
            p += width(want);
        }
    }
}
