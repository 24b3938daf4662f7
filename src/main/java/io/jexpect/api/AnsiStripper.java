package io.jexpect.api;

/** {@link OutputFilter#stripAnsi()}: holds back an unfinished escape sequence until its end arrives. */
final class AnsiStripper implements OutputFilter {
    private static final char ESC = 0x1b, CSI = 0x9b, BEL = 0x07;
    /** A "sequence" longer than this is not one: let it through rather than hold output forever. */
    private static final int LONGEST = 4096;

    private String held = "";

    @Override
    public String apply(String chunk) {
        String s = held.isEmpty() ? chunk : held + chunk;
        held = "";
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ESC && c != CSI) {
                out.append(c);
                i++;
                continue;
            }
            int end = sequenceEnd(s, i);
            if (end >= 0) {
                i = end;
            } else if (s.length() - i < LONGEST) {
                held = s.substring(i);
                break;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index just after the escape sequence starting at i, or -1 if it is not complete yet. */
    private static int sequenceEnd(String s, int i) {
        if (s.charAt(i) == CSI) return csiEnd(s, i + 1);
        if (i + 1 >= s.length()) return -1;
        char kind = s.charAt(i + 1);
        if (kind == '[') return csiEnd(s, i + 2);
        if (kind == ']' || kind == 'P' || kind == '_' || kind == '^' || kind == 'X') {
            // A string (OSC title, DCS …) up to BEL or ESC \.
            for (int j = i + 2; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == BEL) return j + 1;
                if (c == ESC) return j + 1 < s.length() ? (s.charAt(j + 1) == '\\' ? j + 2 : j) : -1;
            }
            return -1;
        }
        int j = i + 1;
        while (j < s.length() && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) j++; // ESC ( B …
        return j < s.length() ? j + 1 : -1;
    }

    private static int csiEnd(String s, int j) {
        for (; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c >= 0x40 && c <= 0x7e) return j + 1;
        }
        return -1;
    }
}
