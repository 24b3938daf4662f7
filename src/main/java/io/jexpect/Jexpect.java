package io.jexpect;

import io.jexpect.commands.TclCore;
import io.jexpect.expect.ExpectCommands;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.results.ResultCommands;

/**
 * An interpreter with everything installed (the Tcl core, the Expect commands, DejaGnu's result
 * commands): the internal entry point for the jexpect command, the harness and tests. Applications
 * use {@link io.jexpect.api.TclInterpreter}, which wraps the same interpreter behind a small,
 * stable surface.
 */
public final class Jexpect {
    private Jexpect() {}

    /** A new interpreter on the process's standard streams; {@link Interp#shutdown()} ends its programs. */
    public static Interp newInterpreter() {
        return newInterpreter(new Channels());
    }

    /** A new interpreter whose stdin/stdout/stderr are the given channels (tests, embedding). */
    public static Interp newInterpreter(Channels channels) {
        return newInterpreter(channels, System.getenv());
    }

    /** The same with an environment of its own (the resident server's client's) in its env array. */
    public static Interp newInterpreter(Channels channels, java.util.Map<String, String> environment) {
        Interp interp = new Interp(channels, environment);
        TclCore.install(interp);
        ExpectCommands.install(interp);
        ResultCommands.install(interp);
        return interp;
    }
}
