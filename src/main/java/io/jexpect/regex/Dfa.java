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

/**
 * The lazy DFA of one compacted NFA for one exec: Tcl 8.6.13's rege_dfa.c (longest, shortest,
 * lastCold, newDFA, initialize, miss, checkLAConstraint). jexpect: the state-set cache is not a
 * fixed array with replacement (getVacantSS, pickNextSS) but a {@link DfaStates} the DFA keeps
 * across execs ({@link Dfas}); instead of each set's lastseen, a run notes the last offsets at
 * which it entered a post state and a no-progress one, which is what lastseen served for; and a
 * transition to the empty set is cached too.
 */
class Dfa {
    final int nstates;
    final int ncolors; // length of outarc vectors
    final Cnfa cnfa;
    final RuntimeColorMap cm;
    /** The exec using this DFA now. */
    Runtime v;
    private final DfaStates stateSets = new DfaStates();
    /** The last offsets at which this run entered a post state (-1: none) and a no-progress one. */
    private int lastPost;
    private int lastNoProgress;
    /** After {@link #longest} or {@link #shortest}: whether the run hit the end of the data (C's *hitstopp). */
    boolean hitstop;
    /** After {@link #shortest} asked for it: the last point at which no progress had been made (C's *coldp). */
    int cold;

    /** newDFA - set up a fresh DFA */
    Dfa(Cnfa cnfa, RuntimeColorMap cm) {
        this.cm = cm;
        this.cnfa = cnfa;
        nstates = cnfa.states.length;
        ncolors = cnfa.ncolors;
    }

    int stateCount() {
        return stateSets.size();
    }

    /** initialize - the starting state set, with the run's notes reset. */
    private StateSet initialize(int start) {
        lastPost = -1;
        lastNoProgress = -1;
        StateSet ss = stateSets.initial(cnfa.pre, nstates, ncolors);
        lastseen(ss, start);
        return ss;
    }

    /** Notes that the run entered ss at offset cp (C: ss->lastseen = cp). */
    private void lastseen(StateSet ss, int cp) {
        if (ss.poststate) {
            lastPost = cp;
        }
        if (ss.noprogress) {
            lastNoProgress = cp;
        }
    }

    /** lastCold - determine last point at which no progress had been made */
    private int lastCold() {
        return Math.max(lastNoProgress, 0);
    }

    /** The color of the character before cp (a UTF-16 unit: a surrogate is a character of its own, as in Tcl 8.6), or of BOS/BOL at the start of the data. */
    private short colorBefore(int cp) {
        if (cp == 0) {
            return cnfa.bos[0 != (v.eflags & Flags.REG_NOTBOL) ? 0 : 1];
        }
        return cm.getcolor(v.chars[v.base + cp - 1]);
    }

    /**
     * miss - handle a cache miss
     *
     * @return the state set after color co from css (null: the empty set)
     */
    StateSet miss(StateSet css, short co, int cp) {
        StateSet known = css.outs[co];
        if (known != null) {
            return known == StateSet.DEAD ? null : known;
        }

        /* first, what set of states would we end up in? */
        BitSet work = new BitSet(nstates);
        boolean ispost = false;
        boolean noprogress = true;
        boolean gotstate = false;

        for (int i = css.states.nextSetBit(0); i >= 0; i = css.states.nextSetBit(i + 1)) {
            for (int ax = cnfa.states[i] + 1;; ax++) {
                long ca = cnfa.arcs[ax];
                short caco = Cnfa.carcColor(ca);
                if (caco == Constants.COLORLESS) {
                    break;
                }
                if (caco == co) {
                    int catarget = Cnfa.carcTarget(ca);
                    work.set(catarget);
                    gotstate = true;
                    if (catarget == cnfa.post) {
                        ispost = true;
                    }
                    if (!cnfa.noProgress(catarget)) {
                        noprogress = false;
                    }
                }
            }
        }
        boolean dolacons = gotstate && cnfa.hasLacons;
        boolean sawlacons = false;
        while (dolacons) { /* transitive closure */
            dolacons = false;
            for (int i = work.nextSetBit(0); i >= 0; i = work.nextSetBit(i + 1)) {
                for (int ax = cnfa.states[i] + 1;; ax++) {
                    long ca = cnfa.arcs[ax];
                    short caco = Cnfa.carcColor(ca);
                    if (caco == Constants.COLORLESS) {
                        break;
                    }
                    if (caco < ncolors) {
                        continue; /* NOTE CONTINUE */
                    }
                    sawlacons = true;
                    int catarget = Cnfa.carcTarget(ca);
                    if (work.get(catarget)) {
                        continue; /* NOTE CONTINUE */
                    }
                    if (!checkLAConstraint(cp, caco)) {
                        continue; /* NOTE CONTINUE */
                    }
                    work.set(catarget);
                    dolacons = true;
                    if (catarget == cnfa.post) {
                        ispost = true;
                    }
                    if (!cnfa.noProgress(catarget)) {
                        noprogress = false;
                    }
                }
            }
        }

        if (!gotstate) {
            css.outs[co] = StateSet.DEAD;  /* (no lookahead constraint was consulted) */
            return null;
        }

        StateSet p = stateSets.lookup(work, ncolors, ispost, noprogress);
        if (!sawlacons) {   /* lookahead conds. always cache miss */
            css.outs[co] = p;
        }
        return p;
    }

