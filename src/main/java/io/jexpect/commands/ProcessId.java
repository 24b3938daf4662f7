package io.jexpect.commands;

import io.jexpect.interp.Interp;

/**
 * The process id {@code pid} reports: this JVM's, or, for a script the resident server runs, its
 * client's (the process the user started and sees; two scripts must not share one pid, which they
 * use to name temporary files). One per interpreter tree, as the process is in Tcl.
 */
public final class ProcessId {
    private final long pid;

    private ProcessId(long pid) {
        this.pid = pid;
    }

    public static long of(Interp interp) {
        return interp.extension(ProcessId.class, () -> new ProcessId(ProcessHandle.current().pid())).pid;
    }

    /** Sets the interpreter's pid, before it runs anything. */
    public static void set(Interp interp, long pid) {
        interp.extension(ProcessId.class, () -> new ProcessId(pid));
    }

    static void share(Interp parent, Interp child) {
        long pid = of(parent);
        child.extension(ProcessId.class, () -> new ProcessId(pid));
    }
}
