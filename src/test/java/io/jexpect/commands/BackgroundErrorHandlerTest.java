package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * interp bgerror's handler gets the message and the options dictionary of an error in an after
 * script or a channel event. Expected output recorded from tclsh 8.6.13.
 */
class BackgroundErrorHandlerTest {
    private static final String SCRIPT = """
proc myHandler {msg options} {
    set ::x [list $msg [dict get $options -code] [dict get $options -errorinfo]]
}
interp bgerror {} [namespace which myHandler]
puts [interp bgerror {}]
after 10 {error foo}
vwait x
puts $x
set f [file tempfile]
chan event $f writable "chan event $f writable {}; error bar"
set x {}
vwait x
close $f
puts $x
""";

    private static final String TCLSH_OUTPUT = """
::myHandler
foo 1 {foo
    while executing
"error foo"
    ("after" script)}
bar 1 {bar
    while executing
"error bar"}
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
