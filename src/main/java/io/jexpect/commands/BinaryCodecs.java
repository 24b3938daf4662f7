package io.jexpect.commands;

import io.jexpect.interp.TclException;

/**
 * The text encodings of binary encode/decode (base64, uuencode, hex) with Tcl's exact leniency:
 * without -strict, decoders skip what they cannot use and cut short final groups as Tcl does.
 * Data are strings of byte-valued chars; other chars are simply invalid input.
 */
final class BinaryCodecs {
    private BinaryCodecs() {}

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String UUE = "`!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_";

    static String encodeBase64(String data, int maxlen, String wrap) {
        if (wrap.isEmpty()) maxlen = 0;
        int n = data.length();
        int total = 4 * ((n + 2) / 3);
        StringBuilder out = new StringBuilder(total + (maxlen > 0 ? total / maxlen * wrap.length() : 0));
        int written = 0;
        for (int off = 0; off < n; off += 3) {
            int d0 = data.charAt(off) & 0xFF;
            int d1 = off + 1 < n ? data.charAt(off + 1) & 0xFF : 0;
            int d2 = off + 2 < n ? data.charAt(off + 2) & 0xFF : 0;
            char[] group = {B64.charAt(d0 >> 2), B64.charAt(((d0 & 3) << 4) | (d1 >> 4)),
                off + 1 < n ? B64.charAt(((d1 & 0xF) << 2) | (d2 >> 6)) : '=', off + 2 < n ? B64.charAt(d2 & 0x3F) : '='};
            for (char c : group) {
                out.append(c);
                written++;
                if (maxlen > 0 && written < total && written % maxlen == 0) out.append(wrap);
            }
        }
        return out.toString();
    }

    static String encodeUu(String data, int maxlen, String wrap) {
        int lineLength = ((maxlen - 1) & -4) + 1;
        int raw = (lineLength - 1) * 3 / 4;
        StringBuilder out = new StringBuilder();
        int n = 0, bits = 0, off = 0, count = data.length();
        while (off < count) {
            int lineLen = Math.min(count - off, raw);
            out.append(UUE.charAt(lineLen));
            for (int i = 0; i < lineLen; i++) {
                n = (n << 8) | (data.charAt(off++) & 0xFF);
                for (bits += 8; bits > 6; bits -= 6) out.append(UUE.charAt((n >> (bits - 6)) & 0x3F));
            }
            if (bits > 0) {
                n <<= 8;
                out.append(UUE.charAt((n >> (bits + 2)) & 0x3F));
                bits = 0;
            }
            out.append(wrap);
        }
        return out.toString();
    }

    /** A uuencode line end must be a newline, optionally after tabs, \v, \f or \r. */
    static boolean validUuWrap(String wrap) {
        for (int i = 0; i < wrap.length(); i++) {
            switch (wrap.charAt(i)) {
                case '\t', '\u000b', '\f', '\r' -> { }
                case '\n' -> { return true; }
                default -> { return false; }
            }
        }
        return true;
    }

    static String decodeHex(String data, boolean strict) throws TclException {
        int n = data.length(), idx = 0, cut = 0;
        StringBuilder out = new StringBuilder((n + 1) / 2);
        while (idx < n) {
            int value = 0, i;
            for (i = 0; i < 2; i++) {
                if (idx >= n) {
                    value <<= 4;
                    break;
                }
                char c = data.charAt(idx++);
                int d = c < 128 ? Character.digit(c, 16) : -1;
                if (d < 0) {
                    if (strict || !isSpace(c)) throw invalid("hexadecimal digit", c, idx - 1);
                    i--;
                    continue;
                }
                value = (value << 4) | d;
            }
            if (i < 2) cut++;
            out.append((char) (value & 0xFF));
        }
        out.setLength(out.length() - Math.min(cut, (n + 1) / 2));
        return out.toString();
    }

    static String decodeBase64(String data, boolean strict) throws TclException {
        int n = data.length(), idx = 0, cut = 0;
        char c = '\0';
        StringBuilder out = new StringBuilder();
        while (idx < n) {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                if (idx < n) {
                    c = data.charAt(idx++);
                } else if (i > 1) {
                    c = '=';
                } else {
                    if (strict) throw invalid("base64 character", c, idx - 1);
                    cut += 3;
                    break;
                }
                int d = c < 128 ? B64.indexOf(c) : -1;
                if (cut != 0) {
                    if (c == '=' && i > 1) {
                        value <<= 6;
                        cut++;
                    } else if (!strict) {
                        i--;
                    } else {
                        throw invalid("base64 character", c, idx - 1);
                    }
                } else if (d >= 0) {
                    value = (value << 6) | d;
                } else if (c == '=' && (!strict || i > 1)) {
                    value <<= 6;
                    if (i > 0) cut++;
                } else if (strict) {
                    throw invalid("base64 character", c, idx - 1);
                } else {
                    i--;
                }
            }
            out.append((char) ((value >> 16) & 0xFF)).append((char) ((value >> 8) & 0xFF)).append((char) (value & 0xFF));
            if (cut != 0 && idx < n && strict) throw invalid("base64 character", c, idx - 1);
        }
        out.setLength(Math.max(0, out.length() - cut));
        return out.toString();
    }

    static String decodeUu(String data, boolean strict) throws TclException {
        int n = data.length(), idx = 0, lineLen = -1;
        StringBuilder out = new StringBuilder();
        while (idx < n) {
            int[] d = new int[4];
            if (lineLen < 0) {
                char c = data.charAt(idx++);
                if (c < 32 || c > 96) {
                    if (strict || !isSpace(c)) throw invalid("uuencode character", c, idx - 1);
                    continue;
                }
                lineLen = (c - 32) & 0x3F;
            }
            for (int i = 0; i < 4; i++) {
                if (idx < n) {
                    char c = data.charAt(idx++);
                    d[i] = c;
                    if (c < 32 || c > 96) {
                        if (strict) {
                            if (!isSpace(c)) throw invalid("uuencode character", c, idx - 1);
                            if (c == '\n') throw shortUu();
                        }
                        i--;
                    }
                }
            }
            if (lineLen > 0) {
                out.append((char) ((six(d[0]) << 2 | six(d[1]) >> 4) & 0xFF));
                if (--lineLen > 0) {
                    out.append((char) ((six(d[1]) << 4 | six(d[2]) >> 2) & 0xFF));
                    if (--lineLen > 0) {
                        out.append((char) ((six(d[2]) << 6 | six(d[3])) & 0xFF));
                        lineLen--;
                    }
                }
            }
            if (lineLen == 0 && idx < n) {
                lineLen = -1;
                do {
                    char c = data.charAt(idx++);
                    if (c == '\n') break;
                    if (c >= 32 && c <= 96) {
                        idx--;
                        break;
                    }
                    if (strict || !isSpace(c)) throw invalid("uuencode character", c, idx - 1);
                } while (idx < n);
            }
        }
        if (lineLen > 0 && strict) throw shortUu();
        return out.toString();
    }

    private static int six(int c) {
        return (c - 0x20) & 0x3F;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static TclException invalid(String what, char c, int position) {
        return TclException.error("invalid " + what + " \"" + c + "\" at position " + position,
                "TCL", "BINARY", "DECODE", "INVALID");
    }

    private static TclException shortUu() {
        return TclException.error("short uuencode data", "TCL", "BINARY", "DECODE", "SHORT");
    }
}
