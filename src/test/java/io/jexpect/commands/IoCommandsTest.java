package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected values recorded from tclsh 8.6.13. */
class IoCommandsTest {
    @TempDir Path dir;
    TclRunner tcl;

    @BeforeEach
    void setUp() throws Exception {
        tcl = new TclRunner("line one\nline two\n");
        tcl.eval("cd {" + dir + "}");
    }

    @Test
    void writeThenReadLines() throws Exception {
        assertThat(tcl.eval("set f [open x.txt w]; puts $f \"a\\nb\"; close $f; set f")).isEqualTo("file3");
        assertThat(tcl.eval("set f [open x.txt]; list [gets $f] [gets $f] [eof $f] [gets $f] [eof $f] [gets $f l] $l"))
                .isEqualTo("a b 0 {} 1 -1 {}");
        assertThat(tcl.error("puts $f hi")).isEqualTo("channel \"file3\" wasn't opened for writing | NONE");
        assertThat(tcl.eval("tell $f")).isEqualTo("4");
        assertThat(tcl.eval("seek $f 2 start; read $f")).isEqualTo("b\n");
        assertThat(tcl.eval("seek $f -2 end; read $f 1")).isEqualTo("b");
        assertThat(tcl.error("seek $f 1 bad")).isEqualTo("bad origin \"bad\": must be start, current, or end | TCL LOOKUP INDEX origin bad");
        tcl.eval("close $f");
        assertThat(tcl.error("close $f")).isEqualTo("can not find channel named \"file3\" | TCL LOOKUP CHANNEL file3");
        assertThat(Files.readString(dir.resolve("x.txt"))).isEqualTo("a\nb\n");
    }

    /**
     * Tcl lists channels in its hash table's order, the standard ones entered as file0, file1, file2
     * (and reachable so); Expect's exp0 and exp2 are there from the start, as expect 5.45.4 lists them.
     */
    @Test
    void channelsListInTclsOrder() throws Exception {
        assertThat(tcl.eval("file channels")).isEqualTo("stdin exp0 stdout stderr exp2");
        tcl.eval("for {set i 0} {$i < 6} {incr i} { lappend fs [open /dev/null] }");
        assertThat(tcl.eval("file channels")).isEqualTo("file8 file4 stdin file5 exp0 stdout file6 stderr file7 file3 exp2");
        tcl.eval("close [lindex $fs 2]");
        assertThat(tcl.eval("chan names")).isEqualTo("file8 file4 stdin exp0 stdout file6 stderr file7 file3 exp2");
        assertThat(tcl.eval("file channels file*")).isEqualTo("file8 file4 file6 file7 file3");
        assertThat(tcl.eval("fconfigure file2 -buffering")).isEqualTo("none");
    }

