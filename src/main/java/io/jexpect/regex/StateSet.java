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
 * Runtime state set: a DFA state (regexec.c's struct sset). jexpect: kept in the machine's
 * {@link DfaStates} across matches, so it holds nothing about one match (no lastseen: the DFA
 * notes the points it needs as it runs).
 */
final class StateSet {
    final BitSet states;
    final boolean poststate;
    final boolean noprogress;
    /** Whether a run notes its entering this set (poststate or noprogress). */
    final boolean noted;
    /** The successor per color, filled in as transitions are first taken (null: not yet known, {@link #DEAD}: none). */
    final StateSet[] outs;

    /** jexpect: the empty set as a cached successor: a run ends there without miss() working it out again. */
    static final StateSet DEAD = new StateSet(new BitSet(), 0, false, false);

    StateSet(BitSet states, int ncolors, boolean poststate, boolean noprogress) {
        this.states = states;
        this.poststate = poststate;
        this.noprogress = noprogress;
        this.noted = poststate || noprogress;
        outs = new StateSet[ncolors];
    }

    @Override
    public String toString() {
        return "StateSet{" + "states=" + states + ", " + "noprogress=" + noprogress + ", " + "poststate=" + poststate + "}";
    }
}
