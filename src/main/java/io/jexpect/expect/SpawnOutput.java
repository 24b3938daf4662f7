package io.jexpect.expect;

import io.jexpect.screen.AnsiStripper;
import io.jexpect.screen.ScreenTap;
import java.util.function.UnaryOperator;

/**
 * A spawned program's output on its way to the match buffer (the engine's output hook): drawn on
 * the virtual screen first (spawn -screen), then stripped of escape sequences when strip_ansi is on.
 */
final class SpawnOutput implements UnaryOperator<String> {
    /** The virtual terminal, or null without -screen. */
    final ScreenTap screen;
    private volatile AnsiStripper stripper;

    SpawnOutput(ScreenTap screen, boolean strip) {
        this.screen = screen;
        setStrip(strip);
    }

    boolean strips() {
        return stripper != null;
    }

    void setStrip(boolean on) {
        if (on != strips()) stripper = on ? new AnsiStripper() : null;
    }

    @Override
    public String apply(String text) {
        if (screen != null) screen.output(text);
        AnsiStripper s = stripper;
        return s == null ? text : s.apply(text);
    }
}
