package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes; expected values recorded from tclsh 8.6.13 (pids masked). */
class ProcessCommandsTest {
    @TempDir Path dir;
    TclRunner tcl;

    @BeforeEach
    void setUp() throws Exception {
        tcl = new TclRunner();
        tcl.eval("cd {" + dir + "}");
    }

    private String masked(String script) {
        return tcl.error(script).replaceAll("(CHILD(STATUS|KILLED)) \\d+", "$1 PID");
    }

    @Test
    void pipelinesAndResults() throws Exception {
        assertThat(tcl.eval("exec echo hi")).isEqualTo("hi");
        assertThat(tcl.eval("exec echo hi there | tr a-z A-Z")).isEqualTo("HI THERE");
        assertThat(tcl.eval("exec -keepnewline echo hi")).isEqualTo("hi\n");
        assertThat(tcl.eval("exec echo a b \"c d\"")).isEqualTo("a b c d");
        assertThat(tcl.eval("exec -- echo -foo")).isEqualTo("-foo");
        assertThat(tcl.eval("exec sh -c {printf 'a\\n\\n'}")).isEqualTo("a\n");
        // The program gets C strings: a word is cut at its first NUL.
        assertThat(tcl.eval("exec echo \"a\\0b\" x")).isEqualTo("a x");
        // A program found along PATH gets the name it was given as argv[0], as from tclsh.
        assertThat(tcl.eval("exec sh -c {echo $0}")).isEqualTo("sh");
        assertThat(tcl.eval("catch {exec ls /nonexistent-dir} m; set m")).startsWith("ls: ");
    }

    @Test
    void resultReadsLineEndsAsAChannelDoes() throws Exception {
        // Tcl reads a pipeline's output (and stderr for the result) with -translation auto: an
        // Expect run by exec ends its error lines in CR LF, and the result has none of the CRs.
        String show = "proc show {s} {string map {\\r <CR> \\n <LF>} $s}; ";
        assertThat(tcl.eval(show + "show [exec printf {a\\rb\\r\\nc\\r\\n\\r\\n}]")).isEqualTo("a<LF>b<LF>c<LF>");
        assertThat(tcl.eval(show + "catch {exec sh -c {printf 'x\\r\\n' >&2; exit 3}} r; show $r")).isEqualTo("x");
        assertThat(tcl.eval(show + "show [exec sh -c {printf 'o\\r\\n'; printf 'e\\r\\n' >&2} 2>@1]")).isEqualTo("o<LF>e");
        assertThat(tcl.eval(show + "show [exec -keepnewline printf {a\\r\\n}]")).isEqualTo("a<LF>");
        // Redirected output goes to its file untouched.
        assertThat(tcl.eval(show + "exec printf {z\\r\\n} > f.txt; set f [open f.txt]; fconfigure $f -translation binary; show [read $f][close $f]"))
                .isEqualTo("z<CR><LF>");
    }

