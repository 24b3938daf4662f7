package io.jexpect.commands;

/**
 * The permission strings file attributes -permissions takes besides numbers, as Tcl's
 * GetModeFromPermString reads them: nine characters as ls -l shows them ("rwxr-s--T"), or chmod's
 * symbolic clauses ("u+rwx,go-w", "a=r", "+x") applied to the file's current mode.
 */
final class PermissionString {
    private PermissionString() {}

    /** The new mode, or null when the string is neither form. */
    static Integer parse(String s, int mode) {
        Integer listing = listing(s);
        return listing != null ? listing : symbolic(s, mode);
    }

    private static Integer listing(String s) {
        if (s.length() != 9) return null;
        int mode = 0;
        for (int i = 0; i < 9; i++) {
            int bit = 1 << (8 - i);
            switch (s.charAt(i)) {
                case 'r' -> { if (i % 3 != 0) return null; mode |= bit; }
                case 'w' -> { if (i % 3 != 1) return null; mode |= bit; }
                case 'x' -> { if (i % 3 != 2) return null; mode |= bit; }
                case 's' -> { if (i % 3 != 2 || i > 5) return null; mode |= bit | 1 << (11 - i / 3); }
                case 'S' -> { if (i % 3 != 2 || i > 5) return null; mode |= 1 << (11 - i / 3); }
                case 't' -> { if (i != 8) return null; mode |= bit | 01000; }
                case 'T' -> { if (i != 8) return null; mode |= 01000; }
                case '-' -> { }
                default -> { return null; }
            }
        }
        return mode;
    }

    /** Clauses of who (ugoa, none meaning all), one operator (+-=) and what (rwxst), comma-separated. */
    private static Integer symbolic(String s, int mode) {
        int i = 0;
        while (i < s.length()) {
            int who = 0;
            for (; i < s.length(); i++) {
                int w = switch (s.charAt(i)) {
                    case 'u' -> 04700;
                    case 'g' -> 02070;
                    case 'o' -> 01007;
                    case 'a' -> 07777;
                    default -> 0;
                };
                if (w == 0) break;
                who |= w;
            }
            if (who == 0) who = 07777;
            if (i >= s.length()) break; // who alone changes nothing
            char op = s.charAt(i++);
            if (op != '+' && op != '-' && op != '=') return null;
            int what = 0;
            for (; i < s.length() && s.charAt(i) != ','; i++) {
                what |= switch (s.charAt(i)) {
                    case 'r' -> 0444;
                    case 'w' -> 0222;
                    case 'x' -> 0111;
                    case 's' -> 06000;
                    case 't' -> 01000;
                    default -> -1;
                };
                if (what < 0) return null;
            }
            if (i < s.length()) i++; // the comma
            mode = switch (op) {
                case '+' -> mode | (who & what);
                case '-' -> mode & ~(who & what);
                default -> (mode & ~who) | (who & what);
            };
        }
        return mode;
    }
}
