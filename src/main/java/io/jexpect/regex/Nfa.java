/*
* Copyright 2014 Basis Technology Corp.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

package io.jexpect.regex;


/**
 * Nfa representation. jexpect: the arc and constraint handling is Tcl 8.6.13's regc_nfa.c (sorted
 * bulk arc moves, EMPTY-arc removal by merging original in-arcs, constraint loops broken before
 * constraints are pulled and pushed), and so is its compile-space limit.
 */
class Nfa {

    private static final int INCOMPATIBLE = 1;
    private static final int SATISFIED = 2;
    private static final int COMPATIBLE = 3;

    final State pre;  /* pre-initial state */
    final State init; /* initial state */
    final State finalState;   /* final state */
    final State post; /* post-final state */
    final ColorMap cm;    /* the color map */
    final short[] bos = new short[2];     /* colors, if any, assigned to BOS and BOL */
    final short[] eos = new short[2];     /* colors, if any, assigned to EOS and EOL */
    //
    final Nfa parent; /* parent NFA, if any */
    private State states;   /* state-chain header */
    private State slast;    /* tail of the chain */
    private State free;     /* free states, kept (with their arc room) for reuse as in Tcl */
    private int nstates;        /* for numbering states */
    /** The compile's space budget, shared by an NFA and its children (Tcl's v->spaceused). */
    private final CompileSpace space;

    /** Tcl's DUPTRAVERSE_MAX_DEPTH: a deeper duplication is out of memory. */
    static final int DUPTRAVERSE_MAX_DEPTH = 15000;
    /** Tcl's ABSIZE: arcs per batch (a state holds one batch itself). */
    private static final int ABSIZE = 10;

    /**
     * New Nfa at the top level.
     *
     * @param cm
     */
    @SuppressWarnings("PMD")
    Nfa(ColorMap cm) {
        this(null, cm, new CompileSpace());
    }

    @SuppressWarnings("PMD")
    Nfa(Nfa parent) {
        this(parent, parent.cm, parent.space);
    }

    /** jexpect: a child NFA charging a space of its own (see {@link LazyMachine}). */
    Nfa(Nfa parent, CompileSpace space) {
        this(parent, parent.cm, space);
    }

    /**
     * jexpect: drops the graph once the compile is done with it (a pattern with nodes left for
     * later keeps this NFA as their parent: for its colors and its color map alone).
     */
    void forget() {
        for (State s = states; s != null; s = s.next) {
            s.ins = null;
            s.outs = null;
        }
        states = null;
        slast = null;
        free = null;
    }

    /** The compile's space budget. */
    CompileSpace space() {
        return space;
    }

    /** How many state numbers have been given out (every state's number is below). */
    int numbers() {
        return nstates;
    }

    /** The first state of the state chain. */
    State states() {
        return states;
    }

    private Nfa(Nfa parent, ColorMap cm, CompileSpace space) {
        this.parent = parent;
        this.cm = cm;
        this.space = space;
        nstates = 0;
        bos[1] = Constants.COLORLESS;
        bos[0] = bos[1];
        eos[1] = Constants.COLORLESS;
        eos[0] = eos[1];
        post = newstate('@');   /* number 0 */
        pre = newstate('>');        /* number 1 */

        init = newstate();      /* may become invalid later */
        finalState = newstate();
        cm.rainbow(this, Compiler.PLAIN, Constants.COLORLESS, pre, init);
        newarc('^', (short)1, pre, init);
        newarc('^', (short)0, pre, init);
        cm.rainbow(this, Compiler.PLAIN, Constants.COLORLESS, finalState, post);
        newarc('$', (short)1, finalState, post);
        newarc('$', (short)0, finalState, post);
    }

    /**
     * freenfa - give this NFA's space back to the compile's budget (a child NFA is done with).
     */
    void freenfa() {
        for (State s = states; s != null; s = s.next) {
            space.releaseState(s);
        }
        for (State s = free; s != null; s = s.next) {
            space.releaseState(s);
        }
        states = null;
        slast = null;
        free = null;
    }

    /**
     * newarc - set up a new arc within an NFA, unless there is one like it already (checked on
     * whichever chain is shorter)
     */
    void newarc(int t, short co, State from, State to) {
        Arc a;

        assert from != null && to != null;

        // jexpect: a top-level colored arc's duplicate is on its color's chain, which okcolors()
        // makes the short one when a pattern has thousands of colors (Tcl suite regexp-22.5).
        if (parent == null && Arc.colored(t)) {
            Arc chain = cm.colorchainShorterThan(co, Math.min(from.nouts, to.nins));
            if (chain != null) {
                for (a = chain; a != null; a = a.colorchain) {
                    if (a.from == from && a.to == to && a.type == t) {
                        return;
                    }
                }
                createarc(t, co, from, to);
                return;
            }
        }
        if (from.nouts <= to.nins) {
            for (a = from.outs; a != null; a = a.outchain) {
                if (a.to == to && a.co == co && a.type == t) {
                    return;
                }
            }
        } else {
            for (a = to.ins; a != null; a = a.inchain) {
                if (a.from == from && a.co == co && a.type == t) {
                    return;
                }
            }
        }
        createarc(t, co, from, to);
    }

    /**
     * createarc - create a new arc within an NFA; only after checking there is no identical one.
     * New arcs go on the front of the chains (moveins() and its cohorts rely on it).
     */
    private void createarc(int t, short co, State from, State to) {
        Arc a = allocarc(from);
        a.type = t;
        a.co = co;
        a.from = from;
        a.to = to;

        a.inchain = to.ins;
        a.inchainRev = null;
        if (to.ins != null) {
            to.ins.inchainRev = a;
        }
        to.ins = a;
        a.outchain = from.outs;
        a.outchainRev = null;
        if (from.outs != null) {
            from.outs.outchainRev = a;
        }
        from.outs = a;

        from.nouts++;
        to.nins++;

        if (a.colored() && parent == null) {
            cm.colorchain(a);
        }
    }

