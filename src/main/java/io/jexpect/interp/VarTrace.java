package io.jexpect.interp;

/**
 * A trace on a variable (Tcl's trace add variable, vwait): called after a write, before a read,
 * after an unset, and before an array command, with the name the access used and the element
 * index (or ""). Traces of a variable do not fire again while one of them is running.
 */
public interface VarTrace {
    int READ = 1, WRITE = 2, UNSET = 4, ARRAY = 8;

    /** The operations (bits above) this trace wants. */
    int ops();

    void fire(Interp interp, String name1, String name2, int op) throws TclException;
}
