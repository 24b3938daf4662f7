package io.jexpect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.Programs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real jexpect command (a fresh JVM) on scripts and checks stdout, stderr and exit status. */
class CliTest {
    @TempDir
    Path dir;

    private Programs.Result run(String script, String stdin, String... args) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("t.exp"), script);
        return Programs.run(dir, Map.of(), stdin, Programs.jexpect(args.length == 0 ? new String[]{"t.exp"} : args));
    }

    @Test
    void endOfScriptExitsZeroAndFlushesPartialLines() throws Exception {
        Programs.Result r = run("puts hello\nputs -nonewline tail", "");
        assertThat(r.out()).isEqualTo("hello\ntail");
        assertThat(r.status()).isZero();
    }

    @Test
    void infoNameofexecutableIsTheLauncherThatRunsScripts() throws Exception {
        Path launcher = Programs.launcher(dir);
        Files.writeString(dir.resolve("t.exp"), "puts [info nameofexecutable]\nputs [exec [info nameofexecutable] << {puts [expr {6*7}]}]\n");
        Programs.Result r = Programs.run(dir, Map.of(), "",
                Programs.jexpect(java.util.List.of("-Djexpect.executable=" + launcher), "t.exp"));
        assertThat(r.out()).isEqualTo(launcher + "\n42\n");
    }

    @Test
    void exitStatusIsPassedThrough() throws Exception {
        assertThat(run("puts a\nexit 3\nputs b", "").status()).isEqualTo(3);
    }

    @Test
    void uncaughtErrorPrintsTclTraceAndExitsOne() throws Exception {
        Programs.Result r = run("puts start\nproc helper {} {\n    puts in\n    nosuch 1 2\n}\nhelper\n", "");
        assertThat(r.out()).isEqualTo("start\nin\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("""
                invalid command name "nosuch"
                    while executing
                "nosuch 1 2"
                    (procedure "helper" line 3)
                    invoked from within
                "helper"
                    (file "t.exp" line 6)\r
                """);
    }

    @Test
    void syntaxErrorRunsEarlierCommandsFirst() throws Exception {
        Programs.Result r = run("puts before\nif {1} {\n  puts x\n", "");
        assertThat(r.out()).isEqualTo("before\n");
        assertThat(r.err()).startsWith("missing close-brace\n    while executing\n\"if {1} {\"\n    (file \"t.exp\" line 2)")
                .contains("jexpect: t.exp:2:8: missing close-brace (the \"{\" here has no matching \"}\")")
                .doesNotContain("at io.jexpect");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void argvArgcArgv0() throws Exception {
        Programs.Result r = run("puts $argc|$argv0|$argv", "", "t.exp", "a", "b c", "--", "d");
        assertThat(r.out()).isEqualTo("4|t.exp|a {b c} -- d\n");
        Programs.Result dashes = run("puts $argv", "", "t.exp", "--", "x");
        assertThat(dashes.out()).isEqualTo("x\n");
    }

    @Test
    void errorInDashCIsReportedButExitsZero() throws Exception {
        Programs.Result r = run("", "", "-c", "puts hi; nosuch");
        assertThat(r.out()).isEqualTo("hi\n");
        assertThat(r.err()).contains("invalid command name \"nosuch\"");
        assertThat(r.status()).isZero();
    }

    @Test
    void scriptFromStdin() throws Exception {
        assertThat(run("", "puts [set x 42]\n", "-").out()).isEqualTo("42\n");
    }

    @Test
    void withoutAScriptARedirectedStdinIsTheScriptAsInExpect() throws Exception {
        // No prompt and no echo of results (that is the terminal's interpreter); an error ends it.
        Programs.Result r = Programs.run(dir, Map.of(), "set x 5\nputs hi\nexpr 1+\nputs after\n", Programs.jexpect());
        assertThat(r.out()).isEqualTo("hi\n");
        assertThat(r.err()).isEqualTo("missing operand at _@_\nin expression \"1+_@_\"\n    (parsing expression \"1+\")\n"
                + "    invoked from within\n\"expr 1+\"\r\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(Programs.run(dir, Map.of(), "proc f {} {\nputs inproc\n}\nf\nexit 3\n", Programs.jexpect()))
                .extracting(Programs.Result::out, Programs.Result::status).containsExactly("inproc\n", 3);
    }

    @Test
    void aBreakOrContinueFromStdinEndsTheRunAsInExpect() throws Exception {
        // Tcl's basic-46.1 input: expect < file stops at the error (tclsh goes on to print DONE).
        Programs.Result r = Programs.run(dir, Map.of(),
                "chan configure stdout -buffering line\ncontinue\nputs $::errorInfo\nputs DONE\n", Programs.jexpect());
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("invoked \"continue\" outside of a loop\n    while executing\n\"continue\"\r\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void shebangLineIsAComment() throws Exception {
        assertThat(run("#!/usr/bin/env jexpect\nputs ok\n", "").out()).isEqualTo("ok\n");
    }

    @Test
    void missingScriptFile() throws Exception {
        Programs.Result r = run("", "", "nonexistent.exp");
        assertThat(r.err()).contains("couldn't read file \"nonexistent.exp\"");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void scriptThatIsNotUtf8RunsAsExpectRunsIt() throws Exception {
        // printf 'puts "caf\xe9"\r\n' > u.exp; expect u.exp | od -c  →  c a f 303 251 \n
        Files.write(dir.resolve("u.exp"), "puts \"caf\u00e9\"\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Programs.Result r = run("", "", "u.exp");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("caf\u00e9\n");
        Files.createDirectory(dir.resolve("d"));
        assertThat(run("", "", "d").err()).isEqualTo("couldn't read file \"d\": illegal operation on a directory\n");
    }

    @Test
    void versionAndHelp() throws Exception {
        assertThat(run("", "", "-v").out()).matches("expect version 5\\.45\\.4 \\(jexpect \\d+\\.\\d+\\.\\d+.*\\)\n");
        assertThat(run("", "", "--version").out()).isEqualTo(run("", "", "-v").out());
        assertThat(run("", "", "--help").out()).contains("usage: jexpect").contains("-b file").contains("-D 0|1");
    }

    @Test
    void rcFilesAreSourcedAfterDashCUnlessDashN() throws Exception {
        Files.writeString(dir.resolve(".expect.rc"), "puts rc\n");
        assertThat(run("puts script", "", "-c", "puts c", "t.exp").out()).isEqualTo("c\nrc\nscript\n");
        assertThat(run("puts script", "", "-n", "t.exp").out()).isEqualTo("script\n");
        assertThat(run("puts script", "", "-nN", "t.exp").out()).isEqualTo("script\n");
        Files.writeString(dir.resolve(".expect.rc"), "proc p {} {error boom}\np\n");
        Programs.Result r = run("puts script", "", "t.exp");
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error executing file: " + dir.resolve(".expect.rc") + "\r\nboom\r\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void dashBRunsEachCommandAsItIsReadWithoutFileInTheTrace() throws Exception {
        Files.writeString(dir.resolve("b.exp"), "puts a\nif 1 {\nputs b\n}\nputs <[info script]>\nerror bad\nputs no\n");
        Programs.Result r = run("", "", "-b", "b.exp");
        assertThat(r.out()).isEqualTo("a\nb\n<>\n");
        assertThat(r.err()).isEqualTo("bad\n    while executing\n\"error bad\"\r\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void dashDTakesItsArgumentAndSaysTheDebuggerIsMissing() throws Exception {
        Programs.Result r = run("puts ran", "", "-D", "1", "t.exp");
        assertThat(r.out()).isEqualTo("ran\n");
        assertThat(r.err()).isEqualTo("jexpect: -D 1 ignored: Expect's interactive debugger is not implemented\n");
        Programs.Result bad = run("puts ran", "", "-D", "t.exp");
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).startsWith("jexpect: -D argument must be 0 or 1\n");
        assertThat(bad.status()).isEqualTo(1);
    }
}