    /**
     * allocarc - an out-arc for s: one it freed, else one of its built-in batch, else one of a new
     * batch charged to the compile's space (Tcl's accounting, which decides "too complex").
     */
    private Arc allocarc(State s) {
        Arc a = s.freeArcs;
        if (a != null) {
            s.freeArcs = a.outchain;
            return a;
        }
        if (s.nouts >= s.arcCapacity) {     /* no room left: C's free chain is empty */
            if (s.noas < ABSIZE) {
                s.noas++;
                s.arcCapacity++;
            } else {
                space.chargeArcBatch();
                s.arcCapacity += ABSIZE;
            }
        }
        return new Arc(0, (short)0, null, null);
    }

    void emptyarc(State from, State to) {
        newarc(Compiler.EMPTY, (short)0, from, to);
    }

    /**
     * Factory method for new states: a freed one if there is one, else a new one charged to the
     * compile's space.
     *
     * @return a new state wired into this Nfa.
     */
    State newstate(int flag) {
        State newState;
        if (free != null) {
            newState = free;
            free = newState.next;
        } else {
            space.chargeState();
            newState = new State();
        }
        newState.no = nstates++; // a unique number.
        newState.flag = flag;
        newState.nins = 0;
        newState.ins = null;
        newState.nouts = 0;
        newState.outs = null;
        newState.tmp = null;
        newState.next = null;
        if (states == null) {
            states = newState;
        }
        if (slast != null) {
            assert slast.next == null;
            slast.next = newState;
        }
        newState.prev = slast;
        slast = newState;
        return newState;
    }

    /**
     * Convenience method to return a new state with flag = 0.
     *
     * @return new state
     */
    State newstate() {
        return newstate(0);
    }

    /**
     * get rid of a state, releasing all its arcs.
     *
     * @param s the state to dispose of.
     */
    void dropstate(State s) {
        Arc a;

        while ((a = s.ins) != null) {
            freearc(a);
        }

        while ((a = s.outs) != null) {
            freearc(a);
        }

        freestate(s);
    }

    /**
     * Unwire a state from the NFA and keep it for reuse.
     *
     * @param s the state
     */
    void freestate(State s) {
        assert s != null;
        assert s.nins == 0;
        assert s.nouts == 0;
        s.no = State.FREESTATE;
        s.flag = 0;
        if (s.next != null) {
            s.next.prev = s.prev;
        } else {
            assert s == slast;
            slast = s.prev;
        }
        if (s.prev != null) {
            s.prev.next = s.next;
        } else {
            assert s == states;
            states = s.next;
        }
        s.prev = null;
        s.next = free;
        free = s;
    }

    void freearc(Arc victim) {
        State from = victim.from;
        State to = victim.to;
        Arc predecessor;
        assert victim.type != 0;

        // only maintain colorchain on top-level NFA
        if (victim.colored() && parent == null) {
            cm.uncolorchain(victim);
        }

        predecessor = victim.outchainRev;
        if (predecessor == null) {
            assert from.outs == victim;
            from.outs = victim.outchain;
        } else {
            assert predecessor.outchain == victim;
            predecessor.outchain = victim.outchain;
        }
        if (victim.outchain != null) {
            assert victim.outchain.outchainRev == victim;
            victim.outchain.outchainRev = predecessor;
        }
        from.nouts--;

        predecessor = victim.inchainRev;
        if (predecessor == null) {
            assert to.ins == victim;
            to.ins = victim.inchain;
        } else {
            assert predecessor.inchain == victim;
            predecessor.inchain = victim.inchain;
        }
        if (victim.inchain != null) {
            assert victim.inchain.inchainRev == victim;
            victim.inchain.inchainRev = predecessor;
        }
        to.nins--;

        // As the C code does: the arc goes on its from state's free chain (through outchain), where a
        // loop that saved it as its next one finds only freed arcs (type 0).
        victim.type = 0;
        victim.from = null;
        victim.to = null;
        victim.inchain = null;
        victim.inchainRev = null;
        victim.outchainRev = null;
        victim.outchain = from.freeArcs;
        from.freeArcs = victim;
    }

    /**
     * changearctarget - flip an arc to have a different to state (no duplicate may exist)
     */
    static void changearctarget(Arc a, State newto) {
        State oldto = a.to;
        assert oldto != newto;

        Arc predecessor = a.inchainRev;
        if (predecessor == null) {
            assert oldto.ins == a;
            oldto.ins = a.inchain;
        } else {
            assert predecessor.inchain == a;
            predecessor.inchain = a.inchain;
        }
        if (a.inchain != null) {
            assert a.inchain.inchainRev == a;
            a.inchain.inchainRev = predecessor;
        }
        oldto.nins--;

        a.to = newto;

        a.inchain = newto.ins;
        a.inchainRev = null;
        if (newto.ins != null) {
            newto.ins.inchainRev = a;
        }
        newto.ins = a;
        newto.nins++;
    }

    /**
     * cparc - allocate a new arc within an NFA, copying details from old one
     */
    void cparc(Arc oa, State from, State to) {
        newarc(oa.type, oa.co, from, to);
    }

    /** Order of in-arcs for sorted merges: from state, color, type. */
    private static int sortinsCmp(Arc a, Arc b) {
        if (a.from.no != b.from.no) {
            return a.from.no < b.from.no ? -1 : 1;
        }
        if (a.co != b.co) {
            return a.co < b.co ? -1 : 1;
        }
        return Integer.compare(a.type, b.type);
    }

    /** Order of out-arcs for sorted merges: to state, color, type. */
    private static int sortoutsCmp(Arc a, Arc b) {
        if (a.to.no != b.to.no) {
            return a.to.no < b.to.no ? -1 : 1;
        }
        if (a.co != b.co) {
            return a.co < b.co ? -1 : 1;
        }
        return Integer.compare(a.type, b.type);
    }

