package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.interp.TclException;
import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spawn ids are Tcl channels, as in Expect 5.45.4: listed, configured, written, read and closed
 * with Tcl's channel commands. Each expected text is what the installed expect printed for the
 * same script, on real programs on real pseudo-terminals.
 */
class SpawnChannelTest {
    private final TclRunner tcl = new TclRunner();

    @AfterEach
    void endChildren() {
        tcl.close();
    }

    @Test
    void spawnIdsAreListedConfiguredAndWrittenAsChannels() throws TclException {
        String o = tcl.run("""
                log_user 0
                puts [lsort [file channels]]
                spawn cat
                puts "sid=$spawn_id [lsort [file channels]]"
                puts [fconfigure $spawn_id]
                puts $spawn_id "hello"; flush $spawn_id
                expect hello
                puts "eof? [eof $spawn_id]"
                close
                puts [lsort [file channels]]
                wait
                puts [lsort [file channels]]
                puts [fconfigure exp0]
                puts [fconfigure exp2]
                """);
        assertThat(o).isEqualTo("""
                exp0 exp2 stderr stdin stdout
                sid=exp3 exp0 exp2 exp3 stderr stdin stdout
                -blocking 0 -buffering none -buffersize 4096 -encoding utf-8 -eofchar {{} {}} -translation {lf lf}
                eof? 0
                exp0 exp2 exp3 stderr stdin stdout
                exp0 exp2 stderr stdin stdout
                -blocking 0 -buffering none -buffersize 4096 -encoding utf-8 -eofchar {{} {}} -translation {lf lf}
                -blocking 0 -buffering none -buffersize 4096 -encoding utf-8 -eofchar {{} {}} -translation {lf lf}
                """);
    }

