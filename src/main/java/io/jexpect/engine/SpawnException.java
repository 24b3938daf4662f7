package io.jexpect.engine;

import java.io.IOException;

/** A program could not be started; the message is Tcl Expect's, e.g. {@code couldn't execute "x": no such file or directory}. */
public final class SpawnException extends IOException {
    public SpawnException(String message) {
        super(message);
    }
}
