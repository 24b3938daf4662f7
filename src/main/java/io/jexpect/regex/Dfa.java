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

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Runtime DFA (regexec.c's dfa): runs one machine over the data. jexpect: its state sets come from
 * the machine's {@link DfaStates}, reused across matches, and it notes as it goes the last points
 * where it entered a post state and a no-progress state (the C code scans its cache for them).
 */
class Dfa {
    final int nstates;
    final int ncolors; // length of outarc vectors
    final Cnfa cnfa;
    final RuntimeColorMap cm;
    final Runtime runtime;
    private DfaStates stateSets;
    /** The last offsets at which this run entered a post state (-1: none) and a no-progress one. */
    private int lastPost;
    private int lastCold;

    Dfa(Runtime runtime, Cnfa cnfa) {
        this.runtime = runtime;
        this.cm = runtime.g.cm;
        this.cnfa = cnfa;
        nstates = cnfa.states.length;
        ncolors = cnfa.ncolors;
    }

    /**
     * Called at the start of a match: borrows the machine's state sets (given back by {@link #finish}).
     */
    private StateSet initialize(int start) {
        stateSets = cnfa.dfaStates.take();
        lastPost = -1;
        lastCold = 0;
        StateSet stateSet = stateSets.initial(cnfa.pre, nstates, ncolors);
        enter(stateSet, start);
        return stateSet;
    }

    private void finish() {
        if (stateSets == null) {
            return;
        }
        cnfa.dfaStates.giveBack(stateSets);
        stateSets = null;
    }

    /** Notes that the run is in set ss at offset cp (the C code's lastseen). */
    private void enter(StateSet ss, int cp) {
        if (ss.poststate) {
            lastPost = cp;
        }
        if (ss.noprogress && lastCold < cp) {
            lastCold = cp;
        }
    }

    /**
     * 'miss' -- the state set was not found in the stateSets.
     *
     * @param co
     * @param cp
     * @return
     */
    StateSet miss(StateSet css, short co, int cp) {
        if (css.outs[co] != null) {
            return css.outs[co];
        }

         /* first, what set of states would we end up in? */
        BitSet work = new BitSet(nstates);
        boolean ispost = false;
        boolean noprogress = true;
        boolean gotstate = false;

        for (int i = 0; i < nstates; i++) {
            if (css.states.get(i)) {
                long ca;
                int ax;
                short caco;
                int catarget;
                for (ax = cnfa.states[i] + 1,
                        ca = cnfa.arcs[ax],
                        caco = Cnfa.carcColor(ca),
                        catarget = Cnfa.carcTarget(ca);
                     caco != Constants.COLORLESS;
                     ax++, ca = cnfa.arcs[ax], caco = Cnfa.carcColor(ca), catarget = Cnfa.carcTarget(ca)) {

                    if (caco == co) {
                        work.set(catarget);
                        gotstate = true;
                        if (catarget == cnfa.post) {
                            ispost = true;
                        }
                        // get target state, index arcs, get color, compare to 0.
                        if (0 == Cnfa.carcColor(cnfa.arcs[cnfa.states[catarget]])) {
                            noprogress = false;
                        }
                    }
                }
            }
        }
        boolean dolacons = gotstate && cnfa.hasLacons;
        boolean sawlacons = false;
        while (dolacons) { /* transitive closure */
            dolacons = false;
            for (int i = 0; i < nstates; i++) {
                if (work.get(i)) {
                    long ca;
                    int ax;
                    short caco;
                    int catarget;
                    for (ax = cnfa.states[i] + 1, ca = cnfa.arcs[ax], caco = Cnfa.carcColor(ca), catarget = Cnfa.carcTarget(ca);
                            caco != Constants.COLORLESS;
                            ax++, ca = cnfa.arcs[ax], caco = Cnfa.carcColor(ca), catarget = Cnfa.carcTarget(ca)) {
                        if (caco <= ncolors) {
                            continue; /* NOTE CONTINUE */
                        }
                        sawlacons = true;
                        if (work.get(catarget)) {
                            continue; /* NOTE CONTINUE */
                        }
                        if (!lacon(cp, caco)) {
                            continue; /* NOTE CONTINUE */
                        }
                        work.set(catarget);
                        dolacons = true;
                        if (catarget == cnfa.post) {
                            ispost = true;
                        }
                        if (0 == Cnfa.carcColor(cnfa.arcs[cnfa.states[catarget]])) {
                            noprogress = false;
                        }
                    }
                }
            }
        }

        if (!gotstate) {
            return null;
        }

        StateSet stateSet = stateSets.lookup(work, ncolors);
        stateSet.poststate = ispost;
        stateSet.noprogress |= noprogress;
        if (!sawlacons) {
            css.outs[co] = stateSet;
        }

        return stateSet;
    }

    boolean lacon(int cp, short co) {
        int end;

        int n = co - cnfa.ncolors;
        // compare this to io.jexpect.regex.Nfa.compact(), the LACONS case.
        // that adds a.co to ncolors. So that means that you'd think that the lacons
        // indexing would be related... The 'arc' should have a 'color' which is an index
        //
        RuntimeSubexpression subex = runtime.g.lookaheadConstraintMachine(n);
        Dfa d = new Dfa(runtime, subex.machine);
        end = d.longest(cp, runtime.data.length(), null);
        return (subex.number != 0) ? (end != -1) : (end == -1);
    }

    /**
     * longest - longest-preferred matching engine
     *
     * @return endpoint or -1
     */
    int longest(int start, int stop, boolean[] hitstop) {
        try {
            return runLongest(start, stop, hitstop);
        } finally {
            finish();
        }
    }

    private int runLongest(int start, int stop, boolean[] hitstop) {
        int cp;
        int realstop = (stop == runtime.dataLength) ? stop : stop + 1;
        short co;
        StateSet css;
        int post;

    /* initialize */
        css = initialize(start);
        cp = start;
        if (hitstop != null) {
            hitstop[0] = false;
        }

    /* startup */
        if (cp == 0) {
            co = cnfa.bos[0 != (runtime.eflags & Flags.REG_NOTBOL) ? 0 : 1];
        } else {
            co = cm.getcolor(runtime.data.charAt(cp - 1));
        }
        css = miss(css, co, cp);
        if (css == null) {
            return -1;
        }

        enter(css, cp);

        StateSet ss;
    /* main loop */
        while (cp < realstop) {
            co = cm.getcolor(runtime.data.charAt(cp));
            ss = css.outs[co];
            if (ss == null) {
                ss = miss(css, co, cp + 1);
                if (ss == null) {
                    break;  /* NOTE BREAK OUT */
                }
            }

            cp++;
            enter(ss, cp);
            css = ss;
        }

    /* shutdown */
        if (cp == runtime.dataLength && stop == runtime.dataLength) {
            if (hitstop != null) {
                hitstop[0] = true;
            }
            co = cnfa.eos[0 != (runtime.eflags & Flags.REG_NOTEOL) ? 0 : 1];
            ss = miss(css, co, cp);
        /* special case:  match ended at eol? */
            if (ss != null && ss.poststate) {
                return cp;
            }
        }

    /* find last match, if any */
        post = lastPost;
        if (post != -1) {       /* found one */
            return post - 1;    /* post points after the character after the last one in the match */
        }
        return -1;
    }


    /**
     * shortest - shortest-preferred matching engine
     *
     * @param start   where the match should start
     * @param min     match must end at or after here
     * @param max     match must end at or before here
     * @param coldp   store coldstart pointer here, if non-null. This is the _beginning_ of the match region.
     * @param hitstop record whether hit end of total input
     * @return endpoint or -1
     */
    int shortest(int start, int min, int max, int[] coldp, boolean[] hitstop) {
        try {
            return runShortest(start, min, max, coldp, hitstop);
        } finally {
            finish();
        }
    }

    private int runShortest(int start, int min, int max, int[] coldp, boolean[] hitstop) {
        int cp;
        int realmin = min == runtime.dataLength ? min : min + 1;
        int realmax = max == runtime.dataLength ? max : max + 1;
        short co;
        StateSet ss;
        StateSet css;

    /* initialize */
        css = initialize(start);
        cp = start;
        if (hitstop != null) {
            hitstop[0] = false;
        }

    /* startup */
        if (cp == 0) {
            /* If the NOTBOL flag is true, we take color as bos[0], else 1. bos[0] is really BOS, while [1] is supposed to be BOL. So, I guess, if it's NOTBOL, it's BOS. */
            /* The combination of NOTBOL and lookingAt is not defined. */
            co = cnfa.bos[0 != (runtime.eflags & Flags.REG_NOTBOL) ? 0 : 1];
        } else {
            /* Not at bos at all, set color based on prior character. */
            co = cm.getcolor(runtime.data.charAt(cp - 1));
        }

        css = miss(css, co, cp);
        if (css == null) {
            return -1;
        }

        enter(css, cp);
        ss = css;

    /* main loop */
        while (cp < realmax) {
            co = cm.getcolor(runtime.data.charAt(cp));
            ss = css.outs[co];
            if (ss == null) {
                ss = miss(css, co, cp + 1);
                if (ss == null) {
                    break;  /* NOTE BREAK OUT */
                }
            }

            cp++;
            enter(ss, cp);
            css = ss;
            if (ss.poststate && cp >= realmin) {
                break;      /* NOTE BREAK OUT */
            }
        }

        if (ss == null) {
            return -1;
        }

        int matchStart = lastCold;
        if (coldp != null) {    /* report last no-progress state set, if any */
            coldp[0] = matchStart;
        }

        if (ss.poststate && cp > min) {
            assert cp >= realmin;
            cp--;

        } else if (cp == runtime.dataLength && max == runtime.dataLength) {
            co = cnfa.eos[0 != (runtime.eflags & Flags.REG_NOTEOL) ? 0 : 1];
            ss = miss(css, co, cp);
        /* match might have ended at eol */
            if ((ss == null || !ss.poststate) && hitstop != null) {
                hitstop[0] = true;
            }
        }

        if (ss == null || !ss.poststate) {
            return -1;
        }

        return cp;
    }
}
