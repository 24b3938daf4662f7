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
 * Information needed at runtime for a subexpression.
 */
final class RuntimeSubexpression {
    final int number;
    final Cnfa machine;
    final char op;
    final RuntimeSubexpression left;
    final RuntimeSubexpression right;
    final int flags;
    final int id;
    final int min;
    final int max;
    /** jexpect: the length of every string the node matches, or -1 (see {@link Cnfa#fixedLength}). */
    final int fixedLength;
    /**
     * jexpect: a concatenation that splits where its (longest-preferring) left side's longest
     * match ends: no character the left side consumes can start the right side (see
     * {@link Runtime#cdissect}).
     */
    final boolean splitsAtLeftLongest;

    RuntimeSubexpression() {
        number = -1;
        machine = null;
        op = 0;
        left = null;
        right = null;
        flags = 0;
        id = 0;
        this.min = 0;
        this.max = 0;
        this.fixedLength = -1;
        this.splitsAtLeftLongest = false;
    }

    RuntimeSubexpression(Subre re) {
        this.number = re.subno;
        this.op = re.op;
        this.machine = re.cnfa;
        this.flags = re.flags;
        if (re.left == null) {
            this.left = null;
        } else {
            this.left = new RuntimeSubexpression(re.left);
        }
        if (re.right == null) {
            this.right = null;
        } else {
            this.right = new RuntimeSubexpression(re.right);
        }
        this.id = re.id;
        this.min = re.min;
        this.max = re.max;
        this.fixedLength = machine == null ? -1 : machine.fixedLength();
        this.splitsAtLeftLongest = op == '.' && 0 == (flags & Subre.BACKR) && 0 == (left.flags & Subre.SHORTER)
                && left.fixedLength < 0 && right.fixedLength < 0 && left.machine != null && right.machine != null
                && !left.machine.consumedColors().intersects(right.machine.firstColors());
    }
}
