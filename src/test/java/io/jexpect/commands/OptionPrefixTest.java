package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which option words Tcl takes as prefixes, and unset's errors; expected output from tclsh 8.6.13. */
class OptionPrefixTest {
    @Test
    void optionsAndErrorsMatchTclsh() throws Exception {
        assertThat(CoreScript.run("""
proc try_ {script} { if {[catch {uplevel 1 $script} m o]} { puts "E: $m | [dict get $o -errorcode]" } else { puts "ok <$m>" } }
try_ {regexp -n A a}
try_ {regexp -no -- FoO dogfood}
try_ {regexp -n A a m}
try_ {regexp -a a a}
try_ {regexp -- -x -x}
try_ {regsub -n A a b}
try_ {glob -nocomplai /nonexistent*}
try_ {glob -dir / -type d us*}
try_ {glob -t x}
try_ {string match - A a}
try_ {string match -n A a}
try_ {string equal -l 1 ab ac}
try_ {string is int - 1}
try_ {string is int -s 1}
try_ {unset nosuch}
try_ {set a(1) 1; unset a(2)}
try_ {set s 1; unset s(2)}
try_ {unset nosuch(2)}
""")).isEqualTo("""
ok <1>
ok <1>
E: bad option "-n": must be -all, -about, -indices, -inline, -expanded, -line, -linestop, -lineanchor, -nocase, -start, or -- | TCL LOOKUP INDEX option -n
E: bad option "-a": must be -all, -about, -indices, -inline, -expanded, -line, -linestop, -lineanchor, -nocase, -start, or -- | TCL LOOKUP INDEX option -a
ok <1>
E: bad option "-n": must be -all, -nocase, -expanded, -line, -linestop, -lineanchor, -start, or -- | TCL LOOKUP INDEX option -n
ok <>
ok </usr>
E: ambiguous option "-t": must be -directory, -join, -nocomplain, -path, -tails, -types, or -- | TCL LOOKUP INDEX option -t
E: bad option "-": must be -nocase | TCL LOOKUP INDEX option -
ok <1>
ok <1>
E: ambiguous option "-": must be -strict or -failindex | TCL LOOKUP INDEX option -
ok <1>
E: can't unset "nosuch": no such variable | TCL LOOKUP VARNAME nosuch
E: can't unset "a(2)": no such element in array | TCL LOOKUP ELEMENT 2
E: can't unset "s(2)": variable isn't array | TCL LOOKUP VARNAME s
E: can't unset "nosuch(2)": no such variable | TCL LOOKUP VARNAME nosuch
""");
    }
}
