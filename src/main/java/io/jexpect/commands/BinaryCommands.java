package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary ensemble: format, scan, and the encode/decode sub-ensembles (hex, base64, uuencode).
 * A byte array is a string whose chars are all below 256; any other string converts to one by
 * keeping each char's low byte, as Tcl_GetByteArrayFromObj does.
 */
final class BinaryCommands {
    private BinaryCommands() {}

    private static final String[] SUBCOMMANDS = {"decode", "encode", "format", "scan"};
    private static final int ALL = -1, NOCOUNT = -2;
    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    static void install(Interp in) {
        in.register("binary", BinaryCommands::binary);
        in.register("::tcl::binary::encode", (interp, a) -> coding(a, 1, true));
        in.register("::tcl::binary::decode", (interp, a) -> coding(a, 1, false));
    }

    private static Value binary(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        return switch (Ensemble.subcommand(a, 1, SUBCOMMANDS)) {
            case "format" -> format(a);
            case "scan" -> scan(in, a);
            default -> coding(a, 2, a[1].toString().startsWith("e"));
        };
    }

    // ---- format specifiers ------------------------------------------------------------------------

    /** One field of a format string: its type, count (or ALL/NOCOUNT), u flag, and where it began. */
    private record Spec(char type, int count, boolean unsigned, int start) {}

    /** Parses the next field from pos[0] (GetFormatSpec); null at the end of the format. */
    private static Spec nextSpec(String f, int[] pos) {
        int i = pos[0];
        while (i < f.length() && f.charAt(i) == ' ') i++;
        if (i >= f.length()) {
            pos[0] = i;
            return null;
        }
        int start = i;
        char type = f.charAt(i++);
        boolean unsigned = false;
        if (i < f.length() && f.charAt(i) == 'u') {
            unsigned = true;
            i++;
        }
        int count = NOCOUNT;
        if (i < f.length() && f.charAt(i) == '*') {
            count = ALL;
            i++;
        } else if (i < f.length() && f.charAt(i) >= '0' && f.charAt(i) <= '9') {
            long n = 0;
            while (i < f.length() && f.charAt(i) >= '0' && f.charAt(i) <= '9') {
                n = Math.min(n * 10 + (f.charAt(i++) - '0'), Integer.MAX_VALUE);
            }
            count = (int) n;
        }
        pos[0] = i;
        return new Spec(type, count, unsigned, start);
    }

    /** Size in bytes of a numeric field type, or 0 if the type is not numeric. */
    private static int numberSize(char type) {
        return switch (type) {
            case 'c' -> 1;
            case 's', 'S', 't' -> 2;
            case 'i', 'I', 'n', 'r', 'R', 'f' -> 4;
            case 'w', 'W', 'm', 'q', 'Q', 'd' -> 8;
            default -> 0;
        };
    }

    /** Big-endian types; the native ones (t n m f d) are little-endian as on every JVM host we run. */
    private static boolean bigEndian(char type) {
        return type == 'S' || type == 'I' || type == 'W' || type == 'R' || type == 'Q';
    }

    private static TclException badField(String f, int at) {
        return TclException.error("bad field specifier \"" + new String(Character.toChars(f.codePointAt(at))) + "\"");
    }

    private static TclException notEnoughArgs() {
        return TclException.error("not enough arguments for all format specifiers");
    }

    private static TclException missingAtCount() {
        return TclException.error("missing count for \"@\" field specifier");
    }

    // ---- binary format ----------------------------------------------------------------------------

