package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/** regexp and regsub. Expected outputs recorded from tclsh 8.6.13. */
class RegexpCommandsTest {
    @Test
    void regexpAndRegsub() throws Exception {
        String script = """
proc t {script} { if {[catch {uplevel 1 $script} r]} { puts "ERR $r" } else { puts "<$r>" } }
t {regexp -start end . abc m; set m}
t {regexp -start 10 {$} abc m; set m}
t {regexp -start -5 {^a} abc m}
t {regexp -start 1 {^b} abc m}
t {regexp -start 1 -indices {b} abc m; set m}
t {regexp -all -start 1 -inline {\\w} abc}
t {regexp -all x* abc}
t {regexp -all -inline x* abc}
t {regexp -all -inline -indices x* abc}
t {regexp}
t {regexp a}
t {regexp -foo a b}
t {regexp -inline a b c}
t {regexp -start}
t {regexp -start x a b}
t {regexp -about {(a)(b)}}
t {regexp -about {a\\1}}
t {regexp -- -a -a}
t {regexp {(a)|(b)} b m g1 g2; list $m $g1 $g2}
t {regexp -indices {(a)|(b)} b m g1 g2; list $m $g1 $g2}
t {regexp -inline {(a)|(b)} b}
t {regexp -inline -indices {(a)|(b)} b}
t {regexp {a} a m x y; list $m $x $y}
t {regsub}
t {regsub a b}
t {regsub -all x* abc -}
t {regsub x* "" y}
t {regsub -all x* "" y}
t {regsub -all {} abc -}
t {regsub {(a)|(b)} b {[\\1|\\2]}}
t {regsub -all a aaa {\\&\\\\\\n&}}
t {regsub a a "x\\\\"}
t {regsub -start 1 a aaa b}
t {regsub -start 1 ^a aaa b}
t {regsub -all -start 1 a aaa b}
t {regsub -start 5 a aaa b}
t {regsub -foo a b c}
t {regsub a b c d e}
t {regsub -nocase -all A abcA x v; set v}
t {regexp -line {^b$} "a\\nb\\nc"}
t {regexp -lineanchor {^b} "a\\nb"}
t {regexp -expanded {a b # comment} ab}
t {regsub -all {(\\w+)@(\\w+)} "x@y z@w" {\\2 at \\1}}
t {regexp -all -inline {(a)(b)?} "aab"}
t {regexp {\\mfoo\\M} "a foo b"}
t {regexp -start 2 {\\mfoo} "afoo"}
t {regexp {\\d{2}-\\d{2}} "ab 12-34"}
t {regexp {[[:alpha:]]+} "12abc3" m; set m}
t {regexp -nocase -inline {[A-C]+} "xxabcabxx"}
t {regexp (a)(b)(c)(d)(e)(f)(g)(h)(i)(j) abcdefghij m a b c d e f g h i j; set j}
t {regsub (a)(b)(c)(d)(e)(f)(g)(h)(i)(j) abcdefghij {\\9\\10}}
t {regexp -all {\\w+} "a bb ccc" }
t {regexp {a|ab} abc m; set m}
t {regexp {(.*)\\s(.*?)} "ab cd ef" m a b; list $m $a $b}
t {regexp -inline -all -line {^\\w+} "ab cd\\nef gh"}
""";
        String tclsh = """
ERR can't read "m": no such variable
<>
<1>
<0>
<1 1>
<b c>
<3>
<{} {} {}>
<{0 -1} {1 0} {2 1}>
ERR wrong # args: should be "regexp ?-option ...? exp string ?matchVar? ?subMatchVar ...?"
ERR wrong # args: should be "regexp ?-option ...? exp string ?matchVar? ?subMatchVar ...?"
ERR bad option "-foo": must be -all, -about, -indices, -inline, -expanded, -line, -linestop, -lineanchor, -nocase, -start, or --
ERR regexp match variables not allowed when using -inline
ERR wrong # args: should be "regexp ?-option ...? exp string ?matchVar? ?subMatchVar ...?"
ERR bad index "x": must be integer?[+-]integer? or end?[+-]integer?
<2 {}>
ERR couldn't compile regular expression pattern: invalid backreference number
<1>
<b {} b>
<{0 0} {-1 -1} {0 0}>
<b {} b>
<{0 0} {-1 -1} {0 0}>
<a {} {}>
ERR wrong # args: should be "regsub ?-option ...? exp string subSpec ?varName?"
ERR wrong # args: should be "regsub ?-option ...? exp string subSpec ?varName?"
<-a-b-c->
<y>
<y>
<-a-b-c>
<[|b]>
<&\\\\na&\\\\na&\\\\na>
<x\\>
<aba>
<aaa>
<abb>
<aaa>
ERR bad option "-foo": must be -all, -nocase, -expanded, -line, -linestop, -lineanchor, -start, or --
ERR wrong # args: should be "regsub ?-option ...? exp string subSpec ?varName?"
<xbcx>
<1>
<1>
<1>
<y at x w at z>
<a a {} ab a b>
<1>
<0>
<1>
<abc>
<abcab>
<j>
<ia0>
<3>
<ab>
<{ab cd ef} {ab cd} ef>
<ab ef>
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }

    /** Expanded patterns as clock.tcl writes them: tabs, newlines and comment lines between the atoms. */
    @Test
    void aSurrogateIsACharacterOfItsOwn() throws Exception {
        // Tcl 8.6's characters are UTF-16 units: "." matches half of an emoji, and -start counts units.
        String script = """
proc hex {r} { binary encode hex [encoding convertto utf-8 $r] }
set e [encoding convertfrom utf-8 \\xF0\\x9F\\x98\\x80]
set s "a${e}b"
puts [list [regexp {^a.b$} $s] [regexp {^a..b$} $s] [regexp -inline -indices {a.} $s]]
puts [regexp -all -indices -inline . $s]
puts [hex [regsub -all . $s <&>]]
puts [list [regexp -start 2 -indices b $s m] $m [hex [regsub -start 2 . $s X]]]
puts [list [regexp "^\\[$e\\]\\$" $e] [regexp "^\\[$e\\]+\\$" $e] [regexp {^[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]$} $e]]
puts [list [regexp {^\\U1F600$} \\uFFFD] [regexp {^\\U1F600$} $e] [regexp {^\\W\\W$} $e]]
""";
        String tclsh = """
0 1 {{0 1}}
{0 0} {1 1} {2 2} {3 3}
3c613e3ceda0bd3e3cedb8803e3c623e
1 {3 3} 61eda0bd5862
0 1 1
1 0 1
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }

