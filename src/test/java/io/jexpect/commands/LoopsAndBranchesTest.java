package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * if checks its whole shape before running a body; break and continue in for's loop-end command;
 * the traces of if, for and time called by a computed name (which Tcl does not compile inline);
 * catch's errorLine outside procs. Expected output recorded from tclsh 8.6.13.
 */
class LoopsAndBranchesTest {
    private static final String SCRIPT = """
set z if
foreach s {
 {$z 1<2 {set a 1} elwood {set a 2}}
 {$z 1<2 {set a 1} elseif}
 {$z 1<2 {set a 1} elseif 0}
 {$z 1<2 {set a 1} elseif {[error x]} {set b 1}}
 {$z 1<2 {set a 1} else {set b} x}
 {$z 1>2 {set a 1} elseif 1<2 {set a 2} xx}
 {if 1<2 {set a 1} elwood {set a 2}}
 {if 1<2 {set a 1} elseif 0 then}
} { puts "[catch $s m] $m" }
proc p {} {
    set z if
    catch {$z 1 {set}}; puts $::errorInfo
    set z for
    catch {$z {set} {1} {} {}}; puts $::errorInfo
    catch {$z {} {1} {
set} {}}; puts $::errorInfo
    catch {$z {set i 0} {$i < 5} {incr i} {set}}; puts $::errorInfo
    catch {time {error foo}}; puts $::errorInfo
}
p
puts [list [catch {for {} {1} {break} {}} m] $m [catch {for {} {1} {continue} {}} m] $m]
proc q {} {for {} {1} {continue} {}}
puts [list [catch q m] $m]
set a {}
for {set i 1} {$i<6} {incr i; if {$i==4} break} {lappend a $i}
puts $a
puts [apply {{} {
    for {set k 0} {$k < 3} {incr k} {
        set j 0
        for {set i 0} {$i < 5} {incr i; list a [eval continue]} {incr j}
        incr i
    }
    list $i $j $k
}}]
set b {
    catch {
        set} m o; puts [dict get $o -errorline]
}
eval $b
proc s {} {
    catch {
        set} m o; puts [dict get $o -errorline]
}
s
""";

    private static final String TCLSH_OUTPUT = """
1 wrong # args: extra words after "else" clause in "if" command
1 wrong # args: no expression after "elseif" argument
1 wrong # args: no script following "0" argument
0 1
1 wrong # args: extra words after "else" clause in "if" command
0 2
1 wrong # args: extra words after "else" clause in "if" command
1 wrong # args: no script following "then" argument
wrong # args: should be "set varName ?newValue?"
    while executing
"set"
    invoked from within
"$z 1 {set}"
wrong # args: should be "set varName ?newValue?"
    while executing
"set"
    ("for" initial command)
    invoked from within
"$z {set} {1} {} {}"
wrong # args: should be "set varName ?newValue?"
    while executing
"set"
    ("for" loop-end command)
    invoked from within
"$z {} {1} {
set} {}"
wrong # args: should be "set varName ?newValue?"
    while executing
"set"
    ("for" body line 1)
    invoked from within
"$z {set i 0} {$i < 5} {incr i} {set}"
foo
    while executing
"error foo"
    invoked from within
"time {error foo}"
0 {} 4 {}
1 {invoked "continue" outside of a loop}
1 2 3
1 1 3
2
3
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
