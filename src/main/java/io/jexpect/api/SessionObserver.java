package io.jexpect.api;

/**
 * Sees a session's traffic, for transcripts and logs. {@code received} runs on the session's
 * thread that reads its output as it arrives (before any {@link OutputFilter}); {@code sent} on the thread
 * that sends. An exception thrown here is ignored: observing never disturbs the session.
 */
public interface SessionObserver {
    /** Output from the program, decoded, exactly as it arrived. */
    default void received(String text) {
    }

    /** Text written to the program. */
    default void sent(String text) {
    }

    /**
     * A timed transcript of both directions, one line per piece of traffic: the seconds since this
     * call, {@code >} sent or {@code <} received, and the text as a JSON string, e.g.
     * {@code [   0.012] > "6*7"}. Add it with {@code observe(SessionObserver.transcript(log))};
     * {@code logTo} keeps the output alone, as it came.
     */
    static SessionObserver transcript(Appendable log) {
        return new TranscriptObserver(log);
    }
}
