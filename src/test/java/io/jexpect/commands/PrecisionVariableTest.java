package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** tcl_precision against what tclsh 8.6.13 prints for the same scripts. */
class PrecisionVariableTest {
    @Test
    void digitsFollowThePrecision() throws Exception {
        assertThat(CoreScript.run("""
                puts $tcl_precision
                set tcl_precision 12; puts [expr {1/3.}]; puts [expr {1.399999999999}]
                set tcl_precision 5; puts [expr {123456.0}]; puts [expr {1.1e-9}]; puts [expr {1e20}]
                set tcl_precision 17; puts [expr {0.1}]; puts [expr {1e-299}]
                set tcl_precision 3; puts [expr {-0.0001234}]; puts [expr {-2.0}]
                set tcl_precision 0; puts [expr {1.1e-9}]; puts [expr {0.1+0.2}]
                """)).isEqualTo("""
                0
                0.333333333333
                1.4
                123460.0
                1.1e-09
                1e+20
                0.10000000000000001
                9.9999999999999999e-300
                -0.000123
                -2.0
                1.1e-9
                0.30000000000000004
                """);
    }

    @Test
    void theVariableIsLinked() throws Exception {
        assertThat(CoreScript.run("""
                set tcl_precision 12
                puts [list [catch {set tcl_precision abc} m] $m $tcl_precision]
                puts [catch {set tcl_precision 18}][catch {set tcl_precision -1}]
                set tcl_precision 7; unset tcl_precision; puts $tcl_precision
                interp create c; puts [c eval {set tcl_precision}]
                c eval {set tcl_precision 6}; puts $tcl_precision
                interp create -safe s
                puts [list [catch {s eval {set tcl_precision 8}} m] $m]
                set tcl_precision 0
                """)).isEqualTo("""
                1 {can't set "tcl_precision": improper value for precision} 12
                11
                7
                7
                6
                1 {can't set "tcl_precision": can't modify precision from a safe interpreter}
                """);
    }

    @Test
    void aNewInterpreterStartsFromTheDefault() throws Exception {
        CoreScript.run("set tcl_precision 4");
        assertThat(CoreScript.run("puts [expr {1/3.}]")).isEqualTo("0.3333333333333333\n");
    }
}
