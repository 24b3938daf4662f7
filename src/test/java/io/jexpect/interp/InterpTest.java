package io.jexpect.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InterpTest {
    private final TclRunner tcl = new TclRunner();

    @Test
    void anyNonZeroIntegerStringIsTrue() throws TclException {
        // DejaGnu's record_test does `if {$prms_id}` with prms_id set from a script's text.
        assertThat(tcl.run("set x 77; if {$x} {puts yes}; set y 0x10; while {$y} {puts $y; set y 0}; puts [expr {!\"-3\"}]"))
                .isEqualTo("yes\n0x10\n0\n");
    }

    @Test
    void globalUpvarAndUplevelAreRealFrames() throws TclException {
        assertThat(tcl.run("""
                set g 1
                proc inc {name} { upvar 1 $name v; incr v }
                proc outer {} { set x 10; inc x; uplevel 1 {set fromOuter yes}; return $x }
                puts [outer]
                puts $fromOuter
                proc useGlobal {} { global g; incr g }
                useGlobal
                puts $g
                proc abs0 {} { upvar #0 g gg; set gg 7 }
                abs0
                puts $g
                """)).isEqualTo("11\nyes\n2\n7\n");
    }

    @Test
    void arraysAndScalarsDoNotMix() {
        assertThatThrownBy(() -> tcl.run("set a(1) x; puts $a")).hasMessage("can't read \"a\": variable is array");
        assertThatThrownBy(() -> tcl.run("set s 1; set s(1) 2")).hasMessage("can't set \"s(1)\": variable isn't array");
        assertThatThrownBy(() -> tcl.run("puts $nope")).hasMessage("can't read \"nope\": no such variable");
    }

    @Test
    void syntaxErrorsLeaveErrorCodeNone() throws TclException {
        // tclsh 8.6.13: the parser sets no errorCode.
        assertThat(tcl.run("catch {eval {set a {}{}}} m o; puts \"$m|[dict get $o -errorcode]\""))
                .isEqualTo("extra characters after close-brace|NONE\n");
    }

    @Test
    void procDefaultsAndArgs() throws TclException {
        assertThat(tcl.run("proc p {a {b 2} args} { return \"$a $b $args\" }; puts [p 1]; puts [p 1 3 4 5]"))
                .isEqualTo("1 2 \n1 3 4 5\n");
        assertThatThrownBy(() -> tcl.run("p")).hasMessage("wrong # args: should be \"p a ?b? ?arg ...?\"");
    }

    @Test
    void returnCodesUnwindCorrectly() throws TclException {
        assertThat(tcl.run("""
                proc f {} { foreach x {1 2 3} { if {$x == 2} { return found } }; return none }
                puts [f]
                set r {}
                foreach x {1 2 3 4} { if {$x == 2} continue; if {$x == 4} break; lappend r $x }
                puts $r
                puts [catch {error boom} m]$m
                proc g {} { return -code error custom }
                puts [catch g m]$m
                """)).isEqualTo("found\n1 3\n1boom\n1custom\n");
    }

    @Test
    @Timeout(120) // a few seconds when linear; a quadratic append would take hours
    void appendExtendsInPlaceAndNeverChangesTheValuesItWasCopiedFrom() throws Exception {
        // append shares the buffer of the text it extends; 200k appends of 10 chars stay linear
        // (a copy per append, as before, is 2e11 chars copied: far beyond any test's patience).
        // Outputs from tclsh 8.6.13.
        assertThat(tcl.run("""
                set a "xy"; set b $a; append b z; append a w; puts "$a | $b"
                set c $b; append c 1 2; append b 3; puts "$b | $c"
                append e {}; puts [list [info exists e] $e]
                set n 5; append n 1; incr n; puts $n
                set l {p q}; append l " r"; lappend l s; append l t; puts $l
                set x ab; append x $x $x; puts $x
                for {set i 0} {$i < 200000} {incr i} { append s 0123456789 }; set t $s; append t end
                puts "[string length $s] [string range $s end-3 end] [string length $t] [string range $t end-3 end]"
                """)).isEqualTo("xyw | xyz\nxyz3 | xyz12\n1 {}\n52\np q r st\nababab\n2000000 6789 2000003 9end\n");
    }

    @Test
    void lappendExtendsACopyWithoutChangingTheValuesItWasCopiedFrom() throws Exception {
        // lappend shares the array of the list it extends: every value must still see only its own elements
        assertThat(tcl.run("""
                set a {x y}; set b $a; lappend b z; lappend a w; puts "$a | $b"
                set c $b; lappend c 1 2; lappend b 3; puts "$b | $c"
                set s "p q"; lappend s r; puts $s
                for {set i 0} {$i < 100000} {incr i} { lappend l $i }; set m $l; lappend m end
                puts "[llength $l] [lindex $l end] [llength $m] [lindex $m end]"
                """)).isEqualTo("x y w | x y z\nx y z 3 | x y z 1 2\np q r\n100000 99999 100001 end\n");
    }

    @Test
    void errorTraceInsideLoopBodyAtTopLevel() {
        TclException e = catchIt("set l {a}\nforeach x $l {\n  puts $x\n  nosuch\n}");
        assertThat(e.errorInfo()).isEqualTo("""
                invalid command name "nosuch"
                    while executing
                "nosuch"
                    ("foreach" body line 3)
                    invoked from within
                "foreach x $l {
                  puts $x
                  nosuch
                }\"""");
    }

    @Test
    void errorTraceInsideProcCountsLinesWithinTheProc() {
        TclException e = catchIt("proc p {} {\n  foreach x {1} {\n    set y [nosuch]\n  }\n}\np");
        assertThat(e.errorInfo()).isEqualTo("""
                invalid command name "nosuch"
                    while executing
                "nosuch"
                    (procedure "p" line 3)
                    invoked from within
                "p\"""");
    }

    @Test
    void doublesPrintLikeTcl() {
        assertThat(Value.formatDouble(1e16)).isEqualTo("10000000000000000.0");
        assertThat(Value.formatDouble(1e17)).isEqualTo("1e+17");
        assertThat(Value.formatDouble(0.0001)).isEqualTo("0.0001");
        assertThat(Value.formatDouble(0.00001)).isEqualTo("1e-5");
        assertThat(Value.formatDouble(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(Value.formatDouble(3)).isEqualTo("3.0");
    }

    @Test
    void listsQuoteLikeTcl() throws TclException {
        assertThat(Value.ofStrings(java.util.List.of("#a", "b", "", "a b", "{x", "a\\", "$x", "a{b}")).toString())
                .isEqualTo("{#a} b {} {a b} \\{x a\\\\ {$x} a{b}");
        assertThat(Value.of("a {b c} \"d e\" f\\ g").asList()).extracting(Value::toString)
                .containsExactly("a", "b c", "d e", "f g");
    }

    private TclException catchIt(String script) {
        try {
            tcl.interp.eval(script);
        } catch (TclException e) {
            return e;
        }
        throw new AssertionError("no error");
    }
}
