package io.jexpect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Expect's own scripts, as the Debian expect package installs them, run unmodified under jexpect
 * (skipped where that package is not installed).
 */
class BundledScriptsTest {
    private record Result(String out, int status) {}

    private static Result run(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(out, p.exitValue());
    }

    private static String script(String name) {
        Path p = Path.of("/usr/bin", name);
        assumeTrue(Files.isReadable(p), name + " is not installed (apt-get install expect)");
        return p.toString();
    }

    @Test
    void unbufferRunsAProgramOnAPtyWithoutOutputProcessing() throws Exception {
        Result r = run("", script("expect_unbuffer"), "sh", "-c", "echo hello; exit 3");
        assertThat(r.out()).isEqualTo("hello\n");   // stty_init -opost: no \r added
        assertThat(r.status()).isEqualTo(3);        // exit [lindex [wait] 3]
    }

    @Test
    void unbufferPipelineModeForwardsStdin() throws Exception {
        Result r = run("one\ntwo\n", script("expect_unbuffer"), "-p", "cat");
        assertThat(r.out()).isEqualTo("one\r\ntwo\r\n");
    }

    @Test
    void timedRunStopsAProgramAfterItsTime() throws Exception {
        long t0 = System.nanoTime();
        Result r = run("", script("expect_timed-run"), "1", "sh", "-c", "echo start; sleep 90; echo end");
        assertThat(r.out()).isEqualTo("spawn sh -c echo start; sleep 90; echo end\r\nstart\r\n");
        // Stopped long before the program's own end (a JVM took 12 s just to start at load average 27).
        assertThat((System.nanoTime() - t0) / 1_000_000_000.0).isLessThan(60);
    }

    @Test
    void timedReadReadsALineFromStdin() throws Exception {
        assertThat(run("a line\n", script("expect_timed-read"), "5").out()).isEqualTo("a line\n");
    }
}
