package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/** Expected values recorded from tclsh 8.6.13. */
class TraceCommandsTest {
    TclRunner tcl = new TclRunner();

    TraceCommandsTest() throws Exception {
        tcl.eval("proc cb args {lappend ::log $args}; proc bad args {error boom}");
    }

    @Test
    void variableTracesFireWithTheNameAsAccessed() throws Exception {
        assertThat(tcl.eval("set log {}; trace add variable x {read write} cb; set x 1; set x; set log"))
                .isEqualTo("{x {} write} {x {} read}");
        assertThat(tcl.eval("trace add variable x unset {cb u}; trace info variable x")).isEqualTo("{unset {cb u}} {{read write} cb}");
        assertThat(tcl.eval("set log {}; unset x; list $log [trace info variable x]")).isEqualTo("{{u x {} unset}} {}");
        assertThat(tcl.eval("set log {}; trace add variable a write cb; set a(1) 2; set log")).isEqualTo("{a 1 write}");
        assertThat(tcl.eval("set log {}; trace add variable b(1) write cb; set b(1) 2; set b(2) 3; set log")).isEqualTo("{b 1 write}");
        assertThat(tcl.eval("trace add variable z write {cb w}; proc f {} {upvar z q; set q 5}; set log {}; f; set log"))
                .isEqualTo("{w q {} write}");
        assertThat(tcl.eval("set log {}; trace add variable arr array {cb arr}; array set arr {a 1}; array names arr; set log"))
                .isEqualTo("{arr arr {} array} {arr arr {} array}");
        assertThat(tcl.eval("proc loc {} {set l 1; trace add variable l unset {cb lu}; return}; set log {}; loc; set log"))
                .isEqualTo("{lu l {} unset}");
        assertThat(tcl.eval("set log {}; set w2(1) 1; trace add variable w2(1) unset cb; unset w2; set log")).isEqualTo("{w2 1 unset}");
        assertThat(tcl.eval("trace add variable qq {unset write array read} cb; trace info variable qq"))
                .isEqualTo("{{array read write unset} cb}");
    }

    @Test
    void tracesCanChangeTheValue() throws Exception {
        assertThat(tcl.eval("proc rd {n1 n2 op} {upvar $n1 v; set v fromtrace}; trace add variable rr read rd; set rr"))
                .isEqualTo("fromtrace");
        assertThat(tcl.eval("proc ww {n1 n2 op} {upvar $n1 v; set v changed}; trace add variable wv write ww; list [set wv orig] $wv"))
                .isEqualTo("changed changed");
    }

    @Test
    void traceErrorsBecomeAccessErrors() throws Exception {
        tcl.eval("trace add variable y read bad");
        assertThat(tcl.error("set y")).isEqualTo("can't read \"y\": boom | TCL READ VARNAME");
        tcl.eval("trace add variable y2 write bad");
        assertThat(tcl.error("set y2 1")).isEqualTo("can't set \"y2\": boom | TCL WRITE VARNAME");
        assertThat(tcl.eval("catch {set y2 1}; set ::errorInfo")).isEqualTo("boom\n    while executing\n\"error boom\"\n"
                + "    (procedure \"bad\" line 1)\n    invoked from within\n\"bad y2 {} write\"\n    (write trace on \"y2\")\n"
                + "    invoked from within\n\"set y2 1\"");
        assertThat(tcl.eval("trace add variable uu unset bad; set uu 1; unset uu")).isEmpty();
        assertThat(tcl.error("set sc 1; trace add variable sc(1) read cb")).isEqualTo(
                "can't trace \"sc(1)\": variable isn't array | TCL LOOKUP VARNAME sc");
    }

    @Test
    void legacyForms() throws Exception {
        assertThat(tcl.eval("trace variable vv w {cb old}; set log {}; set vv 1; list $log [trace vinfo vv] [trace info variable vv]"))
                .isEqualTo("{{old vv {} w}} {{w {cb old}}} {{write {cb old}}}");
        assertThat(tcl.eval("trace vdelete vv w {cb old}; trace vinfo vv")).isEmpty();
        assertThat(tcl.eval("trace variable q2 wrua cb; trace vinfo q2")).isEqualTo("{rwua cb}");
        assertThat(tcl.error("trace variable q3 x cb")).isEqualTo(
                "bad operations \"x\": should be one or more of rwua | TCL OPERATION TRACE BADOPS");
    }