    /**
     * sortins - sort the in arcs of a state by from/color/type
     */
    private static void sortins(State s) {
        int n = s.nins;
        if (n <= 1) {
            return;
        }
        Arc[] sortarray = new Arc[n];
        int i = 0;
        for (Arc a = s.ins; a != null; a = a.inchain) {
            sortarray[i++] = a;
        }
        assert i == n;
        java.util.Arrays.sort(sortarray, Nfa::sortinsCmp);
        s.ins = sortarray[0];
        for (i = 0; i < n; i++) {
            sortarray[i].inchainRev = i > 0 ? sortarray[i - 1] : null;
            sortarray[i].inchain = i < n - 1 ? sortarray[i + 1] : null;
        }
    }

    /**
     * sortouts - sort the out arcs of a state by to/color/type
     */
    private static void sortouts(State s) {
        int n = s.nouts;
        if (n <= 1) {
            return;
        }
        Arc[] sortarray = new Arc[n];
        int i = 0;
        for (Arc a = s.outs; a != null; a = a.outchain) {
            sortarray[i++] = a;
        }
        assert i == n;
        java.util.Arrays.sort(sortarray, Nfa::sortoutsCmp);
        s.outs = sortarray[0];
        for (i = 0; i < n; i++) {
            sortarray[i].outchainRev = i > 0 ? sortarray[i - 1] : null;
            sortarray[i].outchain = i < n - 1 ? sortarray[i + 1] : null;
        }
    }

    /**
     * Tcl's BULK_ARC_OP_USE_SORT: a few source arcs do not repay sorting; otherwise sort and merge
     * rather than check for duplicates arc by arc once either side has more than 32.
     */
    private static boolean bulkArcOpUseSort(int nsrcarcs, int ndestarcs) {
        return nsrcarcs >= 4 && (nsrcarcs > 32 || ndestarcs > 32);
    }

    /**
     * moveins - move all in arcs of a state to another state (many arcs: sort, merge and relink
     * them in place)
     */
    void moveins(State old, State newState) {
        assert old != newState;

        if (!bulkArcOpUseSort(old.nins, newState.nins)) {
            Arc a;
            while ((a = old.ins) != null) {
                cparc(a, a.from, newState);
                freearc(a);
            }
        } else {
            sortins(old);
            sortins(newState);
            Arc oa = old.ins;
            Arc na = newState.ins;
            while (oa != null && na != null) {
                Arc a = oa;
                int cmp = sortinsCmp(oa, na);
                if (cmp < 0) {
                    oa = oa.inchain;
                    changearctarget(a, newState);
                } else if (cmp == 0) {
                    oa = oa.inchain;
                    na = na.inchain;
                    freearc(a);
                } else {
                    na = na.inchain;
                }
            }
            while (oa != null) {
                Arc a = oa;
                oa = oa.inchain;
                changearctarget(a, newState);
            }
        }
        assert old.nins == 0;
        assert old.ins == null;
    }

    /**
     * copyins - copy in arcs of a state to another state
     */
    void copyins(State old, State newState) {
        assert old != newState;

        if (!bulkArcOpUseSort(old.nins, newState.nins)) {
            for (Arc a = old.ins; a != null; a = a.inchain) {
                cparc(a, a.from, newState);
            }
        } else {
            sortins(old);
            sortins(newState);
            Arc oa = old.ins;
            Arc na = newState.ins;
            while (oa != null && na != null) {
                Arc a = oa;
                int cmp = sortinsCmp(oa, na);
                if (cmp < 0) {
                    oa = oa.inchain;
                    createarc(a.type, a.co, a.from, newState);
                } else if (cmp == 0) {
                    oa = oa.inchain;
                    na = na.inchain;
                } else {
                    na = na.inchain;
                }
            }
            while (oa != null) {
                Arc a = oa;
                oa = oa.inchain;
                createarc(a.type, a.co, a.from, newState);
            }
        }
    }

    /**
     * mergeins - merge a list of in-arcs (not necessarily unique) into a state
     */
    private void mergeins(State s, Arc[] arcarray, int arccount) {
        if (arccount <= 0) {
            return;
        }
        sortins(s);
        java.util.Arrays.sort(arcarray, 0, arccount, Nfa::sortinsCmp);

        // drop the duplicates
        int j = 0;
        for (int i = 1; i < arccount; i++) {
            if (sortinsCmp(arcarray[j], arcarray[i]) < 0) {
                arcarray[++j] = arcarray[i];
            }
        }
        arccount = j + 1;

        int i = 0;
        Arc na = s.ins;
        while (i < arccount && na != null) {
            Arc a = arcarray[i];
            int cmp = sortinsCmp(a, na);
            if (cmp < 0) {
                createarc(a.type, a.co, a.from, s);
                i++;
            } else if (cmp == 0) {
                i++;
                na = na.inchain;
            } else {
                na = na.inchain;
            }
        }
        while (i < arccount) {
            Arc a = arcarray[i];
            createarc(a.type, a.co, a.from, s);
            i++;
        }
    }

    /**
     * moveouts - move all out arcs of a state to another state
     */
    void moveouts(State old, State newState) {
        assert old != newState;

        if (!bulkArcOpUseSort(old.nouts, newState.nouts)) {
            Arc a;
            while ((a = old.outs) != null) {
                cparc(a, newState, a.to);
                freearc(a);
            }
        } else {
            sortouts(old);
            sortouts(newState);
            Arc oa = old.outs;
            Arc na = newState.outs;
            while (oa != null && na != null) {
                Arc a = oa;
                int cmp = sortoutsCmp(oa, na);
                if (cmp < 0) {
                    oa = oa.outchain;
                    createarc(a.type, a.co, newState, a.to);
                    freearc(a);
                } else if (cmp == 0) {
                    oa = oa.outchain;
                    na = na.outchain;
                    freearc(a);
                } else {
                    na = na.outchain;
                }
            }
            while (oa != null) {
                Arc a = oa;
                oa = oa.outchain;
                createarc(a.type, a.co, newState, a.to);
                freearc(a);
            }
        }
        assert old.nouts == 0;
        assert old.outs == null;
    }

