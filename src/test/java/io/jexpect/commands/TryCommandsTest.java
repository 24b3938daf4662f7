package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Conformance of try, throw and catch options; expected output recorded from tclsh 8.6.13. */
class TryCommandsTest {
    private static final String SCRIPT = """
puts [try {expr {1+1}} on ok {r} {set r "ok $r"}]
puts [try {error boom} on error {m o} {list $m [dict get $o -code] [dict get $o -errorcode]}]
puts [try {throw {A B C} hi} trap {A B} {m o} {list trapped $m [dict get $o -errorcode]}]
puts [try {throw {A X} hi} trap {A B} {} {list no} on error {m} {list on-error $m}]
puts [try {error x} on break {} {} on error {m} - on continue {m} {list fell $m}]
try {set y 1} finally {puts finally}
puts [catch {try {error inner} finally {puts cleanup}} m]|$m
puts [catch {try {error a} on error {} {error b}} m]|$m
puts [catch {try {error a} finally {error c}} m]|$m
proc q {} {try {return 5} on return {r o} {return "r=$r o=$o"}}; puts [q]
puts [catch {return -code break} m o]|$o
puts [catch {error x y {E 1}} m o]|[dict get $o -errorcode]|[dict get $o -code]
foreach s {{try} {try {} on foo {} {}} {try {} on error} {try {} finally a b} {try {} foo} {throw a} {throw {} x} {try {} on error {} -}} {catch $s m; puts $m}
""";

    private static final String TCLSH_OUTPUT = """
ok 2
boom 1 NONE
trapped hi {A B C}
on-error hi
fell x
finally
cleanup
1|inner
1|b
1|c
r=5 o=-code 0 -level 1
2|-code 3 -level 1
1|E 1|1
wrong # args: should be "try body ?handler ...? ?finally script?"
bad completion code "foo": must be ok, error, return, break, continue, or an integer
wrong # args to on clause: must be "... on code variableList script"
finally clause must be last
bad handler type "foo": must be finally, on, or trap
wrong # args: should be "throw type message"
type must be non-empty list
last non-finally clause must not have a body of "-"
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }

    @Test
    void aHandlerVariableThatCannotBeSetFailsTheHandlerAndFinallyStillRuns() throws Exception {
        // Tcl's error-19.11..13; tclsh 8.6.13 prints these lines.
        String script = """
                proc t {kind vars} {
                    array set foo {bar boo}
                    set bar unset
                    set r {}
                    lappend r [catch {
                        try {
                            lappend r body
                            if {$kind eq "return"} {return a} else {error a}
                        } on $kind $vars {
                            lappend r handler
                        } finally {
                            lappend r finally,$bar
                        }
                    } msg] $msg
                }
                puts [t return {bar foo}]
                puts [t error {bar foo}]
                puts [t error {foo x}]
                puts [t error {bar x}]
                """;
        assertThat(CoreScript.run(script)).isEqualTo("""
                body finally,a 1 {can't set "foo": variable is array}
                body finally,a 1 {can't set "foo": variable is array}
                body finally,unset 1 {can't set "foo": variable is array}
                body handler finally,a 0 {body handler}
                """);
    }
}
