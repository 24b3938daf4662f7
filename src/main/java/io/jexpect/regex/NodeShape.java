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

import java.util.BitSet;

/**
 * jexpect: what dissecting a match asks of a tree node without running its DFA: the length of
 * every string it matches (-1 when they may differ), the colors of the characters a match of it
 * can consume, and those the first of them can have (see {@link RuntimeSubexpression}).
 */
record NodeShape(int fixedLength, BitSet consumedColors, BitSet firstColors) {

    static NodeShape of(Cnfa machine) {
        return new NodeShape(machine.fixedLength(), machine.consumedColors(), machine.firstColors());
    }
}