    /**
     * copyouts - copy out arcs of a state to another state
     */
    void copyouts(State old, State newState) {
        assert old != newState;

        if (!bulkArcOpUseSort(old.nouts, newState.nouts)) {
            for (Arc a = old.outs; a != null; a = a.outchain) {
                cparc(a, newState, a.to);
            }
        } else {
            sortouts(old);
            sortouts(newState);
            Arc oa = old.outs;
            Arc na = newState.outs;
            while (oa != null && na != null) {
                Arc a = oa;
                int cmp = sortoutsCmp(oa, na);
                if (cmp < 0) {
                    oa = oa.outchain;
                    createarc(a.type, a.co, newState, a.to);
                } else if (cmp == 0) {
                    oa = oa.outchain;
                    na = na.outchain;
                } else {
                    na = na.outchain;
                }
            }
            while (oa != null) {
                Arc a = oa;
                oa = oa.outchain;
                createarc(a.type, a.co, newState, a.to);
            }
        }
    }

    /**
     * cloneouts - copy out arcs of a state to another state pair, modifying type
     */
    void cloneouts(State old, State from, State to, int type) {
        assert old != from;

        for (Arc a = old.outs; a != null; a = a.outchain) {
            newarc(type, a.co, from, to);
        }
    }

    /**
     * dupnfa - duplicate sub-NFA
     * Another recursive traversal, this time using tmp to point to duplicates
     * as well as mark already-seen states.  (You knew there was a reason why
     * it's a state pointer, didn't you? :-))
     *
     * @param start duplicate starting here
     * @param stop  ending here.
     * @param from  stringing dup from here
     * @param to    here.
     */
    void dupnfa(State start, State stop, State from, State to) {
        if (start == stop) {
            newarc(Compiler.EMPTY, (short)0, from, to);
            return;
        }

        stop.tmp = to;
        duptraverse(start, from, 0);
    /* done, except for clearing out the tmp pointers */

        stop.tmp = null;
        cleartraverse(start);
    }

    /**
     * duptraverse - recursive heart of dupnfa
     */
    void duptraverse(State s, State stmp, int depth) {
        Arc a;

        if (s.tmp != null) {
            return;     /* already done */
        }

        s.tmp = (stmp == null) ? newstate() : stmp;
        if (depth++ > DUPTRAVERSE_MAX_DEPTH) {
            throw new RegexRuntimeException(new RegexException("out of memory"));
        }

        for (a = s.outs; a != null; a = a.outchain) {
            duptraverse(a.to, null, depth);
            assert a.to.tmp != null;
            cparc(a, s.tmp, a.to.tmp);
        }
    }

    /*
     - cleartraverse - recursive cleanup for algorithms that leave tmp ptrs set
     */
    void cleartraverse(State s) {
        Arc a;

        if (s.tmp == null) {
            return;
        }
        s.tmp = null;

        for (a = s.outs; a != null; a = a.outchain) {
            cleartraverse(a.to);
        }
    }

    /**
     * specialcolors - fill in special colors for an NFA
     */
    void specialcolors() {
    /* false colors for BOS, BOL, EOS, EOL */
        if (parent == null) {
            bos[0] = cm.pseudocolor();
            bos[1] = cm.pseudocolor();
            eos[0] = cm.pseudocolor();
            eos[1] = cm.pseudocolor();
        } else {
            assert parent.bos[0] != Constants.COLORLESS;
            bos[0] = parent.bos[0];
            assert parent.bos[1] != Constants.COLORLESS;
            bos[1] = parent.bos[1];
            assert parent.eos[0] != Constants.COLORLESS;
            eos[0] = parent.eos[0];
            assert parent.eos[1] != Constants.COLORLESS;
            eos[1] = parent.eos[1];
        }
    }






    /**
     * optimize - reduce the NFA to the PLAIN and LACON arcs the executor handles: EMPTY arcs go,
     * then loops of constraint arcs are broken, then constraints are pulled back and pushed forward.
     *
     * @return re_info bits
     */
    long optimize() throws RegexException {
        cleanup();      /* may simplify situation */
        fixempties();   /* get rid of EMPTY arcs */
        fixconstraintloops();   /* get rid of constraint loops */
        pullback(); /* pull back constraints backward */
        pushfwd();  /* push fwd constraints forward */
        cleanup();      /* final tidying */
        return analyze();   /* and analysis */
    }

    /**
     * analyze - ascertain potentially-useful facts about an optimized NFA
     *
     * @return re_info bits.
     */
    long analyze() {
        Arc a;
        Arc aa;

        if (pre.outs == null) {
            return Flags.REG_UIMPOSSIBLE;
        }
        for (a = pre.outs; a != null; a = a.outchain) {
            for (aa = a.to.outs; aa != null; aa = aa.outchain) {
                if (aa.to == post) {
                    return Flags.REG_UEMPTYMATCH;
                }
            }
        }
        return 0;
    }

    /**
     * pullback - pull back constraints backward to eliminate them
     */
    void pullback() throws RegexException {
        State s;
        State nexts;
        Arc a;
        Arc nexta;
        boolean progress;

        do {
            progress = false;
            for (s = states; s != null; s = nexts) {
                nexts = s.next;
                State[] intermediates = {null};
                for (a = s.outs; a != null; a = nexta) {
                    nexta = a.outchain;
                    if (a.type == '^' || a.type == Compiler.BEHIND) {
                        if (pull(a, intermediates)) {
                            progress = true;
                        }
                    }
                }
                clearIntermediates(intermediates[0]);
                // if s is now useless, get rid of it
                if ((s.nins == 0 || s.nouts == 0) && s.flag == 0) {
                    dropstate(s);
                }
            }
        } while (progress);

        // ^ constraints pulled to the start state become PLAIN arcs of the BOS or BOL colors
        for (a = pre.outs; a != null; a = nexta) {
            nexta = a.outchain;
            if (a.type == '^') {
                assert a.co == 0 || a.co == 1;
                newarc(Compiler.PLAIN, bos[a.co], a.from, a.to);
                freearc(a);
            }
        }
    }

