package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File events, non-blocking reads, half-close, sockets on the loopback interface, fcopy and the chan
 * ensemble, on real pipelines and sockets. Expected values recorded from tclsh 8.6.13.
 */
class ChannelEventsTest {
    TclRunner tcl = new TclRunner();

    @TempDir
    Path dir;

    @AfterEach
    void end() {
        tcl.interp.shutdown();
    }

    @Test
    void fileeventOnAPipelineFiresInVwait() throws Exception {
        assertThat(tcl.eval("""
                set p [open "|echo hi"]; fileevent $p readable {gets $p l; set ::got $l}; vwait got; set got""")).isEqualTo("hi");
        assertThat(tcl.eval("fileevent $p readable")).isEqualTo("gets $p l; set ::got $l");
        assertThat(tcl.eval("chan event $p readable {}; fileevent $p readable")).isEmpty();
        assertThat(tcl.error("fileevent $p foo x")).isEqualTo(
                "bad event name \"foo\": must be readable or writable | TCL LOOKUP INDEX {event name} foo");
        assertThat(tcl.error("fileevent")).isEqualTo("wrong # args: should be \"fileevent channelId event ?script?\" | TCL WRONGARGS");
        assertThat(tcl.error("chan event $p")).isEqualTo("wrong # args: should be \"chan event channelId event ?script?\" | TCL WRONGARGS");
        assertThat(tcl.error("fileevent nosuch readable")).startsWith("can not find channel named \"nosuch\"");
        assertThat(tcl.error("fileevent $p writable {}")).startsWith("channel is not writable");
        tcl.eval("close $p");
    }

    @Test
    void readableHandlerSeesEachLineThenEofWithoutBlocking() throws Exception {
        String got = tcl.eval("""
                set p [open "|sh -c {echo one; sleep 0.2; echo two}"]
                fconfigure $p -blocking 0
                set lines {}
                fileevent $p readable {
                    if {[gets $p l] >= 0} { lappend lines $l } elseif {[eof $p]} { close $p; set done 1 }
                }
                vwait done
                set lines""");
        assertThat(got).isEqualTo("one two");
    }

    @Test
    void nonBlockingGetsReturnsMinusOneAndFblocked() throws Exception {
        assertThat(tcl.eval("""
                set p [open "|sh -c {printf abc; read x; echo def}" r+]
                fconfigure $p -blocking 0
                after 100
                list [gets $p line] $line [fblocked $p] [eof $p]""")).isEqualTo("-1 {} 1 0");
        // The rest of the line comes once asked for, not after a time the gets above might outlast.
        assertThat(tcl.eval("fconfigure $p -blocking 1; puts $p go; flush $p; list [gets $p line] $line [fblocked $p]"))
                .isEqualTo("6 abcdef 0");
        assertThat(tcl.eval("close $p; fblocked stdin")).isEqualTo("0");
    }

    @Test
    void halfCloseOfAPipelineSendsEof() throws Exception {
        assertThat(tcl.eval("""
                set f [open "|sort" r+]; puts $f b; puts $f a; chan close $f write; read -nonewline $f""")).isEqualTo("a\nb");
        assertThat(tcl.error("chan close $f write")).startsWith(
                "Half-close of write-side not possible, side not opened or already closed");
        tcl.eval("close $f");
        Path file = Files.writeString(dir.resolve("f.txt"), "x\n");
        tcl.interp.setVar("path", io.jexpect.interp.Value.of(file.toString()));
        tcl.eval("set g [open $path]");
        assertThat(tcl.error("chan close $g write")).startsWith("Half-close of write-side not possible");
        assertThat(tcl.error("chan close $g xx")).startsWith("bad direction \"xx\": must be read or write");
        // Closing the only side a channel has closes it.
        assertThat(tcl.eval("close $g read; lsearch [chan names] $g")).isEqualTo("-1");
    }

    @Test
    void serverAndClientOnLoopbackWithPortZero() throws Exception {
        String got = tcl.eval("""
                set s [socket -server {apply {{c a p} {puts $c hi; close $c; set ::peer $a}}} -myaddr 127.0.0.1 0]
                set port [lindex [fconfigure $s -sockname] 2]
                set c [socket 127.0.0.1 $port]
                vwait peer
                list [gets $c] $peer [string match sock* $c] [expr {$port > 0}]""");
        assertThat(got).isEqualTo("hi 127.0.0.1 1 1");
        assertThat(tcl.eval("list [gets $c line] [eof $c]")).isEqualTo("-1 1");
        assertThat(tcl.eval("lindex [fconfigure $c -peername] 0")).isEqualTo("127.0.0.1");
        assertThat(tcl.eval("expr {[lindex [fconfigure $c -peername] 2] == $port}")).isEqualTo("1");
        assertThat(tcl.eval("regsub -all {\\d{4,}} [fconfigure $c] N")).isEqualTo(
                "-blocking 1 -buffering full -buffersize N -encoding utf-8 -eofchar {{} {}} -translation {auto crlf} "
                        + "-peername {127.0.0.1 localhost N} -sockname {127.0.0.1 localhost N}");
        assertThat(tcl.eval("fconfigure $c -connecting")).isEqualTo("0");
        assertThat(tcl.eval("fconfigure $c -error")).isEmpty();
        assertThat(tcl.error("fconfigure $c -foo")).startsWith("bad option \"-foo\": should be one of -blocking, -buffering, "
                + "-buffersize, -encoding, -eofchar, -translation, -connecting, -peername, or -sockname");
        assertThat(tcl.error("fconfigure $c -peername x")).startsWith("bad option \"-peername\": should be one of -blocking, "
                + "-buffering, -buffersize, -encoding, -eofchar, or -translation");
        assertThat(tcl.error("socket -server x -myaddr 127.0.0.1 $port")).isEqualTo(
                "couldn't open socket: address already in use | POSIX EADDRINUSE {address already in use}");
        tcl.eval("close $c; close $s");
        assertThat(tcl.error("socket 127.0.0.1 $port")).isEqualTo(
                "couldn't open socket: connection refused | POSIX ECONNREFUSED {connection refused}");
    }

