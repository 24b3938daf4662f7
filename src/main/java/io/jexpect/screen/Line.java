package io.jexpect.screen;

import java.util.Arrays;

/**
 * One row of cells. A cell holds a code point (a blank is a space), any combining marks that
 * follow it, and its style; the right half of a wide character holds {@link #WIDE_TAIL}.
 */
final class Line {
    static final int WIDE_TAIL = -1;

    int[] chars;
    String[] marks; // combining marks per cell, null when the row has none
    long[] styles;
    /** Auto-wrap continued this row onto the next one. */
    boolean wrapped;

    Line(int columns, long blank) {
        chars = new int[columns];
        styles = new long[columns];
        clear(0, columns, blank);
    }

    int columns() {
        return chars.length;
    }

    void clear(int from, int to, long blank) {
        Arrays.fill(chars, from, to, ' ');
        Arrays.fill(styles, from, to, blank);
        if (marks != null) Arrays.fill(marks, from, to, null);
    }

    void set(int col, int cp, long style) {
        chars[col] = cp;
        styles[col] = style;
        if (marks != null) marks[col] = null;
    }

    void addMark(int col, int cp) {
        if (marks == null) marks = new String[chars.length];
        marks[col] = (marks[col] == null ? "" : marks[col]) + Character.toString(cp);
    }

    /** Moves cells [from, columns - n) right by n; the n cells opened at from become blank. */
    void insert(int from, int n, long blank) {
        int w = chars.length;
        n = Math.min(n, w - from);
        System.arraycopy(chars, from, chars, from + n, w - from - n);
        System.arraycopy(styles, from, styles, from + n, w - from - n);
        if (marks != null) System.arraycopy(marks, from, marks, from + n, w - from - n);
        clear(from, from + n, blank);
    }

    /** Removes n cells at from; blanks fill in at the right edge. */
    void delete(int from, int n, long blank) {
        int w = chars.length;
        n = Math.min(n, w - from);
        System.arraycopy(chars, from + n, chars, from, w - from - n);
        System.arraycopy(styles, from + n, styles, from, w - from - n);
        if (marks != null) System.arraycopy(marks, from + n, marks, from, w - from - n);
        clear(w - n, w, blank);
    }

    Line resized(int columns, long blank) {
        Line l = new Line(columns, blank);
        int n = Math.min(columns, chars.length);
        System.arraycopy(chars, 0, l.chars, 0, n);
        System.arraycopy(styles, 0, l.styles, 0, n);
        if (marks != null) {
            l.marks = new String[columns];
            System.arraycopy(marks, 0, l.marks, 0, n);
        }
        if (n > 0 && l.chars[n - 1] != WIDE_TAIL && CharWidth.of(l.chars[n - 1]) == 2 && n == columns) l.chars[n - 1] = ' ';
        l.wrapped = wrapped && columns == chars.length;
        return l;
    }

    /** The text of the row as a person reads it, trailing blanks dropped. */
    String text() {
        StringBuilder sb = new StringBuilder(chars.length);
        int end = chars.length;
        while (end > 0 && (chars[end - 1] == ' ' && (marks == null || marks[end - 1] == null))) end--;
        for (int c = 0; c < end; c++) appendCell(sb, c);
        return sb.toString();
    }

    void appendCell(StringBuilder sb, int c) {
        if (chars[c] == WIDE_TAIL) return;
        sb.appendCodePoint(chars[c]);
        if (marks != null && marks[c] != null) sb.append(marks[c]);
    }
}
