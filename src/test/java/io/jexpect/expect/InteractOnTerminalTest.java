package io.jexpect.expect;

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
 * interact with a real terminal as the user's side: a jexpect script drives another jexpect
 * (a fresh JVM) on a pseudo-terminal, whose script interacts with cat. Keystrokes pass through in
 * raw mode, and an escape pattern ends interact.
 */
class InteractOnTerminalTest {
    @TempDir
    Path dir;

    @Test
    void keystrokesPassThroughAndAnEscapePatternReturns() throws Exception {
        String out = drive("""
                spawn -noecho cat
                interact {
                    "~q" { send_user "\\n<escaped>\\n"; return }
                }
                send_user "after interact\\n"
                """, """
                # cat echoes what it reads: once a line comes back, interact is running.
                send "hello\\r"
                expect {
                    "hello\\r\\nhello" { puts "echoed" }
                    timeout { send "hello\\r"; exp_continue }
                }
                send "~q"
                expect "<escaped>" { puts "escaped" }
                expect "after interact" { puts "continued" }
                expect eof
                """);
        assertThat(out).isEqualTo("echoed\nescaped\ncontinued\n");
    }

    @Test
    void echoRegexAndNobufferHooks() throws Exception {
        String out = drive("""
                spawn -noecho cat
                interact {
                    -echo "~e" { send_user "<e>" }
                    -re {[0-9]+x} { send_user "<num:$interact_out(0,string)>" }
                    -nobuffer "zz" { send_user "<zz>" }
                    "~q" { return }
                }
                send_user "after\\n"
                """, """
                sleep 1.5
                send "ab~e"
                expect "~e<e>" { puts "echo hook" }
                send "q12xw"
                expect "<num:12x>" { puts "regex hook" }
                send "zz"
                expect "<zz>" { puts "nobuffer hook" }
                send "\\r"
                expect "abqwzz\\r\\n" { puts "cat got abqwzz" }
                send "~q"
                expect "after" { puts "returned" }
                expect eof
                """);
        assertThat(out).isEqualTo("echo hook\nregex hook\nnobuffer hook\ncat got abqwzz\nreturned\n");
    }

    /** Runs the inner script in a fresh jexpect on a pty, driven by the outer script; returns what the outer printed. */
    private String drive(String inner, String outer) throws Exception {
        Path innerFile = dir.resolve("inner.exp");
        Files.writeString(innerFile, inner);
        List<Value> command = new ArrayList<>();
        for (String w : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main", innerFile.toString())) {
            command.add(Value.of(w));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Interp interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));
        try {
            interp.eval("set command {" + ListFormat.format(command) + "}");
            // 60 s: a fresh JVM took over 20 s to start at load ~30 (see ReplOnTerminalTest).
            interp.eval("log_user 0\nset timeout 60\nspawn -noecho {*}$command\n" + outer);
            interp.channels().flushAll();
        } finally {
            interp.shutdown();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
