package io.jexpect.engine;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to start and how. Build with {@link #of(String...)} and the {@code with…} methods.
 *
 * @param command     program and arguments; the program is looked up on PATH unless it has a '/'
 * @param environment overrides on top of the JVM's environment (a null value removes a variable)
 * @param directory   working directory, or null for the JVM's current directory
 * @param pty         true: a real pseudo-terminal (Expect's spawn); false: pipes, stderr merged into stdout
 * @param stty        extra stty arguments applied to the terminal before the program starts
 *                    (Expect's {@code stty_init}), e.g. {@code ["-echo"]}; empty for none
 * @param rows        window rows, 0 to leave unset (Expect leaves 0x0)
 * @param columns     window columns, 0 to leave unset
 * @param charset     encoding of the program's input and output (UTF-8 unless set)
 */
public record SpawnOptions(List<String> command, Map<String, String> environment, Path directory,
                           boolean pty, List<String> stty, int rows, int columns, Charset charset) {

    public SpawnOptions {
        if (command == null || command.isEmpty()) throw new IllegalArgumentException("empty command");
        command = List.copyOf(command);
        environment = environment == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(environment));
        stty = stty == null ? List.of() : List.copyOf(stty);
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /** A program on a pseudo-terminal with default settings. */
    public static SpawnOptions of(String... command) {
        return new SpawnOptions(List.of(command), Map.of(), null, true, List.of(), 0, 0, null);
    }

    public static SpawnOptions of(List<String> command) {
        return new SpawnOptions(command, Map.of(), null, true, List.of(), 0, 0, null);
    }

    public SpawnOptions withEnvironment(Map<String, String> env) {
        return new SpawnOptions(command, env, directory, pty, stty, rows, columns, charset);
    }

    public SpawnOptions withDirectory(Path dir) {
        return new SpawnOptions(command, environment, dir, pty, stty, rows, columns, charset);
    }

    /** Plain pipes instead of a terminal (stdout and stderr merged). */
    public SpawnOptions withPipes() {
        return new SpawnOptions(command, environment, directory, false, stty, rows, columns, charset);
    }

    public SpawnOptions withStty(List<String> args) {
        return new SpawnOptions(command, environment, directory, pty, args, rows, columns, charset);
    }

    public SpawnOptions withWindowSize(int rows, int columns) {
        return new SpawnOptions(command, environment, directory, pty, stty, rows, columns, charset);
    }

    public SpawnOptions withCharset(Charset cs) {
        return new SpawnOptions(command, environment, directory, pty, stty, rows, columns, cs);
    }
}
