package io.jexpect.regex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Finding the groups of a match: a concatenation whose one side matches strings of a single length
 * splits there without the two DFA scans that look for the split (spans as tclsh 8.6.13 gives them).
 */
class DissectTest {

    private static HsrePattern compile(String re) throws RegexException {
        return (HsrePattern) HsrePattern.compile(re, PatternFlags.ADVANCED);
    }

    private static int fixedLength(String re) throws RegexException {
        return compile(re).guts.tree.machine.fixedLength();
    }

    @Test
    void lengthOfEveryMatchWhenThereIsOnlyOne() throws Exception {
        assertThat(fixedLength("abc")).isEqualTo(3);
        assertThat(fixedLength("^[ab]{2}x$")).isEqualTo(3);
        assertThat(fixedLength("(?=a)\\yab\\M")).isEqualTo(2);
        assertThat(fixedLength("a|bc")).isEqualTo(-1);
        assertThat(fixedLength("ab?")).isEqualTo(-1);
        assertThat(fixedLength("a*")).isEqualTo(-1);
        assertThat(fixedLength("(ab|cd)e")).isEqualTo(3);
    }

    @Test
    void fixedLengthSidesSplitWithoutTheirDfas() throws Exception {
        HsrePattern p = compile("^INFO  \\[([a-z]+)\\] user=(\\w+) took (\\d+) ms\\r\\n");
        ReMatcher m = p.matcher("INFO  [db] user=alice took 319 ms\r\nWARN\r\n");
        assertThat(m.find()).isTrue();
        assertThat(new int[] {m.start(), m.end(), m.start(1), m.end(1), m.start(2), m.end(2), m.start(3), m.end(3)})
                .containsExactly(0, 35, 7, 9, 16, 21, 27, 30);
        // Of the six concatenations, only the two between a group and a variable rest scan for the split.
        assertThat(p.guts.dfas.idle().nodeDfaCount()).isEqualTo(4);
    }
}
