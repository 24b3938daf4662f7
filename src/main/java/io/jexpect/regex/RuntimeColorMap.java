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

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable, sharable, color map.
 * The ColorMap data structure is a fully-populated map from all possible char values to shorts,
 * represented in a complex way.
 * This just uses the obvious array of 2^16 shorts for the BMP, and the color runs (sorted starts,
 * searched by bisection) for the code points above it.
  */
class RuntimeColorMap {
    /* for the BMP, we have this array */
    private final short[] bmpMap;
    private final int[] runStarts;
    private final short[] runColors;

    /**
     * Make a runtime color map.
     * @param fullMap -- the map as built in {@link ColorMap}: run start to color
     */
    RuntimeColorMap(TreeMap<Integer, Short> fullMap) {
        this.bmpMap = new short[Character.MAX_VALUE + 1];
        runStarts = new int[fullMap.size()];
        runColors = new short[fullMap.size()];
        int k = 0;
        for (Map.Entry<Integer, Short> me : fullMap.entrySet()) {
            runStarts[k] = me.getKey();
            runColors[k++] = me.getValue();
        }
        for (k = 0; k < runStarts.length && runStarts[k] <= Character.MAX_VALUE; k++) {
            int end = k + 1 < runStarts.length ? Math.min(runStarts[k + 1], Character.MAX_VALUE + 1) : Character.MAX_VALUE + 1;
            Arrays.fill(bmpMap, runStarts[k], end, runColors[k]);
        }
    }

    /**
     * Retrieve the color for a character.
     * @param c a character (BMP)
     * @return the color
     */
    short getcolor(char c) {
        return bmpMap[c];
    }

    /**
     * Retrieve the color for a full codepoint.
     * @param codepoint
     * @return
     */
    short getcolor(int codepoint) {
        if (codepoint <= Character.MAX_VALUE) {
            return bmpMap[codepoint];
        }
        int k = Arrays.binarySearch(runStarts, codepoint);
        return runColors[k >= 0 ? k : -k - 2];
    }
}
