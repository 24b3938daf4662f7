package io.jexpect.engine;

/**
 * A faithful port of Expect 5.45.4's Exp_StringCaseMatch / Exp_StringCaseMatch2 (exp_glob.c),
 * quirks included: unanchored unless the pattern starts with {@code ^}; a leading {@code *} tries
 * only position 0; each {@code *} takes the LONGEST tail that lets the rest match; {@code $} is
 * special only as the last pattern character; in a class under -nocase only the pattern is lowered.
 */
final class GlobMatcher {
    private GlobMatcher() {
    }

    /**
     * Searches {@code s[from, stop)}. Returns -1, or the match packed as
     * {@code (offsetFromFrom << 32) | length}.
     */
    static long match(char[] s, int from, int stop, char[] p, boolean nocase) {
        int ps = 0;
        boolean caret = false;
        boolean star = false;
        if (p.length > 0 && p[0] == '^') {
            caret = true;
            ps = 1;
        } else if (p.length > 0 && p[0] == '*') {
            star = true;
        }
        int sm = match2(s, from, stop, p, ps, nocase);
        if (sm >= 0) return sm;
        if (caret || star) return -1;
        if (from >= stop || s[from] == 0) return -1;
        for (int i = from + 1; i < stop; i++) {
            int r = match2(s, i, stop, p, ps, nocase);
            if (r != -1) return ((long) (i - from) << 32) | r;
        }
        return -1;
    }

    /** Match at {@code str} (front-anchored), not needing to reach {@code stop}; chars matched or -1. */
    static int match2(char[] s, int str, int stop, char[] p, int pat, boolean nocase) {
        int match = 0;
        int pstop = p.length;
        while (true) {
            if (pat >= pstop) return match;
            if (p[pat] == '$' && pat + 1 >= pstop) return str == stop ? match : -1;
            if (p[pat] == '*') {
                while (pat < pstop && p[pat] == '*') pat++;
                if (pat >= pstop) return (stop - str) + match;
                char pc = p[pat];
                if (nocase) pc = Character.toLowerCase(pc);
                int tail = stop - 1;
                while (true) {
                    if (pc != '[' && pc != '?' && pc != '\\') {
                        if (nocase) {
                            while (tail >= str && pc != s[tail] && pc != Character.toLowerCase(s[tail])) tail--;
                        } else {
                            while (tail >= str && pc != s[tail]) tail--;
                        }
                    }
                    if (tail < str) break;
                    int rc = match2(s, tail, stop, p, pat, nocase);
                    if (rc != -1) return match + (tail - str) + rc;
                    if (tail == str) break;
                    tail--;
                }
                return -1;
            }
            if (str >= stop) return -1;
            if (p[pat] == '?') {
                pat++;
                str++;
                match++;
                continue;
            }
            if (p[pat] == '[') {
                pat++;
                char ch = s[str++];
                while (true) {
                    if (pat >= pstop || p[pat] == ']') return -1;
                    char startChar = p[pat++];
                    if (nocase) startChar = Character.toLowerCase(startChar);
                    if (pat < pstop && p[pat] == '-') {
                        pat++;
                        if (pat >= pstop) return -1;
                        char endChar = p[pat++];
                        if (nocase) endChar = Character.toLowerCase(endChar);
                        if ((startChar <= ch && ch <= endChar) || (endChar <= ch && ch <= startChar)) break;
                    } else if (startChar == ch) {
                        break;
                    }
                }
                while (pat < pstop && p[pat] != ']') pat++;
                if (pat < pstop) pat++;
                match++;
                continue;
            }
            if (p[pat] == '\\') {
                pat++;
                if (pat >= pstop) return -1;
            }
            char ch1 = s[str++];
            char ch2 = p[pat++];
            if (nocase) {
                if (Character.toLowerCase(ch1) != Character.toLowerCase(ch2)) return -1;
            } else if (ch1 != ch2) {
                return -1;
            }
            match++;
        }
    }
}
