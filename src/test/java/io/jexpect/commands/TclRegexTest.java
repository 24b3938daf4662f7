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
}
