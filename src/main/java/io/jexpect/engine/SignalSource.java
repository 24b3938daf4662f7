package io.jexpect.engine;

import java.util.function.IntConsumer;

/**
 * Where a script's signals come from and where their dispositions are set: the process itself
 * ({@link SignalCatcher}), or, in the resident server, the client process the user started, whose
 * signals arrive as messages.
 */
public interface SignalSource {
    /** Calls the listener (on a thread of the source's) each time the signal arrives. */
    void handle(int sig, IntConsumer listener);

    /** Ignores the signal. */
    void ignore(int sig);

    /** The system's default action (usually: the process dies by the signal). */
    void setDefault(int sig);

    /** Puts back what the process had before the first change. */
    void restore(int sig);

    /** Whether the process ignored the signal when it started (as a shell's background job does). */
    boolean ignoredAtStart(int sig);

    /** Ends the process by the signal, so that its parent sees a death by it. */
    void dieBy(int sig);

    /** Ends the process with an exit status now, while its script is still busy. */
    void exitNow(int status);
}
