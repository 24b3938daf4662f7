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
 * Immutable, sharable, color map: the compiled blocks of {@link ColorMap}, 256 characters each, the
 * solid ones shared.
 */
class RuntimeColorMap {
    private final short[][] blocks;
    /** The first block (Latin-1), looked up without the indirection: most text is ASCII. */
    final short[] latin1;

    RuntimeColorMap(short[][] blocks) {
        this.blocks = blocks;
        this.latin1 = blocks[0];
    }

    /**
     * Retrieve the color for a character.
     * @param c a character
     * @return the color
     */
    short getcolor(char c) {
        return c < 0x100 ? latin1[c] : blocks[c >>> 8][c & 0xff];
    }
}