    /** Clears the tmp links of the intermediate states pull() or push() made for one state. */
    private static void clearIntermediates(State intermediates) {
        while (intermediates != null) {
            State ns = intermediates.tmp;
            intermediates.tmp = null;
            intermediates = ns;
        }
    }

    /**
     * pull - pull a back constraint backward past its source state. It deletes no pre-existing
     * state, and no out-arc of the from state but the constraint (which keeps pullback()'s loops
     * safe); intermediates (chained through tmp) holds the intermediate states made for this from
     * state, one per predecessor and successor.
     *
     * @return whether anything happened
     */
    boolean pull(Arc con, State[] intermediates) throws RegexException {
        State from = con.from;
        State to = con.to;
        Arc a;
        Arc nexta;
        State s;

        assert from != to;      /* fixconstraintloops() got rid of these */
        if (0 != from.flag) {   /* can't pull back beyond start */
            return false;
        }
        if (from.nins == 0) {   /* unreachable */
            freearc(con);
            return true;
        }

        // First, clone from state if necessary to avoid other outarcs.
        if (from.nouts > 1) {
            s = newstate();
            copyins(from, s);       /* duplicate inarcs */
            cparc(con, s, to);      /* move constraint arc */
            freearc(con);
            from = s;
            con = from.outs;
        }
        assert from.nouts == 1;

        // Propagate the constraint into the from state's inarcs.
        for (a = from.ins; a != null; a = nexta) {
            nexta = a.inchain;
            switch (combine(con, a)) {
            case INCOMPATIBLE:  /* destroy the arc */
                freearc(a);
                break;
            case SATISFIED:     /* no action needed */
                break;
            case COMPATIBLE:    /* swap the two arcs, more or less */
                for (s = intermediates[0]; s != null; s = s.tmp) {
                    assert s.nins > 0 && s.nouts > 0;
                    if (s.ins.from == a.from && s.outs.to == to) {
                        break;
                    }
                }
                if (s == null) {
                    s = newstate();
                    s.tmp = intermediates[0];
                    intermediates[0] = s;
                }
                cparc(con, a.from, s);
                cparc(a, s, to);
                freearc(a);
                break;
            default:
                throw new RegexException("REG_ASSERT");
            }
        }

        // Remaining inarcs, if any, incorporate the constraint.
        moveins(from, to);
        freearc(con);
        // from state is now useless, but we leave it to pullback() to clean up
        return true;
    }

    /**
     * pushfwd - push forward constraints forward to eliminate them
     */
    void pushfwd() throws RegexException {
        State s;
        State nexts;
        Arc a;
        Arc nexta;
        boolean progress;

        do {
            progress = false;
            for (s = states; s != null; s = nexts) {
                nexts = s.next;
                State[] intermediates = {null};
                for (a = s.ins; a != null; a = nexta) {
                    nexta = a.inchain;
                    if (a.type == '$' || a.type == Compiler.AHEAD) {
                        if (push(a, intermediates)) {
                            progress = true;
                        }
                    }
                }
                clearIntermediates(intermediates[0]);
                // if s is now useless, get rid of it
                if ((s.nins == 0 || s.nouts == 0) && s.flag == 0) {
                    dropstate(s);
                }
            }
        } while (progress);

        // $ constraints pushed to the post state become PLAIN arcs of the EOS or EOL colors
        for (a = post.ins; a != null; a = nexta) {
            nexta = a.inchain;
            if (a.type == '$') {
                assert a.co == 0 || a.co == 1;
                newarc(Compiler.PLAIN, eos[a.co], a.from, a.to);
                freearc(a);
            }
        }
    }

    /**
     * push - push a forward constraint forward past its destination state; the mirror of pull().
     *
     * @return whether anything happened
     */
    boolean push(Arc con, State[] intermediates) throws RegexException {
        State from = con.from;
        State to = con.to;
        Arc a;
        Arc nexta;
        State s;

        assert to != from;      /* fixconstraintloops() got rid of these */
        if (0 != to.flag) {     /* can't push forward beyond end */
            return false;
        }
        if (to.nouts == 0) {    /* dead end */
            freearc(con);
            return true;
        }

        // First, clone to state if necessary to avoid other inarcs.
        if (to.nins > 1) {
            s = newstate();
            copyouts(to, s);        /* duplicate outarcs */
            cparc(con, from, s);    /* move constraint arc */
            freearc(con);
            to = s;
            con = to.ins;
        }
        assert to.nins == 1;

        // Propagate the constraint into the to state's outarcs.
        for (a = to.outs; a != null; a = nexta) {
            nexta = a.outchain;
            switch (combine(con, a)) {
            case INCOMPATIBLE:  /* destroy the arc */
                freearc(a);
                break;
            case SATISFIED:     /* no action needed */
                break;
            case COMPATIBLE:    /* swap the two arcs, more or less */
                for (s = intermediates[0]; s != null; s = s.tmp) {
                    assert s.nins > 0 && s.nouts > 0;
                    if (s.ins.from == from && s.outs.to == a.to) {
                        break;
                    }
                }
                if (s == null) {
                    s = newstate();
                    s.tmp = intermediates[0];
                    intermediates[0] = s;
                }
                cparc(con, s, a.to);
                cparc(a, from, s);
                freearc(a);
                break;
            default:
                throw new RegexException("REG_ASSERT");
            }
        }

        // Remaining outarcs, if any, incorporate the constraint.
        moveouts(to, from);
        freearc(con);
        // to state is now useless, but we leave it to pushfwd() to clean up
        return true;
    }

