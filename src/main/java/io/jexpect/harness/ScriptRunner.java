package io.jexpect.harness;

import io.jexpect.Jexpect;
import io.jexpect.expect.ExpectCommands;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.results.Outcome;
import io.jexpect.results.ResultCommands;
import io.jexpect.screen.CastWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one {@code .exp} file as a test: in a fresh interpreter of its own (globals, procs, spawn
 * ids, working directory, environment, log files are the script's alone), on its own thread, with
 * an empty standard input, its standard output and error and what it sent in a timed transcript
 * file, within a time limit after which it is stopped and every program it spawned is ended.
 *
 * <p>The file's tests are the results it reports ({@code pass}, {@code fail} …); one that reports
 * none is one test named after the file, passed when the script ends normally or with {@code exit
 * 0}. A Tcl error adds an UNRESOLVED test named after the file (DejaGnu's verdict on a test file that
 * aborts), a non-zero exit or the timeout a FAIL one.
 */
final class ScriptRunner {
    /** The exit status a script stopped at its time limit is given (as timeout(1) does). */
    static final int TIMED_OUT = 124;
    private static final long STACK_BYTES = 16L << 20; // as the jexpect launcher's -Xss: Tcl recursion is deep
    private static final int TRANSCRIPT_TAIL_LINES = 20;

    private final Duration timeout;
    private final Path transcripts;
    private final boolean updateSnapshots;

    /**
     * @param timeout how long one script may run
     * @param transcripts the folder for the transcripts (created when needed); each script's is
     *     named after its file
     */
    ScriptRunner(Duration timeout, Path transcripts) {
        this(timeout, transcripts, false);
    }

    /** @param updateSnapshots true: {@code screen snapshot} writes its golden files instead of comparing */
    ScriptRunner(Duration timeout, Path transcripts, boolean updateSnapshots) {
        this.timeout = timeout;
        this.transcripts = transcripts;
        this.updateSnapshots = updateSnapshots;
    }

    /**
     * Runs a script and returns its tests in the order they were reported.
     *
     * @param file the script
     * @param name the file as reports name it
     * @param listener hears each test as soon as it is known (live progress, an IDE's tree)
     */
    List<TestResult> run(Path file, String name, Consumer<TestResult> listener) {
        Path transcript = transcripts.resolve(name.replaceAll("^/+", "").replace("..", "__") + ".log");
        Path cast = castOf(transcript);
        try {
            Files.createDirectories(transcript.getParent());
            List<TestResult> tests;
            try (TimedTranscript out = new TimedTranscript(Files.newOutputStream(transcript), name)) {
                tests = run(file, name, listener, transcript, cast, out);
            }
            // The recording is for looking into a failure; a file that passed leaves none behind.
            if (tests.stream().noneMatch(t -> t.status() == Outcome.Status.FAILED)) Files.deleteIfExists(cast);
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the asciinema recording of a script's dialogue goes, beside its transcript: a.exp.log, a.exp.cast. */
    static Path castOf(Path transcript) {
        String n = transcript.getFileName().toString();
        return transcript.resolveSibling(n.substring(0, n.length() - ".log".length()) + ".cast");
    }

    private List<TestResult> run(Path file, String name, Consumer<TestResult> listener, Path transcript, Path cast,
                                 TimedTranscript out) throws IOException {
        Interp interp = Jexpect.newInterpreter(new Channels(InputStream.nullInputStream(), out, out));
        ExpectCommands.onSend(interp, out::note);
        if (updateSnapshots) ExpectCommands.updateSnapshots(interp, true);
        try (CastWriter recording = ExpectCommands.recordCast(interp, cast)) {
            return run(file, name, listener, transcript, out, interp);
        }
    }

    private List<TestResult> run(Path file, String name, Consumer<TestResult> listener, Path transcript, TimedTranscript out,
                                 Interp interp) throws IOException {
        List<TestResult> tests = new ArrayList<>();
        long[] last = {System.nanoTime()};
        ResultCommands.addListener(interp, (outcome, testName, line) -> {
            long now = System.nanoTime();
            TestResult r = new TestResult(name, testName, outcome, line, Duration.ofNanos(now - last[0]), transcript);
            last[0] = now;
            tests.add(r);
            listener.accept(r);
        });

        Ending ending = new Ending();
        Thread script = new Thread(null, () -> ending.evaluate(interp, file, out), "jexpect test " + name, STACK_BYTES);
        script.setDaemon(true); // a script that ignores even being stopped must not keep the JVM alive
        script.start();
        boolean timedOut = interp.awaitOrStop(script, timeout, TIMED_OUT, Duration.ofSeconds(2));
        out.flush();

        String failure = timedOut ? "killed after the " + seconds(timeout) + " s timeout"
                : ending.error != null ? ending.error.lines().findFirst().orElse("") // the trace is in the transcript
                : ending.status != 0 ? "exit status " + ending.status
                : null;
        Duration rest = Duration.ofNanos(System.nanoTime() - last[0]);
        TestResult own = null;
        if (failure != null) {
            Outcome o = !timedOut && ending.error != null ? Outcome.UNRESOLVED : Outcome.FAIL;
            own = new TestResult(name, name, o, o + ": " + name + ": " + failure + tail(transcript), rest, transcript);
        } else if (tests.isEmpty()) {
            own = new TestResult(name, name, Outcome.PASS, "PASS: " + name, rest, transcript);
        }
        if (own != null) {
            tests.add(own);
            listener.accept(own);
        }
        return List.copyOf(tests);
    }

    /** How a script ended: its exit status and, after an uncaught error, Tcl's trace. */
    private static final class Ending {
        volatile int status;
        volatile String error;

        void evaluate(Interp interp, Path file, OutputStream out) {
            try {
                interp.setGlobal("argv", Value.EMPTY);
                interp.setGlobal("argc", Value.ZERO);
                interp.setGlobal("argv0", Value.of(file.toString()));
                interp.evalFile(file);
            } catch (TclException e) {
                if (e.exitStatus() != null) {
                    status = e.exitStatus();
                } else if (e.isError()) {
                    error = e.errorInfo();
                    status = 1;
                    interp.channels().flushAll();
                    write(out, e.errorInfo() + "\n");
                }
            } catch (RuntimeException | StackOverflowError e) {
                error = "internal error: " + e;
                status = 1;
                write(out, "jexpect: " + error + "\n");
            } finally {
                interp.shutdown();
            }
        }
    }

    private static void write(OutputStream out, String s) {
        try {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // The transcript is lost; the result still says what happened.
        }
    }

    /** The end of the transcript, for a failed file's message. */
    private static String tail(Path transcript) {
        try {
            List<String> lines = TimedTranscript.untimedLines(transcript);
            if (lines.isEmpty()) return "";
            List<String> end = lines.subList(Math.max(0, lines.size() - TRANSCRIPT_TAIL_LINES), lines.size());
            return "\n--- end of transcript " + transcript + " ---\n" + String.join("\n", end);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }
}