    private static Value format(Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 2, "formatString ?arg ...?");
        String f = a[2].toString();
        // First pass: the size of the result, and the argument errors Tcl finds before writing.
        int arg = 3, offset = 0, length = 0;
        int[] pos = {0};
        for (Spec s; (s = nextSpec(f, pos)) != null; ) {
            int count = s.count();
            switch (s.type()) {
                case 'a', 'A', 'b', 'B', 'h', 'H' -> {
                    if (arg >= a.length) throw notEnoughArgs();
                    if (count == ALL) count = a[arg].toString().length();
                    else if (count == NOCOUNT) count = 1;
                    arg++;
                    char t = s.type();
                    offset += t == 'a' || t == 'A' ? count : t == 'b' || t == 'B' ? (count + 7) / 8 : (count + 1) / 2;
                }
                case 'x' -> {
                    if (count == ALL) throw TclException.error("cannot use \"*\" in format string with \"x\"");
                    offset += count == NOCOUNT ? 1 : count;
                }
                case 'X' -> {
                    if (count == NOCOUNT) count = 1;
                    if (count > offset || count == ALL) count = offset;
                    length = Math.max(length, offset);
                    offset -= count;
                }
                case '@' -> {
                    length = Math.max(length, offset);
                    if (count == NOCOUNT) throw missingAtCount();
                    offset = count == ALL ? length : count;
                }
                default -> {
                    int size = numberSize(s.type());
                    if (size == 0) throw badField(f, s.start());
                    if (arg >= a.length) throw notEnoughArgs();
                    if (count == NOCOUNT) {
                        count = 1;
                    } else {
                        int n = a[arg].asList().size();
                        if (count == ALL) count = n;
                        else if (count > n) throw TclException.error("number of elements in list does not match count");
                    }
                    arg++;
                    offset += count * size;
                }
            }
        }
        length = Math.max(length, offset);
        if (length == 0) return Value.EMPTY;

