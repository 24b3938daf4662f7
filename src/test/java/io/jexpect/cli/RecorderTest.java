package io.jexpect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.ListFormat;
import io.jexpect.interp.Value;
import io.jexpect.screen.VirtualTerminal;
import io.jexpect.testing.Asleep;
import io.jexpect.testing.Programs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jexpect record}: a scripted user drives a program through the recorder (a fresh JVM on a
 * pseudo-terminal); the script it writes is run by another jexpect and must leave the program's
 * output as the session left it. Also the script's making on its own.
 */
class RecorderTest {
    @TempDir
    Path dir;

    // ---- the script made from a recording -------------------------------------------------------

    @Test
    void quotedTextReadsBackAsItWasInTcl() throws Exception {
        String text = "a\\b\"c[d]$e {f} \r\n\t\u001b[1mg\u007f é 😀";
        Interp interp = Jexpect.newInterpreter();
        try {
            assertThat(interp.eval("set x " + ReplayScript.quote(text)).toString()).isEqualTo(text);
        } finally {
            interp.shutdown();
        }
    }

    @Test
    void thePatternIsTheLastLineLengthenedUntilItCannotMatchEarlier() {
        assertThat(ReplayScript.pattern("welcome\r\nName: ")).isEqualTo("Name: ");
        assertThat(ReplayScript.pattern("working\r\nready\r\n")).isEqualTo("ready\r\n");
        // "$ " also ends the echo of an earlier prompt: the pattern takes the line before as well.
        assertThat(ReplayScript.pattern("$ \r\nok\r\n$ ")).isEqualTo("ok\r\n$ ");
        assertThat(ReplayScript.pattern("x\r\nx")).isEqualTo("x\r\nx");
        // A repaint without newlines is cut to its end.
        String paint = "\u001b[H" + "y".repeat(500) + "\u001b[24;1H:";
        assertThat(ReplayScript.pattern(paint)).hasSizeLessThan(300).endsWith("y\u001b[24;1H:");
    }

    @Test
    void echoedKeysMakeOneSendAndOtherOutputEndsIt() {
        Recording r = new Recording(List.of("prog", "a b"), "xterm", 24, 80);
        r.add(new Recording.Output("% "));
        for (String k : List.of("l", "s", "\r")) {
            r.add(new Recording.Input(k));
            r.add(new Recording.Output(k.equals("\r") ? "\r\n" : k));
        }
        r.add(new Recording.Output("[x] $y\r\n% "));
        r.add(new Recording.Input("j"));
        r.add(new Recording.Output("\u001b[Hpainted"));
        r.add(new Recording.Resize(30, 100));
        r.add(new Recording.Output("repainted"));
        r.add(new Recording.Input("q"));
        String script = ReplayScript.of(r, "now");
        assertThat(script).contains("proc resize {rows columns} {");
        assertThat(ReplayScript.of(new Recording(List.of("prog"), "xterm", 24, 80), "now")).doesNotContain("proc resize");
        assertThat(script.substring(script.indexOf("set env(TERM)"))).isEqualTo("""
                set env(TERM) "xterm"
                set stty_init {rows 24 columns 80}
                spawn -noecho prog {a b}
                match_max 100000
                expect_after {
                    timeout { send_user "\\n[info script]: timed out waiting for the program\\n"; exit 1 }
                    eof { send_user "\\n[info script]: the program ended early\\n"; exit 1 }
                }
                expect -exact "% "
                send -- "ls\\r"
                expect -exact "% "
                send -- "j"
                expect -exact "\\u001b\\[Hpainted"
                resize 30 100
                expect -exact "repainted"
                send -- "q"
                expect eof
                """);
    }

