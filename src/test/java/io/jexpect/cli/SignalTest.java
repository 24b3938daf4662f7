package io.jexpect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.engine.Case;
import io.jexpect.engine.Engine;
import io.jexpect.engine.ExitStatus;
import io.jexpect.engine.ExpectResult;
import io.jexpect.engine.Expecter;
import io.jexpect.engine.Pattern;
import io.jexpect.engine.Session;
import io.jexpect.engine.SpawnOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real jexpect processes (as scripts/jexpect starts them: -Xrs, so the JVM keeps no signal for
 * itself) on a real terminal, receiving real signals from kill(1) or Ctrl-C. Each expectation is
 * what Expect 5.45.4 does with the same script.
 */
class SignalTest {
    static final Engine ENGINE = new Engine();
    /** Generous: a loaded CI machine starts a JVM slowly. */
    static final long WAIT = 60_000;

    @TempDir
    Path dir;

    @AfterAll
    static void end() {
        ENGINE.close();
    }

    private Session start(String script, boolean xrs, String... shellPrefix) throws Exception {
        Path file = dir.resolve("t.exp");
        Files.writeString(file, script);
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (xrs) java.add("-Xrs");
        java.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main", file.toString()));
        List<String> cmd = new ArrayList<>();
        if (shellPrefix.length > 0) {
            cmd.addAll(List.of("sh", "-c", shellPrefix[0] + " exec \"$@\"", "sh"));
        }
        cmd.addAll(java);
        return ENGINE.spawn(SpawnOptions.of(cmd).withDirectory(dir));
    }

    /** Waits for the text; returns everything before and including it. */
    private static String await(Session s, String text) throws InterruptedException {
        ExpectResult r = new Expecter().expect(List.of(s), List.of(Case.of(Pattern.exact(text)), Case.of(new Pattern.Eof())), WAIT);
        assertThat(r.outcome()).as("waiting for %s, got %s", text, r.buffer()).isEqualTo(ExpectResult.Outcome.MATCH);
        return r.buffer();
    }

    private static String rest(Session s) throws InterruptedException {
        ExpectResult r = new Expecter().expect(List.of(s), List.of(Case.of(new Pattern.Eof())), WAIT);
        assertThat(r.outcome()).isEqualTo(ExpectResult.Outcome.EOF);
        return r.buffer();
    }

    private static void kill(Session s, String sig) throws Exception {
        assertThat(new ProcessBuilder("kill", "-s", sig, Long.toString(s.pid())).start().waitFor()).isZero();
    }

