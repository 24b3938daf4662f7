package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Variables and their links: a link to a variable of a deleted namespace, a link that survives
 * its variable's unset, qualified link names, array-element names refused by variable and array
 * set, unset traces on namespace delete, the array named {}, info vars/locals with links,
 * namespace names resolved in the current namespace only, lappend without values and its read
 * traces, and a bad {*} word stopping the command's words. Expected output recorded from tclsh 8.6.13.
 */
class VariableLinksTest {
    private static final String SCRIPT = """
namespace eval test_ns_var { variable foo 2 }
proc p {} {
    variable ::test_ns_var::foo
    lappend result [catch {set foo} msg] $msg
    namespace delete ::test_ns_var
    lappend result [catch {set foo 3} msg] $msg $::errorCode
    lappend result [catch {set foo(3) 3} msg] $msg $::errorCode
    lappend result [catch {set foo} msg] $msg [info exists foo]
}
puts [p]
upvar #0 aaaaa xxxxx
catch {unset aaaaa}
catch {unset xxxxx}
set aaaaa 456654
set xxxxx hello
upvar #0 aaaaa xxxxx
puts [set xxxxx]|[info vars aaaa*]
set a 789789
namespace eval test_ns_var2 {}
upvar #0 a test_ns_var2::lnk
puts [namespace eval test_ns_var2 {set lnk}]
puts [catch {upvar #0 a test_ns_fred::lnk} m]$m
puts [catch {namespace eval test_ns_var2 { variable arrayvar(1) }} m]$m
puts [catch {array set arr(x) {a 1 b 2}} m]$m|$::errorCode
set info {}
namespace eval test_ns_var3 {
    variable v 123
    trace add variable v unset {apply {args {lappend ::info $args}}}
}
namespace delete test_ns_var3
puts $info
namespace eval n {
    proc p {} {
        variable {}
        set (0) 0
        set n 2
        set ($n,foo) 2
    }
    p
    puts [lsort [array names {}]]
}
proc q {} {global g; upvar y z; set a 1; list [info locals] [info vars]}
puts [q]
namespace eval outer {variable x 1}
namespace eval inner {
    puts [catch {namespace upvar outer x y} m]$m
    puts [namespace exists outer]|[namespace eval outer {namespace current}]
}
set l "# 1 2"
puts [lappend l]|[lappend l 3]
set l "a \\{"
puts [catch {lappend l} m]$m
unset -nocomplain traced ::result
trace add variable traced read {apply {args {lappend ::result $args}}}
lappend traced a
puts $::result
set a 0; set b 0
catch {list [incr a] {*}"a {}x y" [incr b]}
puts "$a $b"
""";

    private static final String TCLSH_OUTPUT = """
0 2 1 {can't set "foo": upvar refers to variable in deleted namespace} {TCL WRITE VARNAME} 1 {can't set "foo(3)": upvar refers to variable in deleted namespace} {TCL LOOKUP VARNAME} 1 {can't read "foo": no such variable} 0
hello|aaaaa
789789
1can't create "test_ns_fred::lnk": parent namespace doesn't exist
1can't define "arrayvar(1)": name refers to an element in an array
1can't set "arr(x)": variable isn't array|TCL LOOKUP VARNAME arr(x)
{::test_ns_var3::v {} unset}
0 2,foo
a {g z a}
1namespace "outer" not found in "::inner"
0|::inner::outer
# 1 2|{#} 1 2 3
1unmatched open brace in list
{traced {} read}
1 0
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }

    /** A linked element unset comes back in its array when set; its array deleted, the link cannot set it. */
    @Test
    void linkToElementOfDeletedArray() throws Exception {
        assertThat(CoreScript.run("""
proc p {} {
    array set x {1 2 3 4}
    upvar 0 x(1) foo
    lappend result [catch {set foo} msg] $msg
    unset x(1)
    lappend result [catch {set foo 5} msg] $msg [array get x]
    unset x
    lappend result [catch {set foo 3} msg] $msg
    lappend result [catch {set foo} msg] $msg
    lappend result [catch {append foo 3} msg] $msg
    lappend result [catch {lappend foo 3} msg] $msg
    lappend result [catch {incr foo} msg] $msg
    lappend result [catch {unset foo} msg] $msg
    lappend result [info exists foo] [info exists x]
    array set x {1 a}
    lappend result [catch {set foo 3} msg] $msg [array get x]
}
puts [p]
""")).isEqualTo("""
0 2 0 5 {1 5 3 4} 1 {can't set "foo": upvar refers to element in deleted array} 1 {can't read "foo": no such variable} 1 {can't set "foo": upvar refers to element in deleted array} 1 {can't set "foo": upvar refers to element in deleted array} 1 {can't set "foo": upvar refers to element in deleted array} 1 {can't unset "foo": no such variable} 0 0 1 {can't set "foo": upvar refers to element in deleted array} {1 a}
""");
    }
}