    @Test
    void helpAndBadOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Recorder recorder = new Recorder(new PrintStream(out, true), new PrintStream(err, true));
        assertThat(recorder.run(List.of("--help"))).isZero();
        assertThat(out.toString()).startsWith("usage: jexpect record [-o FILE]");
        assertThat(recorder.run(List.of("-o"))).isEqualTo(1);
        assertThat(recorder.run(List.of("-z", "cat"))).isEqualTo(1);
        assertThat(recorder.run(List.of("-o", dir.resolve("no/such/dir/x.exp").toString(), "cat"))).isEqualTo(1);
        assertThat(err.toString()).contains("jexpect record: option -o needs a file name")
                .contains("jexpect record: unknown option -z").contains("jexpect record: cannot write");
    }

    // ---- round trips on terminals ---------------------------------------------------------------

    @Test
    void aTclshSessionReplaysToTheSameOutput() throws Exception {
        String recorded = record("""
                expect "% "
                foreach c [split {puts [string toupper {a$b}]} ""] { send -- $c; expect -ex $c }
                send "\\r"
                expect -re {A\\$B\\r+\\n% }
                send {set n 6; expr {$n * 7}}
                send "\\r"
                expect -re {42\\r+\\n% }
                send "exit\\r"
                """, "tclsh");
        String script = Files.readString(dir.resolve("replay.exp"));
        assertThat(script).contains("spawn -noecho tclsh\n", "set stty_init {rows 24 columns 80}\n",
                "expect -exact \"% \"\nsend -- \"puts \\[string toupper {a\\$b}\\]\\r\"\n",
                "send -- \"exit\\r\"\nexpect eof\n");
        assertThat(screen(recorded)).contains("% puts [string toupper {a$b}]\nA$B\n% set n 6; expr {$n * 7}\n42\n% exit");
        assertThat(screen(replay(Programs.jexpect(dir.resolve("replay.exp").toString())))).isEqualTo(screen(recorded));
        assertThat(screen(replay(List.of("expect", dir.resolve("replay.exp").toString())))).isEqualTo(screen(recorded));
    }

    @Test
    void aLessSessionWithAResizeReplaysToTheSameScreen() throws Exception {
        Path text = dir.resolve("numbers.txt");
        Files.writeString(text, IntStream.rangeClosed(1, 200).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));
        // The user resizes while less waits for keys, one dimension at a time, and types on once
        // less has redrawn (less loses a resize signal, or drops a key, that comes as it draws).
        String recorded = record(Asleep.PROC + """
                expect "line 23"
                send "j"
                expect "line 24"
                set less [exec pgrep -x -P [exp_pid] less]
                send " "
                expect -ex "line 47\\r\\n:\\033\\[K"
                asleep $less
                stty rows 30 < $spawn_out(slave,name)
                expect -ex ":\\033\\[K"
                asleep $less
                stty columns 100 < $spawn_out(slave,name)
                expect -ex "line 53\\r\\n:\\033\\[K"
                asleep $less
                send "G"
                expect "(END)"
                send "q"
                """, "less", "-X", text.toString());
        String script = Files.readString(dir.resolve("replay.exp"));
        assertThat(script).contains("spawn -noecho less -X " + text + "\n", "\nresize 30 80\n", "\nresize 30 100\n",
                "\nsend -- \"G\"\n", "\nsend -- \"q\"\nexpect eof\n");
        assertThat(screen(recorded)).contains("line 200");
        assertThat(screen(replay(Programs.jexpect(dir.resolve("replay.exp").toString())))).isEqualTo(screen(recorded));
        // Real Expect too, once: it answers faster than jexpect, and a resize it sent the moment
        // less showed its prompt was lost in about 1 of 4 runs before the script's resize waited
        // for less to sleep (see ReplayScript.RESIZE).
        String byExpect = replay(List.of("expect", dir.resolve("replay.exp").toString()));
        assertThat(screen(byExpect)).isEqualTo(screen(recorded));
    }

    /**
     * Runs {@code jexpect record -o replay.exp -- program…} on an 80x24 pty, the user's part being
     * {@code keys}, until the program ends; returns what the program showed on that terminal.
     */
    private String record(String keys, String... program) throws Exception {
        List<Value> command = new ArrayList<>();
        for (String w : Programs.jexpect("record", "-o", dir.resolve("replay.exp").toString(), "--")) command.add(Value.of(w));
        for (String w : program) command.add(Value.of(w));
        Path log = dir.resolve("session.log");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Interp interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));
        try {
            interp.eval("set command {" + ListFormat.format(command) + "}");
            interp.eval("set log {" + log + "}");
            // Wide: a fresh JVM without the launcher's start-up cache is slow on a loaded machine.
            interp.eval("""
                    log_user 0
                    set timeout 60
                    set env(TERM) xterm
                    set stty_init {rows 24 columns 80}
                    log_file -a -noappend $log
                    spawn -noecho {*}$command
                    expect_after timeout { error "timed out" }
                    expect "end the program to finish\\r\\n"
                    """ + keys + """
                    expect eof
                    wait
                    """);
        } catch (io.jexpect.interp.TclException e) {
            interp.shutdown();
            throw new AssertionError(e.errorInfo() + "\nsession: " + Files.readString(log), e);
        } finally {
            interp.shutdown();
        }
        String session = Files.readString(log);
        String start = "end the program to finish\r\n";
        int from = session.indexOf(start) + start.length();
        int to = session.indexOf("jexpect record: wrote");
        assertThat(to).as(session).isGreaterThan(from);
        return session.substring(from, to);
    }

    /** Runs the recorded script ({@code command}: jexpect or expect on it); returns its standard output (the program's output). */
    private String replay(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(dir.resolve("replay.err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("replay.err"))).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The screen the output leaves on a terminal of the final size. */
    private static String screen(String output) {
        VirtualTerminal t = new VirtualTerminal(30, 100);
        t.feed(output);
        return t.text().stripTrailing();
    }
}