        // Second pass: write the fields.
        char[] out = new char[length];
        int cursor = 0, maxPos = 0;
        arg = 3;
        pos[0] = 0;
        for (Spec s; (s = nextSpec(f, pos)) != null; ) {
            int count = s.count();
            char t = s.type();
            if (count == 0 && t != '@') {
                if (t != 'x' && t != 'X') arg++;
                continue;
            }
            switch (t) {
                case 'a', 'A' -> {
                    String data = a[arg++].toString();
                    if (count == ALL) count = data.length();
                    else if (count == NOCOUNT) count = 1;
                    for (int k = 0; k < count; k++) {
                        out[cursor + k] = k < data.length() ? (char) (data.charAt(k) & 0xFF) : t == 'a' ? '\0' : ' ';
                    }
                    cursor += count;
                }
                case 'b', 'B', 'h', 'H' -> {
                    String data = a[arg++].toString();
                    if (count == ALL) count = data.length();
                    else if (count == NOCOUNT) count = 1;
                    boolean bits = t == 'b' || t == 'B';
                    int last = cursor + (bits ? (count + 7) / 8 : (count + 1) / 2);
                    cursor = bits ? packBits(data, Math.min(count, data.length()), t == 'B', out, cursor)
                            : packHex(data, Math.min(count, data.length()), t == 'H', out, cursor);
                    while (cursor < last) out[cursor++] = '\0';
                }
                case 'x' -> {
                    if (count == NOCOUNT) count = 1;
                    for (int k = 0; k < count; k++) out[cursor++] = '\0';
                }
                case 'X' -> {
                    maxPos = Math.max(maxPos, cursor);
                    if (count == NOCOUNT) count = 1;
                    cursor = count == ALL || count > cursor ? 0 : cursor - count;
                }
                case '@' -> {
                    maxPos = Math.max(maxPos, cursor);
                    cursor = count == ALL ? maxPos : count;
                }
                default -> {
                    List<Value> values;
                    if (count == NOCOUNT) {
                        values = List.of(a[arg]);
                        count = 1;
                    } else {
                        values = a[arg].asList();
                        if (count == ALL) count = values.size();
                    }
                    arg++;
                    for (int k = 0; k < count; k++) cursor = packNumber(t, values.get(k), out, cursor);
                }
            }
        }
        return Value.of(new String(out));
    }

    private static int packBits(String data, int count, boolean high, char[] out, int cursor) throws TclException {
        int value = 0, k;
        for (k = 0; k < count; k++) {
            char c = data.charAt(k);
            if (c != '0' && c != '1') throw TclException.error("expected binary string but got \"" + data + "\" instead");
            value = high ? (value << 1) | (c - '0') : (value >> 1) | (c == '1' ? 128 : 0);
            if ((k + 1) % 8 == 0) {
                out[cursor++] = (char) (value & 0xFF);
                value = 0;
            }
        }
        if (k % 8 != 0) out[cursor++] = (char) ((high ? value << (8 - k % 8) : value >> (8 - k % 8)) & 0xFF);
        return cursor;
    }

    private static int packHex(String data, int count, boolean high, char[] out, int cursor) throws TclException {
        int value = 0, k;
        for (k = 0; k < count; k++) {
            int d = hexDigit(data.charAt(k));
            if (d < 0) throw TclException.error("expected hexadecimal string but got \"" + data + "\" instead");
            value = high ? (value << 4) | d : (value >> 4) | (d << 4);
            if (k % 2 == 1) {
                out[cursor++] = (char) (value & 0xFF);
                value = 0;
            }
        }
        if (k % 2 == 1) out[cursor++] = (char) ((high ? value << 4 : value >> 4) & 0xFF);
        return cursor;
    }

    private static int hexDigit(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    private static int packNumber(char type, Value v, char[] out, int cursor) throws TclException {
        long bits;
        int size = numberSize(type);
        switch (type) {
            case 'd', 'q', 'Q' -> bits = Double.doubleToRawLongBits(toDouble(v));
            case 'f', 'r', 'R' -> {
                double d = toDouble(v);
                float fv = Math.abs(d) > Float.MAX_VALUE ? (d >= 0 ? Float.MAX_VALUE : -Float.MAX_VALUE) : (float) d;
                bits = Float.floatToRawIntBits(fv) & 0xFFFFFFFFL;
            }
            default -> bits = toLong(v);
        }
        for (int k = 0; k < size; k++) {
            int shift = bigEndian(type) ? 8 * (size - 1 - k) : 8 * k;
            out[cursor++] = (char) ((bits >>> shift) & 0xFF);
        }
        return cursor;
    }

    /** Tcl_GetDoubleFromObj, NaN included. */
    private static double toDouble(Value v) throws TclException {
        Number n = v.numberOrNull();
        if (n == null) throw TclException.error("expected floating-point number but got \"" + v + "\"", "TCL", "VALUE", "NUMBER");
        return n.doubleValue();
    }

    /** Tcl_GetWideIntFromObj: any integer whose magnitude fits in 64 bits, wrapped to a long. */
    static long toLong(Value v) throws TclException {
        Number n = v.integerOrNull();
        if (n instanceof Long l) return l;
        if (n instanceof BigInteger b) {
            if (b.abs().compareTo(ULONG_MAX) > 0) throw TclException.error("integer value too large to represent",
                    "ARITH", "IOVERFLOW", "integer value too large to represent");
            return b.longValue();
        }
        String s = v.toString().strip();
        String octal = s.matches("[+-]?0[0-9]+") ? " (looks like invalid octal number)" : "";
        throw TclException.error("expected integer but got \"" + v + "\"" + octal, "TCL", "VALUE", "NUMBER");
    }

    // ---- binary scan ------------------------------------------------------------------------------

    private static Value scan(Interp in, Value[] a) throws TclException {
        if (a.length < 4) throw TclException.wrongArgs(a, 2, "value formatString ?varName ...?");
        String data = a[2].toString();
        String f = a[3].toString();
        int length = data.length();
        int arg = 4, offset = 0;
        int[] pos = {0};
        scanning:
        for (Spec s; (s = nextSpec(f, pos)) != null; ) {
            int count = s.count();
            char t = s.type();
            Value value;
            switch (t) {
                case 'a', 'A' -> {
                    if (arg >= a.length) throw notEnoughArgs();
                    if (count == ALL) {
                        count = length - offset;
                    } else {
                        if (count == NOCOUNT) count = 1;
                        if (count > length - offset) break scanning;
                    }
                    int end = offset + count;
                    if (t == 'A') while (end > offset && (bytes(data, end - 1) == 0 || bytes(data, end - 1) == ' ')) end--;
                    value = Value.of(byteString(data, offset, end));
                    offset += count;
                }
                case 'b', 'B' -> {
                    if (arg >= a.length) throw notEnoughArgs();
                    if (count == ALL) {
                        count = (length - offset) * 8;
                    } else {
                        if (count == NOCOUNT) count = 1;
                        if (count > (length - offset) * 8) break scanning;
                    }
                    StringBuilder sb = new StringBuilder(count);
                    for (int k = 0; k < count; k++) {
                        int b = bytes(data, offset + k / 8);
                        int bit = t == 'b' ? (b >> (k % 8)) & 1 : (b >> (7 - k % 8)) & 1;
                        sb.append(bit == 1 ? '1' : '0');
                    }
                    value = Value.of(sb.toString());
                    offset += (count + 7) / 8;
                }
                case 'h', 'H' -> {
                    if (arg >= a.length) throw notEnoughArgs();
                    if (count == ALL) {
                        count = (length - offset) * 2;
                    } else {
                        if (count == NOCOUNT) count = 1;
                        if (count > (length - offset) * 2) break scanning;
                    }
                    StringBuilder sb = new StringBuilder(count);
                    for (int k = 0; k < count; k++) {
                        int b = bytes(data, offset + k / 2);
                        int nibble = (t == 'h') == (k % 2 == 0) ? b & 0xF : b >> 4;
                        sb.append(Character.forDigit(nibble, 16));
                    }
                    value = Value.of(sb.toString());
                    offset += (count + 1) / 2;
                }
                case 'x' -> {
                    if (count == NOCOUNT) count = 1;
                    offset = count == ALL || count > length - offset ? length : offset + count;
                    continue;
                }
                case 'X' -> {
                    if (count == NOCOUNT) count = 1;
                    offset = count == ALL || count > offset ? 0 : offset - count;
                    continue;
                }
                case '@' -> {
                    if (count == NOCOUNT) throw missingAtCount();
                    offset = count == ALL || count > length ? length : count;
                    continue;
                }
                default -> {
                    int size = numberSize(t);
                    if (size == 0) throw badField(f, s.start());
                    if (arg >= a.length) throw notEnoughArgs();
                    if (count == NOCOUNT) {
                        if (length - offset < size) break scanning;
                        value = unpackNumber(t, s.unsigned(), data, offset);
                        offset += size;
                    } else {
                        if (count == ALL) count = (length - offset) / size;
                        if ((long) length - offset < (long) count * size) break scanning;
                        List<Value> items = new ArrayList<>(count);
                        for (int k = 0; k < count; k++) {
                            items.add(unpackNumber(t, s.unsigned(), data, offset));
                            offset += size;
                        }
                        value = Value.ofList(items);
                    }
                }
            }
            in.setVar(a[arg++].toString(), value);
        }
        return Value.of(arg - 4);
    }

    private static int bytes(String data, int i) {
        return data.charAt(i) & 0xFF;
    }

    private static String byteString(String data, int from, int to) {
        char[] out = new char[to - from];
        for (int k = from; k < to; k++) out[k - from] = (char) bytes(data, k);
        return new String(out);
    }

    private static Value unpackNumber(char type, boolean unsigned, String data, int at) {
        int size = numberSize(type);
        long bits = 0;
        for (int k = 0; k < size; k++) {
            int shift = bigEndian(type) ? 8 * (size - 1 - k) : 8 * k;
            bits |= (long) bytes(data, at + k) << shift;
        }
        return switch (type) {
            case 'f', 'r', 'R' -> Value.of((double) Float.intBitsToFloat((int) bits));
            case 'd', 'q', 'Q' -> Value.of(Double.longBitsToDouble(bits));
            case 'w', 'W', 'm' -> unsigned && bits < 0 ? Value.of(new BigInteger(Long.toUnsignedString(bits))) : Value.of(bits);
            default -> {
                int unused = 64 - 8 * size;
                yield Value.of(unsigned ? bits : (bits << unused) >> unused);
            }
        };
    }

    // ---- binary encode / decode -------------------------------------------------------------------

    /** binary encode|decode CODEC ...: the codec is a[at], its arguments follow. */
    private static Value coding(Value[] a, int at, boolean encode) throws TclException {
        if (a.length <= at) throw TclException.wrongArgs(a, at, "subcommand ?arg ...?");
        String sub = a[at].toString();
        // Tcl makes these sub-ensembles without prefix matching.
        if (!sub.equals("base64") && !sub.equals("hex") && !sub.equals("uuencode")) {
            throw TclException.error("unknown subcommand \"" + sub + "\": must be base64, hex, or uuencode",
                    "TCL", "LOOKUP", "SUBCOMMAND", sub);
        }
        if (!encode) {
            int n = a.length - at - 1;
            if (n < 1 || n > 2) throw TclException.wrongArgs(a, at + 1, "?options? data");
            if (n == 2) OptionTable.exact(a[at + 1], "option", "-strict");
            boolean strict = n == 2;
            String data = a[a.length - 1].toString();
            return Value.of(switch (sub) {
                case "hex" -> BinaryCodecs.decodeHex(data, strict);
                case "base64" -> BinaryCodecs.decodeBase64(data, strict);
                default -> BinaryCodecs.decodeUu(data, strict);
            });
        }
        if (sub.equals("hex")) {
            if (a.length != at + 2) throw TclException.wrongArgs(a, at + 1, "data");
            String data = a[at + 1].toString();
            StringBuilder sb = new StringBuilder(data.length() * 2);
            for (int k = 0; k < data.length(); k++) {
                int b = bytes(data, k);
                sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return Value.of(sb.toString());
        }
        if (a.length < at + 2 || (a.length - at) % 2 != 0) {
            throw TclException.wrongArgs(a, at + 1, "?-maxlen len? ?-wrapchar char? data");
        }
        boolean uu = sub.equals("uuencode");
        int maxlen = uu ? 61 : 0;
        String wrap = "\n";
        for (int k = at + 1; k < a.length - 1; k += 2) {
            if (OptionTable.exact(a[k], "option", "-maxlen", "-wrapchar") == 0) {
                maxlen = intOption(a[k + 1]);
                if (uu ? maxlen < 5 || maxlen > 85 : maxlen < 0) {
                    throw TclException.error("line length out of range", "TCL", "BINARY", "ENCODE", "LINE_LENGTH");
                }
            } else {
                wrap = a[k + 1].toString();
                if (uu && !BinaryCodecs.validUuWrap(wrap)) {
                    throw TclException.error("invalid wrapchar; will defeat decoding", "TCL", "BINARY", "ENCODE", "WRAPCHAR");
                }
            }
        }
        String data = a[a.length - 1].toString();
        return Value.of(uu ? BinaryCodecs.encodeUu(data, maxlen, wrap) : BinaryCodecs.encodeBase64(data, maxlen, wrap));
    }

    /** Tcl_GetIntFromObj as the encoders call it. */
    private static int intOption(Value v) throws TclException {
        Number n = v.integerOrNull();
        if (n == null) throw TclException.error("expected integer but got \"" + v + "\"", "TCL", "VALUE", "INTEGER");
        long l = n.longValue();
        if (n instanceof BigInteger || l != (int) l) {
            throw TclException.error("integer value too large to represent", "ARITH", "IOVERFLOW", "integer value too large to represent");
        }
        return (int) l;
    }
}