    @Test
    void expandedPatternsSkipAllWhiteSpaceAndComments() throws Exception {
        String script = """
proc t {script} { if {[catch {uplevel 1 $script} r]} { puts "ERR $r" } else { puts "<$r>" } }
t {regexp -expanded "a\tb" ab}
t {regexp -expanded "a # comment\n b" ab}
t {regexp -expanded -nocase {^
  # 1 - name
  ([[:alpha:]]+ | <[-+[:alnum:]]+>)
	([-+]?)} EST5 m a b}
t {regexp -expanded {[ #]+} " #"}
t {regexp -expanded {a\\ b} "a b"}
t {regexp -about -expanded "a\tb"}
""";
        String tclsh = """
<1>
<1>
<1>
<1>
<1>
<0 REG_UNONPOSIX>
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }

    /** A pattern the compiler proves can never match (tcllib's csv has one) is simply no match. */
    @Test
    void impossiblePatternsMatchNothing() throws Exception {
        String script = """
proc t {script} { if {[catch {uplevel 1 $script} r]} { puts "ERR $r" } else { puts "<$r>" } }
t {regexp {a^b} abc}
t {regexp -all -inline {x$y} "x\\ny"}
t {regsub -all {(^${d}|${d}$)} {"a"} Q}
t {switch -regexp abc {a^b {set x no} default {set x yes}}}
t {lsearch -regexp {ab a^b} {a^b}}
t {regexp -about {a^b}}
""";
        String tclsh = """
<0>
<>
<"a">
<yes>
<-1>
<0 REG_UIMPOSSIBLE>
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }

