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
}
