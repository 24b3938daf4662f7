package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * package: ifneeded scripts run by require (at global level), versions and requirements,
 * -exact, package unknown, the errors of a script that provides nothing or another version;
 * Tcl's library variables. Expected output recorded from tclsh 8.6.13 (Debian's Tcl library).
 */
class PackageCommandTest {
    private static final String SCRIPT = """
package unknown {apply {{args} {puts "unknown: $args"}}}
catch {package require foo} e; puts $e
catch {package require foo 1.2} e; puts $e
catch {package require -exact foo 1.2} e; puts $e
catch {package require foo 1.2 2.0-} e; puts $e
package ifneeded bar 1.0 {package provide bar 1.0}
package ifneeded bar 1.5 {package provide bar 1.5}
package ifneeded bar 2.0 {package provide bar 2.0}
puts [package require bar 1]
puts [package versions bar]
catch {package require bar 2} e; puts $e
package ifneeded baz 1.0 {puts loading}
catch {package require baz} e; puts $e
package ifneeded qux 1.0 {package provide qux 1.1}
catch {package require qux} e; puts $e
package ifneeded err 1.0 {error boom}
catch {package require err} e; puts $e; puts $errorInfo
puts [package ifneeded bar 1.0]
catch {package present zz} e; puts $e
catch {package present bar 2} e; puts $e
catch {package provide} e; puts $e
catch {package foo} e; puts $e
catch {package require} e; puts $e
catch {package vcompare 1.a 2} e; puts $e
puts [package vsatisfies 1.5 1.2-1.6] 
puts [package vsatisfies 2.0 1.2-]
puts [package vcompare 1.0a1 1.0b1]
puts [package prefer]
catch {package ifneeded} e; puts $e
catch {package versions} e; puts $e
puts [package provide bar]
package forget bar; puts [package provide bar]|[package versions bar]
puts [package unknown]
catch {package require -exact bar} e; puts $e
puts [package vcompare 1.0.0 1.0]; puts [package vcompare 1.0a1 1.0]; puts [package vsatisfies 1.0.0 1.0-1.0]; puts [package vsatisfies 2 1.0-2.0]
catch {package vsatisfies 1 1.x} e; puts $e; catch {package vsatisfies 1 1-x} e; puts $e
catch {package require -exact foo} e; puts $e
catch {package vcompare 1..2 1} e; puts $e
package ifneeded ex 1.2 {package provide ex 1.2}
package ifneeded ex 1.3 {package provide ex 1.3}
puts [package require -exact ex 1.2]
catch {package require -exact ex 1.3} e; puts $e
catch {package require ex 2 3} e; puts $e
puts [package require ex 1.1]
namespace eval nsx {package ifneeded nq 1.0 {package provide nq 1.0; set where [namespace current]}; package require nq; puts $::where}
puts [info library]|$tcl_library|$tcl_version|$tcl_patchLevel|$tcl_interactive
puts [lsort [array names tcl_platform]]
puts $tcl_platform(platform)/$tcl_platform(os)/$tcl_platform(engine)/$tcl_platform(pathSeparator)/$tcl_platform(wordSize)
puts [lrange $auto_path 0 2]
""";

    private static final String TCLSH_OUTPUT = """
unknown: foo 0-
can't find package foo
unknown: foo 1.2
can't find package foo 1.2
unknown: foo 1.2-1.2
can't find package foo exactly 1.2
unknown: foo 1.2 2.0-
can't find package foo 1.2 2.0-
1.5
1.0 1.5 2.0
version conflict for package "bar": have 1.5, need 2
loading
attempt to provide package baz 1.0 failed: no version of package baz provided
attempt to provide package qux 1.0 failed: package qux 1.1 provided instead
boom
boom
    while executing
"error boom"
    ("package ifneeded err 1.0" script)
    invoked from within
"package require err"
package provide bar 1.0
package zz is not present
version conflict for package "bar": have 1.5, need 2
wrong # args: should be "package provide package ?version?"
bad option "foo": must be forget, ifneeded, names, prefer, present, provide, require, unknown, vcompare, versions, or vsatisfies
wrong # args: should be "package require ?-exact? package ?requirement ...?"
expected version number but got "1.a"
1
1
-1
stable
wrong # args: should be "package ifneeded package version ?script?"
wrong # args: should be "package versions package"
1.5
|
apply {{args} {puts "unknown: $args"}}
wrong # args: should be "package require ?-exact? package ?requirement ...?"
0
-1
1
0
expected version number but got "1.x"
expected version number but got "x"
wrong # args: should be "package require ?-exact? package ?requirement ...?"
expected version number but got "1..2"
1.2
version conflict for package "ex": have 1.2, need exactly 1.3
version conflict for package "ex": have 1.2, need 2 3
1.2
::
/usr/share/tcltk/tcl8.6|/usr/share/tcltk/tcl8.6|8.6|8.6.13|0
byteOrder engine machine os osVersion pathSeparator platform pointerSize threaded user wordSize
unix/Linux/Tcl/:/8
/usr/share/tcltk/tcl8.6 /usr/share/tcltk /usr/lib
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }

    /** Subcommands by unique prefix (Tcl_GetIndexFromObj); zlib and tcl::tommath provided as tclsh provides them. */
    @Test
    void prefixesAndBuiltInPackages() throws Exception {
        assertThat(CoreScript.run("""
puts [catch {package req no_such_pkg_zz} m]$m
puts [package pro Tcl]
puts [catch {package pre} m]$m
puts [package provide zlib]|[package provide tcl::tommath]
""")).isEqualTo("""
1can't find package no_such_pkg_zz
8.6.13
1ambiguous option "pre": must be forget, ifneeded, names, prefer, present, provide, require, unknown, vcompare, versions, or vsatisfies
2.0.1|8.6.13
""");
    }
}