    @Test
    void about() throws Exception {
        String script = """
foreach re {{(a)(b)} {(?x)a b} {a\\d} {a{1,2}} {(?=a)} {\\mfoo} {a*?} {a\\1} {(a)\\1} {[[:alpha:]]} {a|} {x*} {\\w+} {(?:a)} {a(?!b)} {^$} {\\y} {a{2}}} {
  if {[catch {regexp -about $re} r]} { puts "$re ERR $r" } else { puts "$re => $r" }
}
""";
        String tclsh = """
(a)(b) => 2 {}
(?x)a b => 0 REG_UNONPOSIX
a\\d => 0 {REG_UNONPOSIX REG_ULOCALE}
a{1,2} => 0 REG_UBOUNDS
(?=a) => 0 {REG_ULOOKAHEAD REG_UNONPOSIX}
\\mfoo => 0 {REG_UNONPOSIX REG_ULOCALE}
a*? => 0 {REG_UNONPOSIX REG_UEMPTYMATCH REG_USHORTEST}
a\\1 ERR couldn't compile regular expression pattern: invalid backreference number
(a)\\1 => 1 {REG_UBACKREF REG_UNONPOSIX}
[[:alpha:]] => 0 REG_ULOCALE
a| => 0 {REG_UUNSPEC REG_UEMPTYMATCH}
x* => 0 REG_UEMPTYMATCH
\\w+ => 0 {REG_UNONPOSIX REG_ULOCALE}
(?:a) => 0 REG_UNONPOSIX
a(?!b) => 0 {REG_ULOOKAHEAD REG_UNONPOSIX}
^$ => 0 REG_UEMPTYMATCH
\\y => 0 {REG_UNONPOSIX REG_ULOCALE REG_UEMPTYMATCH}
a{2} => 0 REG_UBOUNDS
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }

    @Test
    void startOffsetsFollowTclsBeginningOfLineRule() throws Exception {
        // Tcl suite regexp-15.6, 16.20, 26.3, 26.7, 26.8: ^ holds at -start only at the string's
        // start or just after a newline (not past the end), re-decided at each -all step; an empty
        // match moves the next search one past its end.
        TclRunner tcl = new TclRunner();
        assertThat(tcl.eval("list [regexp -start 2 {^$} {}] [regexp -start 1 {^$} {}] [regexp -start 0 {^$} {}]")).isEqualTo("0 0 1");
        assertThat(tcl.eval("set foo NA; list [regsub -start 1 {^$} {} & foo] $foo")).isEqualTo("0 {}");
        assertThat(tcl.eval("set s aab\\naaa; list [regexp -all -inline -line -start 0 {^a+} $s] [regexp -all -inline -line -start 1 {^a+} $s]"
                + " [regexp -all -inline -line -start 4 {^a+} $s]")).isEqualTo("{aa aaa} aaa aaa");
        assertThat(tcl.eval("list [regexp -start 1 -indices -line {^a} \\nab m] $m")).isEqualTo("1 {1 1}");
        assertThat(tcl.eval("regexp -all -inline -line {^@.*\\n(?:[^@].*\\n?)*} @1\\n2\\n@4\\n-5\\n@8\\n"))
                .isEqualTo("{@1\n2\n} {@4\n-5\n} {@8\n}");
        assertThat(tcl.eval("list [regexp -start 1 {^b} a\\nb] [regexp -start 2 {^b} a\\nb] [regexp -all {^} a\\nb\\nc]"
                + " [regexp -all -line {^} a\\nb\\nc] [regsub -all -line {^} a\\nb >]")).isEqualTo("0 1 1 3 {>a\n>b}");
    }
}
