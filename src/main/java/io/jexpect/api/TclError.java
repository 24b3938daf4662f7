package io.jexpect.api;

import io.jexpect.interp.TclException;
import java.util.OptionalInt;

/**
 * A script ended with an error (or called {@code exit}). The message is Tcl's error message; the
 * trace is Tcl's {@code errorInfo}, not a Java stack.
 */
public final class TclError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient TclException tcl;

    TclError(TclException tcl) {
        super(tcl.exitStatus() != null ? "exit " + tcl.exitStatus() : tcl.getMessage(), null, false, false);
        this.tcl = tcl;
    }

    /** Tcl's {@code errorInfo}: the message and where it happened ({@code while executing …}). */
    public String errorInfo() {
        return tcl.errorInfo();
    }

    /** Tcl's {@code errorCode}, e.g. {@code TCL LOOKUP COMMAND foo} or {@code NONE}. */
    public String errorCode() {
        return String.valueOf(tcl.errorCode());
    }

    /** The status the script passed to {@code exit}, if that is how it ended. */
    public OptionalInt exitStatus() {
        Integer st = tcl.exitStatus();
        return st == null ? OptionalInt.empty() : OptionalInt.of(st);
    }

    TclException tcl() {
        return tcl;
    }
}
