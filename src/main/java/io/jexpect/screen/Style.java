package io.jexpect.screen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cell's graphic rendition (SGR), packed in a long so a row is a plain array: bits 0-8 are the
 * flags, then the foreground and background colours take 26 bits each (2 bits of kind: default,
 * palette index or 24-bit RGB; 24 bits of value).
 */
final class Style {
    private Style() {}

    static final long PLAIN = 0;

    static final int BOLD = 1, DIM = 1 << 1, ITALIC = 1 << 2, UNDERLINE = 1 << 3, BLINK = 1 << 4,
        INVERSE = 1 << 5, HIDDEN = 1 << 6, STRIKE = 1 << 7;
    private static final String[] FLAG_NAMES = {"bold", "dim", "italic", "underline", "blink", "inverse", "hidden", "strike"};

    private static final int FG_SHIFT = 9, BG_SHIFT = 35, COLOR_BITS = 26;
    private static final long COLOR_MASK = (1L << COLOR_BITS) - 1;
    private static final int INDEXED = 1, RGB = 2;

    static long withFlag(long style, int flag, boolean on) {
        return on ? style | flag : style & ~(long) flag;
    }

    static long withFg(long style, int color) {
        return (style & ~(COLOR_MASK << FG_SHIFT)) | ((long) color & COLOR_MASK) << FG_SHIFT;
    }

    static long withBg(long style, int color) {
        return (style & ~(COLOR_MASK << BG_SHIFT)) | ((long) color & COLOR_MASK) << BG_SHIFT;
    }

    /** A colour value for {@link #withFg}: 0 is the default. */
    static int indexed(int index) {
        return INDEXED << 24 | (index & 0xff);
    }

    static int rgb(int r, int g, int b) {
        return RGB << 24 | (r & 0xff) << 16 | (g & 0xff) << 8 | (b & 0xff);
    }

    /** The style a blank made by erasing gets: xterm keeps the current background (and nothing else). */
    static long erased(long style) {
        return style & (COLOR_MASK << BG_SHIFT);
    }

    private static final String[] NAMES = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};

    private static String colorName(long c) {
        int kind = (int) (c >>> 24) & 3;
        int v = (int) c & 0xffffff;
        if (kind == INDEXED) return v < 8 ? NAMES[v] : v < 16 ? "bright-" + NAMES[v - 8] : Integer.toString(v);
        if (kind == RGB) return String.format("#%06x", v);
        return "default";
    }

    /** The rendition as name/value pairs: fg, bg, then each flag as 0 or 1. */
    static Map<String, String> describe(long style) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fg", colorName(style >>> FG_SHIFT & COLOR_MASK));
        m.put("bg", colorName(style >>> BG_SHIFT & COLOR_MASK));
        for (int i = 0; i < FLAG_NAMES.length; i++) m.put(FLAG_NAMES[i], (style & 1L << i) != 0 ? "1" : "0");
        return m;
    }
}
