package io.jexpect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jexpect.testing.Processes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TclInterpreterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private TclInterpreter tcl() {
        return TclInterpreter.create(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream());
    }

    @Test
    void javaCommandsAreCallableFromScripts() {
        try (TclInterpreter tcl = tcl()) {
            tcl.register("twice", args -> args.get(0).repeat(2));
            tcl.eval("puts [twice ab]");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abab\n");
    }

    @Test
    void anExceptionInAJavaCommandIsATclErrorThatCatchSees() {
        try (TclInterpreter tcl = tcl()) {
            tcl.register("boom", args -> {
                throw new IllegalStateException("bad thing");
            });
            tcl.register("silent", args -> {
                throw new NullPointerException();
            });
            assertThat(tcl.eval("list [catch {boom 1} msg] $msg")).isEqualTo("1 {bad thing}");
            tcl.register("offline", args -> {
                throw new java.io.IOException("connection refused");
            });
            assertThat(tcl.eval("catch {silent} msg; set msg")).isEqualTo("internal error in \"silent\"");
            assertThat(tcl.eval("try {boom} on error {m o} {dict get $o -errorcode}"))
                    .isEqualTo("JAVA java.lang.IllegalStateException");
            assertThat(tcl.eval("try {offline} trap {JAVA java.io.IOException} m {set m}")).isEqualTo("connection refused");
            assertThat(tcl.eval("catch silent m o; dict get $o -errorcode")).isEqualTo("JAVA java.lang.NullPointerException");
            assertThatThrownBy(() -> tcl.eval("set x 1\nboom"))
                    .isInstanceOf(TclError.class).hasMessage("bad thing")
                    .satisfies(e -> assertThat(((TclError) e).errorInfo()).isEqualTo("bad thing\n    while executing\n\"boom\""));
        }
    }

    @Test
    void aTclErrorFromANestedEvalKeepsItsWords() {
        try (TclInterpreter tcl = tcl()) {
            tcl.register("nested", args -> tcl.eval("nosuchcommand"));
            assertThat(tcl.eval("catch {nested} m; set m")).isEqualTo("invalid command name \"nosuchcommand\"");
            assertThat(tcl.eval("set errorCode")).isEqualTo("TCL LOOKUP COMMAND nosuchcommand");
        }
    }

    @Test
    void variablesScriptFilesReturnAndExit(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.tcl");
        Files.writeString(f, "return \"$argc [lindex $argv 1] $greeting\"");
        try (TclInterpreter tcl = tcl()) {
            tcl.set("greeting", "hi");
            assertThat(tcl.evalFile(f, "a", "b")).isEqualTo("2 b hi");
            tcl.eval("set v 5");
            assertThat(tcl.get("v")).isEqualTo("5");
            assertThatThrownBy(() -> tcl.get("missing")).isInstanceOf(TclError.class)
                    .hasMessage("can't read \"missing\": no such variable");
            assertThatThrownBy(() -> tcl.eval("exit 3")).isInstanceOf(TclError.class)
                    .satisfies(e -> assertThat(((TclError) e).exitStatus()).hasValue(3));
        }
    }

    @Test
    void closingEndsTheProgramsScriptsSpawned() throws Exception {
        long pid;
        try (TclInterpreter tcl = tcl()) {
            pid = Long.parseLong(tcl.eval("spawn sh -c {trap {} HUP TERM; echo ready; exec sleep 60}; expect ready; exp_pid"));
            assertThat(ProcessHandle.of(pid)).isPresent();
        }
        assertThat(Processes.goneWithin(pid, 5000)).isTrue();
    }
}
