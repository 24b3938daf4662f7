package io.jexpect.regex;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The lazy DFAs of one compiled pattern: the search machine's, the main machine's, each tree
 * node's (by subre id) and each lookahead constraint's, made on first use (C: newDFA, getsubdfa).
 * jexpect: C builds them afresh for every exec; here they live with the pattern, state sets
 * and all, and are lent to one exec at a time as a whole (one hand-over per exec): a second
 * concurrent exec of the same pattern gets DFAs of its own.
 */
final class Dfas {
    private final Guts g;
    private Dfa search;
    private Dfa main;
    private final Dfa[] nodes;
    private Dfa[] lacons = new Dfa[0];

    private Dfas(Guts g) {
        this.g = g;
        nodes = new Dfa[g.ntree];
    }

    Dfa search() {
        if (search == null) {
            search = new Dfa(g.search, g.cm);
        }
        return search;
    }

    Dfa main() {
        if (main == null) {
            main = new Dfa(g.tree.machine(), g.cm);
        }
        return main;
    }

    /** The DFA of a tree node (C's getsubdfa). */
    Dfa node(RuntimeSubexpression t) {
        Dfa d = nodes[t.id];
        if (d == null) {
            d = nodes[t.id] = new Dfa(t.machine(), g.cm);
        }
        return d;
    }

    /** The DFA of lookahead constraint n (a constraint never contains itself, so one per n is enough). */
    Dfa lacon(int n, Cnfa machine) {
        if (n >= lacons.length) {
            lacons = java.util.Arrays.copyOf(lacons, n + 1);
        }
        Dfa d = lacons[n];
        if (d == null) {
            d = lacons[n] = new Dfa(machine, g.cm);
        }
        return d;
    }

    /** How many state sets the search and main DFAs hold so far. */
    int[] stateCounts() {
        return new int[] {search == null ? 0 : search.stateCount(), main == null ? 0 : main.stateCount()};
    }

    /** How many tree nodes' DFAs have been built (a node whose split is known never needs one). */
    int nodeDfaCount() {
        int n = 0;
        for (Dfa d : nodes) {
            if (d != null) {
                n++;
            }
        }
        return n;
    }

    /** Where a pattern keeps its idle DFAs. */
    static final class Slot {
        private final AtomicReference<Dfas> idle = new AtomicReference<>();

        Dfas take(Guts g) {
            Dfas d = idle.getAndSet(null);
            return d != null ? d : new Dfas(g);
        }

        void giveBack(Dfas d) {
            idle.set(d);
        }

        /** The idle DFAs (null while lent out or before the first exec). */
        Dfas idle() {
            return idle.get();
        }
    }
}
