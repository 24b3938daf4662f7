package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.interp.TclException;
import io.jexpect.testing.TclRunner;
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

    @Test
    void theDefaultHandlerCallsBgerrorAndReportsItsFailure() throws Exception {
        try (TclRunner tcl = new TclRunner()) {
            assertThat(tcl.eval("interp bgerror {}")).isEqualTo("::tcl::Bgerror");
            assertThat(tcl.error("::tcl::Bgerror m")).startsWith("wrong # args: should be \"::tcl::Bgerror msg options\"");
            assertThat(tcl.error("::tcl::Bgerror m {-code 1}")).isEqualTo("missing return option \"-level\" | TCL ARGUMENT MISSING");
            assertThat(tcl.error("interp bgerror {} {}"))
                    .isEqualTo("cmdPrefix must be list of length >= 1 | TCL OPERATION INTERP BGERRORFORMAT");
            tcl.eval("proc bgerror {m} {lappend ::seen [list $m $::errorInfo $::errorCode]}");
            assertThat(tcl.eval("""
                    ::tcl::Bgerror m {-level 0 -code 1 -errorinfo EI -errorcode {A B}}
                    ::tcl::Bgerror m {-level 0 -code 3}
                    ::tcl::Bgerror m {-level 1 -code 0}
                    ::tcl::Bgerror m {-level 0 -code 0}
                    set seen""")).isEqualTo("{m EI {A B}} {{invoked \"break\" outside of a loop} EI {A B}} {{command returned bad code: 2} EI {A B}}");
            // bgerror failing; then no bgerror at all: the error's errorInfo goes to stderr.
            tcl.eval("proc bgerror {m} {error \"inner $m\"}; after 0 {error outer}; update");
            tcl.eval("rename bgerror {}; after 0 {error second}; update");
            assertThat(tcl.stderr()).isEqualTo("""
                    bgerror failed to handle background error.
                        Original error: outer
                        Error in bgerror: inner outer
                    second
                        while executing
                    "error second"
                        ("after" script)
                    """);
        }
    }

    @Test
    void aFailingHandlerIsReportedAndAnExitInItExits() throws Exception {
        try (TclRunner tcl = new TclRunner()) {
            tcl.eval("interp bgerror {} {error oops}; after 0 {error x}; update");
            assertThat(tcl.stderr()).isEqualTo("error in background error handler:\nx\n");
            tcl.eval("proc h {m o} {exit 3}; interp bgerror {} h; after 0 {error y}");
            try {
                tcl.eval("update; set notReached 1");
                throw new AssertionError("update returned");
            } catch (TclException e) {
                assertThat(e.exitStatus()).isEqualTo(3);
            }
        }
    }
}
