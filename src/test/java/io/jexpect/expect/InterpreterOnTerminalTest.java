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
 * interpreter on a real terminal: a jexpect script types into another jexpect (a fresh JVM on a
 * pty) whose script calls interpreter, from a procedure and from the top level. What comes back is
 * what Expect 5.45.4 shows for the same keystrokes, except that Tcl's stdout on a terminal turns
 * each newline into \r\n, which the terminal turns into \r\r\n: runs of \r before \n are compared
 * as one.
 */
class InterpreterOnTerminalTest {
    @TempDir
    Path dir;

    @Test
    void promptsResultsErrorsEofReturnAndInterReturnAsExpectShowsThem() throws Exception {
        String seen = drive("""
                set x 1
                proc p {} { set y 7; interpreter -eof {puts "EOF y=$y"}; puts "back y=$y" }
                p
                interpreter
                puts "after x=$x"
                proc q {} { interpreter; puts "not printed" }
                q
                puts "q returned"
                """, List.of("puts $y\r", "set y 8\r", "foo bar\r", "proc f {} {\r", "return 3}\r", "f\r", "\004",
                "set x 2\r", "history nextid\r", "return\r", "inter_return\r"));
        assertThat(seen).isEqualTo("""
                expect3.1> puts $y
                7
                expect3.2> set y 8
                8
                expect3.3> foo bar
                invalid command name "foo"
                    while executing
                "foo bar"
                expect3.4> proc f {} {
                +> return 3}
                expect3.5> f
                3
                expect3.6> EOF y=8
                back y=8
                expect2.6> set x 2
                2
                expect2.7> history nextid
                8
                expect2.8> return
                after x=2
                expect3.9> inter_return
                q returned
                <EOF>""".replace("\n", "\r\n").replace("<EOF>\r\n", "<EOF>"));
    }

    @Test
    void promptProcsNostackErrorsAndBreak() throws Exception {
        String seen = drive("""
                proc prompt1 {} { return "P[info level]> " }
                proc prompt2 {} { return "more> " }
                interpreter
                puts "after"
                proc t {} { while 1 { interpreter; puts "loop" }; return "broke out" }
                puts [t]
                """, List.of("error quiet -nostack\r", "list a \\\r", "b\r", "return\r", "break\r"));
        assertThat(seen).isEqualTo("""
                P1> error quiet -nostack
                P1> list a \\
                more> b
                a b
                P1> return
                after
                P2> break
                broke out
                <EOF>""".replace("\n", "\r\n").replace("<EOF>\r\n", "<EOF>"));
    }

    /** Runs the inner script in a fresh jexpect on a pty, types each input after the prompt it waits for; returns all it showed. */
    private String drive(String inner, List<String> inputs) throws Exception {
        Path innerFile = dir.resolve("inner.exp");
        Files.writeString(innerFile, inner);
        List<Value> command = new ArrayList<>();
        for (String w : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main", innerFile.toString())) {
            command.add(Value.of(w));
        }
        List<Value> typed = new ArrayList<>();
        for (String s : inputs) typed.add(Value.of(s));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Interp interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));
        try {
            interp.eval("set command {" + ListFormat.format(command) + "}\nset inputs {" + ListFormat.format(typed) + "}");
            interp.eval("""
                    log_user 0
                    set timeout 60
                    spawn -noecho {*}$command
                    set seen ""
                    proc upto_prompt {} {
                        global seen
                        expect -re {([a-zA-Z0-9.+]+> )$} {append seen $expect_out(buffer)} \\
                            eof {append seen $expect_out(buffer) <EOF>} timeout {append seen <TIMEOUT>}
                    }
                    upto_prompt
                    foreach s $inputs { send -- $s; upto_prompt }
                    catch {expect eof {append seen $expect_out(buffer) <EOF>}}
                    puts -nonewline $seen
                    """);
            interp.channels().flushAll();
        } finally {
            interp.shutdown();
        }
        return out.toString(StandardCharsets.UTF_8).replaceAll("\r+\n", "\r\n");
    }
}
