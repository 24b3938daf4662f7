package io.jexpect.api;

import io.jexpect.commands.TclCore;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;

/** Entry point for embedding: an interpreter with the Tcl core and the Expect commands installed. */
public final class Jexpect {
    private Jexpect() {}

    /** A new interpreter on the process's standard streams. */
    public static Interp newInterpreter() {
        return newInterpreter(new Channels());
    }

    public static Interp newInterpreter(Channels channels) {
        Interp interp = new Interp(channels);
        TclCore.install(interp);
        installExpect(interp);
        return interp;
    }

    private static void installExpect(Interp interp) {
        try {
            Class.forName("io.jexpect.expect.ExpectCommands").getMethod("install", Interp.class).invoke(null, interp);
        } catch (ClassNotFoundException e) {
            // Expect commands not built in.
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
