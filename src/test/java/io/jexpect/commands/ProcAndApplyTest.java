package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * proc and apply: formal parameters checked as Tcl checks them, usage errors that name what the
 * user called (quoted, through aliases and ensembles), lambdas in errorInfo and info level;
 * expected output recorded from tclsh 8.6.13.
 */
class ProcAndApplyTest {
    private static final String SCRIPT = """
foreach spec {{a(1) a(2)} {b:a b::a} {{}} {{a b c}}} {
    puts [catch {proc p $spec {}} m]$m|$errorCode
}
proc {a b  c} {x} {}
proc {} {x} {}
puts [catch {{a b  c}} m]$m|[catch {{}} m]$m
proc two {a b} {}
interp alias {} viaAlias {} ::two 1
puts [catch {viaAlias 1 2} m]$m
interp alias {} lam {} ::apply {{x y} {}} 1
puts [catch {lam 1 2} m]$m|[catch {apply {{x y} {}} 1 2 3} m]$m
namespace ensemble create -command ::ens -map {boo {::apply {{self x} {}} ::ens}}
puts [catch {ens boo} m]$m
puts [catch {apply {{{a b c}} boo}} m]$m|$errorCode
puts $errorInfo
puts [catch {apply {a::b boo}} m]$m
catch {apply {{} {
    set x 1
    error foo}}}
puts $errorInfo
catch {apply {{} break}}
puts $errorInfo
puts [apply {{} {info level 0}}]|[apply {args {info level 0}} 1 2]
proc aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa {} {error x}
catch aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
puts $errorInfo
""";

    private static final String TCLSH_OUTPUT = """
1formal parameter "a(1)" is an array element|TCL OPERATION PROC FORMALARGUMENTFORMAT
1formal parameter "b::a" is not a simple name|TCL OPERATION PROC FORMALARGUMENTFORMAT
1argument with no name|TCL OPERATION PROC FORMALARGUMENTFORMAT
1too many fields in argument specifier "a b c"|TCL OPERATION PROC FORMALARGUMENTFORMAT
1wrong # args: should be "{a b  c} x"|1wrong # args: should be "{} x"
1wrong # args: should be "viaAlias b"
1wrong # args: should be "lam y"|1wrong # args: should be "apply lambdaExpr x y"
1wrong # args: should be "ens boo x"
1too many fields in argument specifier "a b c"|TCL OPERATION PROC FORMALARGUMENTFORMAT
too many fields in argument specifier "a b c"
    (parsing lambda expression "{{a b c}} boo")
    invoked from within
"apply {{{a b c}} boo}"
1formal parameter "a::b" is not a simple name
foo
    while executing
"error foo"
    (lambda term "{} {
    set x 1
    error foo}" line 3)
    invoked from within
"apply {{} {
    set x 1
    error foo}}"
invoked "break" outside of a loop
    (lambda term "{} break" line 1)
    invoked from within
"apply {{} break}"
apply {{} {info level 0}}|apply {args {info level 0}} 1 2
x
    while executing
"error x"
    (procedure "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa..." line 1)
    invoked from within
"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
