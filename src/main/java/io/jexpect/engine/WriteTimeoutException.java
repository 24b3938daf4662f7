package io.jexpect.engine;

import java.io.IOException;

/** A send gave up: the program accepted no input for the whole timeout. */
public final class WriteTimeoutException extends IOException {
    private final long timeoutMillis;
    private final int written;
    private final int length;

    WriteTimeoutException(long timeoutMillis, int written, int length) {
        super("accepted no input for " + timeoutMillis + " ms (" + written + " of " + length + " bytes written)");
        this.timeoutMillis = timeoutMillis;
        this.written = written;
        this.length = length;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** Bytes the program did accept. */
    public int written() {
        return written;
    }

    /** Bytes the send had to write. */
    public int length() {
        return length;
    }
}
