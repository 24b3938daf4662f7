package io.jexpect.screen;

import static io.jexpect.json.Json.quote;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes an asciinema v2 recording (asciicast): a JSON header line with the terminal's size,
 * the start time and its environment, then one {@code [seconds, "o"|"i", text]} line per event,
 * seconds counted from the start on a monotonic clock. Written through at once, so a recording
 * cut short (a failing test, a crash) is still playable up to its last event.
 */
public final class CastWriter implements AutoCloseable {
    private final Writer out;
    private final long start = System.nanoTime();

    public CastWriter(Writer out, int width, int height, long epochSeconds, Map<String, String> env) throws IOException {
        this.out = out;
        StringBuilder h = new StringBuilder("{\"version\": 2, \"width\": ").append(width)
                .append(", \"height\": ").append(height).append(", \"timestamp\": ").append(epochSeconds)
                .append(", \"env\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!first) h.append(", ");
            first = false;
            quote(h, e.getKey());
            h.append(": ");
            quote(h, e.getValue());
        }
        out.write(h.append("}}\n").toString());
        out.flush();
    }

    /** Text the terminal showed. */
    public synchronized void output(String text) {
        event("o", text);
    }

    /** Text typed (sent to the program). */
    public synchronized void input(String text) {
        event("i", text);
    }

    private void event(String kind, String text) {
        if (text.isEmpty()) return;
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder sb = new StringBuilder(text.length() + 32).append('[').append(String.format(java.util.Locale.ROOT, "%.6f", seconds)).append(", \"").append(kind).append("\", ");
        quote(sb, text);
        try {
            out.write(sb.append("]\n").toString());
            out.flush();
        } catch (IOException e) {
            // A full disk must not break the dialogue; the recording is best effort.
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
