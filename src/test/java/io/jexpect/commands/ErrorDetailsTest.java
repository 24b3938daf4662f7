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

    /** Outside a proc body, foreach, lmap and the dict loops run their bodies as scripts of their own: their context lines, as tclsh's. */
    @Test
    void loopBodiesCompiledInlineOnlyInProcs() throws Exception {
        assertThat(CoreScript.run("""
proc show {} {puts [string map {\\n |} $::errorInfo]}
catch {foreach a {1} {
   error x}}; show
catch {dict for {k v} {a b} {
  error y}}; show
catch {dict map {k v} {a b} {

  error y}}; show
catch {dict filter {a b} script {k v} {error x}}; show
uplevel #0 {catch {foreach a {1} {
   error x}}; show}
namespace eval n {catch {foreach a {1} {
   error x}}; show}
proc p {} {
  catch {foreach a {1} {
    error x}}; show
  catch {dict for {k v} {a b} {
    error y}}; show
  catch {dict filter {a b} script {k v} {error x}}; show
  catch {lmap a {1} {
    error x}}; show
  set x {}; catch {dict update x k v {
    error x}}; show
  catch {dict with x {
    error x}}; show
  catch {while 1 {
    error x}}; show
}
p
catch {lmap a {1} {
   error x}}; show
set x {}; catch {dict update x k v {
  error y}}; show
set x {}
catch {dict with x {
  error y}}; show
catch {while 1 {
   error x}}; show
catch {for {} 1 {} {
   error x}}; show
catch {if 1 {
   error x}}; show
catch {switch a a {
   error x}}; show
unset -nocomplain a; set a(0) 44
catch {foreach a {1 2 3} {}}; show
catch {lmap a {1 2 3} {}}; show
proc q {} {set a(0) 44; catch {foreach a {1 2 3} {}}; show; catch {lmap a {1 2 3} {}}; show}
q
set z incr
set x 0
catch {$z x 1a}; show
catch {incr x 1a}; show
proc r {} {set x 0; catch {incr x 1a}; show; set z incr; catch {$z x 1a}; show}
r
""")).isEqualTo("""
x|    while executing|"error x"|    ("foreach" body line 2)|    invoked from within|"foreach a {1} {|   error x}"
y|    while executing|"error y"|    ("dict for" body line 2)|    invoked from within|"dict for {k v} {a b} {|  error y}"
y|    while executing|"error y"|    ("dict map" body line 3)|    invoked from within|"dict map {k v} {a b} {||  error y}"
x|    while executing|"error x"|    ("dict filter" script line 1)|    invoked from within|"dict filter {a b} script {k v} {error x}"
x|    while executing|"error x"|    ("foreach" body line 2)|    invoked from within|"foreach a {1} {|   error x}"
x|    while executing|"error x"|    ("foreach" body line 2)|    invoked from within|"foreach a {1} {|   error x}"
x|    while executing|"error x"
y|    while executing|"error y"
x|    while executing|"error x"|    ("dict filter" script line 1)|    invoked from within|"dict filter {a b} script {k v} {error x}"
x|    while executing|"error x"
x|    while executing|"error x"
x|    while executing|"error x"
x|    while executing|"error x"
x|    while executing|"error x"|    ("lmap" body line 2)|    invoked from within|"lmap a {1} {|   error x}"
y|    while executing|"error y"|    (body of "dict update")|    invoked from within|"dict update x k v {|  error y}"
y|    while executing|"error y"|    (body of "dict with")|    invoked from within|"dict with x {|  error y}"
x|    while executing|"error x"
x|    while executing|"error x"
x|    while executing|"error x"
x|    while executing|"error x"|    ("a" arm line 2)|    invoked from within|"switch a a {|   error x}"
can't set "a": variable is array|    (setting foreach loop variable "a")|    invoked from within|"foreach a {1 2 3} {}"
can't set "a": variable is array|    (setting lmap loop variable "a")|    invoked from within|"lmap a {1 2 3} {}"
can't set "a": variable is array|    while executing|"foreach a {1 2 3} {}"
can't set "a": variable is array|    while executing|"lmap a {1 2 3} {}"
expected integer but got "1a"|    (reading increment)|    invoked from within|"$z x 1a"
expected integer but got "1a"|    (reading increment)|    invoked from within|"incr x 1a"
expected integer but got "1a"|    (reading increment)|    invoked from within|"incr x 1a"
expected integer but got "1a"|    (reading increment)|    invoked from within|"$z x 1a"
""");
    }

    /** incr checks the value, then the increment (a bad one adds \"(reading increment)\"); an unreadable variable counts as 0. */
    @Test
    void incrementErrors() throws Exception {
        assertThat(CoreScript.run("""
proc show {} {puts [string map {\\n |} $::errorInfo]}
set x 0; catch {incr x 1a}; show
set x 0; catch {incr x 1.5}; show
set x a; catch {incr x 1a}; show
set x 1.5; catch {incr x 1}; show
unset x; catch {incr x 1a}; show
puts [info exists x]
set x 0; catch {incr x 0x}; show
set x 0; catch {incr x {}}; show
array set y {}; catch {incr y 1a}; show
set x 1.5; catch {incr x 1a}; show
set x 1.5; catch {incr x 2.5}; show
set x 1; catch {incr x 2.5}; show
array set y {}; catch {incr y 1}; show
trace add variable z read {apply {args {puts "read $args"}}}
catch {incr z}; puts $z
""")).isEqualTo("""
expected integer but got "1a"|    (reading increment)|    invoked from within|"incr x 1a"
expected integer but got "1.5"|    (reading increment)|    invoked from within|"incr x 1.5"
expected integer but got "a"|    while executing|"incr x 1a"
expected integer but got "1.5"|    while executing|"incr x 1"
expected integer but got "1a"|    (reading increment)|    invoked from within|"incr x 1a"
0
expected integer but got "0x"|    (reading increment)|    invoked from within|"incr x 0x"
expected integer but got ""|    (reading increment)|    invoked from within|"incr x {}"
expected integer but got "1a"|    (reading increment)|    invoked from within|"incr y 1a"
expected integer but got "1a"|    (reading increment)|    invoked from within|"incr x 1a"
expected integer but got "1.5"|    while executing|"incr x 2.5"
expected integer but got "2.5"|    (reading increment)|    invoked from within|"incr x 2.5"
can't set "y": variable is array|    while executing|"incr y 1"
read z {} read
read z {} read
1
""");
    }
    /** Trace lines quote a command up to its terminator; an error in an expression's constant part says "invoked from within", as Tcl's compile-time folding does. */
    @Test
    void commandTextAndFoldedExpressionErrors() throws Exception {
        assertThat(CoreScript.run("""
proc f {} {
  error boom  \s
}
catch f; puts $errorInfo
proc g {} { set x [expr {1/0}] }
catch g; puts $errorInfo
catch {expr {"a"+1}}; puts $errorInfo
catch {expr {sqrt(-1)}}; puts $errorInfo
catch {expr {abs(1/0)}}; puts $errorInfo
catch {if {1/0} {}}; puts $errorInfo
set e {1/0}
catch {expr $e}; puts $errorInfo
catch {expr 1 / 0}; puts $errorInfo
catch {set y [expr {1/0}  ]  ;}; puts $errorInfo
puts "<[dict get [info frame 0] cmd]  >"
""")).isEqualTo("""
boom
    while executing
"error boom   "
    (procedure "f" line 2)
    invoked from within
"f"
divide by zero
    invoked from within
"expr {1/0}"
    (procedure "g" line 1)
    invoked from within
"g"
can't use non-numeric string as operand of "+"
    invoked from within
"expr {"a"+1}"
domain error: argument not in valid range
    while executing
"expr {sqrt(-1)}"
divide by zero
    invoked from within
"expr {abs(1/0)}"
divide by zero
    invoked from within
"if {1/0} {}"
divide by zero
    while executing
"expr $e"
divide by zero
    while executing
"expr 1 / 0"
divide by zero
    invoked from within
"expr {1/0}  "
<info frame 0  >
""");
    }

    /** Tcl's read trace on env reports a missing variable as "no such variable", by any name (tclsh 8.6.13). */
    @Test
    void missingEnvironmentVariable() throws Exception {
        assertThat(CoreScript.run("""
catch {set env(NO_SUCH_VAR_ZZ)} m; puts $m|$errorCode; puts $errorInfo
proc p {} { upvar #0 env e; catch {set e(NO_SUCH_VAR_ZZ)} m; return $m }
puts [p]
catch {unset env(NO_SUCH_VAR_ZZ)} m; puts $m
""")).isEqualTo("""
can't read "env(NO_SUCH_VAR_ZZ)": no such variable|TCL READ VARNAME
no such variable
    (read trace on "env(NO_SUCH_VAR_ZZ)")
    invoked from within
"set env(NO_SUCH_VAR_ZZ)"
can't read "e(NO_SUCH_VAR_ZZ)": no such variable
can't unset "env(NO_SUCH_VAR_ZZ)": no such element in array
""");
    }

    /** Expect 5.45.4's exp_ forms and its deprecated getpid exist too. */
    @Test
    void expectAliases() throws Exception {
        assertThat(CoreScript.run("""
puts [lsort [info commands exp_*_*]]
puts [expr {[getpid] == [pid] && [exp_getpid x] == [pid]}]
""")).isEqualTo("""
exp_close_on_eof exp_expect_after exp_expect_before exp_expect_user exp_inter_return exp_log_file exp_log_user exp_match_max exp_remove_nulls exp_send_error exp_send_log exp_send_tty exp_send_user
1
""");
    }
}
