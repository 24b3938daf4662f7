package io.jexpect.regex;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The DFA states of one compiled machine, built lazily and kept with the compiled pattern so that
 * later matches reuse them (as Tcl's C engine caches state sets, here across matches too).
 * Bounded: when full it starts again empty; sets already linked stay valid, only unreachable.
 * Its DFA owns it, and one exec at a time uses that DFA ({@link Dfas}).
 */
final class DfaStates {
    /** More sets than this and the cache is emptied. */
    static final int LIMIT = 2048;

    private final Map<BitSet, StateSet> sets = new HashMap<>();
    private StateSet initial;

    /** The set holding only the machine's pre state (C's STARTER set). */
    StateSet initial(int pre, int nstates, int ncolors) {
        if (initial == null) {
            BitSet states = new BitSet(nstates);
            states.set(pre);
            initial = lookup(states, ncolors, false, true);
        }
        return initial;
    }

    /** The set for these states, made (and remembered) if new with the given flags (a function of the states). */
    StateSet lookup(BitSet states, int ncolors, boolean poststate, boolean noprogress) {
        StateSet set = sets.get(states);
        if (set == null) {
            if (sets.size() >= LIMIT) {
                sets.clear();
                initial = null;
            }
            set = new StateSet(states, ncolors, poststate, noprogress);
            sets.put(states, set);
        }
        return set;
    }

    int size() {
        return sets.size();
    }
}
