package io.jexpect.expect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import io.jexpect.interp.TclUtf8;
import io.jexpect.interp.TextCodec;
import io.jexpect.screen.CastWriter;

/**
 * The log_file transcript: the dialogue as the user saw it, written through at once so nothing is
 * lost; and log_file -cast, the same dialogue as a timed asciinema recording that also keeps what
 * was sent (whatever log_user says, so it replays the whole session).
 */
final class Transcript {
    private CastWriter cast;
    private String castName;
    /** A recording of the whole dialogue that a client (the harness) owns: log_file leaves it alone. */
    private volatile CastWriter kept;
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

    /** log_file -cast: start an asciinema v2 recording (replacing any earlier one). */
    void openCast(Path path, int width, int height, Map<String, String> env) throws IOException {
        closeCast();
        cast = new CastWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), width, height,
                System.currentTimeMillis() / 1000, env);
        castName = path.toString();
    }

    void keep(CastWriter recording) {
        kept = recording;
    }

    /** Whether {@link #record} would write output anywhere. */
    boolean takesOutput(boolean logUser) {
        return out != null && (logUser || all) || cast != null || kept != null;
    }

    /** Output that goes to stdout only when log_user is on. */
    void record(String text, boolean logUser) {
        if (out != null && (logUser || all)) write(text);
        castOutput(text);
    }

    /** Output logged whatever log_user says (send_user, send_log). */
    void recordAlways(String text) {
        if (out != null) write(text);
        castOutput(text);
    }

    private void castOutput(String text) {
        if (cast != null) cast.output(text);
        CastWriter k = kept;
        if (k != null) k.output(text);
    }

    /** What the script sent to a program: an input event of the recording. */
    void sent(String text) {
        if (cast != null) cast.input(text);
        CastWriter k = kept;
        if (k != null) k.input(text);
    }

    String castInfo() {
        return cast == null ? "" : castName;
    }

    private void closeCast() {
        if (cast == null) return;
        try {
            cast.close();
        } catch (IOException ignored) {
            // Everything was already flushed event by event.
        }
        cast = null;
        castName = null;
    }

    private void write(String text) {
        try {
            out.write(TextCodec.encode(TclUtf8.INSTANCE, text));
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
        closeCast();
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
