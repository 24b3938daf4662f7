package io.jexpect.screen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A virtual xterm: feed it what a program writes and read back the screen a person would see.
 * Thread-safe: one thread may feed it (the engine's reading thread) while others read it.
 *
 * <p>It keeps the time of the last visible change (text or cursor), so a caller can wait for a
 * program that repaints until the screen has been still for a while.
 */
public final class VirtualTerminal {
    private final Screen screen;
    private final EscapeParser parser;
    private String shown;
    private long changedAt = System.nanoTime();

    /** A blank screen; queries the program makes (cursor position, device attributes) go unanswered. */
    public VirtualTerminal(int rows, int columns) {
        this(rows, columns, reply -> {});
    }

    /** @param replies receives a terminal's answers to the program's queries, to be written back to it */
    public VirtualTerminal(int rows, int columns, Consumer<String> replies) {
        screen = new Screen(rows, columns);
        parser = new EscapeParser(screen, replies);
        shown = signature();
    }

    public synchronized void feed(CharSequence output) {
        parser.feed(output);
        noteChange();
    }

    public synchronized void feed(char[] chars, int off, int len) {
        feed(java.nio.CharBuffer.wrap(chars, off, len));
    }

    /** Changes the size as xterm does when its window is resized (no reflow). */
    public synchronized void resize(int rows, int columns) {
        screen.resize(rows, columns);
        noteChange();
    }

    private void noteChange() {
        String now = signature();
        if (!now.equals(shown)) {
            shown = now;
            changedAt = System.nanoTime();
        }
    }

    private String signature() {
        return text() + "\0" + screen.row + "," + screen.col;
    }

    public synchronized int rows() {
        return screen.rows;
    }

    public synchronized int columns() {
        return screen.cols;
    }

    /** The screen's rows joined by newlines, each without its trailing blanks. */
    public synchronized String text() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < screen.rows; r++) {
            if (r > 0) sb.append('\n');
            sb.append(screen.lines[r].text());
        }
        return sb.toString();
    }

    /** One row (0 is the top), without trailing blanks. */
    public synchronized String line(int row) {
        checkRow(row);
        return screen.lines[row].text();
    }

    /** {row, column} of the cursor, 0-based; on the last column after writing there (xterm's pending wrap). */
    public synchronized int[] cursor() {
        return new int[]{screen.row, screen.col};
    }

    public synchronized boolean cursorVisible() {
        return screen.cursorVisible;
    }

    /** True while the program uses the alternate screen (full-screen programs such as less or vim). */
    public synchronized boolean alternateScreen() {
        return screen.onAlternate();
    }

    /** The window title the program last set (OSC 0 or 2), or "". */
    public synchronized String title() {
        return parser.title();
    }

    /**
     * The cell's character and rendition: char (with its combining marks; "" for the right half of
     * a wide character), width, fg, bg (default, a colour name, a palette number or #rrggbb), then
     * bold, dim, italic, underline, blink, inverse, hidden and strike as 0 or 1.
     */
    public synchronized Map<String, String> attributes(int row, int column) {
        checkRow(row);
        if (column < 0 || column >= screen.cols) {
            throw new IndexOutOfBoundsException("column " + column + " is outside 0.." + (screen.cols - 1));
        }
        Line l = screen.lines[row];
        Map<String, String> m = new LinkedHashMap<>();
        StringBuilder ch = new StringBuilder();
        l.appendCell(ch, column);
        m.put("char", ch.toString());
        int cp = l.chars[column];
        m.put("width", Integer.toString(cp == Line.WIDE_TAIL ? 0 : CharWidth.of(cp)));
        m.putAll(Style.describe(l.styles[column]));
        return m;
    }

    /** System.nanoTime() of the last change to the text or the cursor. */
    public synchronized long lastChangeNanos() {
        return changedAt;
    }

    private void checkRow(int row) {
        if (row < 0 || row >= screen.rows) {
            throw new IndexOutOfBoundsException("row " + row + " is outside 0.." + (screen.rows - 1));
        }
    }

    @Override
    public synchronized String toString() {
        return text();
    }
}
