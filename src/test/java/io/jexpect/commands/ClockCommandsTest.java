package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/** Expected values recorded from tclsh 8.6.13 (explicit zones, so independent of the machine's). */
class ClockCommandsTest {
    TclRunner tcl = new TclRunner();

    @Test
    void format() throws Exception {
        assertThat(tcl.eval("clock format 0 -gmt 1")).isEqualTo("Thu Jan 01 00:00:00 GMT 1970");
        assertThat(tcl.eval("clock format 1700000000 -format {%Y-%m-%d %H:%M:%S %y %b %B %a %A %j %e %Z %z %s %p %I %T %D %R %%} -gmt 1"))
                .isEqualTo("2023-11-14 22:13:20 23 Nov November Tue Tuesday 318 14 GMT +0000 1700000000 PM 10 22:13:20 11/14/2023 22:13 %");
        assertThat(tcl.eval("clock format 1700000000 -format {%c|%x|%X} -gmt 1")).isEqualTo("Tue Nov 14 22:13:20 2023|11/14/2023|22:13:20");
        assertThat(tcl.eval("clock format 1700000000 -timezone :UTC")).isEqualTo("Tue Nov 14 22:13:20 UTC 2023");
        assertThat(tcl.eval("clock format 1700000000 -format %H -timezone :America/New_York")).isEqualTo("17");
        assertThat(tcl.eval("clock format -1 -gmt 1")).isEqualTo("Wed Dec 31 23:59:59 GMT 1969");
        assertThat(tcl.error("clock format foo")).isEqualTo("expected integer but got \"foo\" | TCL VALUE NUMBER");
        assertThat(tcl.error("clock format 1 -format")).isEqualTo("wrong # args: should be \"clock format clockval ?-format string? "
                + "?-gmt boolean? ?-locale LOCALE? ?-timezone ZONE?\" | CLOCK wrongNumArgs");
        assertThat(tcl.error("clock foo")).isEqualTo("unknown or ambiguous subcommand \"foo\": must be add, clicks, format, "
                + "microseconds, milliseconds, scan, or seconds | TCL LOOKUP SUBCOMMAND foo");
    }

    @Test
    void scan() throws Exception {
        assertThat(tcl.eval("clock scan {2024-01-02 10:00:00} -gmt 1")).isEqualTo("1704189600");
        assertThat(tcl.eval("clock scan 2024-01-02 -gmt 1")).isEqualTo("1704153600");
        assertThat(tcl.eval("clock scan 10:30 -gmt 1 -base 0")).isEqualTo("37800");
        assertThat(tcl.eval("clock scan 01/02/2024 -gmt 1")).isEqualTo("1704153600");
        assertThat(tcl.eval("clock scan 2024-01-02T10:00:00 -gmt 1")).isEqualTo("1704189600");
        assertThat(tcl.eval("clock scan 20240102T100000 -gmt 1")).isEqualTo("1704189600");
        assertThat(tcl.eval("clock scan {Jan 2, 2024} -gmt 1")).isEqualTo("1704153600");
        assertThat(tcl.eval("clock scan {2 Jan 2024 10:00} -gmt 1")).isEqualTo("1704189600");
        assertThat(tcl.eval("clock scan {2024-01-02 10:00:00 UTC}")).isEqualTo("1704189600");
        assertThat(tcl.eval("clock scan {Tue Nov 14 22:13:20 GMT 2023}")).isEqualTo("1700000000");
        assertThat(tcl.eval("clock scan tomorrow -base 0 -gmt 1")).isEqualTo("86400");
        assertThat(tcl.eval("clock scan {+1 day} -base 0 -gmt 1")).isEqualTo("86400");
        assertThat(tcl.eval("clock scan {2024-01-02 10:00:00} -format {%Y-%m-%d %H:%M:%S} -gmt 1")).isEqualTo("1704189600");
        assertThat(tcl.eval("clock scan 02/01/24 -format %d/%m/%y -gmt 1")).isEqualTo("1704153600");
        assertThat(tcl.eval("clock scan 1700000000 -format %s")).isEqualTo("1700000000");
        assertThat(tcl.error("clock scan garbage -gmt 1")).isEqualTo(
                "unable to convert date-time string \"garbage\": syntax error (characters 0-6) | NONE");
        assertThat(tcl.error("clock scan x -format %Y")).isEqualTo("input string does not match supplied format | CLOCK badInputString");
    }

    @Test
    void add() throws Exception {
        assertThat(tcl.eval("clock add 0 1 day -gmt 1")).isEqualTo("86400");
        assertThat(tcl.eval("clock add 0 1 month 2 hours -gmt 1")).isEqualTo("2685600");
        assertThat(tcl.eval("clock add 0 1 year 3 weeks 5 minutes 6 seconds -gmt 1")).isEqualTo("33350706");
        assertThat(tcl.eval("clock add 1706659200 1 month -gmt 1")).isEqualTo("1709164800");
        assertThat(tcl.error("clock add 0 1 fortnight")).isEqualTo(
                "unknown unit \"fortnight\", must be  years, months, weeks, days, hours, minutes or seconds | CLOCK badUnit fortnight");
    }

    @Test
    void currentTime() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        assertThat(Long.parseLong(tcl.eval("clock seconds"))).isBetween(before, before + 5);
        assertThat(tcl.eval("expr {[clock milliseconds] / 1000 - [clock seconds] <= 1}")).isEqualTo("1");
        assertThat(tcl.eval("expr {[clock microseconds] > [clock clicks -milliseconds]}")).isEqualTo("1");
        assertThat(tcl.error("clock seconds foo")).isEqualTo("wrong # args: should be \"clock seconds\" | TCL WRONGARGS");
        assertThat(tcl.error("clock clicks -foo")).isEqualTo("bad option \"-foo\": must be -milliseconds or -microseconds | TCL LOOKUP INDEX option -foo");
    }
}