    @Test
    void commandAndExecutionTraces() throws Exception {
        assertThat(tcl.eval("proc foo {} {}; set log {}; trace add command foo {rename delete} cb; rename foo bar; rename bar {}; set log"))
                .isEqualTo("{::foo ::bar rename} {::bar {} delete}");
        assertThat(tcl.eval("proc ex {a} {set x 1; return $a}; set log {}; trace add execution ex {enter leave} cb; ex hi; set log"))
                .isEqualTo("{{ex hi} enter} {{ex hi} 0 hi leave}");
        assertThat(tcl.eval("trace info execution ex")).isEqualTo("{{enter leave} cb}");
        assertThat(tcl.eval("set log {}; trace add execution ex enterstep cb; ex 2; set log"))
                .isEqualTo("{{ex 2} enter} {{set x 1} enterstep} {{return 2} enterstep} {{ex 2} 0 2 leave}");
        assertThat(tcl.eval("proc err {} {error x}; set log {}; trace add execution err leave cb; catch err; set log"))
                .isEqualTo("{err 1 x leave}");
    }

    @Test
    void usageErrors() {
        assertThat(tcl.error("trace foo")).isEqualTo(
                "bad option \"foo\": must be add, info, remove, variable, vdelete, or vinfo | TCL LOOKUP INDEX option foo");
        assertThat(tcl.error("trace add foo")).isEqualTo(
                "bad option \"foo\": must be execution, command, or variable | TCL LOOKUP INDEX option foo");
        assertThat(tcl.error("trace add variable x")).isEqualTo(
                "wrong # args: should be \"trace add variable name opList command\" | TCL WRONGARGS");
        assertThat(tcl.error("trace add variable x {} cb")).isEqualTo(
                "bad operation list \"\": must be one or more of array, read, unset, or write | TCL OPERATION TRACE NOOPS");
        assertThat(tcl.error("trace add variable x {read foo} cb")).isEqualTo(
                "bad operation \"foo\": must be array, read, unset, or write | TCL LOOKUP INDEX operation foo");
        assertThat(tcl.error("trace add command nosuch rename cb")).isEqualTo("unknown command \"nosuch\" | TCL LOOKUP COMMAND nosuch");
        assertThat(tcl.error("trace info")).isEqualTo("wrong # args: should be \"trace info type name\" | TCL WRONGARGS");
    }

    /** tcltest's constraints work this way: a read trace on the array fills elements on demand. */
    @Test
    void anArrayTraceRunsForOtherElementsWhileItRunsForOne() throws Exception {
        tcl.eval("""
                array set a {}
                trace add variable a read {apply {{n1 n2 op} {
                    upvar 1 $n1 arr
                    lappend ::fetched $n2
                    if {![info exists arr($n2)]} {
                        if {$n2 eq "x"} { set arr(x) [expr {$arr(y) + 1}] } else { set arr($n2) 1 }
                    }
                }}}
                """);
        assertThat(tcl.eval("list $a(x) $::fetched")).isEqualTo("2 {x y}");
    }

    @Test
    void infoExistsRunsReadTracesFirst() throws Exception {
        tcl.eval("""
                array set c {}
                trace add variable c read {apply {{n1 n2 op} {upvar 1 $n1 a; lappend ::seen $n2; if {$n2 eq "yes"} {set a($n2) 1}}}}
                set s 1
                trace add variable s read {apply {args {lappend ::sseen $args; error boom}}}
                trace add variable u read {apply {args {set ::u made}}}
                """);
        assertThat(tcl.eval("list [info exists c(yes)] [info exists c(no)] $::seen [array names c]")).isEqualTo("1 0 {yes no} yes");
        assertThat(tcl.eval("list [info exists s] $::sseen [info exists u]")).isEqualTo("1 {{s {} read}} 1");
    }
}
