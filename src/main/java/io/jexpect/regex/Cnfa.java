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
 * Compacted (runtime) NFA.
 */
class Cnfa {
    final int ncolors;        /* number of colors */
    final boolean hasLacons;
    final int pre;        /* setup state number */
    final int post;       /* teardown state number */
    final short[] bos;     /* colors, if any, assigned to BOS and BOL */
    final short[] eos;     /* colors, if any, assigned to EOS and EOL */
    final long[] arcs;
    // each state is an index of an arc.
    final int[] states;


    Cnfa(int ncolors, boolean hasLacons, int pre, int post, short[] bos, short[] eos, long[] arcs, int[] states) {
        this.ncolors = ncolors;
        this.hasLacons = hasLacons;
        this.pre = pre;
        this.post = post;
        this.bos = bos;
        this.eos = eos;
        this.arcs = arcs;
        this.states = states;
    }

    /** Whether state st is a no-progress state (C's stflags[st] & CNFA_NOPROGRESS; compact() marks it with a flag arc of color 1). */
    boolean noProgress(int st) {
        return carcColor(arcs[states[st]]) != 0;
    }

    /**
     * jexpect: the length of every string this machine matches, or -1 when they may differ. Each
     * path from pre to post takes one plain arc for the character before the match and one for the
     * character after it (or BOS/EOS), lookahead constraints (colors from ncolors on) none.
     */
    int fixedLength() {
        int[] dist = new int[states.length];
        java.util.Arrays.fill(dist, -1);
        int[] queue = new int[states.length];
        int head = 0;
        int tail = 0;
        dist[pre] = 0;
        queue[tail++] = pre;
        while (head < tail) {
            int s = queue[head++];
            for (int ax = states[s] + 1;; ax++) {
                short co = carcColor(arcs[ax]);
                if (co == Constants.COLORLESS) {
                    break;
                }
                int t = carcTarget(arcs[ax]);
                int d = dist[s] + (co < ncolors ? 1 : 0);
                if (dist[t] == -1) {
                    dist[t] = d;
                    queue[tail++] = t;
                } else if (dist[t] != d) {
                    return -1;  /* two lengths, or a loop */
                }
            }
        }
        return dist[post] >= 2 ? dist[post] - 2 : -1;
    }

    /**
     * jexpect: the colors of the characters a match can consume: every plain arc except those out
     * of pre (the character before the match) and into post (the one after it).
     */
    java.util.BitSet consumedColors() {
        java.util.BitSet colors = new java.util.BitSet(ncolors);
        for (int s = 0; s < states.length; s++) {
            if (s == pre) {
                continue;
            }
            for (int ax = states[s] + 1;; ax++) {
                short co = carcColor(arcs[ax]);
                if (co == Constants.COLORLESS) {
                    break;
                }
                if (co < ncolors && carcTarget(arcs[ax]) != post) {
                    colors.set(co);
                }
            }
        }
        return colors;
    }

    /**
     * jexpect: the colors the first character a match consumes can have: the plain arcs (not into
     * post) out of the states that pre's arcs lead to and the lookahead constraints' arcs from them.
     */
    java.util.BitSet firstColors() {
        java.util.BitSet colors = new java.util.BitSet(ncolors);
        boolean[] seen = new boolean[states.length];
        int[] queue = new int[states.length];
        int tail = 0;
        for (int ax = states[pre] + 1; carcColor(arcs[ax]) != Constants.COLORLESS; ax++) {
            int t = carcTarget(arcs[ax]);
            if (!seen[t]) {
                seen[t] = true;
                queue[tail++] = t;
            }
        }
        for (int head = 0; head < tail; head++) {
            int s = queue[head];
            for (int ax = states[s] + 1;; ax++) {
                short co = carcColor(arcs[ax]);
                if (co == Constants.COLORLESS) {
                    break;
                }
                int t = carcTarget(arcs[ax]);
                if (co < ncolors) {
                    if (t != post) {
                        colors.set(co);
                    }
                } else if (!seen[t]) {
                    seen[t] = true;
                    queue[tail++] = t;
                }
            }
        }
        return colors;
    }

    /**
     * jexpect: whether every arc out of pre is the BOS or BOL color: makesearch then added no loop
     * (the search machine's test for "anchored"), so a match can start only where the search starts.
     */
    boolean leftAnchored() {
        boolean any = false;
        for (int ax = states[pre] + 1;; ax++) {
            short co = carcColor(arcs[ax]);
            if (co == Constants.COLORLESS) {
                return any;
            }
            if (co != bos[0] && co != bos[1]) {
                return false;
            }
            any = true;
        }
    }

    static long packCarc(short color, int targetState) {
        return ((long)color << 32) | targetState;
    }

    static short carcColor(long packed) {
        return (short)(packed >>> 32);
    }

    static int carcTarget(long packed) {
        return (int)packed;
    }
}
