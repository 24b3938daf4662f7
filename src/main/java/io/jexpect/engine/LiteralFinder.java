package io.jexpect.engine;

import java.util.Arrays;

/**
 * Finds a literal in a window of characters (Horspool): the window's character under the
 * literal's last one tells how far the literal can move, so a search looks at about one character
 * in the literal's length (the bulk of a stream that matches nothing yet). Under -nocase, which
 * has no such table, every position is tried.
 */
final class LiteralFinder {
    private final char[] lit;
    private final boolean nocase;
    /** How far the literal may move when the window holds c under its last character, by c's low byte (the least for all c sharing it). */
    private final int[] shift;

    LiteralFinder(char[] lit, boolean nocase) {
        this.lit = lit;
        this.nocase = nocase;
        int m = lit.length;
        shift = new int[256];
        Arrays.fill(shift, Math.max(m, 1));
        for (int j = 0; j < m - 1; j++) shift[lit[j] & 0xFF] = m - 1 - j;
    }

    int length() {
        return lit.length;
    }

    /** The first start in [from, n - length] at which {@code a[off + start ...]} holds the literal, or -1. */
    int find(char[] a, int off, int from, int n) {
        int m = lit.length;
        int last = n - m;
        if (m == 0) return from <= n ? from : -1;
        if (nocase) {
            char first = lit[0];
            for (int s = from; s <= last; s++) {
                if (Searcher.eq(a[off + s], first, true) && matchesAt(a, off + s)) return s;
            }
            return -1;
        }
        char end = lit[m - 1];
        int[] sh = shift;
        for (int s = from; s <= last; ) {
            char c = a[off + s + m - 1];
            if (c == end && matchesAt(a, off + s)) return s;
            s += sh[c & 0xFF];
        }
        return -1;
    }

    /** Whether the literal is at {@code a[at ...]} (which holds at least its length). */
    boolean matchesAt(char[] a, int at) {
        // Arrays.equals compares through an intrinsic C1 compiles (vectorizedMismatch).
        if (!nocase) return Arrays.equals(a, at, at + lit.length, lit, 0, lit.length);
        for (int k = 0; k < lit.length; k++) if (!Searcher.eq(a[at + k], lit[k], true)) return false;
        return true;
    }
}
