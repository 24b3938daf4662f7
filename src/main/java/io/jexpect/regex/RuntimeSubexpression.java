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
    /** The node's compacted NFA: built at compile time, or at its first use ({@link #lazy}). */
    private volatile Cnfa machine;
    private final LazyMachine lazy;
    final char op;
    final RuntimeSubexpression left;
    final RuntimeSubexpression right;
    final int flags;
    final int id;
    final int min;
    final int max;
    /** jexpect: the length of every string the node matches, or -1 (see {@link NodeShape}). */
    final int fixedLength;
    /**
     * jexpect: a concatenation that splits where its left side's longest match ends (even when
     * the left side prefers the shortest): no character the left side consumes can start the
     * right side (see {@link Runtime#cdissect}).
     */
    final boolean splitsAtLeftLongest;
    private final NodeShape shape;

    RuntimeSubexpression() {
        number = -1;
        machine = null;
        lazy = null;
        shape = null;
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
        this.lazy = re.lazy;
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
        this.shape = re.shape != null ? re.shape : re.cnfa != null ? NodeShape.of(re.cnfa) : null;
        this.fixedLength = shape == null ? -1 : shape.fixedLength();
        this.splitsAtLeftLongest = op == '.' && 0 == (flags & Subre.BACKR)
                && left.fixedLength < 0 && right.fixedLength < 0 && left.shape != null && right.shape != null
                && !left.shape.consumedColors().intersects(right.shape.firstColors());
    }

    /** Whether the node's NFA is built (at compile time, or since a match needed it). */
    boolean built() {
        return machine != null;
    }

    /** What dissection asks of the node (null for a lookahead constraint). */
    NodeShape shape() {
        return shape;
    }

    /** The node's compacted NFA (null for a lookahead constraint that has none). */
    Cnfa machine() {
        Cnfa m = machine;
        if (m == null && lazy != null) {
            try {
                m = lazy.build();
            } catch (RegexException e) {
                throw new RegexRuntimeException(e);  /* the compile made sure it cannot fail */
            }
            machine = m;
        }
        return m;
    }
}
