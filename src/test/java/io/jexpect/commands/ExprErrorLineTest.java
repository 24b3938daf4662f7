package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The line an error trace gives for a failing command substitution inside a condition or expr
 * of a compiled body (Tcl compiles them inline). Expected output recorded from tclsh 8.6.13.
 */
class ExprErrorLineTest {
    private static final String SCRIPT = """
proc q {} {
    set a 1
    if {[nosuch]} {}
}
catch q; puts $errorInfo
proc s {} {
    while {[nosuch3]} {}
}
catch s; puts $errorInfo
if {[catch {nosuch4}]} {puts caught}
catch {if {[nosuch5]} {}}; puts $errorInfo
proc t {} {
    foreach x {1} {
        if {$x && [nosuch6]} {}
    }
}
catch t; puts $errorInfo
""";

    private static final String TCLSH_OUTPUT = """
invalid command name "nosuch"
    while executing
"nosuch"
    (procedure "q" line 3)
    invoked from within
"q"
invalid command name "nosuch3"
    while executing
"nosuch3"
    (procedure "s" line 2)
    invoked from within
"s"
caught
invalid command name "nosuch5"
    while executing
"nosuch5"
invalid command name "nosuch6"
    while executing
"nosuch6"
    (procedure "t" line 3)
    invoked from within
"t"
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
