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
 * The space a compile's NFAs hold, against Tcl's REG_MAX_COMPILE_SPACE: what a 64-bit Tcl 8.6.13
 * allocates for states and for arc batches (a state's own batch included), freed only with the
 * NFA. More than that and the pattern is "too complex", exactly where tclsh says so.
 */
final class CompileSpace {
    /** sizeof(struct state), its own batch of ten arcs included. */
    static final long STATE_SIZE = 808;
    /** sizeof(struct arcbatch): ten arcs and a link. */
    static final long ARC_BATCH_SIZE = 728;
    static final long MAX = 100000 * STATE_SIZE + 100000 * ARC_BATCH_SIZE;
    static final int ABSIZE = 10;

    private long used;

    void chargeState() {
        charge(STATE_SIZE);
    }

    void chargeArcBatch() {
        charge(ARC_BATCH_SIZE);
    }

    /** Gives back a state and the arc batches it gained beyond its own. */
    void releaseState(State s) {
        used -= STATE_SIZE + (s.arcCapacity - s.noas) / ABSIZE * ARC_BATCH_SIZE;
    }

    /** Whether charges adding up to bytes would all pass (jexpect: see {@link Fragment#deferrable}). */
    boolean fits(long bytes) {
        return used + bytes < MAX;
    }

    private void charge(long bytes) {
        if (used >= MAX) {
            throw new RegexRuntimeException(new RegexException("regular expression is too complex"));
        }
        used += bytes;
    }
}
