package io.jexpect.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call frame: level 0 is global; each proc call or namespace eval adds one. uplevel runs in an
 * outer frame. A proc frame has its own local variables; any other frame's variables are those of
 * its namespace.
 */
final class Frame {
    // Creation order: info vars/locals list variables as Tcl does for compiled procs.
    final Map<String, Var> vars;
    final int level;
    /** The frame the caller ran in: what uplevel 1 and upvar 1 mean. */
    final Frame caller;
    /** The proc (or apply's lambda) running in this frame, or null for the global frame and namespace eval. */
    final Proc proc;
    final Value[] argv;
    /** The namespace commands and variables are resolved in (an alias's unknown handler swaps it for a while). */
    Namespace ns;
    /** Names that upvar/global linked to another frame's variable: not this frame's to unset. */
    java.util.Set<String> links;
    /** Set once a trace is added here: its variables' unset traces fire when the frame ends. */
    boolean traced;
    /** What the command that made this frame attached to it: a TclOO method's call, for self and next. */
    Object tag;

    Frame(int level, Frame caller, Proc proc, Value[] argv, Namespace ns) {
        this.level = level;
        this.caller = caller;
        this.proc = proc;
        this.argv = argv;
        this.ns = ns;
        this.vars = proc != null ? new LinkedHashMap<>() : ns.vars;
        // Outside a proc the variables are the namespace's, and so are the links among them.
        this.links = proc != null ? null : ns.links;
    }

    boolean isProc() {
        return proc != null;
    }
}
