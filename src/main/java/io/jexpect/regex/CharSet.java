package io.jexpect.regex;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * The code points a bracket expression, a class or a case-insensitive character stands for
 * (regc_cvec.c's cvec). jexpect: replaces ICU's UnicodeSet.
 */
final class CharSet {
    /** The members; null while a set made of runs ({@link #ofRuns}) has only its ranges. */
    private BitSet bits;
    /** The runs of members as from, to pairs, once asked for (a class's set is shared and asked often). */
    private int[] ranges;

    CharSet() {
        bits = new BitSet();
    }

    private CharSet(int[] ranges) {
        this.ranges = ranges;
    }

    /**
     * The union of lists of runs (strings of first, last character pairs, each list ascending), its
     * ranges merged straight from them: making them from bits cost a script's first \w ~1.5 ms of
     * bytecode interpretation (a set bit per run, then a scan of the plane's 64 K bits for the runs).
     */
    static CharSet ofRuns(String... lists) {
        int[] at = new int[lists.length];
        int total = 0;
        for (String list : lists) total += list.length();
        int[] runs = new int[total];
        int n = 0;
        while (true) {
            int pick = -1;
            for (int i = 0; i < lists.length; i++) {
                if (at[i] < lists[i].length() && (pick < 0 || lists[i].charAt(at[i]) < lists[pick].charAt(at[pick]))) pick = i;
            }
            if (pick < 0) break;
            int from = lists[pick].charAt(at[pick]);
            int to = lists[pick].charAt(at[pick] + 1);
            at[pick] += 2;
            if (n > 0 && from <= runs[n - 1] + 1) {
                runs[n - 1] = Math.max(runs[n - 1], to);   /* touches the run before: one run */
            } else {
                runs[n++] = from;
                runs[n++] = to;
            }
        }
        return new CharSet(Arrays.copyOf(runs, n));
    }

    /** The members' bits, for a change (made from the ranges if the set has only those). */
    private BitSet changing() {
        if (bits == null) {
            bits = new BitSet();
            for (int k = 0; k < ranges.length; k += 2) bits.set(ranges[k], ranges[k + 1] + 1);
        }
        ranges = null;
        return bits;
    }

    CharSet add(int c) {
        changing().set(c);
        return this;
    }

    /** Adds from..to, both included. */
    CharSet add(int from, int to) {
        changing().set(from, to + 1);
        return this;
    }

    /** Adds the characters of the Basic Multilingual Plane that satisfy p (Tcl 8.6's classes stop there). */
    CharSet addBmp(IntPredicate p) {
        BitSet members = changing();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (p.test(c)) {
                members.set(c);
            }
        }
        return this;
    }

    /** Adds each member's lower, upper and title case, as Tcl's range() and allcases() do under REG_ICASE. */
    CharSet withCases() {
        BitSet all = changing();
        BitSet members = (BitSet) all.clone();
        for (int c = members.nextSetBit(0); c >= 0; c = members.nextSetBit(c + 1)) {
            all.set(Character.toLowerCase(c));
            all.set(Character.toUpperCase(c));
            all.set(Character.toTitleCase(c));
        }
        return this;
    }

    /** Calls r for each maximal run of members, in order. */
    void forEachRange(Ranges r) throws RegexException {
        if (ranges == null) {
            int[] runs = new int[16];
            int n = 0;
            for (int from = bits.nextSetBit(0); from >= 0; ) {
                int end = bits.nextClearBit(from);
                if (n == runs.length) {
                    runs = Arrays.copyOf(runs, 2 * n);
                }
                runs[n++] = from;
                runs[n++] = end - 1;
                from = bits.nextSetBit(end);
            }
            ranges = Arrays.copyOf(runs, n);
        }
        for (int k = 0; k < ranges.length; k += 2) {
            r.accept(ranges[k], ranges[k + 1]);
        }
    }

    interface Ranges {
        void accept(int from, int to) throws RegexException;
    }
}