    /**
     * combine - constraint lands on an arc, what happens?
     *
     * @return result
     */
    int combine(Arc con, Arc a) throws RegexException {
        //# define  CA(ct,at)   (((ct)<<CHAR_BIT) | (at))

        //CA(con->type, a->type)) {
        switch ((con.type << 8) | a.type) {


        case '^' << 8 | Compiler.PLAIN:     /* newlines are handled separately */
        case '$' << 8 | Compiler.PLAIN:
            return INCOMPATIBLE;

        case Compiler.AHEAD << 8 | Compiler.PLAIN:      /* color constraints meet colors */
        case Compiler.BEHIND << 8 | Compiler.PLAIN:
            if (con.co == a.co) {
                return SATISFIED;
            }
            return INCOMPATIBLE;

        case '^' << 8 | '^':        /* collision, similar constraints */
        case '$' << 8 | '$':
        case Compiler.AHEAD << 8 | Compiler.AHEAD:
        case Compiler.BEHIND << 8 | Compiler.BEHIND:
            if (con.co == a.co) {       /* true duplication */
                return SATISFIED;
            }
            return INCOMPATIBLE;

        case '^' << 8 | Compiler.BEHIND:        /* collision, dissimilar constraints */
        case Compiler.BEHIND << 8 | '^':
        case '$' << 8 | Compiler.AHEAD:
        case Compiler.AHEAD << 8 | '$':
            return INCOMPATIBLE;

        case '^' << 8 | '$':        /* constraints passing each other */
        case '^' << 8 | Compiler.AHEAD:
        case Compiler.BEHIND << 8 | '$':
        case Compiler.BEHIND << 8 | Compiler.AHEAD:
        case '$' << 8 | '^':
        case '$' << 8 | Compiler.BEHIND:
        case Compiler.AHEAD << 8 | '^':
        case Compiler.AHEAD << 8 | Compiler.BEHIND:
        case '^' << 8 | Compiler.LACON:
        case Compiler.BEHIND << 8 | Compiler.LACON:
        case '$' << 8 | Compiler.LACON:
        case Compiler.AHEAD << 8 | Compiler.LACON:
            return COMPATIBLE;
        default:
            return INCOMPATIBLE;    /* can't happen: every pair is listed above */
        }
    }


    /**
     * cleanup - clean up NFA after optimizations
     */
    void cleanup() {
        State s;
        State nexts;
        int n;

    /* clear out unreachable or dead-end states */
    /* use pre to mark reachable, then post to mark can-reach-post */
        markreachable(pre, null, pre);
        markcanreach(post, pre, post);
        for (s = states; s != null; s = nexts) {
            nexts = s.next;
            if (s.tmp != post && 0 == s.flag) {
                dropstate(s);
            }
        }
        assert post.nins == 0 || post.tmp == post;

        cleartraverse(pre);

        assert post.nins == 0 || post.tmp == null;
    /* the nins==0 (final unreachable) case will be caught later */

    /* renumber surviving states */
        n = 0;
        for (s = states; s != null; s = s.next) {
            s.no = n++;
        }
        nstates = n;
    }

    /**
     * markreachable - recursive marking of reachable states
     *
     * @param s    a state
     * @param okay consider only states with this mark.
     * @param mark the value to mark with
     */
    void markreachable(State s, State okay, State mark) {
        Arc a;

        if (s.tmp != okay) {
            return;
        }

        s.tmp = mark;

        for (a = s.outs; a != null; a = a.outchain) {
            markreachable(a.to, okay, mark);
        }
    }

    /**
     * markcanreach - recursive marking of states which can reach here
     */
    void markcanreach(State s, State okay, State mark) {
        Arc a;

        if (s.tmp != okay) {
            return;
        }
        s.tmp = mark;

        for (a = s.ins; a != null; a = a.inchain) {
            markcanreach(a.from, okay, mark);
        }
    }

    /**
     * fixempties - get rid of EMPTY arcs (Tcl 8.6.13's way: for each state, the original non-EMPTY
     * in-arcs of the states that reach it through EMPTY arcs are sorted, de-duplicated and merged
     * into its in-chain, which keeps the work O(N^2) for a chain of N EMPTY arcs).
     */
    void fixempties() {
        State s;
        State s2;
        State nexts;
        Arc a;
        Arc nexta;

        // First, get rid of any states whose sole out-arc is an EMPTY, since they're basically just
        // aliases for their successor.
        for (s = states; s != null; s = nexts) {
            nexts = s.next;
            if (s.flag != 0 || s.nouts != 1) {
                continue;
            }
            a = s.outs;
            if (a.type != Compiler.EMPTY) {
                continue;
            }
            if (s != a.to) {
                moveins(s, a.to);
            }
            dropstate(s);
        }

        // Similarly, get rid of any state with a single EMPTY in-arc, by folding it into its predecessor.
        for (s = states; s != null; s = nexts) {
            nexts = s.next;
            assert s.tmp == null;
            if (s.flag != 0 || s.nins != 1) {
                continue;
            }
            a = s.ins;
            if (a.type != Compiler.EMPTY) {
                continue;
            }
            if (s != a.from) {
                moveouts(s, a.from);
            }
            dropstate(s);
        }

        // Only arcs that existed at the start of this phase are pushed forward: remember each
        // state's first original in-arc (new arcs go on the front of the in-chains, and this phase
        // deletes none), and count them all.
        Arc[] inarcsorig = new Arc[nstates];
        int totalinarcs = 0;
        for (s = states; s != null; s = s.next) {
            inarcsorig[s.no] = s.ins;
            totalinarcs += s.nins;
        }
        Arc[] arcarray = new Arc[totalinarcs];

        for (s = states; s != null; s = s.next) {
            // A state with only EMPTY out-arcs will be useless: it needs no new in-arcs.
            if (s.flag == 0 && !hasnonemptyout(s)) {
                continue;
            }

            // Find predecessor states and accumulate their original non-EMPTY inarcs.
            int arccount = 0;
            for (s2 = emptyreachable(s, s, inarcsorig); s2 != s; s2 = nexts) {
                for (a = inarcsorig[s2.no]; a != null; a = a.inchain) {
                    if (a.type != Compiler.EMPTY) {
                        arcarray[arccount++] = a;
                    }
                }
                nexts = s2.tmp;
                s2.tmp = null;
            }
            s.tmp = null;

            int prevnins = s.nins;
            mergeins(s, arcarray, arccount);

            // The sort in mergeins may have reordered the old arcs: find the first original again.
            int nskip = s.nins - prevnins;
            a = s.ins;
            while (nskip-- > 0) {
                a = a.inchain;
            }
            inarcsorig[s.no] = a;
        }

        // Remove all the EMPTY arcs, since we don't need them anymore.
        for (s = states; s != null; s = s.next) {
            for (a = s.outs; a != null; a = nexta) {
                nexta = a.outchain;
                if (a.type == Compiler.EMPTY) {
                    freearc(a);
                }
            }
        }

        // And remove any states that have become useless (cleanup() takes care of anything missed).
        for (s = states; s != null; s = nexts) {
            nexts = s.next;
            if ((s.nins == 0 || s.nouts == 0) && s.flag == 0) {
                dropstate(s);
            }
        }
    }

