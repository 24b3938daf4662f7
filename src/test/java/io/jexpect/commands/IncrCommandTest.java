package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * incr on scalars, array elements, links and namespace variables: numbers of every form and
 * overflow into bignums, traces, links to elements and to variables of a deleted namespace, and
 * the lookup errors Tcl reports before it reads (an element of a scalar, a missing namespace:
 * "can't read", before the read traces and the increment's check). Output recorded from tclsh 8.6.13.
 */
class IncrCommandTest {
    private static final String SCRIPT = """
proc t {script} { if {[catch {uplevel #0 $script} r]} { puts "ERR: $r | $::errorCode" } else { puts "ok: $r" } }
t {set a 5; incr a}
t {set a 5; incr a 3}
t {set a " 7 "; incr a}
t {set a 0x10; incr a 0x10}
t {set a 9223372036854775807; incr a}
t {set a -9223372036854775808; incr a -1}
t {set a 1.5; incr a}
t {set a abc; incr a}
t {set a 5; incr a 1.5}
t {set a 5; incr a abc}
t {unset -nocomplain m; incr m}
t {unset -nocomplain m; incr m(x)}
t {array set arr {x 1}; incr arr(x)}
t {incr arr(y) 4}
t {incr arr}
t {set s 3; incr s(x)}
t {array set tr {x 1}; trace add variable tr(x) {read write} {apply {{a b op} {puts "trace $a $b $op"}}}; incr tr(x)}
t {set sc 1; trace add variable sc write {apply {{a b op} {upvar #0 $a v; set v 100}}}; incr sc}
t {proc p {} { upvar #0 arr(x) e; incr e 10 }; p}
t {set arr(x)}
t {namespace eval ns { variable v 4 }; incr ns::v}
t {proc q {} { incr ::ns::v; incr ns::v }; q}
t {set l {1 2}; incr l}
t {set big 100000000000000000000; incr big}
t {set n 5; incr n 9223372036854775807}
t {set e ""; incr e}
t {array set c {info 0}; incr c(info); incr c(info); set c(info)}
t {namespace eval ns2 { variable w 1 }; proc r {} { upvar #0 ns2::w w; namespace delete ns2; incr w }; r}
t {set s 3; incr s(x)}
t {incr nosuch::ns::v}
t {set s2 3; incr s2(x) abc}
t {set s3 3; trace add variable s3 read {apply {{a b op} {puts "rt $a $b $op"}}}; incr s3(x)}
t {proc p {} { upvar #0 zz(1) e; incr e(2) }; p}
t {array set env2 {}; incr env2(q)}
t {incr nosuch::a(x)}
t {incr nosuch::b abc}
t {set s4 1; incr s4(x) abc}
t {info exists nosuch2}
t {catch {incr nosuch2 abc}; info exists nosuch2}
t {proc pp {} { catch {incr loc abc}; info exists loc }; pp}
t {proc pq {} { catch {incr loc abc}; llength [info vars loc] }; pq}
""";

    private static final String TCLSH_OUTPUT = """
ok: 6
ok: 8
ok: 8
ok: 32
ok: 9223372036854775808
ok: -9223372036854775809
ERR: expected integer but got "1.5" | TCL VALUE INTEGER
ERR: expected integer but got "abc" | TCL VALUE INTEGER
ERR: expected integer but got "1.5" | TCL VALUE INTEGER
ERR: expected integer but got "abc" | TCL VALUE INTEGER
ok: 1
ok: 1
ok: 2
ok: 4
ERR: can't set "arr": variable is array | TCL WRITE VARNAME
ERR: can't read "s(x)": variable isn't array | TCL LOOKUP VARNAME s
trace tr x read
trace tr x write
ok: 2
ok: 100
ok: 12
ok: 12
ok: 5
ok: 7
ERR: expected integer but got "1 2" | TCL VALUE INTEGER
ok: 100000000000000000001
ok: 9223372036854775812
ERR: expected integer but got "" | TCL VALUE INTEGER
ok: 2
ERR: can't set "w": upvar refers to variable in deleted namespace | TCL WRITE VARNAME
ERR: can't read "s(x)": variable isn't array | TCL LOOKUP VARNAME s
ERR: can't read "nosuch::ns::v": parent namespace doesn't exist | TCL LOOKUP VARNAME nosuch::ns::v
ERR: can't read "s2(x)": variable isn't array | TCL LOOKUP VARNAME s2
ERR: can't read "s3(x)": variable isn't array | TCL LOOKUP VARNAME s3
ERR: can't read "e(2)": variable isn't array | TCL LOOKUP VARNAME
ok: 1
ERR: can't read "nosuch::a(x)": parent namespace doesn't exist | TCL LOOKUP VARNAME nosuch::a
ERR: can't read "nosuch::b": parent namespace doesn't exist | TCL LOOKUP VARNAME nosuch::b
ERR: can't read "s4(x)": variable isn't array | TCL LOOKUP VARNAME s4
ok: 0
ok: 0
ok: 0
ok: 0
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
