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

import java.util.EnumSet;

final class HsreMatcher implements ReMatcher {
    private CharSequence data;
    private final int eflags;
    private final HsrePattern pattern;
    private final Runtime runtime = new Runtime();
    private boolean matched;
    private int nextFindOffset;
    // correction from Runtime's offsets to ours.
    private int matchOffset;

    HsreMatcher(HsrePattern pattern, CharSequence data, EnumSet<ExecFlags> flags) {
        this.pattern = pattern;
        this.data = data;
        int ef = 0;
        for (ExecFlags f : flags) {
            ef |= switch (f) {
                case NOTBOL -> Flags.REG_NOTBOL;
                case NOTEOL -> Flags.REG_NOTEOL;
            };
        }
        this.eflags = ef;
    }

    @Override
    public RePattern pattern() {
        return pattern;
    }

    @Override
    public boolean find(int startOffset) throws RegexRuntimeException {
        if (startOffset < 0 || startOffset > data.length()) {
            throw new IndexOutOfBoundsException("start offset " + startOffset);
        }
        try {
            CharSequence view = startOffset == 0 ? data : data.subSequence(startOffset, data.length());
            matched = runtime.exec(pattern, view, eflags);
        } catch (RegexException e) {
            throw new RegexRuntimeException(e);
        }
        if (matched) {
            matchOffset = startOffset;
            nextFindOffset = end();
        }
        return matched;
    }

    @Override
    public boolean find() throws RegexRuntimeException {
        return find(nextFindOffset);
    }

    @Override
    public ReMatcher reset(CharSequence newSequence) {
        data = newSequence;
        matched = false;
        nextFindOffset = 0;
        return this;
    }

    private int span(int k) {
        if (!matched) {
            throw new IllegalStateException("no match");
        }
        int at = runtime.pmatch[k];
        return at < 0 ? -1 : at + matchOffset;
    }

    @Override
    public int start() {
        return span(0);
    }

    @Override
    public int start(int group) {
        return span(2 * group);
    }

    @Override
    public int end() {
        return span(1);
    }

    @Override
    public int end(int group) {
        return span(2 * group + 1);
    }

    @Override
    public String group() {
        return group(0);
    }

    @Override
    public String group(int group) {
        int start = start(group);
        return start < 0 ? null : data.subSequence(start, end(group)).toString();
    }

    @Override
    public int groupCount() {
        return pattern.nsub;
    }

    @Override
    public String toString() {
        return "HsreMatcher{" + "pattern=" + pattern + ", " + "eflags=" + eflags + "}";
    }
}
