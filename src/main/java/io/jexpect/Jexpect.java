package io.jexpect;

import io.jexpect.commands.TclCore;
import io.jexpect.expect.ExpectCommands;
import io.jexpect.results.ResultCommands;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.nio.file.Path;
import java.util.List;

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
        Interp interp = new Interp(channels);
        TclCore.install(interp);
        ExpectCommands.install(interp);
        ResultCommands.install(interp);
        return interp;
    }

    /** Runs a script file with arguments, as the jexpect command does, and cleans up after it. */
    public static Value runScript(Path script, List<String> args) throws TclException {
        Interp interp = newInterpreter();
        try {
            interp.setGlobal("argv", Value.ofStrings(args));
            interp.setGlobal("argc", Value.of(args.size()));
            interp.setGlobal("argv0", Value.of(script.toString()));
            return interp.evalFile(script);
        } finally {
            interp.shutdown();
        }
    }
}
