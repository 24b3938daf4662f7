package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Details Tcl 8.6's own test suite checks: unset's strict option parsing, the order switch sets
 * -indexvar and -matchvar, the first variable scan fails to set, array set's messages for missing
 * namespaces, subst's parse errors in the trace, lsort's (-compare command) line, update idletasks
 * running idle handlers posted meanwhile, and namespace import patterns resolved from the current
 * namespace only. Expected output from tclsh 8.6.13.
 */
class CommandDetailsTest {
    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run("""
set -nocomplain abc
set var abc
puts [list [info exists bogus] [catch {unset -nocomplain bogus var bogus}] [info exists -nocomplain] [info exists var] [catch {unset -nocomplain -nocomplain}] [info exists -nocomplain]]
set x -; set y -
puts [list [catch {switch -regexp -indexvar x(x) -matchvar y abc {. {list $x $y}}} msg] $x $y $msg]
set x -; set y -
puts [list [catch {switch -regexp -indexvar x -matchvar y(y) abc {. {list $x $y}}} msg] $x $y $msg]
set x {}; unset -nocomplain y z; array set y {}; array set z {}
puts [list [catch {scan {abc def ghi} {%s%s%s} x z y} msg] $msg $x]
foreach c {{array set bogusnamespace::var {}} {array set bogusnamespace::var {a b}} {array set bogusnamespace::var(0) {a b}} {array set var(0) {a b}} {set x 1; array set x {a b}} {set x 1; array set x {}} {array set bogus::v(1) {}}} {
  catch $c m o; puts "$m | [dict get $o -errorcode]"
}
catch {subst {[set a 1}}; puts $::errorInfo
catch {subst {$a(b}}; puts $::errorInfo
proc cmp {a b} {
    error "comparison error"
}
puts [list [catch {lsort -command cmp {48 6}} msg] $msg $::errorInfo]
unset -nocomplain x y; set x 1; set y 23
after idle {incr x; after idle {incr x; after idle {incr x}}}
after idle {incr y}
vwait x
set result "$x $y"
update idletasks
puts [lappend result $x]
namespace eval foo {namespace import ::after; puts [namespace origin after]}
interp create child
child eval namespace export after
child eval namespace eval foo namespace import ::after
child eval foo::after 1
puts [child eval namespace origin foo::after]
catch {namespace eval foo {namespace import after}} m; puts $m
catch {namespace eval foo {namespace import foo::after}} m; puts $m
namespace eval foo {proc x {} {return fx}; namespace export x}
namespace eval bar {catch {namespace import foo::x} m; puts $m; puts [info commands x]}
namespace eval foo {catch {namespace import foo::x} m; puts $m}
namespace eval foo::foo {proc x {} {}; namespace export x}
namespace eval foo {catch {namespace import foo::x} m; puts $m}
""")).isEqualTo("""
0 0 1 0 0 0
1 - - {can't set "x(x)": variable isn't array}
1 {{0 0}} - {can't set "y(y)": variable isn't array}
1 {can't set "z": variable is array} abc
can't set "bogusnamespace::var": parent namespace doesn't exist | TCL LOOKUP VARNAME bogusnamespace::var
can't set "bogusnamespace::var": parent namespace doesn't exist | TCL LOOKUP VARNAME bogusnamespace::var
can't set "bogusnamespace::var(0)": parent namespace doesn't exist | TCL LOOKUP VARNAME bogusnamespace::var
can't set "var(0)": variable isn't array | TCL LOOKUP VARNAME var(0)
can't set "x(a)": variable isn't array | TCL LOOKUP VARNAME x
can't array set "x": variable isn't array | TCL WRITE ARRAY
can't set "bogus::v(1)": parent namespace doesn't exist | TCL LOOKUP VARNAME bogus::v
missing close-bracket
    invoked from within
"subst {[set a 1}"
missing )
    invoked from within
"subst {$a(b}"
1 {comparison error} {comparison error
    while executing
"error "comparison error""
    (procedure "cmp" line 2)
    invoked from within
"cmp 48 6"
    (-compare command)
    invoked from within
"lsort -command cmp {48 6}"}
2 24 4
::after
::after
no namespace specified in import pattern "after"
unknown namespace in import pattern "foo::after"
unknown namespace in import pattern "foo::x"

unknown namespace in import pattern "foo::x"
can't import command "x": already exists
""");
    }

    /** A pure list evaluated by uplevel or eval runs without a string form, its words shown where needed. */
    @Test
    void listsEvaluatedKeepNoStringForm() throws Exception {
        assertThat(CoreScript.run("""
proc show {} {puts [string map {\\n |} $::errorInfo]}
proc p {} {uplevel [list error {a b}]}
catch p; show
catch {eval [list error "x y"]}; show
proc q {} {uplevel [list info frame 0]}
puts [dict get [q] cmd]
puts [eval [list dict get [info frame 0] cmd]]
proc r {} {catch {uplevel 1} m; puts $m; catch {uplevel [list]} m; puts <$m>; puts [uplevel [list list 1]]}
r
set script [list lindex 5]
puts [apply {script {uplevel $script}} $script][uplevel #0 $script][eval $script]
puts [string match {*no string representation*} [::tcl::unsupported::representation $script]]
""")).isEqualTo("""
a b|    while executing|"error {a b}"|    ("uplevel" body line 1)|    invoked from within|"uplevel [list error {a b}]"|    (procedure "p" line 1)|    invoked from within|"p"
x y|    while executing|"error {x y}"|    ("eval" body line 1)|    invoked from within|"eval [list error "x y"]"
info frame 0
info frame 0
wrong # args: should be "uplevel ?level? command ?arg ...?"
<>
1
555
1
""");
    }

    /** An alias's target is looked up from the global namespace, and auto-loaded there when unknown (TCL_EVAL_INVOKE). */
    @Test
    void aliasTargetsResolveFromTheGlobalNamespace() throws Exception {
        assertThat(CoreScript.run("""
set ::auto_index(noSuchCommand) {
    proc noSuchCommand {} {lappend ::info global}
}
set ::auto_index(::[string trimleft [namespace current]::test_ns_1::noSuchCommand :]) [list \\
    proc [namespace current]::test_ns_1::noSuchCommand {} {
        lappend ::info ns
    }]
catch {rename ::noSuchCommand {}}
set ::child [interp create]
$::child alias bar noSuchCommand
set ::info {}
namespace eval test_ns_1 {
    $::child eval bar
}
namespace delete test_ns_1
interp delete $::child
catch {rename ::noSuchCommand {}}
puts $::info
interp alias {} nc {} namespace current
namespace eval foo {puts [nc]}
proc ::foo::zz {} {return foozz}
proc ::zz {} {return globalzz}
interp alias {} z {} zz
namespace eval foo {puts [z]}
proc p {} {interp alias {} s {} set; s x 1; return $x}
puts [p]
""")).isEqualTo("""
global
::foo
globalzz
1
""");
    }
}
