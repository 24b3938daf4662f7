package io.jexpect.expect;

import io.jexpect.engine.OutputHook;
import io.jexpect.screen.AnsiStripper;
import io.jexpect.screen.ScreenTap;

/**
 * A spawned program's output on its way to the match buffer (the engine's output hook): drawn on
 * the virtual screen first (spawn -screen), then stripped of escape sequences when strip_ansi is on.
 */
final class SpawnOutput implements OutputHook {
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

    /** Without a screen or stripping, output goes to the buffer untouched (and is not copied for us). */
    @Override
    public boolean active() {
        return screen != null || stripper != null;
    }

    @Override
    public String apply(String text) {
        if (screen != null) screen.output(text);
        AnsiStripper s = stripper;
        return s == null ? text : s.apply(text);
    }
}
