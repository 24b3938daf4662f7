package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Conformance of list, lindex, lrange, linsert, lreplace, lsearch, lsort, lset, lassign, split, join; expected output recorded from tclsh 8.6.13. */
class ListCommandsTest {
    private static final String SCRIPT = """
puts [list a {b c} "d e" {} #x]
puts [llength {a {b c} d}]
puts [lindex {a {b {c d}}} 1 1 0]|[lindex {a b c} end-1]|[lindex {a b c} 1+1]|[lindex {a b} 5]|[lindex {a {b c}} {1 0}]
puts [lrange {a b c d e} 1 end-1]|[lrange {a b} 3 5]
puts [linsert {a b c} end X]|[linsert {a b c} end-1 X]|[linsert {a b c} 0 X Y]
puts [lreplace {a b c d e} 1 2 Z]|[lreplace {a b c} 5 6 x]|[lreplace {a b c} 1 0 x]
puts [lsearch -exact {a b c} c]|[lsearch -all {a b a} a]|[lsearch -inline -glob {xa yb} y*]|[lsearch -not {a a b} a]
puts [lsearch -all -index 1 -subindices {{a b} {c b}} b]|[lsearch -start 1 {a b a} a]|[lsearch -nocase -exact {A B} b]
puts [lsearch -sorted -integer {1 5 10} 10]|[lsearch -bisect -integer {1 5 10} 7]|[lsearch -regexp {abc a1} {\\d}]
puts [lsort {pear Apple banana apple}]|[lsort -dictionary {a10 a9 A9 x01 x1}]|[lsort -integer -decreasing {3 10 2}]
puts [lsort -unique -index 0 {{a 1} {b 2} {a 3}}]|[lsort -stride 2 {c 3 a 1 b 2}]|[lsort -real {1.5 1e2 -3}]|[lsort -indices {c a b}]
proc cmp {a b} {expr {[string length $a] - [string length $b]}}
puts [lsort -command cmp {ccc a bb}]
puts [lreverse {1 2 3}]|[concat {a b} { c } {}]|[join {a {b c}} -]|[split a:b::c :]|[split abc {}]
set l {a {b c}}; lset l 1 0 X; lset l end+1 Y; puts $l
puts [lassign {1 2 3} x y]|$x$y|[lrepeat 2 a b]
foreach s {{lindex {a b c} end--0o9} {string index abc 08} {lindex {a b c} "\\{"} {lindex {a b c} {{1 2}}} {lindex {} end foo} {lindex {a b c} { end}} {lindex {a b} x} {lsort -stride 3 {a b}} {lsort -foo x} {lsearch -in x y} {lrepeat -1 a} {lset l 9 x} {lsort -integer {a 1}} {lsort -index 2 {{a b}}}} {catch $s m; puts $m}
foreach s {{lsort -index -2 {{a b}}} {lsearch -index {0 end+1} {{a b}} a} {lsort -index end-4 {{1 . c} {2 . b}}} {lsort -integer -index 2 "{a b c} \\\\\\{"} {lrepeat 268435455 x y} {lrepeat 1000000000 x}} {catch $s m; puts "$m|$::errorCode"}
puts [lsearch -subindices -index {end end-1} {{1 {a b}}} a]
""";

    private static final String TCLSH_OUTPUT = """
a {b c} {d e} {} #x
3
c|b|c||b
b c d|
a b c X|a b X c|X Y a b c
a Z d e|a b c x|a x b c
2|0 2|yb|2
{0 1} {1 1}|2|1
2|1|1
Apple apple banana pear|A9 a9 a10 x1 x01|10 3 2
{a 3} {b 2}|a 1 b 2 c 3|-3 1.5 1e2|1 2 0
a bb ccc
3 2 1|a b c|a-b c|a b {} c|a b c
a {X c} Y
3|12|a b a b
bad index "end--0o9": must be integer?[+-]integer? or end?[+-]integer? (looks like invalid octal number)
bad index "08": must be integer?[+-]integer? or end?[+-]integer? (looks like invalid octal number)
bad index "{": must be integer?[+-]integer? or end?[+-]integer?
bad index "1 2": must be integer?[+-]integer? or end?[+-]integer?
bad index "foo": must be integer?[+-]integer? or end?[+-]integer?
c
bad index "x": must be integer?[+-]integer? or end?[+-]integer?
list size must be a multiple of the stride length
bad option "-foo": must be -ascii, -command, -decreasing, -dictionary, -increasing, -index, -indices, -integer, -nocase, -real, -stride, or -unique
ambiguous option "-in": must be -all, -ascii, -bisect, -decreasing, -dictionary, -exact, -glob, -increasing, -index, -inline, -integer, -nocase, -not, -real, -regexp, -sorted, -start, or -subindices
bad count "-1": must be integer >= 0
list index out of range
expected integer but got "a"
element 2 missing from sublist "a b"
index "-2" cannot select an element from any list|TCL VALUE INDEXOUTOFRANGE
index "end+1" cannot select an element from any list|TCL VALUE INDEXOUTOFRANGE
element -2 missing from sublist "1 . c"|TCL OPERATION LSORT INDEXFAILED
expected integer but got "c"|TCL VALUE NUMBER
max length of a Tcl list (536870909 elements) exceeded|TCL MEMORY
max length of a Tcl list (536870909 elements) exceeded|TCL MEMORY
0 1 0
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }

    /** Tcl_ConcatObj keeps the white space after a trailing backslash; lrange of a non-canonical list reformats it. */
    @Test
    void concatAndLrangeKeepTclsQuoting() throws Exception {
        String script = """
puts [concat a {b\\ } c]
puts [concat a {b\\   } c]
puts [concat a {b\\\\   } c]
puts [concat "a\\u2000" b]
puts [concat "x\\\\\\n" y]
puts [lrange {a b \\{\\   \t} 0 2]
puts [lrange {[append a .b]} 0 end]
puts [lrange {a   b} 0 end]
""";
        assertThat(CoreScript.run(script)).isEqualTo("""
a b\\  c
a b\\  c
a b\\\\  c
a\u2000 b
x\\
 y
a b \\{\\\s
{[append} a .b\\]
a b
""");
    }
}
