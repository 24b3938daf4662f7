package io.jexpect.screen;

import io.jexpect.engine.Pattern;
import io.jexpect.engine.Session;
import java.util.List;
import java.util.function.Function;

/**
 * {@code expect -screen}: a glob, exact or regex pattern matched against a session's rendered
 * screen ({@link VirtualTerminal#text()}) instead of its output stream. With a stable time, the
 * screen must also have been still that long, counted from the later of its last change and the
 * start of the expect: so {@code send} then a stable expect never accepts the screen from before
 * the program could answer, and a program that repaints in several steps is seen when done.
 * expect_out(buffer) becomes the screen's text; indices are into it.
 */
public final class ScreenPattern implements Pattern.Condition {
    private final Pattern text;
    private final long stableNanos;
    private final Function<Session, VirtualTerminal> screens;
    private volatile long startedAt = System.nanoTime();

    /**
     * @param text         a text pattern (glob, exact or regex)
     * @param stableMillis how long the screen must have been unchanged; 0 for no wait
     * @param screens      the screen of a session, or null for one without
     */
    public ScreenPattern(Pattern text, long stableMillis, Function<Session, VirtualTerminal> screens) {
        if (!text.isText()) throw new IllegalArgumentException("not a text pattern: " + text);
        this.text = text;
        this.stableNanos = Math.max(0, stableMillis) * 1_000_000L;
        this.screens = screens;
    }

    @Override
    public void started() {
        startedAt = System.nanoTime();
    }

    private long stillSince(VirtualTerminal vt) {
        long changed = vt.lastChangeNanos();
        return changed - startedAt > 0 ? changed : startedAt;
    }

    @Override
    public Pattern.Found test(Session session) {
        VirtualTerminal vt = screens.apply(session);
        if (vt == null) return null;
        String shown;
        synchronized (vt) {
            if (System.nanoTime() - stillSince(vt) < stableNanos) return null;
            shown = vt.text();
        }
        List<io.jexpect.engine.ExpectResult.Group> groups = Pattern.find(text, shown);
        return groups == null ? null : new Pattern.Found(shown, groups);
    }

    @Override
    public long retestAt(Session session) {
        VirtualTerminal vt = screens.apply(session);
        if (vt == null || stableNanos == 0) return Long.MAX_VALUE;
        long at = stillSince(vt) + stableNanos;
        return at - System.nanoTime() > 0 ? at : Long.MAX_VALUE;
    }
}
