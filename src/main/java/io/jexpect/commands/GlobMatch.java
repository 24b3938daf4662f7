package io.jexpect.commands;

/**
 * Tcl's glob-style matcher ({@code Tcl_StringCaseMatch}), used by {@code string match},
 * {@code switch -glob}, {@code lsearch -glob}, {@code array names -glob} and friends.
 * {@code *} any run, {@code ?} any char, {@code [chars]} a set with ranges (either order, no
 * negation, no escapes inside), {@code \x} the literal x. With nocase, both sides are lower-cased.
 */
public final class GlobMatch {
    private GlobMatch() {}

    public static boolean matches(String pattern, String str) {
        return match(pattern, 0, str, 0, false);
    }

    public static boolean matches(String pattern, String str, boolean nocase) {
        return match(pattern, 0, str, 0, nocase);
    }

    /** True when the pattern contains no glob metacharacters (so it only matches itself). */
    public static boolean isLiteral(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') return false;
        }
        return true;
    }

    private static char fold(char c, boolean nocase) {
        return nocase ? Character.toLowerCase(c) : c;
    }

    private static boolean match(String pat, int p, String str, int s, boolean nocase) {
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
                next = fold(next, nocase);
                while (true) {
                    if (literal) {
                        // Skip ahead to the next place the literal could match.
                        while (s < sn && fold(str.charAt(s), nocase) != next) s++;
                    }
                    if (match(pat, p, str, s, nocase)) return true;
                    if (s >= sn) return false;
                    s++;
                }
            }
            if (pc == '?') {
                p++;
                s++;
                continue;
            }
            if (pc == '[') {
                char ch = fold(str.charAt(s++), nocase);
                p++;
                while (true) {
                    if (p >= pn || pat.charAt(p) == ']') return false;
                    char start = fold(pat.charAt(p++), nocase);
                    if (p < pn && pat.charAt(p) == '-') {
                        p++;
                        if (p >= pn) return false;
                        char end = fold(pat.charAt(p++), nocase);
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
                pc = pat.charAt(p);
            }
            if (fold(pc, nocase) != fold(str.charAt(s), nocase)) return false;
            p++;
            s++;
        }
    }
}
