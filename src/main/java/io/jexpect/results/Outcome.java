package io.jexpect.results;

/**
 * The result of one test as DejaGnu names it, with what it counts as for JUnit, CI reports and the
 * exit status: {@code PASS}, {@code XFAIL}, {@code KFAIL} passed; {@code FAIL}, {@code XPASS},
 * {@code KPASS}, {@code UNRESOLVED} failed; {@code UNTESTED}, {@code UNSUPPORTED} skipped.
 */
public enum Outcome {
    /** The test succeeded. */
    PASS("expected passes", Status.PASSED),
    /** The test failed. */
    FAIL("unexpected failures", Status.FAILED),
    /** The test succeeded although it was expected to fail ({@code setup_xfail}). */
    XPASS("unexpected successes", Status.FAILED),
    /** The test failed, as expected ({@code setup_xfail}). */
    XFAIL("expected failures", Status.PASSED),
    /** The test succeeded although a known bug should have made it fail ({@code setup_kfail}). */
    KPASS("unknown successes", Status.FAILED),
    /** The test failed because of a known bug ({@code setup_kfail}). */
    KFAIL("known failures", Status.PASSED),
    /** The test could not tell pass from fail (also any result after {@code perror}). */
    UNRESOLVED("unresolved testcases", Status.FAILED),
    /** The test was not run (not written yet, or deliberately left out). */
    UNTESTED("untested testcases", Status.SKIPPED),
    /** The test cannot run here (a missing feature of the system under test). */
    UNSUPPORTED("unsupported tests", Status.SKIPPED);

    /** What an outcome counts as in JUnit terms. */
    public enum Status {
        /** Counts as a success. */
        PASSED,
        /** Counts as a failure: the run's exit status is not 0. */
        FAILED,
        /** Counts as neither: the test did not run. */
        SKIPPED
    }

    private final String summaryName;
    private final Status status;

    Outcome(String summaryName, Status status) {
        this.summaryName = summaryName;
        this.status = status;
    }

    /** DejaGnu's words for this outcome in its summary: {@code # of expected passes}. */
    public String summaryName() {
        return summaryName;
    }

    /** Whether this outcome counts as passed, failed or skipped. */
    public Status status() {
        return status;
    }
}
