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

    /** Text about to be written to the program (so it comes before the answer it causes). */
    default void sent(String text) {
    }

    /**
     * A timed transcript of both directions, one line per piece of traffic: the seconds since this
     * call, {@code >} sent or {@code <} received, and the text as a JSON string, e.g.
     * {@code [   0.012] > "6*7
"}. Add it with {@code observe(SessionObserver.transcript(log))};
     * {@code logTo} keeps the output alone, as it came.
     */
    static SessionObserver transcript(Appendable log) {
        return new TranscriptObserver(log);
    }

    /**
     * An asciinema v2 recording (asciicast) of the session, replayable with asciinema's player:
     * a header with the terminal's size, the time and TERM, then {@code [seconds, "o", text]} for
     * output and {@code [seconds, "i", text]} for what was sent, each written through at once.
     * Add it before the program starts ({@code builder(...).screen().observe(asciicast(w, 80, 24))})
     * to have its first output; closing {@code out} is the caller's.
     *
     * @param columns the width the player shows (the session's window size)
     * @param rows    the height
     * @throws java.io.UncheckedIOException when the header cannot be written
     */
    static SessionObserver asciicast(java.io.Writer out, int columns, int rows) {
        try {
            return new CastObserver(new io.jexpect.screen.CastWriter(out, columns, rows, System.currentTimeMillis() / 1000,
                    java.util.Map.of("TERM", "xterm-256color")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
