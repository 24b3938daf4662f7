package io.jexpect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory running out inside a command fails that command with a Tcl error catch sees; the JVM
 * neither dies nor prints Java text. A real jexpect process with a 48 MB heap: a list of 4 million
 * elements (16 MB of references) fits, sorting it (three arrays of its length) does not.
 */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    private String[] run(String script) throws Exception {
        Path file = dir.resolve("t.tcl");
        Files.writeString(file, script);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main", file.toString())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished").isTrue();
        return new String[] {Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")), String.valueOf(p.exitValue())};
    }

    @Test
    void lsortFailsWithTclsOwnMessageAndTheScriptGoesOn() throws Exception {
        String[] r = run("""
                puts [llength [set l [lrepeat 4000000 ""]]]
                puts [catch {lsort $l} m]|$m|$::errorCode
                puts [llength [lsort [lrange $l 0 99999]]]
                """);
        assertThat(r[1]).isEmpty();
        assertThat(r[0]).isEqualTo("4000000\n1|no enough memory to proccess sort of 4000000 items|TCL MEMORY\n100000\n");
        assertThat(r[2]).isEqualTo("0");
    }

    @Test
    void aScriptThatFilledTheHeapStillGetsTheErrorAndGoesOn() throws Exception {
        // The heap is full of the list when lappend fails: reporting it needs memory all the same.
        String[] r = run("""
                set l {}
                puts [catch {for {set i 0} {1} {incr i} {lappend l $i}} m]
                puts "$m|$::errorCode|[expr {[llength $l] > 100000}]"
                unset l
                puts [llength [lsort [lrepeat 100000 x]]]
                """);
        assertThat(r[1]).isEmpty();
        assertThat(r[0]).matches("1\nunable to alloc memory \\(the heap's limit is \\d+ MB\\)\\|TCL MEMORY\\|1\n100000\n");
        assertThat(r[2]).isEqualTo("0");
    }

    @Test
    void anyOtherCommandFailsWithAnAllocError() throws Exception {
        String[] r = run("""
                puts [catch {lrepeat 40000000 x} m]|$m|$::errorCode
                puts [catch {set y [string repeat abc 20000000]$m} m]|$m
                lrepeat 40000000 x
                puts unreached
                """);
        String failed = "unable to alloc memory (the heap's limit is ";
        assertThat(r[0]).startsWith("1|" + failed).contains(" MB)|TCL MEMORY\n1|" + failed).doesNotContain("unreached");
        assertThat(r[1]).startsWith(failed).contains(" MB)\n    while executing\n\"lrepeat 40000000 x\"\n    (file ")
                .doesNotContain("java.", "Exception");
        assertThat(r[2]).isEqualTo("1");
    }
}
