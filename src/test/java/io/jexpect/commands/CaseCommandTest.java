package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** case, Tcl 8.6's deprecated switch: pattern lists, default, one-word form, errors; recorded from tclsh 8.6.13. */
class CaseCommandTest {
    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run("""
puts [catch {case} m]$m
puts [catch {case a} m]$m
puts [case abc in a* {list A} b* {list B}]
puts [case bcd a* {list A} {x b*} {list B}]
puts [case zzz {a* {list A} default {list D} z* {list Z}}]
puts [case zzz {a* {list A} default {list D}}]
puts <[case zzz a* {list A}]>
puts [catch {case zzz a* {list A} b*} m]$m
puts [catch {case zzz {a "b c} {list A}} m]$m
catch {case a a {
  set x 1
  error boom}}
puts $errorInfo
proc p {} { case a a {return ret}; return no }
puts [p]
foreach x {1 2 3} { case $x 2 continue; puts $x }
puts [case "a b" {"a b"} {list sp} default {list d}]
puts [case {a\\b} {a\\\\b} {list bs} default {list d}]
""")).isEqualTo("""
1wrong # args: should be "case string ?in? ?pattern body ...? ?default body?"
1wrong # args: should be "case string ?in? ?pattern body ...? ?default body?"
A
B
Z
D
<>
1extra case pattern with no body
1unmatched open quote in list
boom
    while executing
"error boom"
    ("a" arm line 3)
    invoked from within
"case a a {
  set x 1
  error boom}"
ret
1
3
sp
d
""");
    }
}
