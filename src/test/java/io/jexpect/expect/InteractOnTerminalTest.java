package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.api.Jexpect;
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
        Path inner = dir.resolve("inner.exp");
        Files.writeString(inner, """
                spawn -noecho cat
                interact {
                    "~q" { send_user "\\n<escaped>\\n"; return }
                }
                send_user "after interact\\n"
                """);
        List<Value> command = new ArrayList<>();
        for (String w : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main", inner.toString())) {
            command.add(Value.of(w));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Interp interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));
        try {
            interp.eval("set command {" + ListFormat.format(command) + "}");
            interp.eval("""
                    log_user 0
                    set timeout 20
                    spawn -noecho {*}$command
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
            interp.channels().flushAll();
        } finally {
            interp.shutdown();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("echoed\nescaped\ncontinued\n");
    }
}
