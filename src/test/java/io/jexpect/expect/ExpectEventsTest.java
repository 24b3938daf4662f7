package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.interp.TclException;
import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One event loop for Tcl and Expect: file events and socket servers run while expect and sleep
 * wait, and spawn -open drives a network service as it drives a program. Outputs as Expect 5.45.4
 * prints them.
 */
class ExpectEventsTest {
    private final TclRunner tcl = new TclRunner();

    @AfterEach
    void end() {
        tcl.close();
    }

    @Test
    void spawnOpenOnASocketIsDrivenByExpectWhileTheServerRunsInTheSameLoop() throws TclException {
        String o = tcl.run("""
                set s [socket -server {apply {{c a p} {
                    fconfigure $c -buffering line
                    puts $c "login:"
                    fileevent $c readable [list apply {{c} {if {[gets $c l] < 0} {close $c; return}; puts $c "hello $l"}} $c]
                }}} -myaddr 127.0.0.1 0]
                set c [socket 127.0.0.1 [lindex [fconfigure $s -sockname] 2]]
                puts [spawn -open $c]
                expect "login:"
                send "bob\\n"
                expect -re "hello (\\\\w+)"
                puts "\\nGOT $expect_out(1,string)"
                """);
        assertThat(o).isEqualTo("spawn [open ...]\r\n0\nlogin:\r\nhello bob\r\n\nGOT bob\n");
    }

    @Test
    void fileEventsAndTimersFireWhileExpectAndSleepWait() throws TclException {
        long start = System.nanoTime();
        String o = tcl.run("""
                log_user 0
                spawn sleep 5
                set p [open "|sh -c {sleep 0.3; echo piped}"]
                fileevent $p readable {gets $p ::pl; fileevent $p readable {}}
                set timeout 2
                expect timeout {puts "timed out pl=$pl"}
                after 100 {set ::t done}
                sleep 0.5
                puts "t=$t"
                close $p
                """);
        assertThat(o).isEqualTo("timed out pl=piped\nt=done\n");
        assertThat(System.nanoTime() - start).isGreaterThan(2_000_000_000L);
    }

    @Test
    void bufferedTextIsMatchedBeforeADueTimerRuns() throws TclException {
        // Expect tries what is buffered first (EXP_DATA_OLD), on every exp_continue turn too: the
        // event loop runs only once it has to wait for more.
        String o = tcl.run("""
                log_user 0
                spawn -noecho sh -c {printf 'one\\ntwo\\nthree\\n'; sleep 2}
                expect -notransfer "three"
                set log {}
                after 0 {lappend log timer}
                expect one {lappend log matched-one; exp_continue} two {lappend log matched-two}
                lappend log after-expect
                update
                puts $log
                """);
        assertThat(o).isEqualTo("matched-one matched-two after-expect timer\n");
    }

    @Test
    void closeWithADirectionIsTclsHalfClose() throws TclException {
        assertThat(tcl.run("set f [open \"|sort\" r+]; puts $f b; puts $f a; close $f write; puts [read -nonewline $f]; close $f"))
                .isEqualTo("a\nb\n");
    }

    @Test
    void expectBackgroundRunsInTheEventLoopAndClosesTheIdAtEof() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn sh -c "echo hello; sleep 0.3; echo world; sleep 0.3"
                expect_background -re "(hello|world)\r\n" {puts "BG $expect_out(1,string) $expect_out(spawn_id)"} eof {puts "BG-EOF [string length $expect_out(buffer)]"; set ::done 1}
                puts [expect_background -info]
                vwait done
                puts [expect_background -info]
                puts [catch {expect_background -i exp99 foo} m]
                puts $m
                set sid $spawn_id
                spawn sh -c "sleep 0.2; echo X; sleep 1"
                catch {expect_background -i $sid}
                expect_background "X" {puts gotX; set ::x 1}
                vwait x
                expect_background
                expect_background timeout {puts t}
                puts [expect_background -info]
                """);
        assertThat(o).isEqualTo("""
                -re {(hello|world)\r
                } {puts "BG $expect_out(1,string) $expect_out(spawn_id)"} eof {puts "BG-EOF [string length $expect_out(buffer)]"; set ::done 1}
                BG hello exp3
                BG world exp3
                BG-EOF 0