    /**
     * checkLAConstraint - lookahead-constraint checker for miss()
     */
    private boolean checkLAConstraint(int cp, short co) {
        int n = co - cnfa.ncolors;
        RuntimeSubexpression sub = v.g.lookaheadConstraintMachine(n);
        Dfa d = v.dfas.lacon(n, sub.machine());
        d.v = v;
        int end = d.longest(cp, v.dataLength);
        return (sub.number != 0) ? (end != -1) : (end == -1);
    }

    /**
     * longest - longest-preferred matching engine
     *
     * @param start where the match should start
     * @param stop  match must end at or before here
     * @return endpoint or -1
     */
    int longest(int start, int stop) {
        final char[] chars = v.chars;
        final int base = v.base;
        final int dataLength = v.dataLength;
        int realstop = (stop == dataLength) ? stop : stop + 1;
        short co;
        StateSet css;
        StateSet ss;

        /* initialize */
        css = initialize(start);
        int cp = start;
        hitstop = false;

        /* startup */
        css = miss(css, colorBefore(cp), cp);
        if (css == null) {
            return -1;
        }
        lastseen(css, cp);

        /* main loop (jexpect: what C1 would load from the heap on every turn is held in locals) */
        final short[] latin1 = cm.latin1;
        final StateSet dead = StateSet.DEAD;
        while (cp < realstop) {
            char c = chars[base + cp];
            co = c < 0x100 ? latin1[c] : cm.getcolor(c);
            ss = css.outs[co];
            if (ss == null || ss == dead) {
                ss = miss(css, co, cp + 1);
                if (ss == null) {
                    break;  /* NOTE BREAK OUT */
                }
            }
            cp++;
            if (ss.noted) {
                lastseen(ss, cp);
            }
            css = ss;
        }

        /* shutdown */
        if (cp == dataLength && stop == dataLength) {
            hitstop = true;
            co = cnfa.eos[0 != (v.eflags & Flags.REG_NOTEOL) ? 0 : 1];
            ss = miss(css, co, cp);
            /* special case:  match ended at eol? */
            if (ss != null && ss.poststate) {
                return cp;
            }
        }

        /* find last match, if any */
        int post = lastPost;
        if (post != -1) {       /* found one */
            return post - 1;    /* post points after the character after the last one in the match */
        }
        return -1;
    }

    /**
     * shortest - shortest-preferred matching engine
     *
     * @param start    where the match should start
     * @param min      match must end at or after here
     * @param max      match must end at or before here
     * @param wantCold whether to note the coldstart point in {@link #cold}
     * @return endpoint or -1
     */
    int shortest(int start, int min, int max, boolean wantCold) {
        final char[] chars = v.chars;
        final int base = v.base;
        final int dataLength = v.dataLength;
        int realmin = min == dataLength ? min : min + 1;
        int realmax = max == dataLength ? max : max + 1;
        short co;
        StateSet ss;
        StateSet css;

        /* initialize */
        css = initialize(start);
        int cp = start;
        hitstop = false;

        /* startup */
        css = miss(css, colorBefore(cp), cp);
        if (css == null) {
            return -1;
        }
        lastseen(css, cp);
        ss = css;

        /* main loop (locals as in longest) */
        final short[] latin1 = cm.latin1;
        final StateSet dead = StateSet.DEAD;
        while (cp < realmax) {
            char c = chars[base + cp];
            co = c < 0x100 ? latin1[c] : cm.getcolor(c);
            ss = css.outs[co];
            if (ss == null || ss == dead) {
                ss = miss(css, co, cp + 1);
                if (ss == null) {
                    break;  /* NOTE BREAK OUT */
                }
            }
            cp++;
            if (ss.noted) {
                lastseen(ss, cp);
            }
            css = ss;
            if (ss.poststate && cp >= realmin) {
                break;      /* NOTE BREAK OUT */
            }
        }

        if (ss == null) {
            return -1;
        }

        if (wantCold) {    /* report last no-progress state set, if any */
            cold = lastCold();
        }

        if (ss.poststate && cp > min) {
            assert cp >= realmin;
            cp--;
        } else if (cp == dataLength && max == dataLength) {
            co = cnfa.eos[0 != (v.eflags & Flags.REG_NOTEOL) ? 0 : 1];
            ss = miss(css, co, cp);
            /* match might have ended at eol */
            if (ss == null || !ss.poststate) {
                hitstop = true;
            }
        }

        if (ss == null || !ss.poststate) {
            return -1;
        }
        return cp;
    }
}
