package io.jexpect.cli;

import io.jexpect.engine.SignalCatcher;
import io.jexpect.engine.SignalSource;
import io.jexpect.engine.UserTerminal;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one run of the jexpect command takes from the process the user started: standard streams,
 * whether standard input is a terminal, environment, current directory, pid and signals. A plain
 * run takes this JVM's own; the resident server a client's, many at once in one JVM.
 *
 * @param environment null: this process's (the interpreter starts with it)
 * @param directory null: this process's
 * @param pid 0: this process's
 * @param terminal the user's terminal device (stty, interact); null: this process's controlling terminal
 * @param started hears the interpreter once it exists (the resident server stops it when its client goes)
 * @param ownProcess whether these are this JVM's own: then the interactive prompt may use JLine on the
 *     terminal, and a shutdown hook ends the script's programs
 */
public record Invocation(InputStream in, PrintStream out, PrintStream err, Supplier<Channels> channels,
                         BooleanSupplier stdinIsTerminal, Map<String, String> environment, Path directory,
                         long pid, Supplier<CompletableFuture<? extends SignalSource>> signals,
                         java.io.File terminal, Consumer<Interp> started, boolean ownProcess) {

    /** This JVM's own. */
    static Invocation ofProcess() {
        return new Invocation(System.in, System.out, System.err, Channels::new, UserTerminal::isTerminal,
                null, null, 0, SignalCatcher::ready, null, interp -> { }, true);
    }

    /**
     * Another process's streams (the resident server's client): {@code out} is buffered as a
     * script's stdout is; messages of the command itself go through the same buffer.
     *
     * @param inherit how programs that {@code exec} starts get the standard input, output and error
     */
    public static Invocation of(InputStream in, OutputStream out, OutputStream err, ProcessBuilder.Redirect[] inherit,
                                BooleanSupplier stdinIsTerminal, Map<String, String> environment, Path directory,
                                long pid, SignalSource signals, java.io.File terminal, Consumer<Interp> started) {
        java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
        Supplier<Channels> channels = () -> {
            Channels c = new Channels(in, buffered, err);
            c.inheritAs(in, inherit[0], inherit[1], inherit[2]);
            return c;
        };
        return new Invocation(in, new PrintStream(buffered, false), new PrintStream(err, true),
                channels, stdinIsTerminal, environment, directory, pid,
                () -> CompletableFuture.completedFuture(signals), terminal, started, false);
    }
}
