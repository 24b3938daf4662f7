package io.jexpect.regex;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * The code points a bracket expression, a class or a case-insensitive character stands for
 * (regc_cvec.c's cvec). jexpect: replaces ICU's UnicodeSet.
 */
final class CharSet {
    private final BitSet bits = new BitSet();
    /** The runs of members as from, to pairs, once asked for (a class's set is shared and asked often). */
    private int[] ranges;

    CharSet add(int c) {
        ranges = null;
        bits.set(c);
        return this;
    }

    /** Adds from..to, both included. */
    CharSet add(int from, int to) {
        ranges = null;
        bits.set(from, to + 1);
        return this;
    }

    /** Adds the runs of a string of (first, last) character pairs. */
    CharSet addRuns(String runs) {
        ranges = null;
        for (int k = 0; k < runs.length(); k += 2) {
            bits.set(runs.charAt(k), runs.charAt(k + 1) + 1);
        }
        return this;
    }

    /** Adds the members of other. */
    CharSet addAll(CharSet other) {
        ranges = null;
        bits.or(other.bits);
        return this;
    }

    /** Adds the characters of the Basic Multilingual Plane that satisfy p (Tcl 8.6's classes stop there). */
    CharSet addBmp(IntPredicate p) {
        ranges = null;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (p.test(c)) {
                bits.set(c);
            }
        }
        return this;
    }

    /** Adds each member's lower, upper and title case, as Tcl's range() and allcases() do under REG_ICASE. */
    CharSet withCases() {
        ranges = null;
        BitSet members = (BitSet) bits.clone();
        for (int c = members.nextSetBit(0); c >= 0; c = members.nextSetBit(c + 1)) {
            bits.set(Character.toLowerCase(c));
            bits.set(Character.toUpperCase(c));
            bits.set(Character.toTitleCase(c));
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
