package io.jexpect.harness;

import io.jexpect.results.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.opentest4j.AssertionFailedError;

/** One {@code .exp} file: a container whose tests are the results the script reports as it runs. */
final class ExpFileDescriptor extends AbstractTestDescriptor {
    private final String name;
    private final Path file;
    private final Set<String> wanted; // result names selected by unique id; empty for all

    ExpFileDescriptor(UniqueId id, String name, Path file, Set<String> wanted) {
        super(id, name, FileSource.from(file.toAbsolutePath().toFile()));
        this.name = name;
        this.file = file;
        this.wanted = wanted;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** Tests are known only once the script reports them. */
    @Override
    public boolean mayRegisterTests() {
        return true;
    }

    void execute(ScriptRunner runner, EngineExecutionListener listener) {
        listener.executionStarted(this);
        Map<String, Integer> seen = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>(wanted);
        try {
            runner.run(file, name, r -> {
                // A name reported again is another test: "name", "name #2" …
                int n = seen.merge(r.name(), 1, Integer::sum);
                String testName = n == 1 ? r.name() : r.name() + " #" + n;
                if (!wanted.isEmpty() && !wanted.contains(testName)) return;
                missing.remove(testName);
                report(test(testName), r, listener);
            });
            for (String testName : missing) {
                ExpResultDescriptor t = test(testName);
                listener.dynamicTestRegistered(t);
                listener.executionStarted(t);
                listener.executionFinished(t, TestExecutionResult.failed(
                        failure(name + " did not report \"" + testName + "\" this time")));
            }
            listener.executionFinished(this, TestExecutionResult.successful());
        } catch (RuntimeException e) {
            listener.executionFinished(this, TestExecutionResult.failed(e));
        }
    }

    private ExpResultDescriptor test(String testName) {
        ExpResultDescriptor t = new ExpResultDescriptor(getUniqueId().append(ExpTestEngine.RESULT, testName), testName,
                getSource().orElse(null));
        addChild(t);
        return t;
    }

    private static void report(ExpResultDescriptor t, TestResult r, EngineExecutionListener listener) {
        listener.dynamicTestRegistered(t);
        if (r.status() == Outcome.Status.SKIPPED) {
            listener.executionSkipped(t, r.message());
            return;
        }
        listener.executionStarted(t);
        if (r.status() == Outcome.Status.PASSED) {
            if (r.outcome() != Outcome.PASS) listener.reportingEntryPublished(t, ReportEntry.from("note", r.message()));
            listener.executionFinished(t, TestExecutionResult.successful());
            return;
        }
        String message = r.message();
        if (r.transcript() != null) {
            listener.reportingEntryPublished(t, ReportEntry.from("transcript", r.transcript().toAbsolutePath().toString()));
            listener.fileEntryPublished(t, FileEntry.from(r.transcript().toAbsolutePath(), "text/plain"));
            if (!message.contains(r.transcript().toString())) message += "\ntranscript: " + r.transcript();
            Path cast = ScriptRunner.castOf(r.transcript());
            if (Files.exists(cast)) {
                listener.fileEntryPublished(t, FileEntry.from(cast.toAbsolutePath(), "application/x-asciicast"));
                message += "\nrecording (asciinema): " + cast;
            }
        }
        listener.executionFinished(t, TestExecutionResult.failed(failure(message)));
    }

    /** A failure whose message says it all: no Java stack trace pointing into the engine. */
    private static AssertionFailedError failure(String message) {
        AssertionFailedError e = new AssertionFailedError(message);
        e.setStackTrace(new StackTraceElement[0]);
        return e;
    }
}
