package io.jexpect.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/** A call frame: level 0 is global; each proc call adds one. uplevel runs in an outer frame. */
final class Frame {
    // Creation order: info vars/locals list variables as Tcl does for compiled procs.
    final Map<String, Var> vars = new LinkedHashMap<>();
    final int level;
    /** The frame the caller ran in: what uplevel 1 and upvar 1 mean. */
    final Frame caller;
    /** The proc running in this frame, or null for the global frame. */
    final String procName;
    final Value[] argv;

    Frame(int level, Frame caller, String procName, Value[] argv) {
        this.level = level;
        this.caller = caller;
        this.procName = procName;
        this.argv = argv;
    }

    boolean isProc() {
        return procName != null;
    }
}
