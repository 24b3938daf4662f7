package io.jexpect.harness;

import io.jexpect.results.Outcome;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One test of an {@code .exp} file: a result the script reported ({@code pass "login"}), the file
 * itself when it reported none, or the file's failure (a Tcl error, a non-zero exit, the timeout).
 *
 * @param file the script, as the run names it (relative to the working directory when inside it)
 * @param name the test's name: the reported message, or {@code file} for the file's own test
 * @param outcome what the test gave
 * @param message the line DejaGnu prints ({@code FAIL: login}), or why the file failed with the end
 *     of its transcript
 * @param duration the time since the script's previous result (or its start)
 * @param transcript what the script printed (the dialogue too, under {@code log_user 1}), or null
 */
record TestResult(String file, String name, Outcome outcome, String message, Duration duration, Path transcript) {
    /** Whether this test counts as passed, failed or skipped. */
    Outcome.Status status() {
        return outcome.status();
    }
}
