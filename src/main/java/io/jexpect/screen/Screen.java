package io.jexpect.screen;

import java.util.Arrays;

/**
 * The state of an xterm's display and the editing operations its control sequences name: the
 * cell grid (normal and alternate screen), the cursor with xterm's pending-wrap rule, the scroll
 * region, tab stops, modes and the saved cursor. Coordinates are 0-based here; the parser converts.
 */
final class Screen {
    int rows, cols;
    private Line[] normal, alternate;
    Line[] lines;
    int row, col;
    /** The last column was written: the next printable character wraps first (xterm's "last column flag"). */
    boolean pendingWrap;
    long style = Style.PLAIN;
    int top, bottom; // scroll region, inclusive
    boolean autowrap = true, originMode, insertMode, newlineMode, cursorVisible = true;
    private boolean[] tabs;
    /** G0 and G1 are DEC special graphics (line drawing); shiftOut selects G1. */
    boolean g0Graphics, g1Graphics, shiftOut;
    int lastPrinted = -1;
    private Saved savedNormal, savedAlternate;

    private record Saved(int row, int col, long style, boolean pendingWrap, boolean originMode,
                         boolean g0Graphics, boolean g1Graphics, boolean shiftOut) {}

    Screen(int rows, int cols) {
        this.rows = Math.max(1, rows);
        this.cols = Math.max(1, cols);
        reset();
    }

    void reset() {
        normal = blankLines(rows, cols);
        alternate = blankLines(rows, cols);
        lines = normal;
        row = col = 0;
        pendingWrap = false;
        style = Style.PLAIN;
        top = 0;
        bottom = rows - 1;
        autowrap = true;
        originMode = insertMode = newlineMode = false;
        cursorVisible = true;
        g0Graphics = g1Graphics = shiftOut = false;
        savedNormal = savedAlternate = null;
        tabs = new boolean[cols];
        for (int c = 8; c < cols; c += 8) tabs[c] = true;
    }

    private static Line[] blankLines(int rows, int cols) {
        Line[] l = new Line[rows];
        for (int r = 0; r < rows; r++) l[r] = new Line(cols, Style.PLAIN);
        return l;
    }

    boolean onAlternate() {
        return lines == alternate;
    }

    private long blank() {
        return Style.erased(style);
    }

    // ---- printing -----------------------------------------------------------------------------

    private static final String DEC_GRAPHICS = "◆▒␉␌␍␊°±␤␋┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·";

    void print(int cp) {
        if ((shiftOut ? g1Graphics : g0Graphics) && cp >= 0x60 && cp <= 0x7e) cp = DEC_GRAPHICS.charAt(cp - 0x60);
        int w = CharWidth.of(cp);
        if (w == 0) {
            addMark(cp);
            return;
        }
        if (pendingWrap && autowrap) wrap();
        if (w == 2 && col == cols - 1) {
            if (!autowrap || cols < 2) return;
            lines[row].clear(col, cols, blank());
            wrap();
        }
        Line line = lines[row];
        if (insertMode) line.insert(col, w, blank());
        clearWideAt(line, col);
        if (w == 2) clearWideAt(line, col + 1);
        line.set(col, cp, style);
        if (w == 2) line.set(col + 1, Line.WIDE_TAIL, style);
        lastPrinted = cp;
        if (col + w >= cols) {
            col = cols - 1;
            pendingWrap = autowrap;
        } else {
            col += w;
        }
    }

    /** Writing over either half of a wide character blanks its other half. */
    private void clearWideAt(Line line, int c) {
        if (line.chars[c] == Line.WIDE_TAIL && c > 0) line.set(c - 1, ' ', line.styles[c - 1]);
        else if (c + 1 < cols && line.chars[c + 1] == Line.WIDE_TAIL) line.set(c + 1, ' ', line.styles[c + 1]);
    }

    private void addMark(int cp) {
        int c = pendingWrap ? col : col - 1;
        if (c < 0) return;
        Line line = lines[row];
        if (line.chars[c] == Line.WIDE_TAIL && c > 0) c--;
        line.addMark(c, cp);
    }

    private void wrap() {
        lines[row].wrapped = true;
        col = 0;
        pendingWrap = false;
        index();
    }

