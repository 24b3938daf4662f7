package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jexpect.Jexpect;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import org.junit.jupiter.api.Test;

/** The reusable helpers: TclRegex, GlobMatch and Indices. */
class TclRegexTest {
    @Test
    void leftmostLongestAndGroupSpans() throws Exception {
        Interp in = Jexpect.newInterpreter();
        assertThat(TclRegex.exec(TclRegex.compile(in, "a|ab", 0), "abc", 0, false)).containsExactly(0, 2);
        TclRegex.Compiled re = TclRegex.compile(in, "(.*)\\s(.*?)", 0);
        assertThat(re.groups()).isEqualTo(2);
        assertThat(TclRegex.exec(re, "ab cd ef", 0, false)).containsExactly(0, 8, 0, 5, 6, 8);
        assertThat(TclRegex.exec(TclRegex.compile(in, "(a)|(b)", 0), "xb", 0, false)).containsExactly(1, 2, -1, -1, 1, 2);
        assertThat(TclRegex.compile(in, "a|ab", 0)).isSameAs(TclRegex.compile(in, "a|ab", 0));
    }

    @Test
    void offsetsAndAnchors() throws Exception {
        TclRegex.Compiled re = TclRegex.compile("^b", TclRegex.LINE);
        assertThat(TclRegex.exec(re, "abc", 1, true)).isNull();
        assertThat(TclRegex.exec(re, "abc", 1, false)).containsExactly(1, 2);
        assertThat(TclRegex.exec(re, "a\nbc", 1, true)).containsExactly(2, 3);
        assertThat(TclRegex.exec(TclRegex.compile("B", TclRegex.NOCASE), "abc", 0, false)).containsExactly(1, 2);
    }

    @Test
    void compileErrorsUseTclMessages() {
        assertThatThrownBy(() -> TclRegex.compile("(", 0)).isInstanceOf(TclException.class)
                .hasMessage("couldn't compile regular expression pattern: parentheses () not balanced");
        assertThatThrownBy(() -> TclRegex.compile("*", 0))
                .hasMessage("couldn't compile regular expression pattern: quantifier operand invalid");
    }

    @Test
    void globAndIndices() throws Exception {
        assertThat(GlobMatch.matches("*.[ch]", "x.c")).isTrue();
        assertThat(GlobMatch.matches("A?C", "abc", true)).isTrue();
        assertThat(GlobMatch.isLiteral("a\\*")).isFalse();
        assertThat(Indices.parse(Value.of("end-1"), 5)).isEqualTo(3);
        assertThat(Indices.parse(Value.of("2+1"), 5)).isEqualTo(3);
        assertThat(Indices.parseWithEnd(Value.of("end"), 5)).isEqualTo(5);
        assertThatThrownBy(() -> Indices.parse(Value.of("x"), 5))
                .hasMessage("bad index \"x\": must be integer?[+-]integer? or end?[+-]integer?");
    }

    /**
     * Ranges and classes that start, end or cover whole blocks of the color map's 256 characters,
     * overlapping one another; the spans are tclsh 8.6.13's ({@code regexp -inline -indices}).
     */
    @Test
    void colorsAcrossBlocksOfCharacters() throws Exception {
        assertSpans("[\\u00fe-\\u0102]+", 0, "\u00fd\u00fe\u00ff\u0100\u0101\u0102\u0103", 1, 6);
        assertSpans("[\\u0100-\\u04ff]+", 0, "ab\u041f\u0440\u0438\u0432\u0435\u0442z", 2, 8);
        assertSpans("[[:alpha:]]+(\\d+)[^[:alpha:]\\d]", 0, "!\u4e2d\u6587\u0661\u0662! 1", 1, 6, 3, 5);
        assertSpans("([\\u3000-\\u30ff]+)([\\u3040-\\u3100]+)", 0, "a\u3001\u3042\u30ff\u3100b", 1, 5, 1, 4, 4, 5);
        assertSpans("\\w+\\u00e9(\\W)", 0, "caf\u00e9 x", 0, 5, 4, 5);
        assertSpans("[\\u00ff-\\u0101]+", TclRegex.NOCASE, "x\u0178\u0100\u0101y", 1, 4);
        assertSpans("(\\w)\\u0100", TclRegex.NOCASE, "\u4e00\u0101", 0, 2, 0, 1);
        assertSpans("[^\\u0100-\\u01ff]+", 0, "\u00ff\u0100a", 0, 1);
        assertSpans("[a\\u0100-\\u02ff\\u0150]+[\\u0200-\\u0400]", 0, "\u0100\u0150\u0201\u0300\u03ff", 0, 4);
        assertSpans("[[:digit:]]+[[:upper:]]", 0, "\u0966\u0967\u0410", 0, 3);
        assertSpans("[\\u00f0-\\u20ff]+[\\u0000-\\uffff]", 0, "a\u00f0\u20ff\uffff", 1, 4);
    }

    private static void assertSpans(String pattern, int flags, String subject, int... spans) throws TclException {
        assertThat(TclRegex.exec(TclRegex.compile(pattern, flags), subject, 0, false)).as(pattern).containsExactly(spans);
    }
}
