package io.jexpect.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs real programs for tests: this build's jexpect in a fresh JVM, runtest, expect. */
public final class Programs {
    private Programs() {}

    /** What a program printed and how it ended. */
    public record Result(String out, String err, int status) {}

    /** The command line that starts this build's jexpect. */
    public static List<String> jexpect(String... args) {
        return jexpect(List.of(), args);
    }

    /** The command line that starts this build's jexpect with extra JVM options. */
    public static List<String> jexpect(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC",
                // As scripts/jexpect: the JVM's exit does not wait for threads blocked in native calls.
                "-XX:UserThreadWaitAttemptsAtExit=0"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A jexpect launcher for this build, for programs that start it themselves (runtest's $EXPECT). */
    public static Path launcher(Path dir) throws IOException {
        Path l = dir.resolve("jexpect-launcher");
        StringBuilder cmd = new StringBuilder("#!/bin/sh\nexec");
        for (String word : jexpect()) cmd.append(" '").append(word).append("'");
        Files.writeString(l, cmd.append(" \"$@\"\n"));
        l.toFile().setExecutable(true);
        return l;
    }

    /** {@link #run(Path, Map, String, List)} with no input. */
    public static Result run(Path cwd, Map<String, String> env, List<String> cmd) throws IOException, InterruptedException {
        return run(cwd, env, null, cmd);
    }

    /**
     * Runs a command in {@code cwd} and waits for it (at most 300 s). {@code env} changes the
     * environment (a null value removes a variable); DOTDIR is {@code cwd} unless given, so the
     * user's own ~/.expect.rc stays out of it. {@code stdin} is written to the program's input and
     * closed (null: no input at all). Its stdout and stderr go through files outside {@code cwd}.
     */
    public static Result run(Path cwd, Map<String, String> env, String stdin, List<String> cmd)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("DOTDIR", cwd.toString());
        env.forEach((k, v) -> {
            if (v == null) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        Path out = Files.createTempFile("out", ".txt"), err = Files.createTempFile("err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin == null) pb.redirectInput(new File("/dev/null"));
            Process p = pb.start();
            if (stdin != null) {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s finished", cmd).isTrue();
            return new Result(Files.readString(out), Files.readString(err), p.exitValue());
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    public static void assumeInstalled(String program) {
        boolean found = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
        assumeTrue(found, program + " is not installed");
    }

    /** Copies a folder tree from the test resources. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }
}
