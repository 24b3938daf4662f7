package io.jexpect.engine;

import java.io.IOException;
import java.util.List;

/**
 * A program could not be started; the message is Tcl Expect's, e.g. {@code couldn't execute "x": no
 * such file or directory}, and {@link #errorCode()} Expect's errorCode when it sets one
 * ({@code POSIX EMFILE {too many open files}}), else empty.
 */
public final class SpawnException extends IOException {
    private final List<String> errorCode;

    public SpawnException(String message) {
        this(message, List.of());
    }

    public SpawnException(String message, List<String> errorCode) {
        super(message);
        this.errorCode = List.copyOf(errorCode);
    }

    public List<String> errorCode() {
        return errorCode;
    }
}
