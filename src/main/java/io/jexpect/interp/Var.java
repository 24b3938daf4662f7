package io.jexpect.interp;

import java.util.LinkedHashMap;

/**
 * A variable slot: a scalar value, an array of element slots, or neither (unset). upvar and global
 * make two frames share one slot object.
 */
final class Var {
    Value value;
    LinkedHashMap<String, Var> array;
    /** Declared by variable (or namespace upvar): listed by info vars even while unset. */
    boolean declared;
    /** Traces, most recent first; null when there are none. */
    java.util.List<VarTrace> traces;
    /** Set while this variable's traces run, so they do not fire again. */
    boolean tracing;
    /** An unset slot still linked from a frame survives, so upvar links keep working. */
    boolean exists() {
        return value != null || array != null;
    }

    boolean isArray() {
        return array != null;
    }
}