    void repeatLast(int n) {
        if (lastPrinted < 0) return;
        for (int i = 0; i < n; i++) print(lastPrinted);
    }

    // ---- cursor motion ------------------------------------------------------------------------

    void carriageReturn() {
        col = 0;
        pendingWrap = false;
    }

    void backspace() {
        if (pendingWrap) pendingWrap = false;
        else if (col > 0) col--;
    }

    /** LF, VT, FF and IND: down one row, scrolling the region at its bottom. */
    void index() {
        pendingWrap = false;
        if (row == bottom) scrollUp(1);
        else if (row < rows - 1) row++;
    }

    void reverseIndex() {
        pendingWrap = false;
        if (row == top) scrollDown(1);
        else if (row > 0) row--;
    }

    void tab(int n) {
        pendingWrap = false;
        for (int i = 0; i < n && col < cols - 1; i++) {
            do col++; while (col < cols - 1 && !tabs[col]);
        }
    }

    void backTab(int n) {
        pendingWrap = false;
        for (int i = 0; i < n && col > 0; i++) {
            do col--; while (col > 0 && !tabs[col]);
        }
    }

    void setTab() {
        tabs[col] = true;
    }

    void clearTab(int mode) {
        if (mode == 0) tabs[col] = false;
        else if (mode == 3) Arrays.fill(tabs, false);
    }

    /** CUP: row and column as the program gave them (relative to the region in origin mode). */
    void moveTo(int r, int c) {
        int minRow = originMode ? top : 0, maxRow = originMode ? bottom : rows - 1;
        row = Math.clamp(r + minRow, minRow, maxRow);
        col = Math.clamp(c, 0, cols - 1);
        pendingWrap = false;
    }

    void moveToRow(int r) {
        moveTo(r, col);
    }

    void moveToColumn(int c) {
        col = Math.clamp(c, 0, cols - 1);
        pendingWrap = false;
    }

    /** CUU/CUD: stop at the scroll region's edge when starting inside it, else at the screen's. */
    void up(int n) {
        int min = row >= top ? top : 0;
        row = Math.max(min, row - n);
        pendingWrap = false;
    }

    void down(int n) {
        int max = row <= bottom ? bottom : rows - 1;
        row = Math.min(max, row + n);
        pendingWrap = false;
    }

    void right(int n) {
        col = Math.min(cols - 1, col + n);
        pendingWrap = false;
    }

    void left(int n) {
        col = Math.max(0, col - n);
        pendingWrap = false;
    }

    // ---- erasing, inserting, deleting ---------------------------------------------------------

    /** ED: 0 below (from the cursor), 1 above (to the cursor), 2 and 3 all. */
    void eraseDisplay(int mode) {
        long b = blank();
        switch (mode) {
            case 0 -> {
                eraseLine(0);
                for (int r = row + 1; r < rows; r++) lines[r].clear(0, cols, b);
            }
            case 1 -> {
                eraseLine(1);
                for (int r = 0; r < row; r++) lines[r].clear(0, cols, b);
            }
            case 2, 3 -> {
                for (int r = 0; r < rows; r++) {
                    lines[r].clear(0, cols, b);
                    lines[r].wrapped = false;
                }
            }
            default -> {}
        }
    }

    /** EL: 0 to the right (from the cursor), 1 to the left (to the cursor), 2 the whole row. */
    void eraseLine(int mode) {
        Line l = lines[row];
        long b = blank();
        switch (mode) {
            case 0 -> {
                l.clear(col, cols, b);
                l.wrapped = false;
            }
            case 1 -> l.clear(0, col + 1, b);
            case 2 -> {
                l.clear(0, cols, b);
                l.wrapped = false;
            }
            default -> {}
        }
    }

    void eraseChars(int n) {
        lines[row].clear(col, Math.min(cols, col + n), blank());
        pendingWrap = false;
    }

    void insertChars(int n) {
        lines[row].insert(col, n, blank());
        pendingWrap = false;
    }

    void deleteChars(int n) {
        lines[row].delete(col, n, blank());
        pendingWrap = false;
    }

    /** IL/DL work only inside the scroll region, from the cursor's row; the cursor goes to column 0. */
    void insertLines(int n) {
        if (row < top || row > bottom) return;
        shiftDown(row, bottom, n);
        col = 0;
        pendingWrap = false;
    }

