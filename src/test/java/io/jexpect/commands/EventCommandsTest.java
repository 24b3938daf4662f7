package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/** Expected values recorded from tclsh 8.6.13. */
class EventCommandsTest {
    TclRunner tcl = new TclRunner();

    @Test
    void afterInfoAndCancel() throws Exception {
        assertThat(tcl.eval("set a [after 100 {puts hi}]")).isEqualTo("after#0");
        assertThat(tcl.eval("set b [after idle {puts idle}]")).isEqualTo("after#1");
        assertThat(tcl.eval("after info")).isEqualTo("after#1 after#0");
        assertThat(tcl.eval("after info $a")).isEqualTo("{puts hi} timer");
        assertThat(tcl.eval("after info $b")).isEqualTo("{puts idle} idle");
        assertThat(tcl.error("after info nosuch")).isEqualTo("event \"nosuch\" doesn't exist | TCL LOOKUP EVENT nosuch");
        assertThat(tcl.eval("after cancel $a; after info")).isEqualTo("after#1");
        assertThat(tcl.eval("after cancel {puts idle}; after info")).isEmpty();
        assertThat(tcl.eval("after cancel nosuch")).isEmpty();
        assertThat(tcl.error("after")).isEqualTo("wrong # args: should be \"after option ?arg ...?\" | TCL WRONGARGS");
        assertThat(tcl.error("after foo")).isEqualTo(
                "bad argument \"foo\": must be cancel, idle, info, or an integer | TCL LOOKUP INDEX argument foo");
        // Beyond 64 bits a number is no delay: Tcl reads it as a subcommand.
        assertThat(tcl.error("after [expr {2**64}]")).isEqualTo("bad argument \"18446744073709551616\": must be cancel, idle, info, or an integer"
                + " | TCL LOOKUP INDEX argument 18446744073709551616");
        assertThat(tcl.error("string repeat x [expr {2**64+1}]")).isEqualTo(
                "integer value too large to represent | ARITH IOVERFLOW {integer value too large to represent}");
        assertThat(tcl.error("lrepeat [expr {-2**65}] a")).isEqualTo(
                "integer value too large to represent | ARITH IOVERFLOW {integer value too large to represent}");
        assertThat(tcl.error("after idle")).isEqualTo("wrong # args: should be \"after idle script ?script ...?\" | TCL WRONGARGS");
    }

    @Test
    void childInterpretersShareTheThreadsEvents() throws Exception {
        // Tcl's timer-6.15: the parent's update runs the child's idle callbacks; each lists its own.
        assertThat(tcl.eval("""
                interp create x
                x eval {set a before; set b before; after idle {set a a-after}; after idle {set b b-after}}
                set result [llength [x eval after info]]
                lappend result [llength [after info]]
                after cancel {set b b-after}
                set a aaa; set b bbb
                x eval {after cancel set a a-after}
                update idletasks
                lappend result $a $b [x eval {list $a $b}]""")).isEqualTo("2 0 aaa bbb {before b-after}");
        // A vwait in either runs the other's timers; idle callbacks run in the order they were made.
        assertThat(tcl.eval("""
                after 0 {set p 1}
                x eval {after 10 {set done 1}; vwait done}
                x alias setq set ::q 1
                x eval {after 0 setq}
                vwait q
                set r [info exists p]
                x alias rec lappend ::order
                after idle {lappend ::order p1}
                x eval {after idle {rec c1}}
                after idle {lappend ::order p2}
                update idletasks
                list $r $q $order""")).isEqualTo("1 1 {p1 c1 p2}");
        // A deleted child's events go with it.
        assertThat(tcl.eval("""
                x eval {after 10 {rec never}}
                interp delete x
                after 30 {set t 1}
                vwait t
                set order""")).isEqualTo("p1 c1 p2");
    }

    @Test
    void vwaitRunsTimersWithoutSpinning() throws Exception {
        long start = System.nanoTime();
        assertThat(tcl.eval("after 50 {set x 1}; vwait x; set x")).isEqualTo("1");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(50_000_000L);
        // The same literal value written again still ends the wait.
        assertThat(tcl.eval("after 10 {set x 1}; vwait x; set x")).isEqualTo("1");
        assertThat(tcl.eval("after 5 set z 3; vwait z; set z")).isEqualTo("3");
        assertThat(tcl.error("vwait")).isEqualTo("wrong # args: should be \"vwait name\" | TCL WRONGARGS");
    }

    @Test
    void backgroundErrorsGoToStderr() throws Exception {
        tcl.eval("after 10 {error boom}; after 20 {set y 2}; vwait y");
        assertThat(tcl.stderr()).isEqualTo("boom\n    while executing\n\"error boom\"\n    (\"after\" script)\n");
    }

    @Test
    void updateRunsDueTimersThenIdle() throws Exception {
        tcl.eval("after idle {puts i1}; after 0 {puts t0}; update; puts done");
        assertThat(tcl.stdout()).isEqualTo("t0\ni1\ndone\n");
        assertThat(tcl.error("update foo")).isEqualTo("bad option \"foo\": must be idletasks | TCL LOOKUP INDEX option foo");
    }

    @Test
    void eventLoopApiForWaitingCommands() throws Exception {
        EventLoop loop = EventLoop.of(tcl.interp);
        assertThat(loop.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
        tcl.eval("after 20 {set done 1}");
        long deadline = loop.nextDeadlineNanos();
        assertThat(deadline).isLessThan(Long.MAX_VALUE);
        loop.waitUntil(System.nanoTime() + 1_000_000_000L);
        assertThat(System.nanoTime()).isGreaterThanOrEqualTo(deadline);
        assertThat(loop.runDue()).isTrue();
        assertThat(tcl.eval("set done")).isEqualTo("1");
        assertThat(loop.hasPending()).isFalse();
    }

    @Test
    void interpBgerrorHandlerGetsTheMessageAndOptionsOfAnEventsError() throws Exception {
        tcl.eval("""
                proc handler {msg options} { set ::x [list $msg [dict get $options -code] [dict get $options -errorinfo]] }
                interp bgerror {} handler
                after 0 {error foo}
                vwait x
                """);
        assertThat(tcl.eval("set x")).isEqualTo("foo 1 {foo\n    while executing\n\"error foo\"\n    (\"after\" script)}");
        assertThat(tcl.stderr()).isEmpty();
    }
}