                1
                can not find channel named "exp99"
                gotX
                timeout {puts t}
                """);
    }

    @Test
    void expectBackgroundFiresWhileAForegroundExpectWaitsOnAnotherId() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn sh -c "sleep 0.2; echo ping; sleep 3"
                set ping $spawn_id
                spawn sh -c "read x; echo pong; sleep 3"
                set pong $spawn_id
                # pong answers only once the background action has run (not after a head start).
                expect_background -i $ping "ping" {puts "bg ping"; send -i $pong "go\r"}
                expect "pong" {puts "fg pong"}
                """);
        assertThat(o).isEqualTo("bg ping\nfg pong\n");
    }

    @Test
    void expOpenGivesATclChannelOnASpawnedProgram() throws TclException {
        // The pty's side reads EIO once the program is gone: Tcl, and so Expect, report an error, not eof.
        String o = tcl.run("""
                log_user 0
                spawn sh -c "echo hello; read x; echo got \\$x"
                set f [exp_open]
                puts [regexp {^serial[0-9]+$} $f]
                puts [gets $f]
                puts $f world; flush $f
                puts [gets $f]
                puts [gets $f]
                puts [catch {gets $f} m]; puts [string map [list $f CHAN] $m]
                puts [eof $f]
                puts [catch {send x} m]; puts $m
                puts [catch {exp_open -i exp99} m]; puts $m
                puts [catch {exp_open -foo} m]; puts $m
                puts [catch {exp_open -i} m]; puts $m
                close $f
                spawn sh -c "echo one; sleep 0.2; echo two; exit 3"
                set g [exp_open -leaveopen]
                fileevent $g readable {if {[catch {gets $g l} n] || $n < 0} {set ::done 1; fileevent $g readable {}} else {lappend ::lines $l}}
                vwait done
                puts $lines
                expect eof {puts eof}
                puts [lrange [wait] 2 3]
                close $g
                """);
        assertThat(o).isEqualTo("""
                1
                hello
                world
                got world
                1
                error reading "CHAN": I/O error
                0
                1
                can not find channel named "exp3"
                1
                can not find channel named "exp99"
                1
                usage: -i spawn_id
                1
                usage: -i spawn_id
                one two
                eof
                0 3
                """);
    }

    @Test
    void forkAndDisconnectSayWhyTheyCannotRunOnTheJvm() {
        assertThat(error("fork x")).isEqualTo("usage: fork");
        assertThat(error("disconnect x")).isEqualTo("usage: disconnect");
        assertThat(error("fork")).startsWith("fork: not possible in jexpect: the JVM cannot fork itself");
        assertThat(error("disconnect")).startsWith("disconnect: not possible in jexpect: it detaches a forked child");
    }

    @Test
    void overlayChecksItsArgumentsAsExpectDoes() throws TclException {
        String o = tcl.run("""
                foreach s {{overlay} {overlay -0} {overlay --} {overlay -x 3} {overlay -0 0} {overlay -} {overlay -1.5 2}
                        {overlay /nonexistent} {overlay /etc} {overlay -0 0 -- x}} {
                    set r [catch $s m]
                    puts "$s => $r [string map {\\r <r> \\n <n>} $m] | $errorCode"
                }
                """);
        assertThat(o).isEqualTo("""
                overlay => 1 need program name | NONE
                overlay -0 => 1 overlay -# requires additional argument | NONE
                overlay -- => 1 expected integer but got "--" | TCL VALUE INTEGER
                overlay -x 3 => 1 expected integer but got "-x" | TCL VALUE INTEGER
                overlay -0 0 => 1 need program name | NONE
                overlay - => 1 need program name | NONE
                overlay -1.5 2 => 1 expected integer but got "-1.5" | TCL VALUE INTEGER
                overlay /nonexistent => 1 execvp(overlay): no such file or directory<r><n> | POSIX ENOENT {no such file or directory}
                overlay /etc => 1 execvp(overlay): permission denied<r><n> | POSIX EACCES {permission denied}
                overlay -0 0 -- x => 1 expected integer but got "--" | TCL VALUE INTEGER
                """);
    }

    private String error(String script) {
        try {
            tcl.interp.eval(script);
        } catch (TclException e) {
            return e.result().toString();
        }
        throw new AssertionError("no error from " + script);
    }

    @Test
    void interpreterReadsCommandsFromStdinUntilReturn() throws TclException {
        try (TclRunner withInput = new TclRunner(
                "puts hi\nset x 5\nexpr {$x*2}\nfoo\nproc f {} {\nreturn 3}\nf\nreturn\nputs notreached\n")) {
            assertThat(withInput.run("interpreter; puts \"after x=$x\"")).isEqualTo(
                    "expect2.1> hi\nexpect2.2> 5\r\nexpect2.3> 10\r\nexpect2.4> expect2.5> +> expect2.6> 3\r\nexpect2.7> after x=5\n");
            assertThat(withInput.stderr()).isEqualTo("invalid command name \"foo\"\n    while executing\n\"foo\"\r\n");
        }
    }
}
