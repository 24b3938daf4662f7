package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * return's options dictionary (extra options kept, -level and -code combined, Tcl's key order),
 * its bad option values, info errorstack, and try's -during. Expected output recorded from tclsh 8.6.13.
 */
class ReturnOptionsTest {
    private static final String SCRIPT = """
proc p {} {return -bar soom -code error -errorcode X -errorinfo II x}
puts [catch p m o]|[dict remove $o -errorstack]
puts [catch {return -level 2} m o]|$o
puts [catch {return -code return -level 2 -bar x} m o]|$o
puts [catch {return -options {-code 1 -zz 3} -zz 5 -level 0 -errorinfo E} m o]|[dict remove $o -errorstack]
puts [catch {return -code 1 -level 0 -errorinfo X} m o]|$::errorInfo|$::errorCode
puts [catch {return -code error -errorcode {A B} x} m o]|$o
puts [catch {return -code error -level 1 -errorinfo foo -errorline 4 x} m o]|$o
puts [catch {return -level 0 -code error -options {-code foo -options {-code break}}} m]|$m
foreach s {{return -options "a \\{"} {return -errorcode "a \\{"} {return -errorstack "a \\{"} {return -errorstack a} {return -code foo}} {
    puts [catch $s m o]|$m|[dict get $o -errorcode]
}
proc g x {error G:$x}
proc f x {g $x$x}
proc h x {uplevel 1 [list f $x]}
catch {h 1}; puts [lrange [info errorstack] 2 end]
catch {namespace eval foo {f 2}}; puts [lrange [info errorstack] 2 end]
puts [catch {return -code error -errorstack {CALL a CALL b} yo} m o]|[dict get $o -errorstack]|[info errorstack]
catch {error foo bar}; puts [lrange [info errorstack] 2 end]
set bar [lindex [list [catch {error foo bar baz} m o] $o] 1]
puts [catch {return -options $o $m} m2 o2]|[expr {$o eq $o2}]|$::errorInfo|$::errorCode
proc q {} {
    catch {return -level 0 -code error -errorinfo X -errorline 7} m o
    dict get $o -errorline
}
puts [q]
catch {try {list a} finally {
 error x}} m o; puts [dict remove $o -errorstack]
catch {try {error a} on error {} {
 error x}} m o; puts $::errorInfo; puts [dict get $o -during -errorinfo]; puts [dict keys $o]
catch {try {error a} on break {} {}} m o; puts [dict keys $o]|$::errorInfo
proc t {} {try {error a} on error {} {error b}}
catch t m o; puts [dict keys $o]|$::errorInfo
""";

    private static final String TCLSH_OUTPUT = """
1|-bar soom -errorcode X -errorinfo {II
    invoked from within
"p"} -code 1 -level 0 -errorline 1
2|-code 0 -level 2
2|-bar x -code 0 -level 3
1|-zz 5 -errorinfo E -code 1 -level 0 -errorcode NONE -errorline 1
1|X|NONE
2|-errorcode {A B} -code 1 -level 1
2|-errorinfo foo -errorline 4 -code 1 -level 1 -errorcode NONE
3|
1|bad -options value: expected dictionary but got "a {"|TCL RESULT ILLEGAL_OPTIONS
1|bad -errorcode value: expected a list but got "a {"|TCL RESULT ILLEGAL_ERRORCODE
1|bad -errorstack value: expected a list but got "a {"|TCL RESULT NONLIST_ERRORSTACK
1|forbidden odd-sized list for -errorstack: "a"|TCL RESULT ODDSIZEDLIST_ERRORSTACK
1|bad completion code "foo": must be ok, error, return, break, continue, or an integer|TCL RESULT ILLEGAL_CODE
CALL {g 11} CALL {f 1} UP 1 CALL {h 1}
CALL {g 22} CALL {f 2} CALL {namespace eval foo {f 2}}
2|CALL a CALL b|CALL a CALL b
CALL b
1|0|bar|baz
7
-errorcode NONE -errorinfo {x
    while executing
"error x"} -errorline 2 -during {-code 0 -level 0} -code 1 -level 0
x
    while executing
"error x"
    ("try ... on" handler line 2)
a
    while executing
"error a"
    ("try" body line 1)
-errorstack -errorcode -errorinfo -errorline -during -code -level
-errorstack -errorcode -errorinfo -errorline -code -level|a
    while executing
"error a"
    ("try" body line 1)
-errorstack -errorcode -errorinfo -errorline -during -code -level|b
    while executing
"error b"
    (procedure "t" line 1)
    invoked from within
"t"
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
