package io.jexpect.engine;

import java.util.List;

/**
 * What an expect call ended with.
 *
 * @param outcome   MATCH, FULL_BUFFER, EOF or TIMEOUT
 * @param session   the session concerned (null for TIMEOUT)
 * @param caseIndex index in the case list of the case that fired, or -1 when none did (an eof or
 *                  timeout with no eof/timeout/default case)
 * @param buffer    expect_out(buffer): the text up to the end of the match (for EOF: everything
 *                  left; for FULL_BUFFER: the oldest third); null for TIMEOUT (expect_out untouched)
 * @param groups    expect_out(N,string|start|end): index 0 is the whole match, then regex groups;
 *                  a null entry is a group that did not take part. Empty for EOF/TIMEOUT/FULL_BUFFER.
 */
public record ExpectResult(Outcome outcome, Session session, int caseIndex, String buffer, List<Group> groups) {

    public enum Outcome { MATCH, FULL_BUFFER, EOF, TIMEOUT }

    /**
     * One matched piece. Indices are into the buffer as it was before consumption; {@code end} is
     * inclusive, like Expect's (an empty match has end = start - 1). For the {@code null} pattern
     * Expect sets only the indices (both the NUL's position minus one) and {@code text} is null.
     */
    public record Group(String text, int start, int end) {
    }

    public boolean matched() {
        return outcome == Outcome.MATCH;
    }

    /** The whole matched text (expect_out(0,string)), or null. */
    public String match() {
        return groups.isEmpty() || groups.get(0) == null ? null : groups.get(0).text();
    }
}
