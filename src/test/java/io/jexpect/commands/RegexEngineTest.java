package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.interp.Value;
import io.jexpect.testing.TclRunner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tcl 8.6's answers from jexpect's own regex engine (io.jexpect.regex), recorded from tclsh 8.6.13:
 * character classes and case, and patterns the tcl-regex port hung on or got wrong.
 */
class RegexEngineTest {
    private final TclRunner tcl = new TclRunner();

    @Test
    void characterClassesAsTclHasThem() throws Exception {
        // Tcl's classes: ascii exists; under -nocase lower and upper become alnum (digits too) and
        // no class is closed over case; \w includes connector punctuation; blank is tab and space.
        assertThat(tcl.eval("list [regexp {[[:ascii:]]} a] [regexp -nocase {[[:upper:]]} 1] [regexp -nocase {[[:lower:]]} 1]"
                + " [regexp -nocase {[[:alpha:]]} 1] [regexp {[[:upper:]]} a]")).isEqualTo("1 1 1 0 0");
        assertThat(tcl.eval("list [regexp {\\w} \\u203f] [regexp {\\w} \\uff3f] [regexp {\\w} \\u2054] [regexp {\\W} \\u00b7]"))
                .isEqualTo("1 1 1 1");
        assertThat(tcl.eval("list [regexp {[[:blank:]]} \\u00a0] [regexp {\\s} \\u00a0] [regexp {\\s} \\u200b] [regexp {\\s} \\u001c]"))
                .isEqualTo("0 1 1 0");
        assertThat(tcl.eval("list [regexp {[[:print:]]} \\t] [regexp {[[:print:]]} \\u00a0] [regexp {[[:cntrl:]]} \\ue000]"
                + " [regexp {[[:punct:]]} +] [regexp {[[:punct:]]} _] [regexp {\\d} \\u0663]")).isEqualTo("0 1 1 0 1 1");
        assertThat(tcl.error("regexp {[[:word:]]} a")).isEqualTo("couldn't compile regular expression pattern: invalid character class | REGEXP REG_ECTYPE {invalid character class}");
    }

    @Test
    void caseCounterpartsAreLowerUpperAndTitle() throws Exception {
        // \u01c4-\u01c6 are one letter's upper, title and lower case; the Kelvin sign lowers to k
        // but k has no upper case other than K.
        assertThat(tcl.eval("list [regexp -nocase \\u01c5 \\u01c4] [regexp -nocase {[\\u01c4]} \\u01c6]"
                + " [regexp -nocase -inline {k} \\u212a] [regexp -nocase \\u212a k] [regexp -nocase {[a-z]} \\u212a]"))
                .isEqualTo("1 1 {} 1 0");
    }

    @Test
    void collatingElementsInRanges() throws Exception {
        assertThat(tcl.eval("list [regexp {[a-[.z.]]} q] [regexp {[[.hyphen.]]} -] [regexp {[[.space.]-[.tilde.]]} A]"))
                .isEqualTo("1 1 1");
        assertThat(tcl.error("regexp {[[.foo.]]} q")).isEqualTo("couldn't compile regular expression pattern: invalid collating element | REGEXP REG_ECOLLATE {invalid collating element}");
        assertThat(tcl.error("regexp {[[.z.]-a]} q")).isEqualTo("couldn't compile regular expression pattern: invalid character range | REGEXP REG_ERANGE {invalid character range}");
    }

