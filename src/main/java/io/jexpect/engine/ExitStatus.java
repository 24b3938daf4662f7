package io.jexpect.engine;

/**
 * How a spawned program ended, as {@code wait} reports it.
 *
 * @param pid           the program's process id
 * @param exitCode      the exit status when the program exited normally, else 0
 * @param signal        the number of the signal that killed it, or 0 if it exited normally
 * @param signalName    e.g. {@code SIGKILL} (Tcl_SignalId), or null when not killed
 * @param signalMessage Tcl_SignalMsg's text, e.g. {@code kill signal}, or null when not killed
 */
public record ExitStatus(long pid, int exitCode, int signal, String signalName, String signalMessage) {

    /** True when a signal ended the program ({@code CHILDKILLED} in Expect's wait list). */
    public boolean killedBySignal() {
        return signal != 0;
    }

    static ExitStatus fromWaitStatus(long pid, int status) {
        int sig = status & 0x7f;
        if (sig == 0) return new ExitStatus(pid, (status >> 8) & 0xff, 0, null, null);
        return new ExitStatus(pid, 0, sig, Signals.name(sig), Signals.message(sig));
    }
}
