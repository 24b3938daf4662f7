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

/**
 * jexpect: a tree node's compacted NFA, built when a match first needs the node's DFA instead of
 * at compile time (see {@link Fragment}): Tcl's nfanode, run on a copy of the parsed NFA that the
 * compile keeps for the purpose (the compile goes on to optimize the parsed one in place).
 */
final class LazyMachine {
    /** A copy of the parsed NFA's states and out-arcs, shared by a pattern's lazy nodes. */
    static final class Copy {
        private final Nfa parent;
        /** By the original's state number. */
        private final State[] states;

        /**
         * Copies every state of nfa with its out-arcs in their order (all dupnfa reads), but for
         * pre's and post's: no part of a node holds them.
         */
        Copy(Nfa nfa) {
            this.parent = nfa;
            states = new State[nfa.numbers()];
            for (State s = nfa.states(); s != null; s = s.next) {
                states[s.no] = new State();
            }
            for (State s = nfa.states(); s != null; s = s.next) {
                if (s == nfa.pre || s == nfa.post) {
                    continue;
                }
                State c = states[s.no];
                Arc last = null;
                for (Arc a = s.outs; a != null; a = a.outchain) {
                    Arc ca = new Arc(a.type, a.co, c, states[a.to.no]);
                    if (last == null) {
                        c.outs = ca;
                    } else {
                        last.outchain = ca;
                    }
                    last = ca;
                    c.nouts++;
                }
            }
        }
    }

    private final Copy copy;
    private final State begin;
    private final State end;

    LazyMachine(Copy copy, Subre t) {
        this.copy = copy;
        this.begin = copy.states[t.begin.no];
        this.end = copy.states[t.end.no];
    }

    /** nfanode on the copy, with a space of its own (the compile found the charge fits). */
    Cnfa build() throws RegexException {
        synchronized (copy) {   /* dupnfa marks the copy's states as it goes */
            Nfa nfa = new Nfa(copy.parent, new CompileSpace());
            nfa.dupnfa(begin, end, nfa.init, nfa.finalState);
            nfa.specialcolors();
            nfa.optimize();
            return nfa.compact();
        }
    }
}
