package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.interp.Value;
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
        assertThat(tcl.error("clock sec foo")).isEqualTo("wrong # args: should be \"clock seconds\" | TCL WRONGARGS");
        assertThat(tcl.eval("expr {[::tcl::clock::seconds] >= [clock seconds] - 1}")).isEqualTo("1");
        assertThat(tcl.error("::tcl::clock::seconds x")).isEqualTo("wrong # args: should be \"::tcl::clock::seconds\" | TCL WRONGARGS");
        assertThat(tcl.error("clock clicks -a -b")).isEqualTo("wrong # args: should be \"clock clicks ?-switch?\" | TCL WRONGARGS");
        assertThat(tcl.eval("clock clicks -milli").length()).isGreaterThan(10);
        assertThat(tcl.error("clock clicks -foo")).isEqualTo("bad option \"-foo\": must be -milliseconds or -microseconds | TCL LOOKUP INDEX option -foo");
    }

    @Test
    void localesComeFromTclsMessageCatalogues() throws Exception {
        assertThat(tcl.eval("clock format 0 -gmt 1 -locale fr")).isEqualTo("jeu. janv. 01 00:00:00 GMT 1970");
        assertThat(tcl.eval("clock format 0 -format {%A %d %B %Y %Ex} -locale de -gmt 1"))
                .isEqualTo("Donnerstag 01 Januar 1970 01/01/1970");
        assertThat(tcl.eval("clock scan {Mittwoch 03 Januar 2024} -format {%A %d %B %Y} -locale de -gmt 1"))
                .isEqualTo("1704240000");
        assertThat(tcl.eval("package require msgcat")).isEqualTo("1.6.1");
        assertThat(tcl.eval("namespace eval ::x {::msgcat::mcset fr Hello Bonjour; ::msgcat::mclocale fr; ::msgcat::mc Hello}"))
                .isEqualTo("Bonjour");
    }

    @Test
    void datesBeforeTheGregorianChangeoverAreJulian() throws Exception {
        assertThat(tcl.eval("clock format -12219292800 -format {%Y-%m-%d %J} -gmt 1")).isEqualTo("1582-10-15 2299161");
        assertThat(tcl.eval("clock format -12219292801 -format {%Y-%m-%d %J} -gmt 1")).isEqualTo("1582-10-04 2299160");
        assertThat(tcl.eval("clock format -62135596800 -format {%Y-%m-%d %EE} -gmt 1")).isEqualTo("0001-01-03 C.E.");
        assertThat(tcl.eval("clock format -50000000000 -gmt 1 -format {%Y-%m-%d %j %G %V}")).isEqualTo("0385-07-24 205 385 30");
        assertThat(tcl.eval("::tcl::clock::GetDateFields 0 {{-9223372036854775808 0 0 GMT}} 2361222")).isEqualTo(
                "localSeconds 0 seconds 0 tzName GMT tzOffset 0 julianDay 2440588 gregorian 1 era CE year 1970 dayOfYear 1 "
                + "month 1 dayOfMonth 1 iso8601Year 1970 iso8601Week 1 dayOfWeek 4");
    }

    @Test
    void scanFormatsOfEveryKind() throws Exception {
        assertThat(tcl.eval("clock scan {2024 W01 3} -format {%G W%V %u} -gmt 1")).isEqualTo("1704240000");
        assertThat(tcl.eval("clock scan 2460000 -format %J -gmt 1")).isEqualTo("1677196800");
        assertThat(tcl.error("clock scan 12:00 -foo 1")).isEqualTo(
                "bad option \"-foo\", must be -base, -format, -gmt, -locale or -timezone | CLOCK badOption -foo");
    }

    @Test
    void timeZonesByNamePosixRulesAndTheEnvironment() throws Exception {
        assertThat(tcl.eval("clock format 1700000000 -timezone EST5EDT,M3.2.0,M11.1.0")).isEqualTo("Tue Nov 14 17:13:20 EST 2023");
        assertThat(tcl.eval("clock format 1690000000 -timezone EST5EDT,M3.2.0,M11.1.0 -format {%H:%M %Z %z}"))
                .isEqualTo("00:26 EDT -0400");
        assertThat(tcl.eval("clock format 1690000000 -timezone :Europe/Berlin -format {%H:%M %Z %z}")).isEqualTo("06:26 CEST +0200");
        assertThat(tcl.error("clock format 0 -timezone :No/Such")).isEqualTo("time zone \":No/Such\" not found | CLOCK badTimeZone :No/Such");
        // :localtime follows the script's env(TZ), as C's localtime does in tclsh.
        assertThat(tcl.eval("set env(TZ) CET-01:00CEST-02:00,M3.5.0/02:00,M10.5.0/03:00; "
                + "clock format 0 -format %H:%M:%S -timezone :localtime")).isEqualTo("01:00:00");
        assertThat(tcl.eval("set env(TZ) EST5; clock format 0 -format %z -timezone :localtime")).isEqualTo("-0500");
        assertThat(tcl.eval("clock scan {1970-01-01 00:00} -timezone :localtime")).isEqualTo("18000");
    }

    @Test
    void freeFormScanIsTclsGrammar() throws Exception {
        assertThat(tcl.eval("clock scan {next monday} -base 0 -gmt 1")).isEqualTo("950400");
        assertThat(tcl.eval("clock scan {3 weeks ago} -base 1000000 -gmt 1")).isEqualTo("-864000");
        assertThat(tcl.eval("clock scan {12/25/2020 4pm} -gmt 1")).isEqualTo("1608912000");
        assertThat(tcl.eval("clock scan {1 jan 2020 (comment) 10:00} -gmt 1")).isEqualTo("1577872800");
        assertThat(tcl.eval("clock scan {31 Jan 14 23:59:59 +0100}")).isEqualTo("1391209199");
        assertThat(tcl.eval("clock scan {23:59:59 -15 day} -base 2000000 -gmt 1")).isEqualTo("777599");
        assertThat(tcl.eval("::tcl::clock::Oldscan {1992-10-23T10:00:00-0500} 2020 1 1")).isEqualTo("{1992 10 23} 36000 {-300 0} {} {} {}");
        assertThat(tcl.eval("::tcl::clock::Oldscan {next fortnight} 2020 1 1")).isEqualTo("{} {} {} {0 14 0} {} {}");
        assertThat(tcl.error("::tcl::clock::Oldscan {10:00 12:00} 2020 1 1"))
                .isEqualTo("more than one time of day in string | TCL VALUE DATE MULTIPLE");
        assertThat(tcl.error("::tcl::clock::Oldscan 1992-10-23MST00:00:00 2020 1 1")).isEqualTo(" | TCL VALUE DATE PARSE");
        assertThat(tcl.error("::tcl::clock::Oldscan {12 jan 10:00} 2020 1 1"))
                .isEqualTo("syntax error (characters 9-9) | TCL VALUE DATE PARSE");
        assertThat(tcl.error("clock scan {Jan 2 2024 10:00 pm} -gmt 1")).isEqualTo(
                "unable to convert date-time string \"Jan 2 2024 10:00 pm\": more than one time of day in string | NONE");
    }

    /** Without a zoneinfo folder zones come from the JDK: the same table as clock.tcl reads from the system's. */
    @Test
    void jdkZonesAgreeWithTheSystemsZoneinfo() throws Exception {
        for (String zone : java.util.List.of("America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Sao_Paulo")) {
            tcl.eval("clock format 0 -timezone :" + zone);
            java.util.List<String> system = new java.util.ArrayList<>();
            for (Value row : Value.of(tcl.eval("set ::tcl::clock::TZData(:" + zone + ")")).asList()) {
                if (inTestedRange(row)) system.add(row.toString());
            }
            java.util.List<String> jdk = new java.util.ArrayList<>();
            for (Value row : ClockZones.rows(java.time.ZoneId.of(zone), java.time.ZoneId.of(zone).getRules())) {
                if (inTestedRange(row)) jdk.add(row.toString());
            }
            assertThat(jdk).as(zone).isNotEmpty().isEqualTo(system);
        }
    }

    private static boolean inTestedRange(Value row) throws Exception {
        long t = row.asList().get(0).asLong();
        return t >= 0 && t < 2_000_000_000L;
    }
}
