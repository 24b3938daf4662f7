package io.jexpect.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs real programs for the harness tests: jexpect in a fresh JVM, runtest, expect. */
final class Programs {
    private Programs() {}

    record Result(String out, String err, int status) {}

    /** The command line that starts this build's jexpect. */
    static List<String> jexpect(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A jexpect launcher for this build, for programs that start it themselves (runtest's $EXPECT). */
    static Path launcher(Path dir) throws IOException {
        Path l = dir.resolve("jexpect-launcher");
        StringBuilder cmd = new StringBuilder("#!/bin/sh\nexec");
        for (String word : jexpect()) cmd.append(" '").append(word).append("'");
        Files.writeString(l, cmd.append(" \"$@\"\n"));
        l.toFile().setExecutable(true);
        return l;
    }

    /** Runs a command in {@code cwd} with no input; stdout and stderr go to files in {@code cwd}. */
    static Result run(Path cwd, Map<String, String> env, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().putAll(env);
        pb.environment().put("DOTDIR", cwd.toString()); // the user's own ~/.expect.rc stays out of it
        Path out = Files.createTempFile(cwd, "out", ".txt"), err = Files.createTempFile(cwd, "err", ".txt");
        pb.redirectInput(new File("/dev/null")).redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s finished", cmd).isTrue();
        Result r = new Result(Files.readString(out), Files.readString(err), p.exitValue());
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static void assumeInstalled(String program) {
        boolean found = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
        assumeTrue(found, program + " is not installed");
    }

    /** Copies a folder tree from the test resources. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }
}
