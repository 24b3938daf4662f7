package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.interp.ExactDecimal;
import java.math.BigInteger;

/**
 * format (Tcl_AppendFormatToObj) and scan (Tcl_ScanObjCmd). Integers without a size modifier are
 * 64-bit, as Tcl's long on LP64; {@code ll} keeps bignums. Floats are formatted from their exact
 * binary value with round-half-even, as C's printf does.
 */
final class FormatCommands {
    private FormatCommands() {}

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    static void install(Interp in) {
        in.register("format", FormatCommands::format);
        in.register("scan", ScanCommand::scan);
    }

    private static final String NOT_ENOUGH = "not enough arguments for all format specifiers";
    private static final String XPG_RANGE = "\"%n$\" argument index out of range";

    private static Value format(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "formatString ?arg ...?");
        String f = a[1].toString();
        int objc = a.length - 2; // arguments are a[2 + k]
        StringBuilder out = new StringBuilder();
        int objIndex = 0;
        boolean gotXpg = false, gotSequential = false;
        int n = f.length();
        int p = 0;
        while (p < n) {
            char ch = f.charAt(p++);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (p < n && f.charAt(p) == '%') {
                out.append('%');
                p++;
                continue;
            }
            // Step 1: an XPG3 position %n$.
            int q = p;
            while (q < n && Character.isDigit(f.charAt(q))) q++;
            boolean thisXpg = q > p && q < n && f.charAt(q) == '$';
            if (thisXpg) {
                if (gotSequential) throw TclException.error("cannot mix \"%\" and \"%n$\" conversion specifiers");
                gotXpg = true;
                long pos;
                try {
                    pos = Long.parseLong(f.substring(p, q));
                } catch (NumberFormatException e) {
                    pos = Long.MAX_VALUE;
                }
                p = q + 1;
                if (pos < 1 || pos > objc) throw TclException.error(XPG_RANGE);
                objIndex = (int) pos - 1;
            } else {
                if (gotXpg) throw TclException.error("cannot mix \"%\" and \"%n$\" conversion specifiers");
                gotSequential = true;
            }
            if (objIndex >= objc) throw TclException.error(gotXpg ? XPG_RANGE : NOT_ENOUGH);
            // Step 2: flags.
            boolean minus = false, hash = false, zero = false, space = false, plus = false;
            flags:
            while (p < n) {
                switch (f.charAt(p)) {
                    case '-' -> minus = true;
                    case '#' -> hash = true;
                    case '0' -> zero = true;
                    case ' ' -> space = true;
                    case '+' -> plus = true;
                    default -> { break flags; }
                }
                p++;
            }
            // Step 3: width.
            int width = 0;
            if (p < n && Character.isDigit(f.charAt(p))) {
                q = p;
                while (q < n && Character.isDigit(f.charAt(q))) q++;
                width = parseWidth(f.substring(p, q));
                p = q;
            } else if (p < n && f.charAt(p) == '*') {
                if (objIndex >= objc - 1) throw TclException.error(gotXpg ? XPG_RANGE : NOT_ENOUGH);
                long w = a[2 + objIndex++].asInt();
                if (w < 0) {
                    w = -w;
                    minus = true;
                }
                width = (int) w;
                p++;
            }
            // Step 4: precision.
            int precision = -1;
            if (p < n && f.charAt(p) == '.') {
                p++;
                if (p < n && Character.isDigit(f.charAt(p))) {
                    q = p;
                    while (q < n && Character.isDigit(f.charAt(q))) q++;
                    precision = parseCount(f.substring(p, q));
                    p = q;
                } else if (p < n && f.charAt(p) == '*') {
                    if (objIndex >= objc - 1) throw TclException.error(gotXpg ? XPG_RANGE : NOT_ENOUGH);
                    precision = Math.max(0, a[2 + objIndex++].asInt());
                    p++;
                } else {
                    precision = 0;
                }
            }
            // Step 5: size modifier.
            int size = 0; // 0 long, 1 short, 2 bignum
            if (p < n && f.charAt(p) == 'h') {
                size = 1;
                p++;
            } else if (p < n && f.charAt(p) == 'l') {
                p++;
                if (p < n && f.charAt(p) == 'l') {
                    size = 2;
                    p++;
                }
            }
            // Step 6: the conversion.
            if (p >= n) throw TclException.error("format string ended in middle of field specifier");
            char conv = f.charAt(p++);
            Value arg = a[2 + objIndex];
            String segment;
            boolean numeric = false;
            switch (conv) {
                case 's' -> {
                    String s = arg.toString();
                    segment = precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
                }
                case 'c' -> {
                    // Tcl_GetIntFromObj: anything within 32 bits, unsigned ones wrapping to int.
                    // Tcl 8.6's characters are 16 bits, surrogates included.
                    long wide = arg.asLong();
                    if (arg.integerOrNull() instanceof BigInteger || wide < -0xFFFFFFFFL || wide > 0xFFFFFFFFL) {
                        String message = "integer value too large to represent";
                        throw TclException.error(message, "ARITH", "IOVERFLOW", message);
                    }
                    long code = (int) wide;
                    segment = code >= 0 && code <= 0xFFFF ? String.valueOf((char) code) : "\uFFFD";
                }
                case 'd', 'i', 'u', 'o', 'x', 'X', 'b' -> {
                    segment = integer(arg, conv, size, hash, zero && precision < 0, plus, space, precision, width);
                    numeric = true;
                }
                case 'f', 'e', 'E', 'g', 'G' -> {
                    segment = floating(arg.asDouble(), conv, minus, hash, zero, plus, space, precision, width);
                    numeric = true;
                }
                default -> throw TclException.error("bad field specifier \"" + conv + "\"");
            }
            objIndex++;
            int len = segment.length();
            if (len < width && !minus) out.repeat(zero && !numeric ? '0' : ' ', width - len);
            out.append(segment);
            if (len < width && minus) out.repeat(' ', width - len);
        }
        return Value.of(out.toString());
    }

    /**
     * As Tcl's format: the digits read by strtoul (saturating at 2**64-1), kept as a C int; one that
     * comes out negative is refused.
     */
    private static int parseWidth(String digits) throws TclException {
        BigInteger n = new BigInteger(digits).min(UNSIGNED_LONG_MAX);
        int width = n.intValue();
        if (width < 0) throw TclException.error("max size for a Tcl value exceeded", "TCL", "FORMAT", "OVERFLOW");
        return width;
    }

    private static final BigInteger UNSIGNED_LONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static int parseCount(String digits) throws TclException {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw TclException.error("integer value too large to represent");
        }
    }

    /** An integer conversion, with its sign/prefix, precision zeros and (for the 0 flag) width zeros. */
    private static String integer(Value arg, char conv, int size, boolean hash, boolean zeroPad, boolean plus,
            boolean space, int precision, int width) throws TclException {
        Number num = arg.integerOrNull();
        if (num == null) throw TclException.error("expected integer but got \"" + arg + "\"", "TCL", "VALUE", "NUMBER");
        BigInteger v = num instanceof BigInteger b ? b : BigInteger.valueOf(num.longValue());
        boolean signed = conv == 'd' || conv == 'i';
        if (size == 2) {
            if (conv == 'u') throw TclException.error("unsigned bignum format is invalid");
        } else {
            long l = v.longValue(); // Tcl keeps the low bits of values too wide for the type
            if (size == 1) l = (short) l;
            if (signed) {
                v = BigInteger.valueOf(l);
            } else {
                v = BigInteger.valueOf(l);
                if (size == 1) v = BigInteger.valueOf(l & 0xFFFF);
                else if (l < 0) v = v.add(TWO_64);
            }
        }
        int radix = switch (conv) {
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            case 'b' -> 2;
            default -> 10;
        };
        StringBuilder seg = new StringBuilder();
        if (v.signum() < 0) seg.append('-');
        else if (signed && plus) seg.append('+');
        else if (signed && space) seg.append(' ');
        String digits = v.abs().toString(radix);
        if (conv == 'X') digits = digits.toUpperCase();
        if (hash) {
            switch (conv) {
                case 'o' -> {
                    if (v.signum() != 0) seg.append('0');
                    precision--;
                }
                case 'x' -> seg.append("0x");
                case 'X' -> seg.append("0X");
                case 'b' -> seg.append("0b");
                default -> { }
            }
        }
        if (precision >= 0) {
            seg.repeat('0', Math.max(0, precision - digits.length()));
        } else if (zeroPad) {
            seg.repeat('0', Math.max(0, width - seg.length() - digits.length()));
        }
        return seg.append(digits).toString();
    }

    /** C printf's %f %e %g, complete with its own width handling (the 0 and - flags). */
    private static String floating(double d, char conv, boolean minus, boolean hash, boolean zero, boolean plus,
            boolean space, int precision, int width) throws TclException {
        if (Double.isNaN(d)) throw TclException.error("floating point value is Not a Number");
        boolean upper = conv == 'E' || conv == 'G';
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        String sign = neg ? "-" : plus ? "+" : space ? " " : "";
        String body;
        if (Double.isInfinite(d)) {
            body = upper ? "INF" : "inf";
            zero = false;
        } else {
            int prec = precision < 0 ? 6 : precision;
            double x = Math.abs(d);
            body = switch (Character.toLowerCase(conv)) {
                case 'f' -> fixed(x, prec, hash);
                case 'e' -> exponent(x, prec, hash, upper);
                default -> general(x, prec, hash, upper);
            };
        }
        StringBuilder sb = new StringBuilder();
        int len = sign.length() + body.length();
        if (len < width && !minus && !zero) sb.repeat(' ', width - len);
        sb.append(sign);
        if (len < width && !minus && zero) sb.repeat('0', width - len);
        sb.append(body);
        if (len < width && minus) sb.repeat(' ', width - len);
        return sb.toString();
    }

    /** A double's exact decimal expansion ends within this many fraction digits (2^-1074 has 1074). */
    private static final int EXACT_FRACTION_DIGITS = 1100;

    private static String fixed(double x, int prec, boolean hash) {
        // Digits past the exact expansion are zeros: append them rather than scale by a huge power of ten.
        int scale = Math.min(prec, EXACT_FRACTION_DIGITS);
        String digits = ExactDecimal.scaled(x, scale).toString();
        StringBuilder sb = new StringBuilder();
        if (scale == 0) {
            sb.append(digits);
        } else {
            int whole = digits.length() - scale;
            if (whole <= 0) sb.append("0.").repeat('0', -whole).append(digits);
            else sb.append(digits, 0, whole).append('.').append(digits, whole, digits.length());
        }
        sb.repeat('0', prec - scale);
        return prec == 0 && hash ? sb.append('.').toString() : sb.toString();
    }

    private static String exponent(double x, int prec, boolean hash, boolean upper) {
        String digits;
        int exp;
        if (x == 0) {
            digits = "0".repeat(prec + 1);
            exp = 0;
        } else {
            ExactDecimal.Digits r = ExactDecimal.significant(x, prec + 1);
            digits = r.digits();
            exp = r.exponent();
        }
        StringBuilder sb = new StringBuilder().append(digits.charAt(0));
        if (prec > 0 || hash) sb.append('.');
        sb.append(digits, 1, digits.length());
        return sb.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+').append(twoDigits(Math.abs(exp))).toString();
    }

    /** 10^n, exact for n <= 22. */
    private static double tenTo(int n) {
        double p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String general(double x, int prec, boolean hash, boolean upper) {
        if (prec == 0) prec = 1;
        int exp = x == 0 ? 0 : ExactDecimal.significant(x, prec).exponent();
        // glibc's printf (Tcl's) picks the style before rounding: a value of prec integer digits
        // that rounds up to 10^prec comes out in e-style with no fraction digits (%#.3g of 999.7: 1.e+03).
        if (hash && exp == prec && prec <= 22 && x < tenTo(prec)) return upper ? "1.E+" + twoDigits(exp) : "1.e+" + twoDigits(exp);
        String s = exp < -4 || exp >= prec ? exponent(x, prec - 1, hash, upper) : fixed(x, prec - 1 - exp, hash);
        if (hash) return s;
        // Without #, trailing zeros of the fraction (and a bare point) are removed.
        int e = s.indexOf(upper ? 'E' : 'e');
        String mant = e >= 0 ? s.substring(0, e) : s;
        String tail = e >= 0 ? s.substring(e) : "";
        if (mant.indexOf('.') >= 0) {
            int end = mant.length();
            while (mant.charAt(end - 1) == '0') end--;
            if (mant.charAt(end - 1) == '.') end--;
            mant = mant.substring(0, end);
        }
        return mant + tail;
    }
}