    /** Tcl's close ends the spawn id altogether; Expect's close leaves a channel that refuses writes until wait. */
    @Test
    void tclCloseEndsTheIdAndExpectCloseKeepsTheChannelUntilWait() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn cat
                set s $spawn_id
                puts "1 [catch {close $s} r] $r [lsort [file channels]]"
                puts "2 [catch {send hi} r] $r"
                puts "3 [catch {wait} r] $r"
                spawn cat
                puts "4 [catch {close -i $spawn_id} r] $r [lsort [file channels]] [lindex [fconfigure $spawn_id] 1]"
                puts "5 [catch {puts $spawn_id x} r] $r"
                puts "6 [catch {wait} r] [lrange $r 1 end] [lsort [file channels]]"
                puts "7 [catch {puts $spawn_id x} r] $r"
                """);
        String second = tcl.eval("set spawn_id");
        assertThat(o).isEqualTo("1 0  exp0 exp2 stderr stdin stdout\n"
                + "2 1 can not find channel named \"exp3\"\n"
                + "3 1 can not find channel named \"exp3\"\n"
                + "4 0  exp0 exp2 " + second + " stderr stdin stdout 1\n"
                + "5 1 error writing \"" + second + "\": bad file number\n"
                + "6 0 " + second + " 0 0 CHILDKILLED SIGHUP hangup exp0 exp2 stderr stdin stdout\n"
                + "7 1 can not find channel named \"" + second + "\"\n");
    }

    /** gets and read take what expect has not read yet; expect's eof shows in eof. */
    @Test
    void readingTheChannelTakesWhatExpectHasNotRead() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn sh -c {echo abc; read x; echo def}
                fconfigure $spawn_id -blocking 1
                puts "1 [gets $spawn_id line] <$line>"
                fconfigure $spawn_id -blocking 0
                puts "1b [gets $spawn_id line] <$line> [fblocked $spawn_id]"
                send "\\r"
                expect def
                puts "2 <$expect_out(buffer)>"
                expect eof
                puts "3 eof=[eof $spawn_id] [catch {gets $spawn_id line} r] $r <$line>"
                wait
                """);
        assertThat(o).isEqualTo("1 4 <abc\r>\n1b -1 <> 1\n2 <\r\ndef>\n3 eof=1 0 -1 <>\n");
    }

    /** The channel's encoding is the one expect matches and send writes in (fconfigure -encoding binary). */
    @Test
    void binaryEncodingReachesExpectAndSend() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn -noecho printf {\\303\\251\\351x\\n}
                expect x
                puts "utf8 [string length $expect_out(buffer)] [scan $expect_out(buffer) %c%c%c]"
                spawn -noecho sh -c {read x; printf '\\303\\251\\351x\\n'}
                fconfigure $spawn_id -encoding binary
                send -- "\\r"
                expect x
                puts "bin [string length $expect_out(buffer)] [scan $expect_out(buffer) %c%c%c]"
                set stty_init -echo
                spawn -noecho od -An -tx1
                fconfigure $spawn_id -translation binary
                puts [fconfigure $spawn_id]
                send "\\u00e9\\n\\004"
                expect eof
                puts "bin-send [string trim $expect_out(buffer)]"
                """);
        assertThat(o).isEqualTo("""
                utf8 3 233 233 120
                bin 6 13 10 195
                -blocking 0 -buffering none -buffersize 4096 -encoding binary -eofchar {{} {}} -translation {lf lf}
                bin-send e9 0a
                """);
    }

    /** -translation is how expect reads line ends (a CR ending one read waits for the next) and how send writes them. */
    @Test
    void translationReachesExpectAndSend() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn -noecho sh -c {sleep 0.2; printf 'a\\r\\nb\\r\\nc\\rd\\n'}
                fconfigure $spawn_id -translation auto
                expect d
                puts "auto [string map {\\r \\\\r \\n \\\\n} $expect_out(buffer)]"
                spawn -noecho sh -c {printf 'a\\r\\nb\\r'; sleep 0.3; printf '\\nc\\r\\n'}
                fconfigure $spawn_id -translation crlf
                expect c
                puts "crlf [string map {\\r \\\\r \\n \\\\n} $expect_out(buffer)]"
                set stty_init -echo
                spawn -noecho od -An -c
                fconfigure $spawn_id -translation {lf crlf}
                send "x\\n\\004"
                expect eof
                puts "send [string trim $expect_out(buffer)]"
                """);
        assertThat(o).isEqualTo("auto a\\n\\nb\\n\\nc\\nd\ncrlf a\\r\\nb\\r\\nc\nsend x  \\n  \\n\n");
    }

    /** A readable file event fires as the program writes; gets then reads a line, eof ends it. */
    @Test
    void fileeventsOnASpawnId() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn -noecho sh -c {sleep 0.3; echo hi; sleep 0.3; echo there; sleep 0.3}
                set lines {}
                fileevent $spawn_id readable {
                    if {[gets $spawn_id line] >= 0} {
                        lappend lines $line
                    } elseif {[eof $spawn_id]} {
                        set done eof
                        fileevent $spawn_id readable {}
                    }
                }
                after 5000 {set done timeout}
                vwait done
                puts "$done [string map {\\r \\\\r} $lines]"
                """);
        assertThat(o).isEqualTo("eof {hi\\r} {there\\r}\n");
    }

    /**
     * A fileevent set after an expect (which keeps the session with the script thread, and a
     * channel nobody read does not take it back) still fires when the program writes.
     */
    @Test
    void aFileeventAfterAnExpectFires() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn -noecho sh -c {echo ready; read x; sleep 0.3; echo "got $x"; sleep 0.3}
                expect ready
                fileevent $spawn_id readable {
                    if {[gets $spawn_id line] >= 0} {
                        if {[string match "got*" $line]} {set done $line}
                    } elseif {[eof $spawn_id]} {
                        set done eof
                    }
                }
                send "x\\r"
                after 5000 {set done timeout}
                vwait done
                fileevent $spawn_id readable {}
                puts [string map {\\r \\\\r} $done]
                """);
        assertThat(o).isEqualTo("got x\\r\n");
    }

    /** A channel made with spawn -open goes with its id at eof; wait on an id without a process answers 0. */
    @Test
    void spawnOpenChannelGoesAtEofAndWaitAnswersZero() throws TclException {
        String o = tcl.run("""
                log_user 0
                set fh [open /dev/null]
                spawn -open $fh
                set id $spawn_id
                puts "1 [expr {$fh in [file channels]}] [expr {$id in [file channels]}]"
                expect eof
                puts "2 [expr {$fh in [file channels]}] [expr {$id in [file channels]}]"
                puts "3 [lreplace [wait] 1 1 id] [expr {$id in [file channels]}]"
                """);
        assertThat(o).isEqualTo("1 1 1\n2 0 1\n3 0 id 0 0 0\n");
    }
}
