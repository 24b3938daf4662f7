/*
* Part of jexpect's copy of the tcl-regex engine (see package-info), under the same licence.
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

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * jexpect: a tree node's part of the parsed NFA (the states from its begin state up to its end
 * state, as {@link Nfa#dupnfa} copies them), read before anything is optimized. When that part
 * holds nothing but plain and empty arcs, the node's own compacted NFA can wait until a match
 * needs its DFA ({@link LazyMachine}): its optimization then moves no constraint and makes no
 * state, so what building it would charge to the compile's space has a bound, and the compile
 * fails as "too complex" exactly where Tcl's would as long as that bound fits
 * ({@link #deferrable}). What dissection asks of the node ({@link NodeShape}) is read here.
 */
final class Fragment {
    private final State begin;
    private final State end;
    /** The part's states, begin first, each reached from it without passing through end. */
    private final List<State> states = new ArrayList<>();
    private final Map<State, Integer> index = new IdentityHashMap<>();
    private boolean plainOnly = true;

    private Fragment(State begin, State end) {
        this.begin = begin;
        this.end = end;
        add(begin);
        for (int i = 0; i < states.size(); i++) {
            State s = states.get(i);
            if (s == end) {
                continue;
            }
            for (Arc a = s.outs; a != null; a = a.outchain) {
                if (a.type != Compiler.PLAIN && a.type != Compiler.EMPTY) {
                    plainOnly = false;
                }
                add(a.to);
            }
        }
    }

    static Fragment of(Subre t) {
        return new Fragment(t.begin, t.end);
    }

    private void add(State s) {
        if (!index.containsKey(s)) {
            index.put(s, states.size());
            states.add(s);
        }
    }

    /**
     * Whether the node's NFA can be built later: plain and empty arcs only, and the most its build
     * could charge (an NFA's four states of its own and a copy of each of the part's, each with
     * room for an out-arc of every type and color to every state) fits in what is left.
     */
    boolean deferrable(CompileSpace space, int ncolors) {
        if (!plainOnly || states.size() >= Nfa.DUPTRAVERSE_MAX_DEPTH) {
            return false;   /* (the size bound below excludes a copy that deep anyway) */
        }
        long n = states.size() + 4L;
        long arcsPerState = (ncolors + 8L) * n;
        long batches = arcsPerState / CompileSpace.ABSIZE + 2;
        return space.fits(n * (CompileSpace.STATE_SIZE + batches * CompileSpace.ARC_BATCH_SIZE));
    }

    /** The node's shape, as {@link NodeShape#of} reads it from the compacted NFA, or less precise (never wrong). */
    NodeShape shape(int ncolors) {
        BitSet consumed = new BitSet(ncolors);
        for (State s : states) {
            if (s == end) {
                continue;
            }
            for (Arc a = s.outs; a != null; a = a.outchain) {
                if (a.type == Compiler.PLAIN) {
                    consumed.set(a.co);
                }
            }
        }
        return new NodeShape(fixedLength(), consumed, firstColors(ncolors));
    }

    /** Plain arcs count one character, empty ones none; -1 when two paths differ (or end is not reached). */
    private int fixedLength() {
        int[] dist = new int[states.size()];
        java.util.Arrays.fill(dist, -1);
        dist[0] = 0;
        for (int i = 0; i < states.size(); i++) {   /* states are in breadth-first order from begin */
            State s = states.get(i);
            if (s == end || dist[i] < 0) {
                continue;
            }
            for (Arc a = s.outs; a != null; a = a.outchain) {
                int t = index.get(a.to);
                int d = dist[i] + (a.type == Compiler.PLAIN ? 1 : 0);
                if (dist[t] == -1) {
                    dist[t] = d;
                } else if (dist[t] != d) {
                    return -1;
                }
            }
        }
        Integer e = index.get(end);
        return e == null ? -1 : dist[e];
    }

    /** The colors of the plain arcs out of the states begin reaches by empty arcs. */
    private BitSet firstColors(int ncolors) {
        BitSet colors = new BitSet(ncolors);
        List<State> reached = new ArrayList<>();
        Map<State, Boolean> seen = new IdentityHashMap<>();
        reached.add(begin);
        seen.put(begin, true);
        for (int i = 0; i < reached.size(); i++) {
            State s = reached.get(i);
            if (s == end) {
                continue;
            }
            for (Arc a = s.outs; a != null; a = a.outchain) {
                if (a.type == Compiler.PLAIN) {
                    colors.set(a.co);
                } else if (seen.put(a.to, true) == null) {
                    reached.add(a.to);
                }
            }
        }
        return colors;
    }
}
