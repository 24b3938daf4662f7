package io.jexpect.api.assertions;

import io.jexpect.api.ExitStatus;
import io.jexpect.api.ExpectException;
import io.jexpect.api.ExpectSession;
import io.jexpect.api.Expected;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on a running program, made with {@link JexpectAssertions#assertThat(ExpectSession)}.
 * Each waits as {@code expect} does, up to the session's {@linkplain ExpectSession#timeout()
 * timeout}, and consumes what it matched; a failure shows the output left unmatched.
 */
public final class SessionAssert extends AbstractAssert<SessionAssert, ExpectSession> {
    SessionAssert(ExpectSession actual) {
        super(actual, SessionAssert.class);
    }

    /**
     * The program prints something matching an Expect glob pattern.
     *
     * @param glob e.g. {@code "*ready*"} or {@code "login: "}
     * @return this, for more assertions
     */
    public SessionAssert prints(String glob) {
        return printing(Expected.glob(glob));
    }

    /**
     * The program prints this literal text.
     *
     * @param text the text, as it appears in the output
     * @return this, for more assertions
     */
    public SessionAssert printsExactly(String text) {
        return printing(Expected.exact(text));
    }

    /**
     * The program prints something matching a Tcl regular expression.
     *
     * @param tclRegex the expression
     * @return this, for more assertions
     */
    public SessionAssert printsMatching(String tclRegex) {
        return printing(Expected.regex(tclRegex));
    }

    private SessionAssert printing(Expected expected) {
        isNotNull();
        try {
            actual.expectAny(expected);
        } catch (ExpectException e) {
            throw failure("%nExpecting %s to print%n  %s%nwithin %s, but: %s", actual, expected, actual.timeout(), e.getMessage());
        }
        return myself;
    }

    /**
     * Waits for the program's output to end and asserts on what it printed that no earlier
     * assertion or expect matched: {@code assertThat(session).output().contains("done")}.
     *
     * @return an assertion on that text
     */
    public AbstractStringAssert<?> output() {
        isNotNull();
        try {
            return Assertions.assertThat(actual.expectEof());
        } catch (ExpectException e) {
            throw failure("%nExpecting %s to end its output within %s, but: %s", actual, actual.timeout(), e.getMessage());
        }
    }

    /**
     * The program exits by itself with this status (waiting for it up to the session's timeout).
     *
     * @param code the exit status
     * @return this, for more assertions
     */
    public SessionAssert exitsWith(int code) {
        ExitStatus st = ended();
        if (st.killedBySignal() || st.exitCode() != code) {
            throw failure("%nExpecting %s to exit with status %s but it ended with %s", actual, code, st);
        }
        return myself;
    }

    /**
     * A signal ends the program (waiting for it up to the session's timeout).
     *
     * @param signalName e.g. {@code "SIGTERM"} or {@code "TERM"}
     * @return this, for more assertions
     */
    public SessionAssert isKilledBy(String signalName) {
        ExitStatus st = ended();
        String wanted = signalName.startsWith("SIG") ? signalName : "SIG" + signalName;
        if (!wanted.equals(st.signalName())) {
            throw failure("%nExpecting %s to be killed by %s but it ended with %s", actual, wanted, st);
        }
        return myself;
    }

    /**
     * The program is running now.
     *
     * @return this, for more assertions
     */
    public SessionAssert isAlive() {
        isNotNull();
        if (!actual.isAlive()) throw failure("%nExpecting %s to be running but it ended with %s", actual, actual.exitStatus().orElseThrow());
        return myself;
    }

    private ExitStatus ended() {
        isNotNull();
        Optional<ExitStatus> st = actual.timeout().isNegative() ? Optional.of(actual.waitFor()) : actual.waitFor(actual.timeout());
        if (st.isEmpty()) throw failure("%nExpecting %s to end within %s but it is still running", actual, actual.timeout());
        return st.get();
    }
}
