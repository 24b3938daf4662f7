package io.jexpect.engine;

import io.jexpect.regex.ReMatcher;

/**
 * Finds one text pattern in one session's window, remembering what it has already ruled out so
 * that the total work stays linear in the output: positions are kept absolute (window index plus
 * {@link MatchBuffer#base()}), so they survive consumption and the dropping of old text.
 */
abstract class Searcher {

    /**
     * A match in window coordinates: [start, end) and, for a regex, its groups' [start, end) (-1
     * when unset; null arrays: the whole match is the only group); {@code text}: the matched text
     * when the searcher knows it without copying the window (a literal's own), else null.
     */
    record Hit(int start, int end, int[] groupStart, int[] groupEnd, String text) {
        static Hit of(int start, int end) {
            return new Hit(start, end, null, null, null);
        }

        /** The whole match (group 0) and a regex's groups. */
        int groups() {
            return groupStart == null ? 1 : groupStart.length;
        }

        int groupStart(int g) {
            return groupStart == null ? start : groupStart[g];
        }

        int groupEnd(int g) {
            return groupEnd == null ? end : groupEnd[g];
        }
    }

    /** Searches the current window; null when there is no match (yet). */
    abstract Hit search(MatchBuffer b);

    static Searcher forPattern(Pattern p) {
        // instanceof, not a pattern switch: each of those costs a class generated at start-up.
        if (p instanceof Pattern.Exact e) return new Literal(e.text(), e.nocase(), false, false);
        if (p instanceof Pattern.Glob g) return glob(g);
        if (p instanceof Pattern.Regex r) return new Regex(r);
        if (p instanceof Pattern.Null) return new Nul();
        throw new IllegalArgumentException("not a text pattern: " + p);
    }

    /** A glob without wildcards becomes a literal search; anything else uses the faithful matcher. */
    private static Searcher glob(Pattern.Glob g) {
        String p = g.pattern();
        boolean caret = p.startsWith("^");
        int i = caret ? 1 : 0;
        StringBuilder lit = new StringBuilder();
        boolean dollar = false;
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[') return new GeneralGlob(g);
            if (c == '\\') {
                if (++i >= p.length()) return new GeneralGlob(g);
                lit.append(p.charAt(i));
            } else if (c == '$' && i == p.length() - 1) {
                dollar = true;
            } else {
                lit.append(c);
            }
        }
        if (lit.isEmpty()) return new GeneralGlob(g);
        return new Literal(lit.toString(), g.nocase(), caret, dollar);
    }

