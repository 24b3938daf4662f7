package io.jexpect.api;

import io.jexpect.screen.ScreenSnapshot;
import io.jexpect.screen.VirtualTerminal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The screen of a session started with {@link ExpectSession.Builder#screen()}: what an xterm would
 * show of the program's output, as it is now (a program keeps drawing on it while you read; wait
 * with {@link Expected#screen(String)} and {@link Expected#stable(java.time.Duration)} first).
 * Rows and columns count from 0 at the top left.
 */
public final class Screen {
    private final VirtualTerminal terminal;

    Screen(VirtualTerminal terminal) {
        this.terminal = terminal;
    }

    /** A cell's position. */
    public record Position(int row, int column) {}

    /**
     * A cell: its text (a character with its combining marks; "" for the right half of a wide
     * character), its width in columns, its colours ("default", a name such as "red" or
     * "bright-blue", a palette number, or #rrggbb) and its rendition.
     */
    public record Cell(String text, int width, String foreground, String background, boolean bold, boolean dim,
                       boolean italic, boolean underline, boolean blink, boolean inverse, boolean hidden,
                       boolean strike) {}

    /** The rows joined by newlines, each without its trailing blanks (what screen patterns see). */
    public String text() {
        return terminal.text();
    }

    /** One row without its trailing blanks. */
    public String line(int row) {
        return terminal.line(row);
    }

    /** All the rows, each without its trailing blanks. */
    public List<String> lines() {
        synchronized (terminal) {
            List<String> rows = new ArrayList<>(terminal.rows());
            for (int r = 0; r < terminal.rows(); r++) rows.add(terminal.line(r));
            return List.copyOf(rows);
        }
    }

    public int rows() {
        return terminal.rows();
    }

    public int columns() {
        return terminal.columns();
    }

    /** Where the cursor is (on the last column after writing there, as xterm's pending wrap). */
    public Position cursor() {
        int[] rc = terminal.cursor();
        return new Position(rc[0], rc[1]);
    }

    /** What is in a cell and how it is drawn. */
    public Cell cell(int row, int column) {
        Map<String, String> a = terminal.attributes(row, column);
        return new Cell(a.get("char"), Integer.parseInt(a.get("width")), a.get("fg"), a.get("bg"), on(a, "bold"),
                on(a, "dim"), on(a, "italic"), on(a, "underline"), on(a, "blink"), on(a, "inverse"), on(a, "hidden"),
                on(a, "strike"));
    }

    private static boolean on(Map<String, String> a, String flag) {
        return "1".equals(a.get(flag));
    }

    /** True while the program uses the alternate screen (full-screen programs such as less or vim). */
    public boolean alternateScreen() {
        return terminal.alternateScreen();
    }

    /**
     * The screen as {@code screen snapshot} keeps it in a golden file: the rows, one a line, and
     * with {@code attributes} the styled runs of each row after them.
     */
    public String snapshot(boolean attributes) {
        return ScreenSnapshot.of(terminal, attributes);
    }

    @Override
    public String toString() {
        return text();
    }
}
