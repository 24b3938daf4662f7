package io.jexpect.api;

import io.jexpect.json.Json;
import java.io.IOException;
import java.util.Locale;

/**
 * {@link SessionObserver#transcript}: each piece of traffic on a line of its own, stamped with the
 * seconds since the observer was made, {@code >} for sent and {@code <} for received, the text as
 * a JSON string so control characters and escape sequences stay visible:
 * {@code [   0.012] > "6*7\r"}.
 */
final class TranscriptObserver implements SessionObserver {
    private final Appendable log;
    private final long start = System.nanoTime();

    TranscriptObserver(Appendable log) {
        this.log = log;
    }

    @Override
    public void received(String text) {
        line('<', text);
    }

    @Override
    public void sent(String text) {
        line('>', text);
    }

    private void line(char direction, String text) {
        String quoted = Json.quote(text);
        synchronized (log) { // the reading thread and a sending thread write here, stamps in order
            long ms = (System.nanoTime() - start) / 1_000_000;
            String line = String.format(Locale.ROOT, "[%4d.%03d] %c %s\n", ms / 1000, ms % 1000, direction, quoted);
            try {
                log.append(line);
            } catch (IOException ignored) {
                // a failing log must not disturb the session
            }
        }
    }
}
