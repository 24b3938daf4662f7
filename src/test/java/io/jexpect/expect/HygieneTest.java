package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No child outlives jexpect: at the end, on errors, on timeouts, on exit, and when jexpect is killed. */
class HygieneTest {
    @TempDir
    Path dir;

    private final String mark = "jexpect-hygiene-" + UUID.randomUUID();

    private Process start(String script) throws Exception {
        Path file = dir.resolve("t.exp");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
        pb.environment().put("HYGIENE_MARK", mark);
        return pb.start();
    }

    /** Live processes (not zombies) that inherited our mark: the spawned children and theirs. */
    private List<String> marked() throws Exception {
        List<String> out = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                if (!d.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
                try {
                    String env = Files.readString(d.resolve("environ"));
                    String stat = Files.readString(d.resolve("stat"));
                    boolean zombie = stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
                    if (env.contains("HYGIENE_MARK=" + mark) && !zombie) out.add(d.getFileName() + " " + stat);
                } catch (Exception vanished) {
                    // Gone while we looked.
                }
            }
        }
        return out;
    }

    private void assertNoneLeftSoon() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!marked().isEmpty() && System.nanoTime() < end) Thread.sleep(50);
        assertThat(marked()).isEmpty();
    }

    private static final String CHILDREN = """
            spawn -noecho sh -c "trap '' HUP; sleep 300 & sleep 300"
            spawn -noecho sleep 300
            """;

    @Test
    void endOfScript() throws Exception {
        assertThat(start(CHILDREN).waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertNoneLeftSoon();
    }

    @Test
    void uncaughtError() throws Exception {
        Process p = start(CHILDREN + "nosuchcommand\n");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertNoneLeftSoon();
    }

    @Test
    void timeoutThenExit() throws Exception {
        Process p = start(CHILDREN + "expect -timeout 0.2 never\nexit 4\n");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(4);
        assertNoneLeftSoon();
    }

    @Test
    void jexpectKilledWithTerm() throws Exception {
        Process p = start(CHILDREN + "puts ready\nflush stdout\nexpect -timeout -1 never\n");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (marked().size() < 3 && System.nanoTime() < end) Thread.sleep(50);
        assertThat(marked()).hasSizeGreaterThanOrEqualTo(3);
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertNoneLeftSoon();
    }
}
