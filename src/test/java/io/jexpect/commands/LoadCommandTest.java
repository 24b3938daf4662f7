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

    /**
     * unload refuses every package (none has an unload procedure) with Tcl's reason, which
     * -nocomplain silences; a safe interpreter cannot load Expect (no Expect_SafeInit). Expected
     * output from tclsh 8.6.13 after package require Expect (which loads libexpect) in a child.
     */
    @Test
    void unloadRefusesWithTclsReasons() throws Exception {
        Path lib = Files.createFile(dir.resolve("libexpect.so.5.45.4"));
        assertThat(CoreScript.run("""
proc t {s} {
    if {[catch {uplevel 1 $s} r o]} { set r "ERR $r | [dict get $o -errorcode]" } else { set r <$r> }
    puts [string map [list $::f LIB] $r]
}
interp create s
set f %s
load $f Expect s
t {unload $f Expect s}
t {unload $f}
t {unload -noc $f}
t {unload - $f}
t {unload}
t {unload -foo}
t {unload foo Foo}
t {unload {} Expect}
t {unload -nocomplain {} Expect}
t {unload -- -nocomplain}
t {unload {} Expect {} x}
t {unload {}}
t {unload -nocomplain {}}
t {unload -nocomplain {} Expect nosuch}
t {interp create -safe ss; load {} Expect ss}
""".formatted(lib))).isEqualTo("""
ERR file "LIB" cannot be unloaded under a trusted interpreter | TCL OPERATION UNLOAD CANNOT
ERR file "LIB" has never been loaded in this interpreter | TCL OPERATION UNLOAD NEVERLOADED
<>
ERR ambiguous option "-": must be -nocomplain, -keeplibrary, or -- | TCL LOOKUP INDEX option -
ERR wrong # args: should be "unload ?-switch ...? fileName ?packageName? ?interp?" | TCL WRONGARGS
ERR bad option "-foo": must be -nocomplain, -keeplibrary, or -- | TCL LOOKUP INDEX option -foo
ERR file "foo" has never been loaded | TCL OPERATION UNLOAD NEVERLOADED
ERR package "Expect" is loaded statically and cannot be unloaded | TCL OPERATION UNLOAD STATIC
<>
ERR file "-nocomplain" has never been loaded | TCL OPERATION UNLOAD NEVERLOADED
ERR wrong # args: should be "unload ?-switch ...? fileName ?packageName? ?interp?" | TCL WRONGARGS
ERR must specify either file name or package name | TCL OPERATION UNLOAD NOLIBRARY
<>
ERR could not find interpreter "nosuch" | TCL LOOKUP INTERP nosuch
ERR can't use package in a safe interpreter: no Expect_SafeInit procedure | TCL OPERATION LOAD UNSAFE
""");
    }
}
