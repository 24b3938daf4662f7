package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/**
 * tcl::unsupported::disassemble, getbytecode and representation, and ::tcl::pkgconfig: argument
 * checks and errors recorded from tclsh 8.6.13; what they describe is jexpect's own.
 */
class UnsupportedTest {
    TclRunner tcl = new TclRunner();

    @Test
    void disassembleChecksItsArgumentsAsTclDoes() {
        assertThat(tcl.error("tcl::unsupported::disassemble")).isEqualTo(
                "wrong # args: should be \"tcl::unsupported::disassemble type ...\" | TCL WRONGARGS");
        assertThat(tcl.error("tcl::unsupported::getbytecode ?")).startsWith(
                "bad type \"?\": must be constructor, destructor, lambda, method, objmethod, proc, or script");
        assertThat(tcl.error("tcl::unsupported::disassemble lambda \\{")).startsWith("can't interpret \"{\" as a lambda expression");
        assertThat(tcl.error("tcl::unsupported::disassemble lambda {a b nosuchns}")).startsWith("namespace \"::nosuchns\" not found");
        assertThat(tcl.error("tcl::unsupported::disassemble proc nosuchproc")).isEqualTo(
                "\"nosuchproc\" isn't a procedure | TCL LOOKUP PROC nosuchproc");
        assertThat(tcl.error("tcl::unsupported::disassemble method")).startsWith(
                "wrong # args: should be \"tcl::unsupported::disassemble method className methodName\"");
        assertThat(tcl.error("tcl::unsupported::disassemble method oo::object nosuchmethod")).startsWith("unknown method \"nosuchmethod\"");
        assertThat(tcl.error("oo::object create o; tcl::unsupported::disassemble constructor o")).startsWith("\"o\" is not a class");
        assertThat(tcl.error("oo::class create K; tcl::unsupported::getbytecode destructor K")).isEqualTo(
                "\"K\" has no defined destructor | TCL OPERATION DISASSEMBLE DESRUCTOR");
        assertThat(tcl.error("tcl::unsupported::getbytecode objmethod nosuchobject foo")).startsWith("nosuchobject does not refer to an object");
    }

    @Test
    void describesTheParsedScriptNotBytecode() throws Exception {
        assertThat(tcl.eval("tcl::unsupported::disassemble script {set a 1}")).contains("no bytecode").contains("literal \"set\"");
        tcl.eval("proc p {x {y 2}} {set z $x}");
        assertThat(tcl.eval("dict keys [tcl::unsupported::getbytecode proc p]")).isEqualTo(
                "literals variables exception instructions auxiliary commands script namespace stackdepth exceptdepth");
        assertThat(tcl.eval("dict get [tcl::unsupported::getbytecode proc p] variables")).isEqualTo("{{scalar arg} x} {{scalar arg} y}");
        assertThat(tcl.eval("dict get [tcl::unsupported::getbytecode script {set a 1; incr a}] commands")).isEqualTo(
                "{scriptfrom 0 scriptto 6 script {set a 1}} {scriptfrom 9 scriptto 14 script {incr a}}");
        assertThat(tcl.eval("dict get [tcl::unsupported::getbytecode script {set a 1}] instructions")).isEmpty();
    }

    @Test
    void representationTellsTheInternalForm() throws Exception {
        assertThat(tcl.eval("tcl::unsupported::representation [list a b]")).startsWith("value is a list").endsWith("no string representation");
        assertThat(tcl.eval("tcl::unsupported::representation abc")).startsWith("value is a pure string").endsWith("string representation \"abc\"");
        assertThat(tcl.eval("set x 12; incr x; tcl::unsupported::representation $x")).startsWith("value is a int");
        assertThat(tcl.eval("set d [dict create a b c d]; format %s $d; tcl::unsupported::representation $d"))
                .startsWith("value is a dict").endsWith("string representation \"a b c d\"");
        assertThat(tcl.error("tcl::unsupported::representation")).startsWith("wrong # args: should be \"tcl::unsupported::representation value\"");
    }

    @Test
    void pkgconfig() throws Exception {
        assertThat(tcl.eval("::tcl::pkgconfig list")).startsWith("debug threaded profiled 64bit optimized mem_debug compile_debug compile_stats");
        assertThat(tcl.eval("::tcl::pkgconfig get debug")).isEqualTo("0");
        assertThat(tcl.error("::tcl::pkgconfig")).startsWith("wrong # args: should be \"::tcl::pkgconfig subcommand ?arg?\"");
        assertThat(tcl.error("::tcl::pkgconfig get x")).isEqualTo("key not known | TCL LOOKUP CONFIG x");
        assertThat(tcl.error("::tcl::pkgconfig foo")).startsWith("bad subcommand \"foo\": must be get or list");
        assertThat(tcl.error("::tcl::pkgconfig list x")).startsWith("wrong # args: should be \"::tcl::pkgconfig list\"");
    }

    @Test
    void ifChecksTheClausesAfterTheChosenOne() throws Exception {
        assertThat(tcl.error("if 1 {set a 1} else")).isEqualTo("wrong # args: no script following \"else\" argument | TCL WRONGARGS");
        assertThat(tcl.error("if 1 {set a 1} elseif")).startsWith("wrong # args: no expression after \"elseif\" argument");
        assertThat(tcl.eval("info exists a")).isEqualTo("0");
        assertThat(tcl.eval("if 1 {set a 1} elseif {[error no]} {set a 2}")).isEqualTo("1");
    }
}
