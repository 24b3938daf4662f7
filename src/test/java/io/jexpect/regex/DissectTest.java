package io.jexpect.regex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Finding the groups of a match: a concatenation whose one side matches strings of a single length
 * splits there without the two DFA scans that look for the split, and one whose left side consumes
 * no character that can start its right side splits where the left side's longest match ends,
 * without scanning the rest with the right side (spans as tclsh 8.6.13 gives them).
 */
class DissectTest {

    private static HsrePattern compile(String re) throws RegexException {
        return (HsrePattern) HsrePattern.compile(re, PatternFlags.ADVANCED);
    }

    private static int fixedLength(String re) throws RegexException {
        return compile(re).guts.tree.machine().fixedLength();
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
        // Of the six concatenations, only the two between a group and a variable rest scan for the
        // split, and only with their left sides: [a-z] and \w never start "] user=" or " took".
        assertThat(p.guts.dfas.idle().nodeDfaCount()).isEqualTo(2);
    }

    private static int splitsAtLeftLongest(RuntimeSubexpression t) {
        return t == null ? 0 : (t.splitsAtLeftLongest ? 1 : 0) + splitsAtLeftLongest(t.left) + splitsAtLeftLongest(t.right);
    }

    /** The spans of the first match, flattened as regexp -indices gives them (an empty span ends before it starts). */
    private static String spans(String re, String subject) throws Exception {
        ReMatcher m = compile(re).matcher(subject);
        if (!m.find()) return "none";
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g <= m.groupCount(); g++) {
            sb.append(g == 0 ? "" : " ").append(m.start(g)).append(' ').append(m.start(g) < 0 ? -1 : m.end(g) - 1);
        }
        return sb.toString();
    }

    @Test
    void leftSideLongestMatchIsTheSplitWhenNoCharacterOfItCanStartTheRightSide() throws Exception {
        assertThat(splitsAtLeftLongest(compile("^INFO  \\[([a-z]+)\\] user=(\\w+) took (\\d+) ms\\r\\n").guts.tree)).isEqualTo(2);
        assertThat(splitsAtLeftLongest(compile("(a*)(b*)").guts.tree)).isEqualTo(1);
        assertThat(splitsAtLeftLongest(compile("([a-z]+)(\\d+x*)").guts.tree)).isEqualTo(1);
        assertThat(splitsAtLeftLongest(compile("(?i)(A+)(b+)").guts.tree)).isEqualTo(1);
        // a shortest-preferring left side: the split is the same, the only one there is
        assertThat(splitsAtLeftLongest(compile("(a+?)(b+)").guts.tree)).isEqualTo(1);
        assertThat(splitsAtLeftLongest(compile("x(\\d+?)(\\s+)y").guts.tree)).isEqualTo(1);
        // a (the left side's) can start the right side; \w takes digits; . takes digits
        assertThat(splitsAtLeftLongest(compile("(a+)(ab+)").guts.tree)).isZero();
        assertThat(splitsAtLeftLongest(compile("(\\w+)(?=\\d)(\\d+)").guts.tree)).isZero();
        assertThat(splitsAtLeftLongest(compile("(a+?)(ab+)").guts.tree)).isZero();
        assertThat(splitsAtLeftLongest(compile("(.*?)(\\d+)").guts.tree)).isZero();
        // tclsh 8.6.13: regexp -indices -inline
        assertThat(spans("(a+)(ab+)", "aaabb")).isEqualTo("0 4 0 1 2 4");
        assertThat(spans("(a*)(b*)", "aaa")).isEqualTo("0 2 0 2 3 2");
        assertThat(spans("(a*)(b*)", "aabbc")).isEqualTo("0 3 0 1 2 3");
        assertThat(spans("([a-z]+)(\\d+x*)", "ab12xx")).isEqualTo("0 5 0 1 2 5");
        assertThat(spans("(\\w+)(?=\\d)(\\d+)", "ab12")).isEqualTo("0 3 0 2 3 3");
        assertThat(spans("(?i)(A+)(b+)", "aAbB")).isEqualTo("0 3 0 1 2 3");
        assertThat(spans("(a+?)(b+)", "aabbb")).isEqualTo("0 2 0 1 2 2");
        assertThat(spans("(a*?)(b*)", "aabbc")).isEqualTo("0 -1 0 -1 0 -1");
        assertThat(spans("([a-z]+?)(\\d+x*)", "ab12xx")).isEqualTo("0 2 0 1 2 2");
        assertThat(spans("x(\\d+?)(\\s+)y", "x12  y")).isEqualTo("0 5 1 2 3 4");
        assertThat(spans("(a+?)(ab+)", "aaabb")).isEqualTo("0 3 0 1 2 3");
        assertThat(spans("(.*?)(\\d+)", "abc123")).isEqualTo("0 3 0 2 3 3");
    }
}
