package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/** Expected values recorded from tclsh 8.6.13. */
class CoroutineCommandsTest {
    TclRunner tcl = new TclRunner();

    @Test
    void generatorsYieldAndResume() throws Exception {
        tcl.eval("proc gen {} {yield [info coroutine]; set i 0; while 1 {yield [incr i]}}");
        assertThat(tcl.eval("coroutine g gen")).isEqualTo("::g");
        assertThat(tcl.eval("list [g] [g] [g]")).isEqualTo("1 2 3");
        assertThat(tcl.error("g a b")).isEqualTo("wrong # args: should be \"g ?arg?\" | TCL WRONGARGS");
        assertThat(tcl.eval("rename g {}; info commands g")).isEmpty();
        assertThat(tcl.eval("info coroutine")).isEmpty();
        tcl.eval("proc acc {} {set t 0; while 1 {set x [yield $t]; incr t $x}}");
        assertThat(tcl.eval("coroutine a acc; a 5; a 10")).isEqualTo("15");
        assertThat(tcl.eval("coroutine c2 apply {{} {yield [info level]; return done}}")).isEqualTo("1");
        assertThat(tcl.eval("list [c2] [info commands c2]")).isEqualTo("done {}");
    }

    @Test
    void yieldtoAndSelfDeletion() throws Exception {
        tcl.eval("proc yt {} {set r [yieldto list x y]; return $r}");
        assertThat(tcl.eval("coroutine y yt")).isEqualTo("x y");
        assertThat(tcl.eval("y 1 2 3")).isEqualTo("1 2 3");
        tcl.eval("proc selfdel {} {yield 1; rename [info coroutine] {}; yield 2; return 3}");
        assertThat(tcl.eval("coroutine sd selfdel")).isEqualTo("1");
        assertThat(tcl.eval("list [sd] [info commands sd]")).isEqualTo("2 {}");
        // Coroutines nest: one resumes another.
        tcl.eval("coroutine inner apply {{} {while 1 {yield [incr ::n]}}}; set ::n 0");
        assertThat(tcl.eval("coroutine outer apply {{} {yield [inner]; yield [inner]}}; outer")).isEqualTo("2");
    }

    @Test
    void errorsReachTheResumer() throws Exception {
        assertThat(tcl.error("coroutine c3 error boom")).isEqualTo("boom | NONE");
        assertThat(tcl.eval("catch {coroutine c3 error boom} m o; dict get $o -errorinfo"))
                .isEqualTo("boom\n    while executing\n\"error boom\"\n    invoked from within\n\"coroutine c3 error boom\"");
        assertThat(tcl.eval("coroutine cc apply {{} {yield; error oops}}; list [catch cc m] $m [info commands cc]")).isEqualTo("1 oops {}");
        assertThat(tcl.error("yield")).isEqualTo("yield can only be called in a coroutine | TCL COROUTINE ILLEGAL_YIELD");
        assertThat(tcl.error("yieldto list")).isEqualTo("yieldto can only be called in a coroutine | TCL COROUTINE ILLEGAL_YIELD");
        assertThat(tcl.error("coroutine c")).isEqualTo("wrong # args: should be \"coroutine name cmd ?arg ...?\" | TCL WRONGARGS");
    }

    @Test
    void tailcallRunsInTheCallersFrame() throws Exception {
        assertThat(tcl.eval("proc tc {} {tailcall list a b}; tc")).isEqualTo("a b");
        assertThat(tcl.eval("proc tc2 {x} {tailcall set x}; catch {tc2 5} m; set m")).isEqualTo("can't read \"x\": no such variable");
        assertThat(tcl.eval("proc inner {} {info level}; proc tc4 {} {tailcall inner}; tc4")).isEqualTo("1");
        assertThat(tcl.error("tailcall list")).isEqualTo("tailcall can only be called from a proc, lambda or method | TCL TAILCALL ILLEGAL");
    }

    @Test
    void cmdcountGrows() throws Exception {
        long before = Long.parseLong(tcl.eval("info cmdcount"));
        tcl.eval("set a 1; set b 2; set c 3");
        assertThat(Long.parseLong(tcl.eval("info cmdcount"))).isGreaterThanOrEqualTo(before + 3);
    }

    @Test
    void aCoroutineDrivesASpawnedProgramAndWaitsForEvents() throws Exception {
        tcl.eval("""
                proc talker {} {
                    spawn -noecho cat
                    set id $spawn_id
                    set line [yield ready]
                    while 1 {
                        send -i $id "$line\\r"
                        expect -i $id -re "(\\[^\\r\\n]+)\\r\\n"
                        expect -i $id -re "(\\[^\\r\\n]+)\\r\\n" { set got $expect_out(1,string) }
                        set line [yield "cat said $got"]
                    }
                }
                log_user 0
                """);
        // Expect 5.45.4 prints the same for this script.
        assertThat(tcl.eval("list [coroutine t talker] [t hello] [t world]")).isEqualTo("ready {cat said hello} {cat said world}");
        assertThat(tcl.eval("after 50 {set ::done 1}; coroutine w apply {{} {vwait ::done; return waited}}")).isEqualTo("waited");
        assertThat(tcl.eval("info commands w")).isEmpty();
    }
}
