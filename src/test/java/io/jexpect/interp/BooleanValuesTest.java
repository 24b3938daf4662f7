package io.jexpect.interp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/**
 * Tcl_GetBooleanFromObj (if, while, for, &&, ||, ?:, !, bool()): any number is a boolean; the strict
 * form (string is boolean, fconfigure -blocking) takes only 0, 1 and the words. Expected lines are
 * what tclsh 8.6 printed for the same script.
 */
class BooleanValuesTest {
    private final TclRunner tcl = new TclRunner();

    @Test
    void anyIntegerIsABooleanInConditions() throws TclException {
        assertThat(tcl.run("""
                set t 2; if {$t} {puts yes}
                set n 2; while {$n} {puts w$n; incr n -1}
                for {set i 0x3} {$i} {incr i -1} {puts f$i}
                set z 0x0; if {$z} {puts bad} else {puts zero}
                puts [expr {2 && 3}][expr {0 || -7}][expr {5 ? "a" : "b"}][expr {!2}][expr {bool(" 2 ")}]
                if {"99999999999999999999"} {puts big}
                """)).isEqualTo("yes\nw2\nw1\nf0x3\nf2\nf1\nzero\n11a01\nbig\n");
    }

    @Test
    void conditionErrorsAreTclsWords() throws TclException {
        assertThat(tcl.run("""
                foreach v {NaN 08 foo { true } {}} {
                    foreach s {{if {$v} {}} {expr {$v && 1}} {expr {!$v}} {expr {0 || $v}}} {
                        catch $s m o
                        puts "<$v> $m | [dict get $o -errorcode]"
                    }
                }
                """)).isEqualTo("""
                <NaN> floating point value is Not a Number | TCL VALUE DOUBLE NAN
                <NaN> floating point value is Not a Number | TCL VALUE DOUBLE NAN
                <NaN> can't use non-numeric floating-point value as operand of "!" | ARITH DOMAIN {non-numeric floating-point value}
                <NaN> floating point value is Not a Number | TCL VALUE DOUBLE NAN
                <08> expected boolean value but got "08" (looks like invalid octal number) | TCL VALUE NUMBER
                <08> expected boolean value but got "08" (looks like invalid octal number) | TCL VALUE NUMBER
                <08> can't use invalid octal number as operand of "!" | ARITH DOMAIN {invalid octal number}
                <08> expected boolean value but got "08" (looks like invalid octal number) | TCL VALUE NUMBER
                <foo> expected boolean value but got "foo" | TCL VALUE NUMBER
                <foo> expected boolean value but got "foo" | TCL VALUE NUMBER
                <foo> can't use non-numeric string as operand of "!" | ARITH DOMAIN {non-numeric string}
                <foo> expected boolean value but got "foo" | TCL VALUE NUMBER
                < true > expected boolean value but got " true " | TCL VALUE NUMBER
                < true > expected boolean value but got " true " | TCL VALUE NUMBER
                < true > can't use non-numeric string as operand of "!" | ARITH DOMAIN {non-numeric string}
                < true > expected boolean value but got " true " | TCL VALUE NUMBER
                <> expected boolean value but got "" | TCL VALUE NUMBER
                <> expected boolean value but got "" | TCL VALUE NUMBER
                <> can't use empty string as operand of "!" | ARITH DOMAIN {empty string}
                <> expected boolean value but got "" | TCL VALUE NUMBER
                """);
    }

    @Test
    void octalLookingNumbersWithEightOrNineAreNotNumbers() throws TclException {
        assertThat(tcl.run("""
                foreach v {08 0o9 08.5} {catch {expr {$v + 1}} m; puts $m}
                """)).isEqualTo("""
                can't use invalid octal number as operand of "+"
                can't use invalid octal number as operand of "+"
                9.5
                """);
    }

    @Test
    void stringIsBooleanAndFconfigureTakeOnlyZeroOneAndWords() throws TclException {
        assertThat(tcl.run("""
                foreach v {2 0x0 2.5 { true } yes 0 O} {puts "<$v> [string is boolean $v][string is true $v][string is false $v]"}
                puts [catch {fconfigure stdout -blocking 2} m]$m
                """)).isEqualTo("""
                <2> 000
                <0x0> 000
                <2.5> 000
                < true > 000
                <yes> 110
                <0> 101
                <O> 000
                1expected boolean value but got "2"
                """);
    }
}
