package io.jexpect.regex;

import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * The code points a bracket expression, a class or a case-insensitive character stands for
 * (regc_cvec.c's cvec). jexpect: replaces ICU's UnicodeSet.
 */
final class CharSet {
    private final BitSet bits = new BitSet();

    CharSet add(int c) {
        bits.set(c);
        return this;
    }

    /** Adds from..to, both included. */
    CharSet add(int from, int to) {
        bits.set(from, to + 1);
        return this;
    }

    /** Adds the members of other. */
    CharSet addAll(CharSet other) {
        bits.or(other.bits);
        return this;
    }

    /** Adds the characters of the Basic Multilingual Plane that satisfy p (Tcl 8.6's classes stop there). */
    CharSet addBmp(IntPredicate p) {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (p.test(c)) {
                bits.set(c);
            }
        }
        return this;
    }

    /** Adds each member's lower, upper and title case, as Tcl's range() and allcases() do under REG_ICASE. */
    CharSet withCases() {
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
        for (int from = bits.nextSetBit(0); from >= 0; ) {
            int end = bits.nextClearBit(from);
            r.accept(from, end - 1);
            from = bits.nextSetBit(end);
        }
    }

    interface Ranges {
        void accept(int from, int to) throws RegexException;
    }
}
