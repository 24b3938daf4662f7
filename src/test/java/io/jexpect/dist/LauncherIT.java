package io.jexpect.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/jexpect on a fresh copy of the sources: the first run builds and says so, later runs say
 * nothing extra; no run waits for the start-up cache, which a detached training makes after the first.
 */
class LauncherIT {
    @TempDir
    Path clone;

    @Test
    void firstRunAnnouncesTheBuildLaterRunsAreQuiet() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        for (String part : List.of("pom.xml", "grammar", "src/main", "scripts", "examples/hello.exp")) {
            copy(project.resolve(part), clone.resolve(part));
        }
        String greeting = "Hello, world!\nHello, jexpect!\n";

        String[] first = run();
        assertThat(first[0]).isEqualTo(greeting);
        assertThat(first[1]).isEqualTo("jexpect: building (first run, ~20 s)…\n");

        String[] second = run();
        assertThat(second[0]).isEqualTo(greeting);
        assertThat(second[1]).isEmpty();

        Path cache = StartupCache.awaitTrained(clone.resolve("target"));
        assertThat(Files.size(cache)).isPositive();
        String[] cached = run();
        assertThat(cached[0]).isEqualTo(greeting);
        assertThat(cached[1]).isEmpty();
    }

    private String[] run() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(clone.resolve("scripts/jexpect").toString(), "examples/hello.exp")
                .directory(clone.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile("out", ""), err = Files.createTempFile("err", "");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished").isTrue();
        String[] r = {Files.readString(out), Files.readString(err)};
        Files.delete(out);
        Files.delete(err);
        assertThat(p.exitValue()).as(r[1]).isZero();
        return r;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
