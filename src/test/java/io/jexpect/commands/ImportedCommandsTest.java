package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Deleting a command (rename to "", namespace delete) deletes the commands namespace import made of
 * it; renaming it keeps them. Expected output recorded from tclsh 8.6.13.
 */
class ImportedCommandsTest {
    private static final String SCRIPT = """
namespace eval test_ns_basic { namespace export p; proc p {} {return 42} }
namespace eval test_ns_basic2 { namespace import ::test_ns_basic::*; proc callP {} { p } }
puts [list [test_ns_basic2::callP] [lsort [info commands test_ns_basic2::*]] [rename test_ns_basic::p ""] [catch {test_ns_basic2::callP} msg] $msg [info commands test_ns_basic2::*]]
namespace eval a { namespace export q; proc q {} {return q} }
namespace eval b { namespace import ::a::q }
rename a::q a::q2
puts [b::q]
namespace delete a
puts [info commands b::*]|
""";

    private static final String TCLSH_OUTPUT = """
42 {::test_ns_basic2::callP ::test_ns_basic2::p} {} 1 {invalid command name "p"} ::test_ns_basic2::callP
q
|
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
