package io.jexpect.api.assertions;

import io.jexpect.api.ExpectSession;

/**
 * AssertJ assertions for sessions, beside AssertJ's own (import both statically):
 * <pre>{@code
 * assertThat(session).prints("login: ");
 * session.sendLine("joe");
 * assertThat(session).printsMatching("welcome (\\w+)").output().contains("bye");
 * assertThat(session).exitsWith(0);
 * }</pre>
 * AssertJ is an optional dependency of jexpect: a project using these has it on its test path
 * already, and one that does not never gets it from jexpect.
 */
public final class JexpectAssertions {
    private JexpectAssertions() {}

    /**
     * Assertions on a running program.
     *
     * @param session the program
     * @return its assertions
     */
    public static SessionAssert assertThat(ExpectSession session) {
        return new SessionAssert(session);
    }
}
