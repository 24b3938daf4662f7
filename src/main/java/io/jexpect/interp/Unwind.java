package io.jexpect.interp;

/**
 * Unwinds a thread through the commands running on it without being a Tcl error (a deleted
 * coroutine's thread): catch does not stop it, and command dispatch lets it pass.
 */
public class Unwind extends RuntimeException {
    public Unwind() {
        super(null, null, false, false);
    }
}