    @Test
    void socketArgumentErrors() {
        String usage = "wrong # args: should be \"socket ?-myaddr addr? ?-myport myport? ?-async? host port\" "
                + "or \"socket -server command ?-myaddr addr? port\" | TCL WRONGARGS";
        assertThat(tcl.error("socket")).isEqualTo(usage);
        assertThat(tcl.error("socket 127.0.0.1")).isEqualTo(usage);
        assertThat(tcl.error("socket -server x")).isEqualTo(usage);
        assertThat(tcl.error("socket -server")).startsWith("no argument given for -server option");
        assertThat(tcl.error("socket -myaddr")).startsWith("no argument given for -myaddr option");
        assertThat(tcl.error("socket -foo")).startsWith("bad option \"-foo\": must be -async, -myaddr, -myport, or -server");
        assertThat(tcl.error("socket -server x -async 1")).startsWith("cannot set -async option for server sockets");
        assertThat(tcl.error("socket 127.0.0.1 abc")).startsWith("expected integer but got \"abc\"");
        assertThat(tcl.error("socket 127.0.0.1 99999")).startsWith("couldn't open socket: port number too high");
    }

    @Test
    void nonBlockingSocketReadsAndAsyncConnect() throws Exception {
        String got = tcl.eval("""
                set s [socket -server {apply {{c a p} {puts $c hi; close $c}}} -myaddr 127.0.0.1 0]
                set c [socket 127.0.0.1 [lindex [fconfigure $s -sockname] 2]]
                fconfigure $c -blocking 0
                set out {}
                fileevent $c readable {lappend out [gets $c] [eof $c] [fblocked $c]; if {[eof $c]} {set ::done 1}}
                vwait done
                list $out [chan pending input $c]""");
        assertThat(got).isEqualTo("{hi 0 0 {} 1 0} 0");
        assertThat(tcl.error("chan pending foo $c")).startsWith("bad mode \"foo\": must be input or output");
        assertThat(tcl.eval("chan pending output $s")).isEqualTo("-1");
        tcl.eval("close $c; close $s");
        // A refused asynchronous connect is reported to a writable handler through -error.
        assertThat(tcl.eval("""
                set c [socket -async 127.0.0.1 1]
                fileevent $c writable {set ::w 1}
                vwait w
                fconfigure $c -error""")).isEqualTo("connection refused");
        assertThat(tcl.eval("catch {puts $c x; flush $c} m")).isEqualTo("1");
        tcl.eval("catch {close $c}");
    }

    @Test
    void fcopySyncWithSizeAndInTheBackground() throws Exception {
        Path src = Files.writeString(dir.resolve("big"), "x".repeat(100_000));
        tcl.interp.setVar("src", io.jexpect.interp.Value.of(src.toString()));
        tcl.interp.setVar("dst", io.jexpect.interp.Value.of(dir.resolve("copy").toString()));
        assertThat(tcl.eval("""
                set f [open $src]; set g [open $dst w]
                set r [list [fcopy $f $g -size 1000] [fcopy $f $g]]; close $f; close $g
                lappend r [file size $dst]""")).isEqualTo("1000 99000 100000");
        assertThat(tcl.eval("""
                set f [open $src]; set g [open $dst w]
                fcopy $f $g -command {apply {{n args} {set ::done [list $n $args]}}}
                vwait done; close $f; close $g
                list $done [file size $dst]""")).isEqualTo("{100000 {}} 100000");
        assertThat(tcl.error("fcopy")).startsWith("wrong # args: should be \"fcopy input output ?-size size? ?-command callback?\"");
        assertThat(tcl.error("fcopy stdin stdout -foo 1")).startsWith("bad option \"-foo\": must be -size or -command");
        assertThat(tcl.error("fcopy stdin stdout -size x")).startsWith("expected integer but got \"x\"");
        assertThat(tcl.error("fcopy stdout stdin")).startsWith("channel \"stdout\" wasn't opened for reading");
    }

    @Test
    void chanPipeAndNames() throws Exception {
        assertThat(tcl.eval("""
                lassign [chan pipe] r w
                puts $w hello; flush $w; close $w
                list [gets $r] [lsort [chan names std*]]""")).isEqualTo("hello {stderr stdin stdout}");
        assertThat(tcl.error("chan pipe x")).startsWith("wrong # args: should be \"chan pipe \"");
        assertThat(tcl.error("chan pending")).startsWith("wrong # args: should be \"chan pending mode channelId\"");
    }

    @Test
    void readOfAHugeCountIsRefusedAsTclRefusesIt() throws Exception {
        Path src = Files.writeString(dir.resolve("small"), "abc");
        tcl.interp.setVar("src", io.jexpect.interp.Value.of(src.toString()));
        assertThat(tcl.error("set f [open $src]; read $f 3000000000")).startsWith(
                "expected non-negative integer but got \"3000000000\"");
        assertThat(tcl.eval("read $f 2147483647")).isEqualTo("abc");
        tcl.eval("close $f");
    }
}
