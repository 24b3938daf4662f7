package io.jexpect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long script is parsed one command at a time, as Tcl does: it runs in the memory of one
 * command, not of its whole parse tree (which took 1.7 GB for a million lines).
 */
class LongScriptTest {
    @TempDir
    Path dir;

    private String[] run(Path script) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main", script.toString())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished").isTrue();
        return new String[] {Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")), String.valueOf(p.exitValue())};
    }

    private Path write(int lines, String last) throws Exception {
        Path f = dir.resolve("long.exp");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("set n 0\n");
            // Each line distinct, so no cache can stand in for parsing them all.
            for (int i = 0; i < lines; i++) w.write("incr n; set v" + (i % 97) + " {line " + i + " of the script}\n");
            w.write(last);
        }
        return f;
    }

    @Test
    void runsInSmallMemory() throws Exception {
        // 100,000 lines: parsed whole, their tree alone needs several times this 48 MB heap.
        String[] r = run(write(100_000, "puts \"$n $v5\"\n"));
        assertThat(r[1]).isEmpty();
        assertThat(List.of(r[0], r[2])).containsExactly("100000 line 99915 of the script\n", "0");
    }

    @Test
    void syntaxErrorAtTheEndStillComesAfterTheCommandsBeforeIt() throws Exception {
        String[] r = run(write(3_000, "puts \"$n done\"\nset x {open\n"));
        assertThat(r[0]).isEqualTo("3000 done\n");
        assertThat(r[1]).startsWith("missing close-brace\n    while executing\n\"set x {\"\n    (file \"")
                .endsWith(":3003:7: missing close-brace (the \"{\" here has no matching \"}\")\n");
        assertThat(r[2]).isEqualTo("1");
    }
}
