package io.jexpect.api;

/**
 * How a spawned program ended.
 *
 * @param exitCode   its exit status when it exited by itself, else 0
 * @param signal     the number of the signal that killed it, or 0
 * @param signalName the signal's name (e.g. {@code SIGKILL}), or null when not killed
 */
public record ExitStatus(int exitCode, int signal, String signalName) {
    /** True when a signal ended the program. */
    public boolean killedBySignal() {
        return signal != 0;
    }

    /** True when it exited by itself with status 0. */
    public boolean succeeded() {
        return signal == 0 && exitCode == 0;
    }

    static ExitStatus of(io.jexpect.engine.ExitStatus st) {
        return new ExitStatus(st.exitCode(), st.signal(), st.signalName());
    }
}
