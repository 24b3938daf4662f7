package io.jexpect.expect;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** exp_internal: a trace of what expect read, which patterns it tried and what matched, in Expect's words. */
final class Diagnostics {
    private final Interp interp;
    private boolean toStderr;
    private OutputStream file;

    Diagnostics(Interp interp) {
        this.interp = interp;
    }

    boolean enabled() {
        return toStderr || file != null;
    }

    void configure(boolean on, Path path) throws IOException {
        close();
        toStderr = on;
        if (path != null) file = Files.newOutputStream(path);
    }

    int level() {
        return toStderr ? 1 : 0;
    }

    void log(String message) {
        if (!enabled()) return;
        if (toStderr) {
            try {
                interp.channels().stderr().write(message);
            } catch (TclException ignored) {
                // stderr gone: nothing to report to.
            }
        }
        if (file != null) {
            try {
                file.write(message.getBytes(StandardCharsets.UTF_8));
                file.flush();
            } catch (IOException ignored) {
                // Diagnostics are best effort.
            }
        }
    }

    void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // Closing a trace file cannot usefully fail.
            }
            file = null;
        }
    }

    /** Expect shows strings in traces with control characters escaped: \r, \n, \t, ^X. */
    static String visible(CharSequence s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append('^').append((char) (c + '@'));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
