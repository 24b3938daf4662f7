package io.jexpect.screen;

import io.jexpect.engine.Session;
import java.io.IOException;

/**
 * Draws a session's output on its virtual terminal and keeps the terminal the size of the pty:
 * the size is read before each piece of output is drawn, so a resize by any means (stty, the
 * script, the user's window) is in effect for the program's repaint that follows it. Answers to
 * the program's terminal queries are written back to it, without waiting.
 */
public final class ScreenTap {
    private final VirtualTerminal terminal;
    private volatile Session session;

    public ScreenTap(int rows, int columns) {
        this.terminal = new VirtualTerminal(rows, columns, this::reply);
    }

    public VirtualTerminal terminal() {
        return terminal;
    }

    /** The session whose output this draws (known once spawned: output before then keeps the starting size). */
    public void attach(Session s) {
        session = s;
    }

    /** Brings the screen to the pty's current size (a resize may have happened since the last output). */
    public void sync() {
        Session s = session;
        if (s == null) return;
        int[] size = s.windowSize();
        if (size[0] > 0 && size[1] > 0) terminal.resize(size[0], size[1]);
    }

    /** Output as the program wrote it (called on the engine's reading thread). */
    public void output(String text) {
        sync();
        terminal.feed(text);
    }

    private void reply(String answer) {
        Session s = session;
        if (s == null) return;
        try {
            // On the reading thread: never wait for a program that does not read its input.
            s.sendBytes(answer.getBytes(s.charset()), 0);
        } catch (IOException e) {
            // The program is gone or not reading: nobody is waiting for the answer.
        }
    }
}
