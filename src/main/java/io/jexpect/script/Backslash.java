package io.jexpect.script;

/** Tcl's backslash substitution for one escape sequence. */
public final class Backslash {
    private Backslash() {}

    /** Decodes one sequence as matched by the lexer, starting with the backslash. */
    public static String decode(String seq) {
        if (seq.length() < 2) return "\\";
        char c = seq.charAt(1);
        switch (c) {
            case 'a': return "\u0007";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'v': return "\u000B";
            case '\n': return " ";
            case '\r': return seq.length() > 2 && seq.charAt(2) == '\n' ? " " : "\r";
            case 'x':
                return seq.length() > 2 ? String.valueOf((char) Integer.parseInt(seq.substring(2), 16)) : "x";
            case 'u':
            case 'U':
                if (seq.length() == 2) return String.valueOf(c);
                return hexCharacter(seq);
            default:
                if (c >= '0' && c <= '7') {
                    return String.valueOf((char) (Integer.parseInt(seq.substring(1), 8) & 0xFF));
                }
                return seq.substring(1);
        }
    }

    /**
     * As Tcl's TclParseHex: a digit is taken only while the value so far is at most 0x10FFF, so
     * "\U1F602a" is one character followed by "a"; digits not taken stay as text. Tcl 8.6's
     * characters are 16 bits: a value beyond U+FFFF becomes U+FFFD, as in tclsh and Expect.
     */
    private static String hexCharacter(String seq) {
        int value = 0;
        int i = 2;
        while (i < seq.length() && value <= 0x10FFF) value = (value << 4) | Character.digit(seq.charAt(i++), 16);
        return (value > 0xFFFF ? "\uFFFD" : String.valueOf((char) value)) + seq.substring(i);
    }

    /**
     * Substitutes every backslash sequence in a string (used by {@code subst -nocommands -novariables}
     * and by list parsing of unbraced elements).
     */
    public static String substituteAll(String s) {
        int bs = s.indexOf('\\');
        if (bs < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, bs);
        int i = bs;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch != '\\') { out.append(ch); i++; continue; }
            int end = sequenceEnd(s, i);
            out.append(decode(s.substring(i, end)));
            i = end;
        }
        return out.toString();
    }

    /** The index just past the backslash sequence that starts at {@code start}. */
    public static int sequenceEnd(String s, int start) {
        int i = start + 1;
        if (i >= s.length()) return i;
        char c = s.charAt(i);
        if (c == '\n' || (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n')) {
            i += c == '\r' ? 2 : 1;
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
            return i;
        }
        if (c >= '0' && c <= '7') {
            int n = 0;
            while (i < s.length() && n < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '7') { i++; n++; }
            return i;
        }
        int max = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
        if (max > 0) {
            int j = i + 1;
            while (j < s.length() && j - i - 1 < max && Character.digit(s.charAt(j), 16) >= 0) j++;
            return j;
        }
        return i + 1;
    }
}
