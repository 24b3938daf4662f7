package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * info's subcommands on imported procs, counting, patterns and the variables behind them;
 * expected output recorded from tclsh 8.6.13.
 */
class InfoSubcommandsTest {
    private static final String SCRIPT = """
namespace eval ns1 { namespace export *; proc p {x {y 27}} {return x=$x} }
namespace eval ns2 {
    namespace import ::ns1::*
    puts [info args p]|[info body p]|[info default p y d]$d
}
proc counted {} { set x [info cmdcount]; set y 1; set z [info cm]; expr {$z-$x} }
puts [counted]
set g 0
puts [list [info globals g] [info globals :g] [info globals ::g] [info globals :::g]]
puts [lsort [info functions a*]]|[info functions sin]
proc locals {a} { global g; upvar 0 a b; set c 1; lsort [info locals] }
puts [locals 1]
puts [info loaded]|[catch {info loaded a b} m]$m|[catch {info loaded gorp} m]$m|[info loaded {}]
set v $tcl_version; unset tcl_version; puts [catch {info tclversion} m]$m; set tcl_version $v
set v $tcl_patchLevel; set tcl_patchLevel 9.9; puts [info patchlevel]; unset tcl_patchLevel
puts [catch {info patchlevel} m]$m; set tcl_patchLevel $v
puts [catch {info sharedlibextension x} m]$m|[catch {info functions a b} m]$m
""";

    private static final String TCLSH_OUTPUT = """
x y|return x=$x|127
4
g {} g g
abs acos asin atan atan2|sin
a c
|1wrong # args: should be "info loaded ?interp?"|1could not find interpreter "gorp"|
1can't read "tcl_version": no such variable
9.9
1can't read "tcl_patchLevel": no such variable
1wrong # args: should be "info sharedlibextension"|1wrong # args: should be "info functions ?pattern?"
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }

    @Test
    void infoScriptNamesTheFileBeingSourcedAndCanBeRenamedUntilItEnds(@TempDir Path dir) throws Exception {
        Path sourced = dir.resolve("inner.tcl");
        Files.writeString(sourced, "list [info script] [info script renamed.tcl] [info script]");
        try (TclRunner tcl = new TclRunner()) {
            tcl.eval("info script outer.tcl");
            assertThat(tcl.eval("list [source {" + sourced + "}] [info script]"))
                    .isEqualTo("{" + sourced + " renamed.tcl renamed.tcl} outer.tcl");
            assertThat(tcl.eval("catch {source " + dir.resolve("missing.tcl") + "}; info script")).isEqualTo("outer.tcl");
            assertThat(tcl.error("info script a b")).isEqualTo("wrong # args: should be \"info script ?filename?\" | TCL WRONGARGS");
        }
    }
}
