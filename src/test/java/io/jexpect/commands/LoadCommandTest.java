package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * load and info loaded: Expect is built in, so loading it (as the system pkgIndex does for
 * package require Expect in a child interpreter) installs it; anything else fails in Tcl's words
 * (recorded from tclsh 8.6.13 and Expect 5.45.4).
 */
class LoadCommandTest {
    @TempDir Path dir;

    @Test
    void expectLoadsIntoAChildInterpreterAndOthersFail() throws Exception {
        Path lib = Files.createFile(dir.resolve("libexpect.so.5.45.4"));
        assertThat(CoreScript.run("""
interp create c
puts <[c eval {info commands spawn}]>
puts [catch {load {} Foo c} m]$m|$errorCode
puts [catch {load /nonexistent/libfoo.so} m]$m
puts [catch {load -x y} m]$m
puts [catch {load} m]$m
puts [catch {load %1$s Expect nointerp} m]$m
load %1$s {} c
puts [c eval {info commands spawn}]|[c eval {package provide Expect}]
load %1$s Expect c
puts [info loaded c]
interp create d
load {} Expect d
puts [d eval {info commands expect_user}]|[info loaded d]
""".formatted(lib))).isEqualTo("""
<>
1package "Foo" isn't loaded statically|TCL OPERATION LOAD NOTSTATIC
1couldn't load file "/nonexistent/libfoo.so": /nonexistent/libfoo.so: cannot open shared object file: No such file or directory
1bad option "-x": must be -global, -lazy, or --
1wrong # args: should be "load ?-global? ?-lazy? ?--? fileName ?packageName? ?interp?"
1could not find interpreter "nointerp"
spawn|5.45.4
{%s Expect}
expect_user|{{} Expect}
""".formatted(lib));
    }
}