    /** The current directory is the process's in Tcl: a child interpreter sees the parent's cd, and the parent its. */
    @Test
    void childInterpretersShareTheCurrentDirectory() throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        assertThat(tcl.eval("interp create c; c eval pwd")).isEqualTo(dir.toRealPath().toString());
        assertThat(tcl.eval("c eval {cd sub}; pwd")).isEqualTo(dir.toRealPath().resolve("sub").toString());
        tcl.eval("c eval {close [open made.txt w]}");
        assertThat(dir.resolve("sub/made.txt")).exists();
    }

    @Test
    void channelsBelongToTheInterpretersHoldingThem() throws Exception {
        String script = """
interp create s -safe
interp expose s file
interp create c
set f [open out.txt w]
puts [list [s eval {file channels}] [lsort [c eval {file channels}]] [lsort [file channels]]]
puts [catch {s eval {puts hi}} m]$m
puts [catch {c eval [list puts $f hi]} m]$m
interp share {} $f c
c eval [list puts $f hi]
puts [catch {c eval [list close $f]} m]$m
puts [list [file channels file*] [c eval {file channels file*}]]
puts $f again
interp share {} $f c
interp transfer {} $f s
puts [list [file channels file*] [c eval {file channels file*}] [s eval {file channels file*}]]
s eval [list close $f]
c eval [list puts $f bye]
c eval [list close $f]
set h [c eval {open other.txt w}]
puts [list $h [file channels file*]]
interp delete c
puts [catch {puts $h x} m]$m
""";
        assertThat(tcl.run(script)).isEqualTo("""
{} {stderr stdin stdout} {exp0 exp2 file3 stderr stdin stdout}
1can not find channel named "stdout"
1can not find channel named "file3"
0
file3 {}
{} file3 file3
file3 {}
1can not find channel named "file3"
""");
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("hi\nagain\nbye\n");
    }

    /** As Tcl_CreateChannel: after close stdout, the next channel opened is stdout, and a background exec writes to it. */
    @Test
    void aClosedStandardChannelIsTakenByTheNextOpened() throws Exception {
        String script = """
close stdout
set f [open out.txt w]
set r [list $f [lsort [file channels]]]
exec echo foobar &
after 1000
puts hello
close $f
lappend r [catch {puts x} m] $m
""";
        assertThat(tcl.eval(script)).isEqualTo("stdout {exp0 exp2 stderr stdin stdout} 1 {can not find channel named \"stdout\"}");
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("foobar\nhello\n");
    }

    @Test
    void readVariants() throws Exception {
        Files.writeString(dir.resolve("r.txt"), "l1\r\nl2\rl3\n");
        assertThat(tcl.eval("set f [open r.txt]; set r [list [gets $f] [gets $f] [gets $f] [gets $f]]; close $f; set r"))
                .isEqualTo("l1 l2 l3 {}");
        assertThat(tcl.eval("set f [open r.txt]; set r [read $f 5]; close $f; set r")).isEqualTo("l1\nl2");
        assertThat(tcl.eval("set f [open r.txt]; set r [read -nonewline $f]; close $f; set r")).isEqualTo("l1\nl2\nl3");
        assertThat(tcl.eval("set f [open r.txt]; fconfigure $f -translation binary; set r [string length [read $f]]; close $f; set r"))
                .isEqualTo("10");
        assertThat(tcl.error("read stdin 1 2")).startsWith("wrong # args: should be \"read channelId ?numChars?\" or \"read ?-nonewline? channelId\"");
        assertThat(tcl.error("read stdin -3")).isEqualTo("expected non-negative integer but got \"-3\" | TCL VALUE NUMBER");
        assertThat(tcl.eval("gets stdin")).isEqualTo("line one");
        assertThat(tcl.eval("list [gets stdin x] $x")).isEqualTo("8 {line two}");
    }

    @Test
    void openModes() throws Exception {
        assertThat(tcl.error("open nosuch.txt")).isEqualTo(
                "couldn't open \"nosuch.txt\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.error("open x.txt q")).isEqualTo("illegal access mode \"q\" | NONE");
        assertThat(tcl.error("open x.txt {RDONLY FOO}")).startsWith("invalid access mode \"FOO\": must be RDONLY, WRONLY, RDWR, APPEND, BINARY, CREAT, EXCL, NOCTTY, NONBLOCK, or TRUNC");
        assertThat(tcl.error("open x.txt CREAT")).isEqualTo("access mode must include either RDONLY, WRONLY, or RDWR | NONE");
        assertThat(tcl.error("open")).isEqualTo("wrong # args: should be \"open fileName ?access? ?permissions?\" | TCL WRONGARGS");
        assertThat(tcl.error("open {" + dir + "} w")).endsWith(": illegal operation on a directory | POSIX EISDIR {illegal operation on a directory}");
        tcl.eval("set f [open y.txt {WRONLY CREAT TRUNC} 0600]; puts $f z; close $f");
        assertThat(tcl.eval("file attributes y.txt -permissions")).isEqualTo("00600");
        assertThat(tcl.error("open y.txt {WRONLY CREAT EXCL}")).isEqualTo(
                "couldn't open \"y.txt\": file already exists | POSIX EEXIST {file already exists}");
        tcl.eval("set f [open y.txt a]; puts $f c; close $f");
        assertThat(tcl.eval("set f [open y.txt r+]; gets $f; puts $f W; close $f; set f [open y.txt]; set r [read $f]; close $f; set r"))
                .isEqualTo("z\nW\n");
        assertThat(tcl.eval("set f [open y.txt w+]; puts $f new; seek $f 0; set r [gets $f]; close $f; set r")).isEqualTo("new");
    }

    @Test
    void fconfigure() throws Exception {
        assertThat(tcl.eval("set f [open x.txt w]; fconfigure $f"))
                .isEqualTo("-blocking 1 -buffering full -buffersize 4096 -encoding utf-8 -eofchar {} -translation lf");
        assertThat(tcl.eval("close $f; set f [open x.txt r+]; fconfigure $f"))
                .isEqualTo("-blocking 1 -buffering full -buffersize 4096 -encoding utf-8 -eofchar {{} {}} -translation {auto lf}");
        assertThat(tcl.eval("fconfigure $f -translation {crlf lf}; fconfigure $f -translation")).isEqualTo("crlf lf");
        assertThat(tcl.eval("fconfigure $f -translation binary; list [fconfigure $f -encoding] [fconfigure $f -translation]"))
                .isEqualTo("binary {lf lf}");
        assertThat(tcl.eval("fconfigure stdout -buffering")).isEqualTo("line");
        assertThat(tcl.error("fconfigure stdout -foo")).startsWith(
                "bad option \"-foo\": should be one of -blocking, -buffering, -buffersize, -encoding, -eofchar, or -translation");
        assertThat(tcl.error("fconfigure stdout -buffering bad")).startsWith("bad value for -buffering: must be one of full, line, or none");
        assertThat(tcl.error("fconfigure stdout -encoding foo")).isEqualTo("unknown encoding \"foo\" | TCL LOOKUP ENCODING foo");
        assertThat(tcl.eval("fconfigure stdout -encoding ascii -blocking 0; fconfigure stdout -encoding")).isEqualTo("ascii");
    }

    @Test
    void crlfOutputTranslation() throws Exception {
        tcl.eval("set f [open c.txt w]; fconfigure $f -translation crlf; puts $f a; close $f");
        assertThat(Files.readString(dir.resolve("c.txt"))).isEqualTo("a\r\n");
    }

    @Test
    void channelNamesAreReused() throws Exception {
        assertThat(tcl.eval("set a [open x.txt w]; set b [open y.txt w]; close $a; set c [open z.txt w]; list $a $b $c"))
                .isEqualTo("file3 file4 file3");
    }
}
