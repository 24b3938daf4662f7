package io.jexpect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * scripts/bench --quick as CI runs it: every scenario's workload runs under this build's jexpect
 * (and the floor, bench/floor.c, where it has one) at small sizes and must print its checked
 * result. No timing is asserted.
 */
class BenchSmokeTest {
    @Test
    void everyScenarioRunsAndChecksItsOutput() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jexpect = String.join(" ", java, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss16m",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main");
        Path table = Files.createTempFile("bench", ".md"), log = Files.createTempFile("bench", ".log");
        try {
            Process p = new ProcessBuilder("scripts/bench", "--quick", "--tools", "jexpect,floor", "--jexpect", jexpect)
                    .redirectOutput(table.toFile()).redirectError(log.toFile()).start();
            assertThat(p.waitFor(15, TimeUnit.MINUTES)).as("finished").isTrue();
            String out = Files.readString(table);
            assertThat(p.exitValue()).as(Files.readString(log)).isZero();
            for (String scenario : List.of("startup", "hello", "startup-spawn", "stream-glob", "stream-ex-mm1e8", "lines",
                    "roundtrip", "prompts", "prompts-300", "regex5", "spawn", "spawn-4", "sessions")) {
                assertThat(out).contains("| " + scenario + " | ");
            }
            assertThat(out).doesNotContain("FAIL", ">60s");
        } finally {
            Files.delete(table);
            Files.delete(log);
        }
    }
}
