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
import java.util.List;

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
    /** By state number: the state's place in {@link #states}, or -1. */
    private final int[] index;
    private boolean plainOnly = true;

    private Fragment(State begin, State end, int numbers) {
        this.begin = begin;
        this.end = end;
        index = new int[numbers];
        java.util.Arrays.fill(index, -1);
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

    /** Node t's part of nfa, the NFA the parse built. */
    static Fragment of(Subre t, Nfa nfa) {
        return new Fragment(t.begin, t.end, nfa.numbers());
    }

    private void add(State s) {
        if (index[s.no] < 0) {
            index[s.no] = states.size();
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
        int[] dist = new int[states.size()];  /* plain arcs count one character, empty ones none */
        java.util.Arrays.fill(dist, -1);
        dist[0] = 0;
        boolean fixed = true;
        for (int i = 0; i < states.size(); i++) {   /* in breadth-first order from begin */
            State s = states.get(i);
            if (s == end) {
                continue;
            }
            for (Arc a = s.outs; a != null; a = a.outchain) {
                int t = index[a.to.no];
                boolean plain = a.type == Compiler.PLAIN;
                if (plain) {
                    consumed.set(a.co);
                }
                int d = dist[i] + (plain ? 1 : 0);
                if (dist[t] == -1) {
                    dist[t] = d;
                } else if (dist[t] != d) {
                    fixed = false;  /* two lengths, or a loop */
                }
            }
        }
        int e = index[end.no];
        return new NodeShape(fixed && e >= 0 ? dist[e] : -1, consumed, firstColors(ncolors));
    }

    /** The colors of the plain arcs out of the states begin reaches by empty arcs. */
    private BitSet firstColors(int ncolors) {
        BitSet colors = new BitSet(ncolors);
        boolean[] seen = new boolean[states.size()];
        int[] todo = new int[states.size()];
        int n = 0;
        seen[0] = true;
        todo[n++] = 0;
        while (n > 0) {
            State s = states.get(todo[--n]);
            if (s == end) {
                continue;
            }
            for (Arc a = s.outs; a != null; a = a.outchain) {
                int t = index[a.to.no];
                if (a.type == Compiler.PLAIN) {
                    colors.set(a.co);
                } else if (!seen[t]) {
                    seen[t] = true;
                    todo[n++] = t;
                }
            }
        }
        return colors;
    }
}
