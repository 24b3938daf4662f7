package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** errorCodes of bad integers, and the trace of error with its own errorInfo; expected output from tclsh 8.6.13. */
class ErrorDetailsTest {
    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run("""
proc try_ {script} { if {[catch {uplevel 1 $script} m o]} { puts "E: $m | [dict get $o -errorcode]" } else { puts "ok <$m>" } }
try_ {string repeat x foo}
try_ {string repeat x 08}
try_ {string repeat x 1.5}
try_ {lindex {a b} 1.5}
try_ {lrepeat foo a}
try_ {incr x foo}
try_ {set y bar; incr y}
try_ {format %d foo}
try_ {string index abc foo}
try_ {lsort -integer {a 1}}
catch {error msg info} m o; puts [dict get $o -errorinfo]
proc p {} {error msg "my info"}
catch {p} m o; puts [dict get $o -errorinfo]
catch {error msg info CODE} m o; puts [dict get $o -errorinfo]|$::errorCode
proc p {} {
  set x 1
  error msg "my info"
}
catch {p} m o; puts [dict get $o -errorinfo]; puts [dict get $o -errorline]
proc q {} { if 1 { error a b } }
catch q m o; puts [dict get $o -errorinfo]
catch {eval {error a b}} m o; puts [dict get $o -errorinfo]
""")).isEqualTo("""
E: expected integer but got "foo" | TCL VALUE INTEGER
E: expected integer but got "08" | TCL VALUE INTEGER
E: expected integer but got "1.5" | TCL VALUE INTEGER
E: bad index "1.5": must be integer?[+-]integer? or end?[+-]integer? | TCL VALUE INDEX
E: expected integer but got "foo" | TCL VALUE INTEGER
E: expected integer but got "foo" | TCL VALUE INTEGER
E: expected integer but got "bar" | TCL VALUE INTEGER
E: expected integer but got "foo" | TCL VALUE NUMBER
E: bad index "foo": must be integer?[+-]integer? or end?[+-]integer? | TCL VALUE INDEX
E: expected integer but got "a" | TCL VALUE NUMBER
info
my info
    (procedure "p" line 1)
    invoked from within
"p"
info|CODE
my info
    (procedure "p" line 1)
    invoked from within
"p"
1
b
    (procedure "q" line 1)
    invoked from within
"q"
b
    ("eval" body line 1)
    invoked from within
"eval {error a b}"
""");
    }

    /**
     * A traced ::errorInfo is written at each step of the unwinding, in the frame of the failing
     * command, and a failing trace leaves the error catch sees; an error logged by error itself
     * reports the line of the last error logged; an execution trace's error is logged by the trace.
     */
    @Test
    void errorInfoAsTclWritesIt() throws Exception {
        assertThat(CoreScript.run("""
proc EIWrite args {
    lappend ::writes [info level] [lindex [info level -1] 0]
    if {[info level] == 1} {error boom}
}
proc BadProc {} {
    set i a
    incr i
}
proc P2 {} {BadProc}
trace add variable ::errorInfo write EIWrite
puts [catch P2 m]|$m
puts $::writes
trace remove variable ::errorInfo write EIWrite
proc foo6 {} {
    set a [catch {error glorp2} b]
    error {Human-generated} sss
}
catch foo6 b
puts $::errorInfo
proc foo args {}
proc goo {} {foo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}
trace add execution foo enter {error bar;#}
catch goo m d
puts [dict get $d -errorstack]
puts $::errorInfo
""")).isEqualTo("""
1|expected integer but got "a"
3 BadProc 2 P2
sss
    (procedure "foo6" line 2)
    invoked from within
"foo6"
INNER {error bar} CALL goo
bar
    while executing
"error bar"
    (enter trace on "foo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...")
    (procedure "goo" line 1)
    invoked from within
"goo"
""");
    }
}
