package io.jexpect.api;

import io.jexpect.screen.CastWriter;

/**
 * {@link SessionObserver#asciicast}: the traffic as an asciinema v2 recording, output as "o"
 * events and what was sent as "i" events (log_file -cast's writer).
 */
final class CastObserver implements SessionObserver {
    private final CastWriter cast;

    CastObserver(CastWriter cast) {
        this.cast = cast;
    }

    @Override
    public void received(String text) {
        cast.output(text);
    }

    @Override
    public void sent(String text) {
        cast.input(text);
    }
}
