package io.jexpect.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an expect ended with: which alternative ({@link #index()}), the output before the match,
 * the match and its groups. Immutable.
 *
 * <p>For {@link Expected#EOF}, {@code before()} is all the output that was left and the match is
 * empty; for {@link Expected#TIMEOUT}, {@code before()} is the unmatched output so far, which stays
 * buffered for the next expect.
 */
public final class Match {
    private final int index;
    private final String before;
    private final List<String> groups;
    private final boolean eof;
    private final boolean timeout;
    private final ExpectSession session;

    Match(int index, String before, List<String> groups, boolean eof, boolean timeout, ExpectSession session) {
        this.index = index;
        this.before = before;
        this.groups = Collections.unmodifiableList(new ArrayList<>(groups));
        this.eof = eof;
        this.timeout = timeout;
        this.session = session;
    }

    /** Position of the alternative that matched in the list given to the expect (0 for a single one). */
    public int index() {
        return index;
    }

    /** The output between the previous match (or the start) and this match. */
    public String before() {
        return before;
    }

    /** The matched text (group 0); empty for eof and timeout. */
    public String text() {
        return groups.isEmpty() || groups.get(0) == null ? "" : groups.get(0);
    }

    /** {@link #before()} followed by {@link #text()}: all the output this expect consumed (Expect's {@code expect_out(buffer)}). */
    public String buffer() {
        return before + text();
    }

    /** Group {@code n} of a regex (0 is the whole match); null when it did not take part or does not exist. */
    public String group(int n) {
        return n >= 0 && n < groups.size() ? groups.get(n) : null;
    }

    /** Group 0 and the regex's groups, in order (unmodifiable; an entry is null when its group did not take part). */
    public List<String> groups() {
        return groups;
    }

    /** True when {@link Expected#EOF} was the alternative taken. */
    public boolean isEof() {
        return eof;
    }

    /** True when {@link Expected#TIMEOUT} was the alternative taken. */
    public boolean isTimeout() {
        return timeout;
    }

    /** The session this came from (useful after {@link ExpectSession#expectAny(java.util.Collection, java.time.Duration, Expected...)}). */
    public ExpectSession session() {
        return session;
    }

    /** For diagnostics: index, kind and text. */
    @Override
    public String toString() {
        return "Match[" + index + (eof ? ", eof" : timeout ? ", timeout" : ", \"" + text() + "\"") + "]";
    }
}