    /** Waits until a thread of the program is blocked in read(2) on its standard input. */
    private static void awaitReadingStdin(Session s) throws Exception {
        long deadline = System.nanoTime() + WAIT * 1_000_000L;
        while (System.nanoTime() < deadline) {
            try (var tasks = Files.list(Path.of("/proc", Long.toString(s.pid()), "task"))) {
                for (Path t : tasks.toList()) {
                    try {
                        // /proc/PID/task/TID/syscall: the number (0 = read) and arguments (fd first).
                        if (Files.readString(t.resolve("syscall")).startsWith("0 0x0 ")) return;
                    } catch (java.io.IOException gone) {
                        // the thread ended meanwhile
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the script never read its standard input");
    }

    /** Fractions of a second that mark this run's sleeps: a parallel run of these tests has others. */
    private static final String RUN = String.format("%06d", new java.util.Random().nextInt(1_000_000));

    /** The command line of a sleep of this run, e.g. {@code sleep 1234.042917}. */
    private static String sleep(int seconds) {
        return "sleep " + seconds + "." + RUN;
    }

    private static boolean alive(String commandLine) throws Exception {
        return new ProcessBuilder("pgrep", "-fx", commandLine).start().waitFor() == 0;
    }

    /** The program runs, or starts within seconds: a spawned shell may not have exec'd it yet on a loaded machine. */
    private static void assertStartsSoon(String commandLine) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!alive(commandLine) && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(alive(commandLine)).as("%s running", commandLine).isTrue();
    }

    /** The program is gone, or goes within seconds: a killed process takes a moment to end on a loaded machine. */
    private static void assertGoneSoon(String commandLine) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (alive(commandLine) && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(alive(commandLine)).as("%s still running", commandLine).isFalse();
    }

    @Test
    void everyCatchableSignalRunsItsTrapWithExpectsNames() throws Exception {
        String[] sigs = {"HUP", "INT", "QUIT", "USR1", "USR2", "PIPE", "TERM", "CHLD", "CONT", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
        Session s = start("""
                trap {puts "got [trap -name] [trap -number]"} {%s}
                puts ready
                sleep 120
                """.formatted(String.join(" ", sigs)), true);
        await(s, "ready\r\n");
        for (String sig : sigs) {
            kill(s, sig);
            await(s, "got " + sig + " ");
        }
        kill(s, "KILL");
        s.waitFor();
    }

    @Test
    void quitTrapExitsWithItsStatus() throws Exception {
        // The JVM keeps SIGQUIT for thread dumps; jexpect takes it over, with and without -Xrs.
        for (boolean xrs : new boolean[] {true, false}) {
            Session s = start("trap {exit 131} SIGQUIT; puts ok; sleep 120", xrs);
            await(s, "ok\r\n");
            kill(s, "QUIT");
            assertThat(rest(s)).isEmpty();
            ExitStatus st = s.waitFor();
            assertThat(st.killedBySignal()).isFalse();
            assertThat(st.exitCode()).isEqualTo(131);
        }
    }

    @Test
    void trappedSignalDuringExecDoesNotFailIt() throws Exception {
        Session s = start("""
                set g {}
                trap {lappend g [trap -name]} SIGUSR1
                exec kill -USR1 [pid]
                for {set i 0} {$i < 200 && $g eq ""} {incr i} { after 50; update }
                puts $g
                trap {puts "got [trap -name]"} USR1
                puts [exec sh -c {kill -USR1 $PPID; sleep 0.5; echo done}]
                """, true);
        assertThat(rest(s)).isEqualTo("USR1\r\ngot USR1\r\ndone\r\n");
        assertThat(s.waitFor().exitCode()).isZero();
    }

    @Test
    void trappedSignalDuringWaitsRunsAndTheWaitGoesOn() throws Exception {
        Session s = start("""
                trap {puts "got [trap -name]"} SIGUSR2
                puts w1; after 1500; puts after-done
                puts w2; after 1500 {set x 1}; vwait x; puts vwait-done
                puts w3; sleep 1.5; puts sleep-done
                log_user 0; spawn sleep 20; set timeout 1.5
                puts w4; expect timeout {puts expect-timeout} eof {puts eof}
                puts w5; gets stdin line; puts "line <$line>"
                trap {set y 1} SIGUSR2
                after idle {puts w6}; vwait y; puts trap-ended-vwait
                """, true);
        // A signal that comes before its wait starts (the script runs late on a loaded machine)
        // runs the trap at the command boundary before it, in Expect as here: gets's output comes
        // in another order and vwait y waits for ever. So w6 is printed from inside vwait, and
        // the signal for gets waits until the script reads the terminal.
        List<String> seen = new ArrayList<>();
        for (String w : List.of("w1", "w2", "w3", "w4", "w5", "w6")) {
            seen.add(await(s, w + "\r\n"));
            if (w.equals("w5")) awaitReadingStdin(s);
            kill(s, "USR2");
            if (w.equals("w5")) {
                // gets waits on: the trap runs once it returns, before the next command.
                Thread.sleep(300);
                s.send("typed\r");
            }
        }
        seen.add(rest(s));
        assertThat(seen).containsExactly("w1\r\n", "got USR2\r\nafter-done\r\nw2\r\n",
                "got USR2\r\nvwait-done\r\nw3\r\n", "got USR2\r\nsleep-done\r\nw4\r\n",
                "got USR2\r\nexpect-timeout\r\nw5\r\n", "typed\r\ngot USR2\r\nline <typed>\r\nw6\r\n",
                "trap-ended-vwait\r\n");
        assertThat(s.waitFor().exitCode()).isZero();
    }

    @Test
    void untrappedHangupEndsSpawnedProgramsThenDiesByIt() throws Exception {
        // Expect leaves the program that ignores SIGHUP behind; jexpect ends it, then dies by SIGHUP.
        Session s = start("""
                log_user 0
                spawn sh -c {trap "" HUP; exec %s}
                spawn %s
                puts ready
                sleep 120
                """.formatted(sleep(1234), sleep(1235)), true);
        await(s, "ready\r\n");
        assertStartsSoon(sleep(1234));
        kill(s, "HUP");
        ExitStatus st = s.waitFor();
        assertThat(st.killedBySignal()).isTrue();
        assertThat(st.signalName()).isEqualTo("SIGHUP");
        assertGoneSoon(sleep(1234));
        assertGoneSoon(sleep(1235));
    }

    @Test
    void defaultTermTrapExitsAt143AndEndsExecChildren() throws Exception {
        Session s = start("puts \"ready [trap SIGTERM] / [trap SIGINT]\"; exec " + sleep(1236) + "; puts never", true);
        assertThat(await(s, "ready exit 143 / exit 130\r\n")).isEqualTo("ready exit 143 / exit 130\r\n");
        Thread.sleep(300);
        long t0 = System.nanoTime();
        kill(s, "TERM");
        assertThat(rest(s)).isEmpty();
        ExitStatus st = s.waitFor();
        assertThat(st.killedBySignal()).isFalse();
        assertThat(st.exitCode()).isEqualTo(143);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to exit").isLessThan(20_000);
        assertGoneSoon(sleep(1236));
    }

    @Test
    void untrappedTermOrIntEndsTheScriptAndItsProgramsDuringALongJavaCommand() throws Exception {
        // A bignum power of tens of seconds: one Java call that reaches no command boundary, where
        // the default trap's exit would run. jexpect ends with that exit's status all the same.
        for (String sig : List.of("TERM", "INT")) {
            String child = sleep(sig.equals("TERM") ? 1240 : 1241);
            Session s = start("log_user 0; spawn %s; puts ready; expr {3**30000000}; puts never".formatted(child), true);
            await(s, "ready\r\n");
            Thread.sleep(300);
            assertStartsSoon(child);
            long t0 = System.nanoTime();
            kill(s, sig);
            assertThat(rest(s)).isEmpty();
            ExitStatus st = s.waitFor();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to exit").isLessThan(20_000);
            assertThat(st.killedBySignal()).isFalse();
            assertThat(st.exitCode()).isEqualTo(sig.equals("TERM") ? 143 : 130);
            assertGoneSoon(child);
        }
    }

    @Test
    void untrappedTermEndsAScriptBlockedReadingItsInput() throws Exception {
        // Expect waits here until gets returns (its trap runs between commands); jexpect ends.
        Session s = start("log_user 0; spawn " + sleep(1242) + "; puts ready; gets stdin; puts never", true);
        await(s, "ready\r\n");
        Thread.sleep(300);
        kill(s, "TERM");
        assertThat(rest(s)).isEmpty();
        assertThat(s.waitFor().exitCode()).isEqualTo(143);
        assertGoneSoon(sleep(1242));
    }

    @Test
    void defaultTermTrapStillRunsExitHandlersWhenTheScriptIsResponsive() throws Exception {
        Session s = start("exit -onexit {puts bye}; puts ready; after 120000", true);
        await(s, "ready\r\n");
        kill(s, "TERM");
        assertThat(rest(s)).isEqualTo("bye\r\n");
        assertThat(s.waitFor().exitCode()).isEqualTo(143);
    }

    @Test
    void scriptTrapWaitsForTheLongCommandThenRunsBeforeTheNext() throws Exception {
        // Tcl_AsyncMark: the handler runs at the next command boundary, however long that takes.
        Session s = start("""
                trap {puts "trapped [info exists x]"; exit 7} SIGTERM
                puts ready
                set x [expr {3**6000000}]
                puts after
                """, true);
        await(s, "ready\r\n");
        Thread.sleep(300);
        kill(s, "TERM");
        assertThat(rest(s)).isEqualTo("trapped 1\r\n");
        assertThat(s.waitFor().exitCode()).isEqualTo(7);
    }

    @Test
    void ctrlCDuringExecEndsTheScriptAt130WithoutATrace() throws Exception {
        Session s = start("puts ready; exec " + sleep(1237) + "; puts never", true);
        await(s, "ready\r\n");
        Thread.sleep(500);
        s.send("\003");
        String out = rest(s);
        assertThat(out).doesNotContain("never").doesNotContain("java").doesNotContain("child killed");
        ExitStatus st = s.waitFor();
        assertThat(st.exitCode()).isEqualTo(130);
        assertGoneSoon(sleep(1237));
    }

    @Test
    void backgroundJobStartedWithSigintIgnoredCanStillBeInterrupted() throws Exception {
        // A shell starts background jobs with SIGINT ignored; Expect's default trap takes it anyway.
        Session s = start("puts ready; sleep 120; puts never", true, "trap '' INT;");
        await(s, "ready\r\n");
        kill(s, "INT");
        assertThat(rest(s)).isEmpty();
        assertThat(s.waitFor().exitCode()).isEqualTo(130);
    }

    @Test
    void sigDflRestoresDeathBySignal() throws Exception {
        Session s = start("trap {puts x} USR1; trap SIG_DFL USR1; puts ready; sleep 120", true);
        await(s, "ready\r\n");
        kill(s, "USR1");
        ExitStatus st = s.waitFor();
        assertThat(st.signalName()).isEqualTo("SIGUSR1");
    }
}
