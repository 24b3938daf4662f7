package io.jexpect.interp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Tcl's number and boolean syntaxes. */
public final class Numbers {
    private Numbers() {}

    /** Parses Tcl integer syntax (decimal, 0x, 0o, 0b, and 8.6's leading-zero octal), or null. */
    public static Number parseInteger(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isSpace(s.charAt(i))) i++;
        int end = n;
        while (end > i && isSpace(s.charAt(end - 1))) end--;
        if (i >= end) return null;
        boolean neg = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            neg = c == '-';
            i++;
        }
        if (i >= end) return null;
        if (s.charAt(i) == '0' && i + 1 < end) return prefixed(s, i, end, neg);
        return end - i <= 18 ? shortDecimal(s, i, end, neg) : inRadix(s, i, end, 10, neg);
    }

    /**
     * The digits after a leading zero: 0x, 0o, 0b, 0d, or 8.6's leading-zero octal. Apart from the
     * common case, as the rest of parseInteger: C1 compiles a method whole, rare paths and all.
     */
    private static Number prefixed(String s, int i, int end, boolean neg) {
        int radix;
        char r = s.charAt(i + 1);
        if (r == 'x' || r == 'X') { radix = 16; i += 2; }
        else if (r == 'o' || r == 'O') { radix = 8; i += 2; }
        else if (r == 'b' || r == 'B') { radix = 2; i += 2; }
        else if (r == 'd' || r == 'D') { radix = 10; i += 2; }
        else { radix = 8; i += 1; }
        if (i >= end) return null;
        return radix == 10 && end - i <= 18 ? shortDecimal(s, i, end, neg) : inRadix(s, i, end, radix, neg);
    }

    /** Up to 18 ASCII digits: a long without BigInteger. */
    private static Number shortDecimal(String s, int i, int end, boolean neg) {
        long v = 0;
        for (int k = i; k < end; k++) {
            char d = s.charAt(k);
            if (d < '0' || d > '9') return null;
            v = v * 10 + (d - '0');
        }
        return neg ? -v : v;
    }

    private static Number inRadix(String s, int i, int end, int radix, boolean neg) {
        for (int k = i; k < end; k++) {
            if (Character.digit(s.charAt(k), radix) < 0) return null;
        }
        BigInteger b = new BigInteger(s.substring(i, end), radix);
        if (neg) b = b.negate();
        return b.bitLength() < 64 ? (Number) b.longValue() : b;
    }

    /** Parses a floating-point number as Tcl accepts it (also Inf and NaN), or null. */
    public static Double parseDouble(String s) {
        if (!mayStartDouble(s)) return null;
        String t = s.strip();
        if (t.isEmpty() || isBadOctal(s)) return null;
        char last = t.charAt(t.length() - 1);
        if (!(Character.isDigit(last) || last == '.' || Character.isLetter(last))) return null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                String lower = t.toLowerCase();
                String body = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
                if (body.equals("inf") || body.equals("infinity")) {
                    return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                if (body.equals("nan")) return Double.NaN;
                return null;
            }
        }
        try {
            return decimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * False when the first character after leading white space can start no number parseDouble
     * takes: most text (an expect_out string, a line of output) is rejected without stripping or
     * lower-casing a copy of it, which cost a pass over its characters each in the bytecode
     * interpreter. Only ASCII is ruled out here, so the full check keeps its word on the rest.
     */
    private static boolean mayStartDouble(String s) {
        int i = 0, n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        if (i == n) return false;
        return switch (s.charAt(i)) {
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '.', 'e', 'E', 'i', 'I', 'n', 'N' -> true;
            default -> s.charAt(i) >= 128;
        };
    }

    /**
     * A decimal number as Tcl's TclParseNumber reads it. Java reads it correctly rounded; Tcl
     * differs below the normal range, where it starts low (at least the smallest subnormal) and
     * RefineApproximation rounds its correction twice, to 53 bits and then to the subnormal's few:
     * 2.4703282292062327e-324, a hair under half the smallest subnormal, reads as that subnormal.
     */
    public static double decimal(String t) {
        double v = Double.parseDouble(t);
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= Double.MIN_NORMAL) return v;
        BigDecimal exact;
        try {
            exact = new BigDecimal(t.endsWith(".") ? t + "0" : t).abs();
        } catch (NumberFormatException notDecimal) {
            return v;
        }
        // As MakeHighPrecisionDouble: significant digits plus exponent under -323 is simply zero.
        if (exact.signum() == 0) return v;
        BigDecimal digits = exact.stripTrailingZeros();
        if ((long) digits.precision() - digits.scale() < -323) return v;
        double r = Math.abs(v);
        if (new BigDecimal(r).compareTo(exact) > 0) r = Math.nextDown(r);
        r = Math.max(r, Double.MIN_VALUE);
        for (int k = 0; k < 2; k++) r = refine(r, exact);
        return t.startsWith("-") ? -r : r;
    }

    /** One step of Tcl's RefineApproximation of exact from a subnormal r. */
    private static double refine(double r, BigDecimal exact) {
        BigDecimal diff = exact.subtract(new BigDecimal(r));
        if (diff.signum() == 0) return r;
        long bits = Double.doubleToRawLongBits(r);
        int frexpExponent = Math.getExponent(r) >= Double.MIN_EXPONENT ? Math.getExponent(r) + 1
                : 64 - Long.numberOfLeadingZeros(bits) - 1074;
        // Exact, and a normal double's size. Made here, not in a static field: the first use of
        // BigDecimal initializes the class, ~20 ms of start-up for every script otherwise.
        BigDecimal scaled = diff.abs().multiply(new BigDecimal(BigInteger.ONE.shiftLeft(1200)));
        // A difference under 2**(frexpExponent - 54) is "less than unity": no correction.
        if (scaled.compareTo(new BigDecimal(BigInteger.ONE.shiftLeft(1200 + frexpExponent - 54))) < 0) return r;
        int e = Math.getExponent(scaled.doubleValue()) - 1200 - 52;
        BigInteger m;
        while ((m = scaled.divide(new BigDecimal(BigInteger.ONE.shiftLeft(1200 + e)), 0, RoundingMode.HALF_EVEN)
                .toBigInteger()).bitLength() > 53) {
            e++;
        }
        double quot = Math.scalb(m.doubleValue(), e);
        return r + (diff.signum() < 0 ? -quot : quot);
    }

    /** Tcl's boolean words (any case, unique prefixes) and "0"/"1", without blanks; else null. */
    public static Boolean parseBoolean(String s) {
        switch (s.toLowerCase()) {
            case "1", "true", "yes", "on", "tru", "tr", "t", "ye", "y" -> { return Boolean.TRUE; }
            case "0", "false", "no", "off", "fals", "fal", "fa", "f", "n", "of" -> { return Boolean.FALSE; }
            default -> { return null; }
        }
    }

    /** Tcl_GetBoolean's strict form (fconfigure options, string is boolean): no numbers but 0 and 1. */
    public static boolean booleanWord(String s) throws TclException {
        Boolean b = parseBoolean(s);
        if (b == null) throw TclException.error("expected boolean value but got \"" + s + "\"", "TCL", "VALUE", "NUMBER");
        return b;
    }

    /** An octal-looking integer with an 8 or 9 ("08", "0o9"): Tcl 8.6 reads it as a bad octal, not as a number. */
    public static boolean isBadOctal(String s) {
        int i = 0, n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        while (n > i && isSpace(s.charAt(n - 1))) n--;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
        if (n - i < 2 || s.charAt(i) != '0') return false;
        int from = i + 1;
        if (s.charAt(from) == 'o' || s.charAt(from) == 'O') from++;
        boolean bad = false;
        for (int k = from; k < n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') return false;
            bad |= c >= '8';
        }
        return bad;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
