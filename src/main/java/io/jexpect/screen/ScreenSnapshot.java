package io.jexpect.screen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A screen kept in a golden file for tests: the rows (trailing blanks trimmed), one a line, and
 * with attributes, after them, a line per row that has styled cells ({@code 3: 0-4 fg=red bold,
 * 10-12 inverse}). {@link #check} compares a screen with its file, writes the file when it is
 * missing or an update is asked for, and otherwise reports the difference side by side.
 */
public final class ScreenSnapshot {
    static final String ATTRIBUTES = "-- attributes --";

    private ScreenSnapshot() {
    }

    /** What {@link #check} did. {@code diff} is set for MISMATCH only. */
    public record Result(Outcome outcome, String diff) {}

    public enum Outcome { MATCHED, WRITTEN, MISMATCH }

    /** The snapshot text of a screen as it is now. */
    public static String of(VirtualTerminal vt, boolean attributes) {
        StringBuilder sb = new StringBuilder();
        synchronized (vt) { // one picture, even while the program draws
            for (int r = 0; r < vt.rows(); r++) sb.append(vt.line(r)).append('\n');
            if (attributes) {
                sb.append(ATTRIBUTES).append('\n');
                for (int r = 0; r < vt.rows(); r++) {
                    String runs = styledRuns(vt, r);
                    if (!runs.isEmpty()) sb.append(r).append(": ").append(runs).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The row's runs of cells that share a rendition other than the default: "0-4 fg=red bold, 9 inverse". */
    private static String styledRuns(VirtualTerminal vt, int row) {
        List<String> runs = new ArrayList<>();
        String current = "";
        int from = 0;
        for (int c = 0; c <= vt.columns(); c++) {
            String style = c < vt.columns() ? rendition(vt.attributes(row, c)) : "";
            if (style.equals(current)) continue;
            if (!current.isEmpty()) runs.add((c - 1 == from ? Integer.toString(from) : from + "-" + (c - 1)) + " " + current);
            current = style;
            from = c;
        }
        return String.join(", ", runs);
    }

    private static String rendition(Map<String, String> cell) {
        StringBuilder sb = new StringBuilder();
        cell.forEach((k, v) -> {
            if (k.equals("char") || k.equals("width")) return;
            if (k.equals("fg") || k.equals("bg")) {
                if (!v.equals("default")) sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v);
            } else if (v.equals("1")) {
                sb.append(sb.isEmpty() ? "" : " ").append(k);
            }
        });
        return sb.toString();
    }

    /**
     * Compares {@code actual} with the golden file; writes the file (and its folder) when it does
     * not exist or {@code update} is true.
     */
    public static Result check(Path golden, String actual, boolean update) throws IOException {
        String expected = null;
        if (!update) {
            try {
                expected = Files.readString(golden, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                // a new snapshot
            }
        }
        if (expected == null) {
            if (golden.getParent() != null) Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return new Result(Outcome.WRITTEN, null);
        }
        if (expected.equals(actual)) return new Result(Outcome.MATCHED, null);
        return new Result(Outcome.MISMATCH, sideBySide(expected, actual));
    }

    /** Unchanged lines shown around a change. */
    private static final int CONTEXT = 2;

    /**
     * The lines that differ, expected on the left, with {@value #CONTEXT} unchanged lines around
     * each change and "..." for the rest: a changed line is marked {@code !}, one on one side only
     * {@code <} or {@code >}; lines are numbered as in the golden file.
     */
    public static String sideBySide(String expected, String actual) {
        List<String> left = expected.lines().toList();
        List<String> right = actual.lines().toList();
        int n = Math.max(left.size(), right.size());
        boolean[] shown = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (i < left.size() && i < right.size() && left.get(i).equals(right.get(i))) continue;
            for (int k = Math.max(0, i - CONTEXT); k <= Math.min(n - 1, i + CONTEXT); k++) shown[k] = true;
        }
        int width = "expected".length();
        for (int i = 0; i < n; i++) if (shown[i] && i < left.size()) width = Math.max(width, left.get(i).length());
        StringBuilder sb = new StringBuilder(String.format("      %-" + width + "s | %s\n", "expected", "actual"));
        for (int i = 0; i < n; i++) {
            if (!shown[i]) {
                if (i == 0 || shown[i - 1]) sb.append("    ...\n");
                continue;
            }
            String l = i < left.size() ? left.get(i) : null;
            String r = i < right.size() ? right.get(i) : null;
            char mark = l == null ? '>' : r == null ? '<' : l.equals(r) ? ' ' : '!';
            sb.append(String.format("%c %3d %-" + width + "s | %s", mark, i + 1, l == null ? "" : l, r == null ? "" : r)
                    .stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