    @Test
    void nestedStarsAndAnchorLoopsEndAtOnce() throws Exception {
        long t0 = System.nanoTime();
        // Tcl suite regexp-22.3 (the port's EMPTY-arc removal never ended) and reg-33.13.
        assertThat(tcl.eval("regexp ((((((((a)*)*)*)*)*)*)*)* a")).isEqualTo("1");
        assertThat(tcl.eval("regexp {($|^)*} x")).isEqualTo("1");
        assertThat(tcl.eval("regexp {($|^X)*} {}")).isEqualTo("1");
        // reg-33.15, 33.25, 33.26: constraints around empty loops.
        assertThat(tcl.eval("list [regexp {(^)+^} x] [regexp {^abcd*(((((^(a c(e?d)a+|)+|)+|)+|)+|a)+|)} x]"
                + " [regexp {a^(^)bcd*xy(((((($a+|)+|)+|)+$|)+|)+|)^$} x]")).isEqualTo("1 0 0");
        // reg-33.23, 33.24, 33.28: a loop of constraint arcs is broken before constraints move.
        assertThat(tcl.eval("list [regexp {abcd(\\m)+xyz} x] [regexp {abcd(\\m)+xyz} a] [regexp {x|(?:\\M)+} x]"))
                .isEqualTo("0 0 1");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void loopsOfConstraintsMatchAsInTcl() throws Exception {
        // Tcl suite reg-33.17-33.22 and 33.30: a loop whose body is only constraints (anchors,
        // word boundaries, lookaheads) is broken before the constraints are moved.
        assertThat(tcl.eval("list [regexp {(^$)*} x] [regexp {(^(?!aa))+} {aa bb cc}] [regexp {(^(?!aa)(?!bb)(?!cc))+} {aa x}]"
                + " [regexp {(^(?!aa)(?!bb)(?!cc))+} {bb x}] [regexp {(^(?!aa)(?!bb)(?!cc))+} {dd x}] [regexp {(\\Y)+} foo]"
                + " [regexp {xyz(\\Y\\Y)+} x] [regexp {($^)+} x]")).isEqualTo("1 0 0 0 1 1 0 0");
        assertThat(tcl.eval("list [regexp -inline {(^(?!aa))+} {bb cc}] [regexp -inline -indices {(\\y)+} { foo}]"
                + " [regexp -all -inline {(?:\\m|\\M)+} {ab cd}] [regexp -inline -line {(^|$)+x} \"a\\nx\"]"))
                .isEqualTo("{{} {}} {{1 0} {1 0}} {{} {} {} {}} {x {}}");
        assertThat(tcl.eval("list [regexp -about {(^$)*}] [regexp -about {abcd(\\m)+xyz}]"))
                .isEqualTo("{1 REG_UEMPTYMATCH} {1 {REG_UNONPOSIX REG_ULOCALE REG_UIMPOSSIBLE}}");
    }

    @Test
    void numericEscapesAsTclReadsThem() throws Exception {
        // Tcl suite reg-33.12: a long number is no backreference (its digits stop before an
        // overflow) but an octal escape; backslash u and U take 1-4 and 1-8 hex digits, x one or two,
        // an octal escape past 0xff gives its last digit back.
        assertThat(tcl.eval("list [regexp {\\3161573148} {\\3161573148}] [regexp -inline {\\u41} A] [regexp -inline {\\x414} A4]"
                + " [regexp -inline {\\U41} A] [regexp {\\U1F602} x] [regexp -inline {\\400} { 0}] [regexp -inline {\\777} ?7]"
                + " [regexp -inline {(a)\\1} aa]")).isEqualTo("0 A A4 A 0 {{ 0}} ?7 {aa a}");
        assertThat(tcl.error("regexp {\\81} x")).isEqualTo("couldn't compile regular expression pattern: invalid escape \\ sequence"
                + " | REGEXP REG_EESCAPE {invalid escape \\ sequence}");
        assertThat(tcl.eval("list [regexp -about {\\x41}] [regexp -about {\\e}] [regexp -about {\\a}]"))
                .isEqualTo("{0 {REG_UNONPOSIX REG_UUNPORT}} {0 {REG_UNONPOSIX REG_UUNPORT REG_ULOCALE}} {0 {REG_UNONPOSIX REG_ULOCALE}}");
    }

    @Test
    void aPatternOfMoreColorsThanTclHasIsAnError() throws Exception {
        // Tcl suite regexp-22.5: 32765 different characters need more colors than a short holds.
        StringBuilder e = new StringBuilder();
        for (char c = 100; c <= 32864; c++) {
            e.append(c);
        }
        tcl.interp.setGlobal("e", Value.of(e.toString()));
        assertThat(tcl.error("regexp -about $e"))
                .isEqualTo("couldn't compile regular expression pattern: too many colors | REGEXP REG_ECOLORS {too many colors}");
    }

    @Test
    void aFailedBackreferenceTriesTheNextStart() throws Exception {
        // Tcl suite regexp-22.6 (Tcl bug 6585b21ca8): when no end works from one start, the search
        // goes on from the next one.
        assertThat(tcl.eval("list [regexp -inline {(\\w).*?\\1} Programmer] [regexp -inline {(.).*?\\1} abcb]"
                + " [regexp -inline {(\\w)(.*?)\\1} Programmer]")).isEqualTo("{rogr r} {bcb b} {rogr r og}");
    }

    @Test
    void basicRegexBoundsAreGreedy() throws Exception {
        // Tcl suite reg-33.31 (Tcl bug 7c64aa5e1a): a BRE bound \{m,n\} took as little as it could.
        assertThat(tcl.eval("list [regexp -inline {(?b).\\{1,10\\}} abcdef] [regexp -inline {(?b)a\\{1,3\\}} aaaa]"
                + " [regexp -inline {(?b)a\\{1,3\\}b} aab]")).isEqualTo("abcdef aaa aab");
    }
}
