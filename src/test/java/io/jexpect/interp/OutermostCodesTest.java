package io.jexpect.interp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.Jexpect;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * break, continue, return and other codes that reach the outermost level of a script file: the
 * traces are what tclsh 8.6 and expect 5.45.4 print for the same files.
 */
class OutermostCodesTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Interp interp = Jexpect.newInterpreter(
            new Channels(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));

    @TempDir
    Path dir;

    /** Runs a script file; returns its output, then the errorInfo when it failed. */
    private String runFile(String text) throws Exception {
        Files.writeString(dir.resolve("b2.tcl"), "break\n");
        interp.setVar("dir", Value.of(dir.toString()));
        interp.eval("cd $dir");
        out.reset();
        String result;
        try {
            interp.evalFileText("t.exp", text);
            result = "";
        } catch (TclException e) {
            result = e.isError() ? "ERROR " + e.errorInfo() : "CODE " + e.code();
        }
        interp.channels().flushAll();
        return out.toString(StandardCharsets.UTF_8) + result;
    }

    @Test
    void breakAndContinueAtTopLevelAreErrors() throws Exception {
        assertThat(runFile("puts a; break; puts b\n")).isEqualTo("""
                a
                ERROR invoked "break" outside of a loop
                    while executing
                "break"
                    (file "t.exp" line 1)""");
        assertThat(runFile("if 1 {\n  continue\n}\n")).endsWith("""
                ERROR invoked "continue" outside of a loop
                    while executing
                "if 1 {
                  continue
                }"
                    (file "t.exp" line 1)""");
    }

    @Test
    void breakInsideSubstitutionSourceAndEvalIsReportedAgainstTheTopLevelCommand() throws Exception {
        assertThat(runFile("set x [break]; puts here\n")).isEqualTo("""
                ERROR invoked "break" outside of a loop
                    while executing
                "set x [break]"
                    (file "t.exp" line 1)""");
        assertThat(runFile("source b2.tcl; puts after\n")).isEqualTo("""
                ERROR invoked "break" outside of a loop
                    while executing
                "source b2.tcl"
                    (file "t.exp" line 1)""");
    }

    @Test
    void aSourcedBreakStillEndsTheLoopAroundIt() throws Exception {
        assertThat(runFile("foreach x {1 2} {puts $x; source b2.tcl}; puts after\n")).isEqualTo("1\nafter\n");
    }

    @Test
    void breakInAProcIsReportedAgainstTheProcedure() throws Exception {
        assertThat(runFile("proc p {} {\n  puts a\n  break\n}\np\n")).isEqualTo("""
                a
                ERROR invoked "break" outside of a loop
                    (procedure "p" line 1)
                    invoked from within
                "p"
                    (file "t.exp" line 5)""");
        assertThat(runFile("proc q {} {return -code break}\nq\n")).endsWith("""
                ERROR invoked "break" outside of a loop
                    while executing
                "q"
                    (file "t.exp" line 2)""");
    }

    @Test
    void returnAtTopLevelEndsTheScriptOrBecomesItsCode() throws Exception {
        assertThat(runFile("puts a; return; puts b\n")).isEqualTo("a\n");
        assertThat(runFile("return -code error -errorcode {A B} foo\n")).isEqualTo("""
                ERROR foo
                    while executing
                "return -code error -errorcode {A B} foo"
                    (file "t.exp" line 1)""");
        assertThat(runFile("return -code 5\n")).isEqualTo("""
                ERROR command returned bad code: 5
                    while executing
                "return -code 5"
                    (file "t.exp" line 1)""");
        assertThat(runFile("return -level 2 x; puts b\n")).isEqualTo("""
                ERROR command returned bad code: 2
                    while executing
                "return -level 2 x"
                    (file "t.exp" line 1)""");
        assertThat(runFile("return -code 2147483648\n")).startsWith("ERROR command returned bad code: -2147483648\n");
    }

    @Test
    void completionCodesAndLevelsAreCheckedAsTclGetIntFromObj() throws Exception {
        assertThat(runFile("""
                foreach c {4294967295 4294967296 -4294967296 1.0 OK} {
                    puts "[catch {return -code $c x} m o] $m | [dict get $o -code]"
                }
                foreach l {-1 x} {puts "[catch {return -level $l x} m o] $m | [dict get $o -errorcode]"}
                """)).isEqualTo("""
                2 x | -1
                1 bad completion code "4294967296": must be ok, error, return, break, continue, or an integer | 1
                1 bad completion code "-4294967296": must be ok, error, return, break, continue, or an integer | 1
                1 bad completion code "1.0": must be ok, error, return, break, continue, or an integer | 1
                1 bad completion code "OK": must be ok, error, return, break, continue, or an integer | 1
                1 bad -level value: expected non-negative integer but got "-1" | TCL RESULT ILLEGAL_LEVEL
                1 bad -level value: expected non-negative integer but got "x" | TCL RESULT ILLEGAL_LEVEL
                """);
        assertThat(runFile("return -code 999999999999\n")).isEqualTo("""
                ERROR bad completion code "999999999999": must be ok, error, return, break, continue, or an integer
                    while executing
                "return -code 999999999999"
                    (file "t.exp" line 1)""");
    }
}
