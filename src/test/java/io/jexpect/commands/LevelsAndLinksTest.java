package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Levels as uplevel and upvar read them (TclObjGetFrame), upvar's refusals, element links, global
 * and variable without names; expected output from tclsh 8.6.13.
 */
class LevelsAndLinksTest {
    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run("""
proc try_ {script} { if {[catch {uplevel 1 $script} m o]} { puts "E: $m | [dict get $o -errorcode]" } else { puts "ok <$m>" } }
try_ {apply {{} {uplevel 1}}}
try_ {apply {{} {uplevel -0 {}}}}
try_ {apply {{} {uplevel #-0 {}}}}
try_ {apply {{} {uplevel -0xffffffff {}}}}
try_ {apply {{} {uplevel #-1 {}}}}
try_ {apply {{} {uplevel [expr -1] {}}}}
try_ {apply {{} {uplevel 0xffffffff {}}}}
try_ {apply {{} {uplevel #0xffffffff {}}}}
try_ {apply {{} {uplevel 0.2 {}}}}
try_ {apply {{} {uplevel .2 {}}}}
try_ {apply {{} {uplevel 5 {}}}}
try_ {uplevel #0 {set q 2}}
try_ {upvar}
try_ {upvar 1}
try_ {apply {{} {set 0 ok; apply {{} {upvar 0 x; return $x}}}}}
try_ {proc p1 {} {upvar a b c}; p1}
try_ {proc p1 {} {upvar 0 b b}; p1}
try_ {proc p1 {} {upvar 0 a b; upvar 0 b a}; p1}
try_ {proc p1 {} {set a 33; upvar b a}; p1}
try_ {proc p1 {} {trace variable a w foo; upvar b a}; p1}
try_ {proc p1 {} {upvar x(a) b; set b(2) 44}; catch {unset x}; p1}
try_ {upvar 5 a b}
try_ {upvar #9 a b}
try_ {upvar 1 a b}
try_ {proc p2 {} {upvar 1 a b c d}; p2}
try_ {upvar #0 x x}
try_ {set y 1; upvar #0 y y}
try_ {global zz}
try_ {proc p {} {upvar x(a) b; catch {set b(2) 44} m o; list $m [dict get $o -errorcode]}; p}
try_ {proc p {} {upvar x(a) b; catch {array set b {1 2}} m o; list $m [dict get $o -errorcode]}; p}
try_ {proc p {} {upvar x(a) b; catch {lappend b(1) 2} m o; list $m [dict get $o -errorcode]}; p}
try_ {proc p {} {upvar a b; upvar c b; set b 5}; set c 0; p; set c}
try_ {proc p {} {upvar a b; upvar a b; set b 6}; p; set a}
try_ {proc p {} {set b 1; upvar a b}; p}
try_ {proc p {} {upvar a b(1)}; p}
try_ {proc p {} {global a(1)}; p}
try_ {set s 1; array set s {1 2}}
try_ {array set s {}}
try_ {proc p {} {upvar x(a) b; array set b {}}; p}
try_ {global}
try_ {proc p {} {global}; p}
try_ {variable}
try_ {namespace eval nsx {variable}}
try_ {upvar #0 aaaaa xxxxx; set aaaaa 456654; set xxxxx hello; upvar #0 aaaaa xxxxx; set xxxxx}
try_ {unset xxxxx; info exists aaaaa}
try_ {set xxxxx again; set aaaaa}
try_ {proc q {} {upvar #0 g l; set l 1; unset l; set l 2; info exists l}; q}
try_ {set g}
""")).isEqualTo("""
E: wrong # args: should be "uplevel ?level? command ?arg ...?" | TCL WRONGARGS
ok <>
ok <>
ok <>
E: bad level "#-1" | TCL LOOKUP LEVEL #-1
E: invalid command name "-1" | TCL LOOKUP COMMAND -1
E: bad level "0xffffffff" | TCL LOOKUP LEVEL 0xffffffff
E: bad level "#0xffffffff" | TCL LOOKUP LEVEL #0xffffffff
E: bad level "0.2" | TCL LOOKUP LEVEL 0.2
E: invalid command name ".2" | TCL LOOKUP COMMAND .2
E: bad level "5" | TCL LOOKUP LEVEL 5
ok <2>
E: wrong # args: should be "upvar ?level? otherVar localVar ?otherVar localVar ...?" | TCL WRONGARGS
E: wrong # args: should be "upvar ?level? otherVar localVar ?otherVar localVar ...?" | TCL WRONGARGS
ok <ok>
E: bad level "a" | TCL LOOKUP LEVEL a
E: can't upvar from variable to itself | TCL UPVAR SELF
E: can't upvar from variable to itself | TCL UPVAR SELF
E: variable "a" already exists | TCL UPVAR EXISTS
E: variable "a" has traces: can't use for upvar | TCL UPVAR TRACED
E: can't set "b(2)": variable isn't array | TCL LOOKUP VARNAME
E: bad level "5" | TCL LOOKUP LEVEL 5
E: bad level "#9" | TCL LOOKUP LEVEL #9
E: bad level "1" | TCL LOOKUP LEVEL 1
ok <>
E: can't upvar from variable to itself | TCL UPVAR SELF
E: can't upvar from variable to itself | TCL UPVAR SELF
ok <>
ok <{can't set "b(2)": variable isn't array} {TCL LOOKUP VARNAME}>
ok <{can't array set "b": variable isn't array} {TCL WRITE ARRAY}>
ok <{can't set "b(1)": variable isn't array} {TCL LOOKUP VARNAME}>
ok <5>
ok <6>
E: variable "b" already exists | TCL UPVAR EXISTS
E: bad variable name "b(1)": can't create a scalar variable that looks like an array element | TCL UPVAR LOCAL_ELEMENT
E: can't access "a(1)": variable isn't array | TCL LOOKUP VARNAME a
E: can't set "s(1)": variable isn't array | TCL LOOKUP VARNAME s
E: can't array set "s": variable isn't array | TCL WRITE ARRAY
E: can't array set "b": variable isn't array | TCL WRITE ARRAY
ok <>
ok <>
ok <>
ok <>
ok <hello>
ok <0>
ok <again>
ok <1>
ok <2>
""");
    }
}
