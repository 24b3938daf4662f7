package io.jexpect.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shipped examples (examples/*.exp) through the real jexpect command in a fresh JVM,
 * from the project root as a user would, and checks what they print and their exit status.
 * Timing assertions have wide margins: these are end-to-end runs on a possibly busy machine.
 */
class ExamplesTest {
    /** The project root: surefire runs tests in the project directory. */
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath();

    @TempDir
    Path tmp;

    record Result(String out, String err, int status, long millis) {}

    private Result run(String example, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main",
                "examples/" + example));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        pb.environment().put("TMPDIR", tmp.toString());
        Path out = tmp.resolve("out"), err = tmp.resolve("err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long start = System.nanoTime();
        Process p = pb.start();
        boolean finished = p.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(finished).as(example + " finished within 300 s").isTrue();
        Result r = new Result(Files.readString(out), Files.readString(err), p.exitValue(), millis);
        assertThat(r.status()).as(example + " exit status; stdout:\n" + r.out() + "\nstderr:\n" + r.err()).isZero();
        return r;
    }

    private static double seconds(String out, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + ": ([0-9.]+) s$").matcher(out);
        assertThat(m.find()).as("'" + label + "' in:\n" + out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void listDirectoryCountsAndNamesTheEntries() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("listing"));
        Files.writeString(dir.resolve("plain.txt"), "x");
        Files.writeString(dir.resolve("two  spaces"), "");
        Files.writeString(dir.resolve(".hidden"), "");
        Files.createDirectory(dir.resolve("sub dir"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of("plain.txt"));

        Result r = run("list_directory.exp", dir.toString());
        assertThat(r.out()).isEqualTo("5 entries in " + dir + ":\n"
                + "  .hidden\n  link\n  plain.txt\n  sub dir\n  two  spaces\n");
    }

    @Test
    void listDirectoryDefaultsToTheCurrentDirectory() throws Exception {
        Result r = run("list_directory.exp");
        // Only the form of the count: others may be adding files to the project root meanwhile.
        assertThat(r.out()).containsPattern("^\\d+ entries in \\.:\n")
                .contains("\n  examples\n", "\n  pom.xml\n", "\n  src\n");
    }

    @Test
    void terminateLongRunningKillsTheChildAndWaitShowsTheSignal() throws Exception {
        Result r = run("terminate_long_running.exp", "1");
        assertThat(r.out())
                .containsPattern("started dots.py \\(pid \\d+\\), waiting at most 1 s")
                .containsPattern("timeout after [0-9.]+ s; sending SIGTERM")
                .containsPattern("it printed \\d+ dots")
                .containsPattern("wait: \\d+ exp\\d+ 0 0 CHILDKILLED SIGTERM \\{software termination signal\\}")
                .endsWith("killed by SIGTERM (software termination signal)\n");
        assertThat(r.millis()).isLessThan(240_000);
    }

    @Test
    void millionLinesAreAllReadWithoutDeadlock() throws Exception {
        Result r = run("million_lines.exp");
        assertThat(r.out()).startsWith("lines read: 1000000 (last was line 1000000)\n");
        // A deadlock never ends; ~1 s alone, 80 s was seen on the shared 2-core build machine under load 25.
        assertThat(seconds(r.out(), "elapsed")).isLessThan(240);
    }

    @Test
    void gpgEncryptsWithBoundedConcurrency() throws Exception {
        assumeTrue(onPath("gpg"), "gpg is not installed");
        for (int count : new int[] {100, 1000}) {
            Result r = run("gpg_encrypt.exp", String.valueOf(count));
            assertThat(r.out())
                    .contains("encrypted: " + count + " texts (TWOFISH, ASCII armour), " + count + " outputs look like PGP messages\n")
                    .contains("verified: 10 of 10 sampled texts decrypt to the original\n");
            Matcher m = Pattern.compile("max concurrency: (\\d+) \\(limit (\\d+)\\)").matcher(r.out());
            assertThat(m.find()).as(r.out()).isTrue();
            int seen = Integer.parseInt(m.group(1)), bound = Integer.parseInt(m.group(2));
            assertThat(bound).isPositive();
            assertThat(seen).isBetween(1, bound).isEqualTo(Math.min(bound, count));
            // Bounded concurrency is asserted above; this only catches a hang (68 s seen under load 25 on 2 cores).
            assertThat(seconds(r.out(), "elapsed")).isLessThan(240);
        }
        // The private GNUPGHOME and outputs live under TMPDIR and are cleaned up.
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("jexpect-gpg-"));
        }
    }

    @Test
    void echoUntilQuitChecksEveryEcho() throws Exception {
        Result r = run("echo_until_quit.exp", "hello", "two words", "[not a command]");
        assertThat(r.out()).isEqualTo("""
                sent "hello" -> echoed "hello"
                sent "two words" -> echoed "two words"
                sent "[not a command]" -> echoed "[not a command]"
                program said Goodbye.
                3 of 3 lines echoed correctly; program exited with status 0
                """);
    }

    @Test
    void randomEchoReadsUntilThePromptAndCountsMatch() throws Exception {
        Result r = run("random_echo.exp", "42");
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(8);
        int total = 0;
        Pattern row = Pattern.compile("\"[a-z ]+\" +seen +(\\d+) echoes, announced +(\\d+)  ok");
        for (int i = 0; i < 7; i++) {
            Matcher m = row.matcher(lines[i]);
            assertThat(m.matches()).as(lines[i]).isTrue();
            assertThat(m.group(1)).isEqualTo(m.group(2));
            assertThat(Integer.parseInt(m.group(1))).isBetween(1, 10);
            total += Integer.parseInt(m.group(1));
        }
        assertThat(lines[7]).isEqualTo("7 lines, " + total + " echoes in all, 0 mismatches");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