    static boolean eq(char a, char b, boolean nocase) {
        return a == b || nocase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    /** -ex and wildcard-free globs: scan only new data plus the pattern's length minus one. */
    static final class Literal extends Searcher {
        private final LiteralFinder lit;
        private final String text; // what a match is, or null under -nocase
        private final boolean caret;
        private final boolean dollar;
        private long resume; // absolute position of the first start not yet ruled out

        Literal(String text, boolean nocase, boolean caret, boolean dollar) {
            this.lit = new LiteralFinder(text.toCharArray(), nocase);
            this.text = nocase ? null : text;
            this.caret = caret;
            this.dollar = dollar;
        }

        /** The literal at {@code s}: the matched text is the literal itself, unless -nocase. */
        private Hit hit(int s) {
            return new Hit(s, s + lit.length(), null, null, text);
        }

        @Override
        Hit search(MatchBuffer b) {
            char[] a = b.array();
            int off = b.start();
            int n = b.length();
            int m = lit.length();
            if (m == 0) return Hit.of(0, 0);
            if (caret || dollar) {
                int at = dollar ? n - m : 0;
                if (at < 0 || (caret && dollar && n != m)) return null;
                return lit.matchesAt(a, off + at) ? hit(at) : null;
            }
            int from = (int) Math.max(0, resume - b.base());
            int s = lit.find(a, off, from, n);
            if (s >= 0) return hit(s);
            resume = b.base() + Math.max(from, n - m + 1);
            return null;
        }
    }

    /**
     * Globs with wildcards: Exp_StringCaseMatch, but start positions whose fixed prefix (the part
     * before the first '*') already failed on complete data are never tried again.
     */
    static final class GeneralGlob extends Searcher {
        private final char[] pat;
        private final boolean nocase;
        private final boolean onlyAtZero;
        private final int prefixFrom;
        private long resume;

        GeneralGlob(Pattern.Glob g) {
            pat = g.pattern().toCharArray();
            nocase = g.nocase();
            onlyAtZero = pat.length > 0 && (pat[0] == '^' || pat[0] == '*');
            prefixFrom = 0;
        }

        @Override
        Hit search(MatchBuffer b) {
            char[] a = b.array();
            int off = b.start();
            int n = b.length();
            if (onlyAtZero || n == 0) return packed(GlobMatcher.match(a, off, off + n, pat, nocase));
            // Position 0 is always tried, even when its first char is NUL (Expect's order).
            int from = (int) Math.max(0, resume - b.base());
            boolean advancing = true;
            for (int s = from; s < n; s++) {
                if (s > 0 && a[off] == 0) return null; // Expect stops when the buffer starts with NUL
                if (prefixDead(a, off + s, off + n)) {
                    if (advancing) resume = b.base() + s + 1;
                    continue;
                }
                advancing = false;
                int r = GlobMatcher.match2(a, off + s, off + n, pat, prefixFrom, nocase);
                if (r >= 0) return Hit.of(s, s + r);
            }
            return null;
        }

        private static Hit packed(long r) {
            if (r < 0) return null;
            int s = (int) (r >>> 32);
            return Hit.of(s, s + (int) r);
        }

        /** True when the elements before the first '*' cannot match at {@code str}, whatever comes later. */
        private boolean prefixDead(char[] s, int str, int stop) {
            int p = 0;
            while (p < pat.length) {
                char c = pat[p];
                if (c == '*') return false;
                if (c == '$' && p + 1 == pat.length) return str != stop;
                if (str >= stop) return false;
                if (c == '?') {
                    p++;
                    str++;
                    continue;
                }
                if (c == '[') {
                    int end = p + 1;
                    while (end < pat.length && pat[end] != ']') end++;
                    int q = GlobMatcher.match2(s, str, str + 1, java.util.Arrays.copyOfRange(pat, p, Math.min(end + 1, pat.length)), 0, nocase);
                    if (q < 0) return true;
                    p = Math.min(end + 1, pat.length);
                    str++;
                    continue;
                }
                if (c == '\\') {
                    if (++p >= pat.length) return true;
                    c = pat[p];
                }
                if (nocase ? Character.toLowerCase(s[str]) != Character.toLowerCase(c) : s[str] != c) return true;
                p++;
                str++;
            }
            return false;
        }
    }

    /**
     * -re: Tcl ARE. The literal prefix every match starts with is checked with a plain scan first
     * (Expect's "gate keeper"): where the pattern starts with {@code ^}, only at the window's start,
     * since without newline-sensitive options (the prefix scan stops at any {@code (?}) {@code ^}
     * matches there alone. No re-run without new data.
     */
    static final class Regex extends Searcher {
        private final Pattern.Regex re;
        private final LiteralFinder gate;
        private final boolean anchored;
        private long resume;
        private long lastBase = -1;
        private int lastLength = -1;
        private ReMatcher matcher;

        Regex(Pattern.Regex re) {
            this.re = re;
            String src = re.source();
            anchored = src.startsWith("^");
            String g = re.nocase() ? "" : literalPrefix(anchored ? src.substring(1) : src);
            this.gate = g.isEmpty() ? null : new LiteralFinder(g.toCharArray(), false);
        }

        @Override
        Hit search(MatchBuffer b) {
            int n = b.length();
            if (b.base() == lastBase && n == lastLength) return null; // nothing new since "no match"
            if (re.compiled() == null) return null;
            int from = 0;
            if (gate != null && anchored) {
                if (n < gate.length() || !gate.matchesAt(b.array(), b.start())) {
                    remember(b, n);
                    return null;
                }
            } else if (gate != null) {
                int start = (int) Math.max(0, resume - b.base());
                int found = gate.find(b.array(), b.start(), start, n);
                if (found < 0) {
                    resume = b.base() + Math.max(start, n - gate.length() + 1);
                    remember(b, n);
                    return null;
                }
                resume = b.base() + found;
                from = found;
            }
            ReMatcher m = matcher == null ? (matcher = re.compiled().matcher(b.text())) : matcher.reset(b.text());
            if (!m.find(from)) {
                remember(b, n);
                return null;
            }
            int g = m.groupCount();
            int[] gs = new int[g + 1];
            int[] ge = new int[g + 1];
            for (int i = 0; i <= g; i++) {
                gs[i] = m.start(i); // -1 for a group that took no part in the match
                ge[i] = m.end(i);
            }
            lastBase = -1;
            return new Hit(gs[0], ge[0], gs, ge, null);
        }

        private void remember(MatchBuffer b, int n) {
            lastBase = b.base();
            lastLength = n;
        }

        /** The literal characters every match must start with ("" when unsure). */
        static String literalPrefix(String re) {
            if (re.indexOf('|') >= 0) return "";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < re.length(); i++) {
                char c = re.charAt(i);
                char lit;
                int next = i + 1;
                if ("^$.[]()*+?{}|".indexOf(c) >= 0) break;
                if (c == '\\') {
                    if (i + 1 >= re.length()) break;
                    char e = re.charAt(i + 1);
                    if (Character.isLetterOrDigit(e)) break;
                    lit = e;
                    next = i + 2;
                } else {
                    lit = c;
                }
                if (next < re.length() && "*+?{".indexOf(re.charAt(next)) >= 0) {
                    if (re.charAt(next) == '+') sb.append(lit); // one is required
                    break;
                }
                sb.append(lit);
                i = next - 1;
            }
            return sb.toString();
        }
    }

    /** The {@code null} keyword: the first NUL in the window. */
    static final class Nul extends Searcher {
        @Override
        Hit search(MatchBuffer b) {
            char[] a = b.array();
            int off = b.start();
            for (int i = 0; i < b.length(); i++) if (a[off + i] == 0) return Hit.of(i, i);
            return null;
        }
    }
}
