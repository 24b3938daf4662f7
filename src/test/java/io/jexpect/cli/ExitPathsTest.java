package io.jexpect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.Processes;
import io.jexpect.testing.Programs;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a script ends, in a JVM that exits without waiting for threads blocked in native calls
 * (as scripts/jexpect runs it): a read of a standard input that is still open, a trap's exit, programs
 * never closed, pending timers, a suspended coroutine. Each run's output is complete, its status is
 * the script's, and none of its programs outlives it.
 */
class ExitPathsTest {
    @TempDir
    Path dir;

    record Run(String out, int status) {}

    /** Runs the script with {@code input} on a standard input that stays open until the run has ended. */
    private Run run(String script, String input) throws Exception {
        Files.writeString(dir.resolve("t.exp"), script);
        File out = dir.resolve("out.txt").toFile();
        Process p = new ProcessBuilder(Programs.jexpect("-N", "-n", "t.exp")).directory(dir.toFile())
                .redirectOutput(out).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the run ended").isTrue();
        }
        return new Run(Files.readString(out.toPath()), p.exitValue());
    }

    private static void assertGone(String pids) throws InterruptedException {
        for (String pid : pids.trim().split(" +")) {
            assertThat(Processes.goneWithin(Long.parseLong(pid), 5000)).as("pid %s ended", pid).isTrue();
        }
    }

    @Test
    void expectUserEndsWhileStandardInputStaysOpen() throws Exception {
        Run r = run("expect_user -re {go\\n}\nputs got\nexit 3\n", "go\n");
        assertThat(r.out()).isEqualTo("got\n");
        assertThat(r.status()).isEqualTo(3);
    }

    @Test
    void getsStdinEndsWhileStandardInputStaysOpen() throws Exception {
        Run r = run("puts \"read [gets stdin]\"\nexit 5\n", "line\nmore\n");
        assertThat(r.out()).isEqualTo("read line\n");
        assertThat(r.status()).isEqualTo(5);
    }

    @Test
    void interactEndsWithItsProgramWhileStandardInputStaysOpen() throws Exception {
        Run r = run("spawn -noecho sh -c {echo hi; sleep 0.2}\nputs [exp_pid]\ninteract\nputs done\n", "");
        String[] lines = r.out().split("\r?\n");
        assertThat(Arrays.asList(lines)).endsWith("hi", "done");
        assertThat(r.status()).isZero();
        assertGone(lines[0]);
    }

    @Test
    void exitFromATrapEndsTheProgramsAndKeepsItsStatus() throws Exception {
        Run r = run("""
                trap {puts trapped; exit 4} SIGUSR1
                spawn -noecho sleep 60
                puts [exp_pid]
                exec kill -USR1 [pid]
                expect eof
                puts never
                """, "");
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).isEqualTo("trapped");
        assertThat(r.status()).isEqualTo(4);
        assertGone(lines[0]);
    }

    @Test
    void programsNeverClosedEndWithTheScriptEvenOneDeafToHangup() throws Exception {
        Run r = run("""
                spawn -noecho sh -c {trap '' HUP; echo up; exec sleep 60}
                expect up
                lappend pids [exp_pid]
                for {set i 0} {$i < 20} {incr i} {spawn -noecho cat; lappend pids [exp_pid]}
                puts $pids
                puts -nonewline last
                """, "");
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("up\r");
        assertThat(lines[2]).isEqualTo("last");
        assertThat(lines[1].split(" ")).hasSize(21);
        assertThat(r.status()).isZero();
        assertGone(lines[1]);
    }

    @Test
    void pendingTimersAndASuspendedCoroutineDoNotHoldTheExit() throws Exception {
        Run r = run("""
                after 60000 {puts never}
                after 10 {puts soon}
                after 50 {set x 1}
                vwait x
                coroutine c apply {{} {yield 1; puts never}}
                puts end
                exit 2
                """, "");
        assertThat(r.out()).isEqualTo("soon\nend\n");
        assertThat(r.status()).isEqualTo(2);
    }
}