    @Test
    void failures() {
        assertThat(tcl.error("exec")).isEqualTo("wrong # args: should be \"exec ?-option ...? arg ?arg ...?\" | TCL WRONGARGS");
        assertThat(tcl.error("exec nosuchprog")).isEqualTo(
                "couldn't execute \"nosuchprog\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.error("exec /etc")).isEqualTo("couldn't execute \"/etc\": permission denied | POSIX EACCES {permission denied}");
        assertThat(masked("exec sh -c {exit 3}")).isEqualTo("child process exited abnormally | CHILDSTATUS PID 3");
        assertThat(masked("exec sh -c {echo out; echo err >&2}")).isEqualTo("out\nerr | NONE");
        assertThat(masked("exec sh -c {echo out; echo err >&2; exit 2}")).isEqualTo("out\nerr | CHILDSTATUS PID 2");
        assertThat(masked("exec sh -c {printf out; exit 1}")).isEqualTo("outchild process exited abnormally | CHILDSTATUS PID 1");
        assertThat(masked("exec sh -c {exit 1} | sh -c {exit 2}")).isEqualTo("child process exited abnormally | CHILDSTATUS PID 2");
        assertThat(masked("exec sh -c {kill -9 $$}")).isEqualTo("child killed: kill signal | CHILDKILLED PID SIGKILL {kill signal}");
        assertThat(masked("exec sh -c {kill -TERM $$}")).isEqualTo(
                "child killed: software termination signal | CHILDKILLED PID SIGTERM {software termination signal}");
        assertThat(tcl.error("exec -foo")).isEqualTo("bad option \"-foo\": must be -ignorestderr, -keepnewline, or -- | TCL LOOKUP INDEX option -foo");
        assertThat(tcl.error("exec echo a |")).isEqualTo("illegal use of | or |& in command | TCL OPERATION EXEC PIPESYNTAX");
        assertThat(tcl.error("exec echo a >")).isEqualTo("can't specify \">\" as last word in command | TCL OPERATION EXEC SYNTAX");
        assertThat(tcl.error("exec echo a 2>@1 | cat")).isEqualTo("must specify \"2>@1\" as last word in command | TCL OPERATION EXEC PIPESYNTAX");
    }

    @Test
    void redirections() throws Exception {
        assertThat(tcl.eval("exec -ignorestderr sh -c {echo out; echo err >&2}")).isEqualTo("out");
        assertThat(tcl.eval("exec sh -c {echo out; echo err >&2} 2>@1")).isEqualTo("out\nerr");
        assertThat(tcl.eval("exec sh -c {echo x >&2} | cat 2>@1")).isEqualTo("x");
        assertThat(tcl.eval("exec cat << \"hello\\nworld\"")).isEqualTo("hello\nworld");
        assertThat(tcl.eval("exec echo x > o.txt; exec cat < o.txt")).isEqualTo("x");
        assertThat(tcl.eval("exec echo y >> o.txt; exec cat o.txt")).isEqualTo("x\ny");
        assertThat(tcl.eval("exec sh -c {echo e >&2} 2> e.txt")).isEmpty();
        assertThat(Files.readString(dir.resolve("e.txt"))).isEqualTo("e\n");
        assertThat(tcl.error("exec cat < /nonexist")).isEqualTo(
                "couldn't read file \"/nonexist\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.eval("exec echo hi >@ stdout")).isEmpty();
        assertThat(tcl.stdout()).isEqualTo("hi\n");
        assertThat(tcl.eval("exec sh -c {echo err >&2} 2>@ stderr")).isEmpty();
        // The first "err" is from -ignorestderr, which passes the child's stderr through.
        assertThat(tcl.stderr()).isEqualTo("err\nerr\n");
    }

    @Test
    void environmentAndDirectory() throws Exception {
        assertThat(tcl.eval("set env(JEXPECT_T) bar; exec sh -c {echo $JEXPECT_T}")).isEqualTo("bar");
        assertThat(tcl.eval("exec pwd")).isEqualTo(dir.toString());
        assertThat(tcl.eval("file mkdir d; cd d; exec pwd")).isEqualTo(dir.resolve("d").toString());
    }

    @Test
    void backgroundAndPid() throws Exception {
        assertThat(tcl.eval("exec sleep 0 &")).matches("\\d+");
        assertThat(tcl.eval("pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(tcl.error("pid foo")).isEqualTo("can not find channel named \"foo\" | TCL LOOKUP CHANNEL foo");
    }

    @Test
    void pipelineChannels() throws Exception {
        assertThat(tcl.eval("set f [open {|echo hello}]; set r [gets $f]; close $f; set r")).isEqualTo("hello");
        assertThat(tcl.eval("set f [open {|cat > p.txt} w]; puts $f data; close $f; exec cat p.txt")).isEqualTo("data");
        assertThat(tcl.eval("set f [open {|sh -c {exit 0}}]; llength [pid $f]")).isEqualTo("1");
        tcl.eval("close $f");
        assertThat(masked("set f [open {|sh -c {exit 5}}]; read $f; close $f")).isEqualTo("child process exited abnormally | CHILDSTATUS PID 5");
    }
}
