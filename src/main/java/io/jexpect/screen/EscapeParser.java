package io.jexpect.screen;

import java.util.function.Consumer;

/**
 * Turns a program's output into {@link Screen} operations, as xterm reads it: printable
 * characters, C0 controls, ESC sequences, CSI sequences with parameters, private markers and
 * intermediates, and strings (OSC, DCS, APC, PM, SOS) ended by BEL or ST. The state survives
 * between calls, so a sequence split across reads is understood. Queries (device status, device
 * attributes, window size) are answered through the reply consumer, as a terminal answers them.
 */
final class EscapeParser {
    private enum State { GROUND, ESCAPE, ESCAPE_INTERMEDIATE, CSI, STRING, STRING_ESCAPE }

    private final Screen screen;
    private final Consumer<String> reply;
    private State state = State.GROUND;
    private final StringBuilder seq = new StringBuilder(); // CSI parameters and intermediates, or a string's text
    private char stringKind;                              // ']' for OSC, 'P' DCS, '_' APC, '^' PM, 'X' SOS
    private char escIntermediate;
    private char highSurrogate;
    private String title = "";

    EscapeParser(Screen screen, Consumer<String> reply) {
        this.screen = screen;
        this.reply = reply;
    }

    String title() {
        return title;
    }

    void feed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) feed(text.charAt(i));
    }

    private void feed(char ch) {
        if (highSurrogate != 0) {
            char hi = highSurrogate;
            highSurrogate = 0;
            if (Character.isLowSurrogate(ch)) {
                if (state == State.GROUND) screen.print(Character.toCodePoint(hi, ch));
                return;
            }
        }
        if (state == State.STRING || state == State.STRING_ESCAPE) {
            string(ch);
            return;
        }
        if (ch < 0x20 || ch == 0x7f) {
            control(ch);
            return;
        }
        switch (state) {
            case GROUND -> {
                if (Character.isHighSurrogate(ch)) highSurrogate = ch;
                else screen.print(ch);
            }
            case ESCAPE -> escape(ch);
            case ESCAPE_INTERMEDIATE -> {
                escapeWithIntermediate(escIntermediate, ch);
                state = State.GROUND;
            }
            case CSI -> {
                if (ch >= 0x40 && ch <= 0x7e) {
                    state = State.GROUND;
                    csi(ch);
                } else if (seq.length() < 256) {
                    seq.append(ch);
                }
            }
            default -> {}
        }
    }

    private void control(char ch) {
        switch (ch) {
            case 0x1b -> {
                state = State.ESCAPE;
                seq.setLength(0);
            }
            case 0x18, 0x1a -> state = State.GROUND; // CAN, SUB abort a sequence
            case '\r' -> screen.carriageReturn();
            case '\n', 0x0b, 0x0c -> {
                if (screen.newlineMode) screen.carriageReturn();
                screen.index();
            }
            case '\b' -> screen.backspace();
            case '\t' -> screen.tab(1);
            case 0x0e -> screen.shiftOut = true;
            case 0x0f -> screen.shiftOut = false;
            default -> {} // BEL, NUL, DEL and the rest do not change the screen
        }
    }

    private void escape(char ch) {
        state = State.GROUND;
        switch (ch) {
            case '[' -> {
                state = State.CSI;
                seq.setLength(0);
            }
            case ']', 'P', '_', '^', 'X' -> {
                state = State.STRING;
                stringKind = ch;
                seq.setLength(0);
            }
            case '(', ')', '*', '+', '#', '%', ' ' -> {
                state = State.ESCAPE_INTERMEDIATE;
                escIntermediate = ch;
            }
            case '7' -> screen.saveCursor();
            case '8' -> screen.restoreCursor();
            case 'D' -> screen.index();
            case 'E' -> {
                screen.carriageReturn();
                screen.index();
            }
            case 'H' -> screen.setTab();
            case 'M' -> screen.reverseIndex();
            case 'c' -> {
                screen.reset();
                title = "";
            }
            default -> {} // keypad modes (= >), single shifts and others leave the screen alone
        }
    }

    private void escapeWithIntermediate(char intermediate, char ch) {
        switch (intermediate) {
            case '(' -> screen.g0Graphics = ch == '0';
            case ')' -> screen.g1Graphics = ch == '0';
            case '#' -> {
                if (ch == '8') screen.alignmentTest();
            }
            default -> {}
        }
    }

    private void string(char ch) {
        if (state == State.STRING_ESCAPE) {
            state = State.GROUND;
            finishString();
            if (ch != '\\') { // ESC then not '\': the string ended and a new sequence begins
                state = State.ESCAPE;
                seq.setLength(0);
                feed(ch);
            }
            return;
        }
        switch (ch) {
            case 0x07 -> {
                state = State.GROUND;
                finishString();
            }
            case 0x1b -> state = State.STRING_ESCAPE;
            case 0x18, 0x1a -> state = State.GROUND;
            default -> {
                if (seq.length() < 4096) seq.append(ch);
            }
        }
    }

    private void finishString() {
        if (stringKind != ']') return;
        int semi = seq.indexOf(";");
        String code = semi < 0 ? seq.toString() : seq.substring(0, semi);
        if ((code.equals("0") || code.equals("2")) && semi >= 0) title = seq.substring(semi + 1);
    }

    // ---- CSI ----------------------------------------------------------------------------------

    private void csi(char fin) {
        String s = seq.toString();
        char marker = !s.isEmpty() && s.charAt(0) >= '<' && s.charAt(0) <= '?' ? s.charAt(0) : 0;
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) >= 0x20 && s.charAt(end - 1) <= 0x2f) end--;
        String intermediates = s.substring(end);
        String params = s.substring(marker != 0 ? 1 : 0, end);
        int[] p = numbers(params);
        if (!intermediates.isEmpty()) {
            if (intermediates.equals("!") && fin == 'p') softReset();
            return; // cursor style (SP q) and the like leave the screen alone
        }
        if (marker == '?') {
            privateMode(fin, p);
            return;
        }
        if (marker == '>') {
            if (fin == 'c') reply.accept("\033[>0;276;0c");
            return;
        }
        if (marker != 0) return;
        Screen sc = screen;
        int n = Math.max(1, arg(p, 0, 1));
        switch (fin) {
            case '@' -> sc.insertChars(n);
            case 'A' -> sc.up(n);
            case 'B', 'e' -> sc.down(n);
            case 'C', 'a' -> sc.right(n);
            case 'D' -> sc.left(n);
            case 'E' -> {
                sc.down(n);
                sc.carriageReturn();
            }
            case 'F' -> {
                sc.up(n);
                sc.carriageReturn();
            }
            case 'G', '`' -> sc.moveToColumn(n - 1);
            case 'H', 'f' -> sc.moveTo(Math.max(1, arg(p, 0, 1)) - 1, Math.max(1, arg(p, 1, 1)) - 1);
            case 'I' -> sc.tab(n);
            case 'Z' -> sc.backTab(n);
            case 'J' -> sc.eraseDisplay(arg(p, 0, 0));
            case 'K' -> sc.eraseLine(arg(p, 0, 0));
            case 'L' -> sc.insertLines(n);
            case 'M' -> sc.deleteLines(n);
            case 'P' -> sc.deleteChars(n);
            case 'X' -> sc.eraseChars(n);
            case 'S' -> sc.scrollUp(n);
            case 'T' -> {
                if (p.length <= 1) sc.scrollDown(n);
            }
            case 'b' -> sc.repeatLast(n);
            case 'd' -> sc.moveToRow(n - 1);
            case 'g' -> sc.clearTab(arg(p, 0, 0));
            case 'h', 'l' -> {
                for (int m : p) {
                    if (m == 4) sc.insertMode = fin == 'h';
                    else if (m == 20) sc.newlineMode = fin == 'h';
                }
            }
            case 'm' -> sgr(params);
            case 'n' -> {
                if (arg(p, 0, 0) == 5) reply.accept("\033[0n");
                else if (arg(p, 0, 0) == 6) {
                    int r = sc.originMode ? sc.row - sc.top : sc.row;
                    reply.accept("\033[" + (r + 1) + ";" + (sc.col + 1) + "R");
                }
            }
            case 'c' -> {
                if (arg(p, 0, 0) == 0) reply.accept("\033[?62;22c");
            }
            case 'r' -> sc.setScrollRegion(arg(p, 0, 0), arg(p, 1, 0));
            case 's' -> sc.saveCursor();
            case 'u' -> sc.restoreCursor();
            case 't' -> {
                if (arg(p, 0, 0) == 18) reply.accept("\033[8;" + sc.rows + ";" + sc.cols + "t");
            }
            default -> {}
        }
    }

    private void privateMode(char fin, int[] p) {
        if (fin != 'h' && fin != 'l') return;
        boolean on = fin == 'h';
        Screen sc = screen;
        for (int m : p) {
            switch (m) {
                case 6 -> {
                    sc.originMode = on;
                    sc.moveTo(0, 0);
                }
                case 7 -> sc.autowrap = on;
                case 25 -> sc.cursorVisible = on;
                case 47, 1047 -> sc.useAlternate(on, m == 1047);
                case 1048 -> {
                    if (on) sc.saveCursor(); else sc.restoreCursor();
                }
                case 1049 -> {
                    if (on) {
                        sc.saveCursor();
                        sc.useAlternate(true, true);
                    } else {
                        sc.useAlternate(false, false);
                        sc.restoreCursor();
                    }
                }
                default -> {} // cursor keys, mouse, bracketed paste …: input modes, not the screen
            }
        }
    }

    private void softReset() {
        Screen sc = screen;
        sc.cursorVisible = true;
        sc.originMode = sc.insertMode = false;
        sc.autowrap = true;
        sc.style = Style.PLAIN;
        sc.top = 0;
        sc.bottom = sc.rows - 1;
        sc.g0Graphics = sc.g1Graphics = sc.shiftOut = false;
    }

    /** SGR, including the colon forms of 38/48 (38:2::r:g:b, 38:5:n) and of underline (4:n). */
    private void sgr(String params) {
        String[] parts = params.isEmpty() ? new String[]{"0"} : params.split(";", -1);
        long st = screen.style;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.indexOf(':') >= 0) {
                int[] sub = numbers(part.replace(':', ';'));
                if (sub.length > 0 && (sub[0] == 38 || sub[0] == 48)) {
                    int color = extendedColor(sub, 1, sub.length >= 6 && sub[1] == 2 ? 1 : 0);
                    if (color >= 0) st = sub[0] == 38 ? Style.withFg(st, color) : Style.withBg(st, color);
                } else if (sub.length > 0 && sub[0] == 4) {
                    st = Style.withFlag(st, Style.UNDERLINE, sub.length < 2 || sub[1] != 0);
                }
                continue;
            }
            int code = part.isEmpty() ? 0 : parse(part);
            switch (code) {
                case 0 -> st = Style.PLAIN;
                case 1 -> st = Style.withFlag(st, Style.BOLD, true);
                case 2 -> st = Style.withFlag(st, Style.DIM, true);
                case 3 -> st = Style.withFlag(st, Style.ITALIC, true);
                case 4, 21 -> st = Style.withFlag(st, Style.UNDERLINE, true);
                case 5, 6 -> st = Style.withFlag(st, Style.BLINK, true);
                case 7 -> st = Style.withFlag(st, Style.INVERSE, true);
                case 8 -> st = Style.withFlag(st, Style.HIDDEN, true);
                case 9 -> st = Style.withFlag(st, Style.STRIKE, true);
                case 22 -> st = Style.withFlag(Style.withFlag(st, Style.BOLD, false), Style.DIM, false);
                case 23 -> st = Style.withFlag(st, Style.ITALIC, false);
                case 24 -> st = Style.withFlag(st, Style.UNDERLINE, false);
                case 25 -> st = Style.withFlag(st, Style.BLINK, false);
                case 27 -> st = Style.withFlag(st, Style.INVERSE, false);
                case 28 -> st = Style.withFlag(st, Style.HIDDEN, false);
                case 29 -> st = Style.withFlag(st, Style.STRIKE, false);
                case 39 -> st = Style.withFg(st, 0);
                case 49 -> st = Style.withBg(st, 0);
                case 38, 48 -> {
                    int[] rest = numbers(String.join(";", java.util.Arrays.copyOfRange(parts, i, parts.length)));
                    int color = extendedColor(rest, 1, 0);
                    if (rest.length > 1) i += rest[1] == 2 ? 4 : rest[1] == 5 ? 2 : 1;
                    if (color >= 0) st = code == 38 ? Style.withFg(st, color) : Style.withBg(st, color);
                }
                default -> {
                    if (code >= 30 && code <= 37) st = Style.withFg(st, Style.indexed(code - 30));
                    else if (code >= 40 && code <= 47) st = Style.withBg(st, Style.indexed(code - 40));
                    else if (code >= 90 && code <= 97) st = Style.withFg(st, Style.indexed(code - 90 + 8));
                    else if (code >= 100 && code <= 107) st = Style.withBg(st, Style.indexed(code - 100 + 8));
                }
            }
        }
        screen.style = st;
    }

    /** 5;n or 2;r;g;b at p[k] (skipping a colour-space id after the 2 when skip is 1); -1 if malformed. */
    private static int extendedColor(int[] p, int k, int skip) {
        if (p.length <= k) return -1;
        if (p[k] == 5 && p.length > k + 1) return Style.indexed(p[k + 1]);
        if (p[k] == 2 && p.length > k + 3 + skip) return Style.rgb(p[k + 1 + skip], p[k + 2 + skip], p[k + 3 + skip]);
        return -1;
    }

    private static int arg(int[] p, int i, int dflt) {
        return i < p.length && p[i] > 0 ? p[i] : dflt;
    }

    /** Parameters separated by ';' (sub-parameters after ':' are dropped); an empty one is 0. */
    private static int[] numbers(String params) {
        if (params.isEmpty()) return new int[0];
        String[] parts = params.split(";", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String s = parts[i];
            int colon = s.indexOf(':');
            out[i] = parse(colon < 0 ? s : s.substring(0, colon));
        }
        return out;
    }

    private static int parse(String s) {
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return 0;
            v = Math.min(99999, v * 10 + (c - '0'));
        }
        return v;
    }
}
