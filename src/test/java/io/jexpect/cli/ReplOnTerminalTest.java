package io.jexpect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.ListFormat;
import io.jexpect.interp.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive prompt on a real terminal: a jexpect script types into {@code jexpect -i} (a
 * fresh JVM on a pseudo-terminal, so JLine edits the line) and reads what it shows.
 */
class ReplOnTerminalTest {
    @TempDir
    Path home;

    @Test
    void backslashesAndBangsReachTclAndHistoryOutlivesTheSession() throws Exception {
        // Each key goes after the prompt: between lines the terminal is back in cooked mode.
        String out = drive("""
                expect "jexpect1.1> "
                send {puts "a\\tb|\\x41|\\\\|"}
                send "\\r"
                expect -re {a\\tb\\|A\\|\\\\\\|\\r\\n} { puts "backslashes kept" }
                expect "jexpect2.1> "
                send "puts \\[string reverse {y!!x}\\]\\r"
                expect "x!!y\\r\\n" { puts "no history expansion" }
                expect "jexpect3.1> "
                send "puts history-\\[expr 6*7\\]\\r"
                expect "history-42\\r\\n"
                expect "jexpect4.1> "
                send "\\004"
                expect eof
                wait
                """);
        assertThat(out).isEqualTo("backslashes kept\nno history expansion\n");
        assertThat(Files.readString(home.resolve(".jexpect_history"))).contains("puts history-[expr 6*7]");

        // A new session recalls the last line of the previous one with the up arrow.
        String again = drive("""
                expect "jexpect1.1> "
                send "\\033\\[A"
                expect -ex {history-[expr 6*7]}
                send "\\r"
                expect "history-42\\r\\n" { puts "recalled" }
                expect "jexpect2.1> "
                send "\\004"
                expect eof
                """);
        assertThat(again).isEqualTo("recalled\n");
    }

    /** Runs {@code jexpect -i} on an 80x24 pty with HOME in a temp folder; returns what the driving script printed. */
    private String drive(String script) throws Exception {
        List<Value> command = new ArrayList<>();
        for (String w : List.of("env", "HOME=" + home, "TERM=xterm",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main", "-i")) {
            command.add(Value.of(w));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Interp interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));
        try {
            interp.eval("set command {" + ListFormat.format(command) + "}");
            // Wide: a fresh JVM without the launcher's start-up cache took over 20 s to show its
            // first prompt at load average ~30 on 2 cores. A hang still fails, only later.
            interp.eval("log_user 0\nset timeout 60\n"
                    + "spawn -noecho sh -c {stty rows 24 columns 80; exec \"$@\"} sh {*}$command\n"
                    + "expect_after timeout { error \"timed out\" }\n" + script);
            interp.channels().flushAll();
        } catch (io.jexpect.interp.TclException e) {
            interp.channels().flushAll();
            throw new AssertionError(e.errorInfo() + "\nafter: " + out.toString(StandardCharsets.UTF_8), e);
        } finally {
            interp.shutdown();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
