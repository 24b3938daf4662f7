package io.jexpect.expect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The log_file transcript: the dialogue as the user saw it, written through at once so nothing is lost. */
final class Transcript {
    private OutputStream out;
    private String name;
    /** log_file -a: log even what log_user 0 hides from stdout. */
    private boolean all;
    private boolean ownsStream;

    void open(Path path, boolean append, boolean logAll) throws IOException {
        close();
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        name = path.toString();
        all = logAll;
        ownsStream = true;
    }

    /** log_file -open/-leaveopen: log to an already open channel's stream. */
    void attach(String channelName, OutputStream stream, boolean owns, boolean logAll) {
        close();
        out = stream;
        name = channelName;
        all = logAll;
        ownsStream = owns;
    }

    /** Output that goes to stdout only when log_user is on. */
    void record(String text, boolean logUser) {
        if (out != null && (logUser || all)) write(text);
    }

    /** Output logged whatever log_user says (send_user, send_log). */
    void recordAlways(String text) {
        if (out != null) write(text);
    }

    private void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // A full disk must not break the dialogue; the transcript is best effort.
        }
    }

    String info() {
        if (out == null) return "";
        return all ? "-a " + name : name;
    }

    void close() {
        if (out != null && ownsStream) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Nothing more to write to it anyway.
            }
        }
        out = null;
        name = null;
    }
}