    /**
     * emptyreachable - find all states that reach s by EMPTY arcs (looking only at original
     * in-arcs). Returns the last one found; its tmp links back to the one before, and so on back
     * to s.
     */
    private State emptyreachable(State s, State lastfound, Arc[] inarcsorig) {
        s.tmp = lastfound;
        lastfound = s;
        for (Arc a = inarcsorig[s.no]; a != null; a = a.inchain) {
            if (a.type == Compiler.EMPTY && a.from.tmp == null) {
                lastfound = emptyreachable(a.from, lastfound, inarcsorig);
            }
        }
        return lastfound;
    }

    private static boolean hasnonemptyout(State s) {
        for (Arc a = s.outs; a != null; a = a.outchain) {
            if (a.type != Compiler.EMPTY) {
                return true;
            }
        }
        return false;
    }

    /** isconstraintarc - is the arc of a constraint type (lookahead constraints included)? */
    private static boolean isconstraintarc(Arc a) {
        return a.type == '^' || a.type == '$' || a.type == Compiler.BEHIND || a.type == Compiler.AHEAD
            || a.type == Compiler.LACON;
    }

    /** hasconstraintout - does the state have a constraint out-arc? */
    private static boolean hasconstraintout(State s) {
        for (Arc a = s.outs; a != null; a = a.outchain) {
            if (isconstraintarc(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * fixconstraintloops - get rid of loops made only of constraint arcs: going round one makes no
     * progress, and pullback()/pushfwd() would go round it for ever.
     */
    void fixconstraintloops() {
        State s;
        State nexts;
        Arc a;
        Arc nexta;
        boolean hasconstraints = false;

        // A state that loops to itself just loses the arc (by far the most common loop).
        for (s = states; s != null; s = nexts) {
            nexts = s.next;
            assert s.tmp == null;
            for (a = s.outs; a != null; a = nexta) {
                nexta = a.outchain;
                if (isconstraintarc(a)) {
                    if (a.to == s) {
                        freearc(a);
                    } else {
                        hasconstraints = true;
                    }
                }
            }
            if (s.nouts == 0 && s.flag == 0) {
                dropstate(s);
            }
        }
        if (!hasconstraints) {
            return;
        }

        // From each state, search for a constraint loop; after breaking one, start over.
        boolean restart;
        do {
            restart = false;
            for (s = states; s != null; s = s.next) {
                if (findconstraintloop(s)) {
                    restart = true;
                    break;
                }
            }
        } while (restart);

        // Remove the states that have become useless, clearing the tmp marks as we go.
        for (s = states; s != null; s = nexts) {
            nexts = s.next;
            s.tmp = null;
            if ((s.nins == 0 || s.nouts == 0) && s.flag == 0) {
                dropstate(s);
            }
        }
    }

    /**
     * findconstraintloop - find a loop of constraint arcs reachable from s and break it. On
     * failure, states known to be in no loop keep tmp == themselves.
     *
     * @return whether a loop was found (and broken; all tmp fields are then null)
     */
    private boolean findconstraintloop(State s) {
        if (s.tmp != null) {
            if (s.tmp == s) {   /* already proven uninteresting */
                return false;
            }
            breakconstraintloop(s);     /* found a loop involving s */
            return true;
        }
        for (Arc a = s.outs; a != null; a = a.outchain) {
            if (isconstraintarc(a)) {
                State sto = a.to;
                assert sto != s;
                s.tmp = sto;
                if (findconstraintloop(sto)) {
                    return true;
                }
            }
        }
        s.tmp = s;
        return false;
    }

    /**
     * breakconstraintloop - break a loop of constraint arcs; sinitial is one of its states, each
     * linking to its successor through tmp. The loop is broken after a state S1 (preferably one
     * with a lone constraint arc to its successor S2): S2 and the states after it along constraint
     * arcs are cloned without the back-arcs, and S1's loop arcs go to the clone instead (or away,
     * when the clone has no out-arcs).
     */
    private void breakconstraintloop(State sinitial) {
        State s;
        State nexts;
        Arc refarc = null;
        Arc a;
        Arc nexta;

        s = sinitial;
        do {
            nexts = s.tmp;
            assert nexts != s;
            if (refarc == null) {
                int narcs = 0;
                for (a = s.outs; a != null; a = a.outchain) {
                    if (a.to == nexts && isconstraintarc(a)) {
                        refarc = a;
                        narcs++;
                    }
                }
                assert narcs > 0;
                if (narcs > 1) {
                    refarc = null;  /* multiple constraint arcs here, no good */
                }
            }
            s = nexts;
        } while (s != sinitial);

        State shead;
        State stail;
        if (refarc != null) {
            shead = refarc.from;
            stail = refarc.to;
            assert stail == shead.tmp;
        } else {
            shead = sinitial;
            stail = sinitial.tmp;
        }

        // clonesuccessorstates() uses the tmp fields itself
        for (s = states; s != null; s = s.next) {
            s.tmp = null;
        }

        State sclone = newstate();
        clonesuccessorstates(stail, sclone, shead, refarc, null, null, nstates);

        if (sclone.nouts == 0) {
            freestate(sclone);
            sclone = null;
        }

        for (a = shead.outs; a != null; a = nexta) {
            nexta = a.outchain;
            if (a.to == stail && isconstraintarc(a)) {
                if (sclone != null) {
                    cparc(a, shead, sclone);
                }
                freearc(a);
            }
        }
    }

    /**
     * clonesuccessorstates - copy ssource's out-arcs into sclone, making clone states (a tree) for
     * the successors along constraint arcs that have constraint out-arcs themselves; a successor
     * reached by a constraint already known to hold on the way (refarc's, or one of the in-arcs
     * back to the root) is merged into sclone instead. A donemap per clone state, indexed by the
     * state numbers below nstates, marks the source states already visited for it.
     */
    private void clonesuccessorstates(State ssource, State sclone, State spredecessor, Arc refarc,
                                      boolean[] curdonemap, boolean[] outerdonemap, int nstates) {
        boolean[] donemap = curdonemap;
        if (donemap == null) {
            if (outerdonemap != null) {
                donemap = outerdonemap.clone();
            } else {
                donemap = new boolean[nstates];
                assert spredecessor.no < nstates;
                donemap[spredecessor.no] = true;
            }
        }

        assert ssource.no < nstates;
        assert !donemap[ssource.no];
        donemap[ssource.no] = true;

        // First clone all of ssource's out-arcs, making child clone states (their tmp pointing to
        // the state they copy) but doing no more with them; then recurse into the children.
        for (Arc a = ssource.outs; a != null; a = a.outchain) {
            State sto = a.to;

            if (isconstraintarc(a) && hasconstraintout(sto)) {
                assert sto.no < nstates;
                if (donemap[sto.no]) {
                    continue;   /* a back-link, or merged into this clone already */
                }

                State prevclone = null;
                for (Arc a2 = sclone.outs; a2 != null; a2 = a2.outchain) {
                    if (a2.to.tmp == sto) {
                        prevclone = a2.to;
                        break;
                    }
                }

                boolean canmerge;
                if (refarc != null && a.type == refarc.type && a.co == refarc.co) {
                    canmerge = true;
                } else {
                    canmerge = false;
                    for (State s = sclone; s.ins != null; s = s.ins.from) {
                        if (s.nins == 1 && a.type == s.ins.type && a.co == s.ins.co) {
                            canmerge = true;
                            break;
                        }
                    }
                }

                if (canmerge) {
                    if (prevclone != null) {
                        dropstate(prevclone);   /* kills our outarc, too */
                    }
                    clonesuccessorstates(sto, sclone, spredecessor, refarc, donemap, outerdonemap,
                        nstates);
                    assert donemap[sto.no];
                } else if (prevclone != null) {
                    cparc(a, sclone, prevclone);
                } else {
                    State stoclone = newstate();
                    stoclone.tmp = sto;
                    cparc(a, sclone, stoclone);
                }
            } else {
                // Non-constraint out-arcs, and those to states without constraint out-arcs, are
                // just copied.
                cparc(a, sclone, sto);
            }
        }

        // At the outer level for this clone state, recurse into its child clone states.
        if (curdonemap == null) {
            for (Arc a = sclone.outs; a != null; a = a.outchain) {
                State stoclone = a.to;
                State sto = stoclone.tmp;
                if (sto != null) {
                    stoclone.tmp = null;
                    clonesuccessorstates(sto, stoclone, spredecessor, refarc, null, donemap, nstates);
                }
            }
        }
    }

    Cnfa compact() {

        Arc a;
        int stateCount;
        int narcs;
        stateCount = 0;
        narcs = 0;

        for (State s = states; s != null; s = s.next) {
            stateCount++;
            narcs += 1 + s.nouts + 1;
            /* 1 as a fake for flags, nouts for arcs, 1 as endmarker */
        }

        int arcIndex = 0;
        CnfaBuilder cnfaBuilder = new CnfaBuilder(stateCount, narcs, pre.no, post.no, bos, eos, cm.maxcolor() + 1, false);
        for (State s = states; s != null; s = s.next) {
            assert s.no < stateCount;
            cnfaBuilder.setState(s.no, arcIndex);
            /* clear and skip flags "arc", by preparing to set arc at index 1 */
            arcIndex++;
            long arcValue;
            int first = arcIndex;
            for (a = s.outs; a != null; a = a.outchain) {
                switch (a.type) {
                case Compiler.PLAIN:
                    arcValue = Cnfa.packCarc(a.co, a.to.no);
                    break;
                case Compiler.LACON:
                    assert s.no != cnfaBuilder.pre;
                    arcValue = Cnfa.packCarc((short)(cnfaBuilder.ncolors + a.co), a.to.no);
                    cnfaBuilder.hasLacons = true;
                    break;
                default:
                    throw new RuntimeException("Impossible arc");
                }
                cnfaBuilder.setArc(arcIndex, arcValue);
                arcIndex++;
            }
            java.util.Arrays.sort(cnfaBuilder.arcs, first, arcIndex);   /* by color, then target */
            cnfaBuilder.setArc(arcIndex++, Cnfa.packCarc(Constants.COLORLESS, 0));
        }

        assert arcIndex == narcs;
        assert cnfaBuilder.states.length != 0;

    /* mark no-progress states */
        for (a = pre.outs; a != null; a = a.outchain) {
            int ax = cnfaBuilder.states[a.to.no];
            // replace color in this arc with '1'.
            long newArcValue = Cnfa.packCarc((short)1, Cnfa.carcTarget(cnfaBuilder.arcs[ax]));
            cnfaBuilder.arcs[ax] = newArcValue;
        }
        arcIndex = cnfaBuilder.states[pre.no];
        long newArcValue = Cnfa.packCarc((short)1, Cnfa.carcTarget(cnfaBuilder.arcs[pre.no]));
        cnfaBuilder.arcs[arcIndex] = newArcValue;

        return cnfaBuilder.build();
    }
}