    void deleteLines(int n) {
        if (row < top || row > bottom) return;
        shiftUp(row, bottom, n);
        col = 0;
        pendingWrap = false;
    }

    void scrollUp(int n) {
        shiftUp(top, bottom, n);
    }

    void scrollDown(int n) {
        shiftDown(top, bottom, n);
    }

    private void shiftUp(int from, int to, int n) {
        n = Math.min(n, to - from + 1);
        System.arraycopy(lines, from + n, lines, from, to - from + 1 - n);
        for (int r = to - n + 1; r <= to; r++) lines[r] = new Line(cols, blank());
    }

    private void shiftDown(int from, int to, int n) {
        n = Math.min(n, to - from + 1);
        System.arraycopy(lines, from, lines, from + n, to - from + 1 - n);
        for (int r = from; r < from + n; r++) lines[r] = new Line(cols, blank());
    }

    /** DECSTBM: 1-based bounds as given (0 = default); an empty region is ignored; the cursor goes home. */
    void setScrollRegion(int t, int b) {
        int nt = t <= 0 ? 0 : t - 1;
        int nb = b <= 0 ? rows - 1 : Math.min(b, rows) - 1;
        if (nt >= nb) return;
        top = nt;
        bottom = nb;
        moveTo(0, 0);
    }

    void alignmentTest() {
        for (Line l : lines) for (int c = 0; c < cols; c++) l.set(c, 'E', Style.PLAIN);
        top = 0;
        bottom = rows - 1;
        moveTo(0, 0);
    }

    // ---- saved cursor and the alternate screen ------------------------------------------------

    void saveCursor() {
        Saved s = new Saved(row, col, style, pendingWrap, originMode, g0Graphics, g1Graphics, shiftOut);
        if (onAlternate()) savedAlternate = s; else savedNormal = s;
    }

    void restoreCursor() {
        Saved s = onAlternate() ? savedAlternate : savedNormal;
        if (s == null) {
            moveTo(0, 0);
            style = Style.PLAIN;
            originMode = false;
            return;
        }
        row = Math.min(s.row, rows - 1);
        col = Math.min(s.col, cols - 1);
        style = s.style;
        pendingWrap = s.pendingWrap;
        originMode = s.originMode;
        g0Graphics = s.g0Graphics;
        g1Graphics = s.g1Graphics;
        shiftOut = s.shiftOut;
    }

    /** Modes 47/1047/1049: switch screens; clear the alternate one when entering it if asked. */
    void useAlternate(boolean on, boolean clear) {
        if (on == onAlternate()) return;
        lines = on ? alternate : normal;
        if (on && clear) for (Line l : lines) {
            l.clear(0, cols, blank());
            l.wrapped = false;
        }
    }

    // ---- size ---------------------------------------------------------------------------------

    /**
     * Changes the size as xterm does: rows keep their content (cut or padded on the right); when
     * the screen gets shorter, rows above the cursor go first, so the cursor's row stays in view.
     */
    void resize(int newRows, int newCols) {
        newRows = Math.max(1, newRows);
        newCols = Math.max(1, newCols);
        if (newRows == rows && newCols == cols) return;
        int drop = Math.max(0, Math.min(rows - newRows, row - (newRows - 1)));
        boolean alt = onAlternate();
        normal = resized(normal, newRows, newCols, drop);
        alternate = resized(alternate, newRows, newCols, drop);
        lines = alt ? alternate : normal;
        row = Math.clamp(row - drop, 0, newRows - 1);
        col = Math.min(col, newCols - 1);
        pendingWrap = false;
        boolean[] t = new boolean[newCols];
        System.arraycopy(tabs, 0, t, 0, Math.min(cols, newCols));
        for (int c = (cols / 8 + 1) * 8; c < newCols; c += 8) t[c] = true;
        tabs = t;
        rows = newRows;
        cols = newCols;
        top = 0;
        bottom = rows - 1;
    }

    private Line[] resized(Line[] old, int newRows, int newCols, int drop) {
        Line[] l = new Line[newRows];
        for (int r = 0; r < newRows; r++) {
            int from = r + drop;
            l[r] = from < old.length ? old[from].resized(newCols, Style.PLAIN) : new Line(newCols, Style.PLAIN);
        }
        return l;
    }
}
