package io.jexpect.interp;

import java.math.BigInteger;

/**
 * A double's exact binary value rounded half-even to decimal digits, as C's printf rounds (format
 * %f %e %g, tcl_precision), or its exact integer part. Integer arithmetic on the double's bits:
 * BigDecimal would do the same, but its class initialization costs a script 11-17 ms of CPU at its
 * first use.
 */
public final class ExactDecimal {
    private ExactDecimal() {}

    /** A double has at most 767 significant digits: past them, rounding changes nothing. */
    private static final int MAX_SIGNIFICANT = 800;

    /** The digits of a rounded value, and the power of ten of the first: 1.25e3 is ("125", 3). */
    public record Digits(String digits, int exponent) {}

    /** |d| × 10^scale rounded half-even to an integer; d is finite. */
    public static BigInteger scaled(double d, int scale) {
        if (d == 0) return BigInteger.ZERO;
        long bits = Double.doubleToRawLongBits(d);
        int biased = (int) (bits >>> 52) & 0x7FF;
        long mantissa = bits & ((1L << 52) - 1);
        if (biased != 0) mantissa |= 1L << 52;
        int shift = Math.max(biased, 1) - 1075; // |d| = mantissa × 2^shift
        BigInteger m = BigInteger.valueOf(mantissa);
        if (scale >= 0) {
            BigInteger n = m.multiply(BigInteger.TEN.pow(scale));
            return shift >= 0 ? n.shiftLeft(shift) : halfEven(n, -shift);
        }
        BigInteger denominator = BigInteger.TEN.pow(-scale).shiftLeft(Math.max(-shift, 0));
        BigInteger[] qr = m.shiftLeft(Math.max(shift, 0)).divideAndRemainder(denominator);
        int half = qr[1].shiftLeft(1).compareTo(denominator);
        return half > 0 || half == 0 && qr[0].testBit(0) ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    /** The integer part of d (finite), truncated toward zero. */
    public static BigInteger truncated(double d) {
        double whole = d < 0 ? Math.ceil(d) : Math.floor(d);
        if (Math.abs(whole) < 0x1p63) return BigInteger.valueOf((long) whole);
        BigInteger magnitude = scaled(whole, 0); // whole is an integer: nothing to round
        return whole < 0 ? magnitude.negate() : magnitude;
    }

    /** n / 2^k rounded half-even. */
    private static BigInteger halfEven(BigInteger n, int k) {
        BigInteger q = n.shiftRight(k);
        if (!n.testBit(k - 1)) return q;
        boolean aboveHalf = n.getLowestSetBit() < k - 1;
        return aboveHalf || q.testBit(0) ? q.add(BigInteger.ONE) : q;
    }

    /** |d| rounded half-even to count significant digits (count >= 1); d is finite and not zero. */
    public static Digits significant(double d, int count) {
        int n = Math.min(count, MAX_SIGNIFICANT);
        // log10 can be one off next to a power of ten, and rounding can carry into one more digit.
        int exponent = (int) Math.floor(Math.log10(Math.abs(d)));
        BigInteger high = BigInteger.TEN.pow(n);
        BigInteger q = scaled(d, n - 1 - exponent);
        while (q.compareTo(high) >= 0) q = scaled(d, n - 1 - ++exponent);
        // At or under 10^(n-1), the value may have its first digit one place lower (9.99..e22 rounded
        // at 10^23's place is 10^23), unless rounding there carries back up to here.
        BigInteger low = BigInteger.TEN.pow(n - 1);
        while (q.compareTo(low) <= 0) {
            BigInteger lower = scaled(d, n - exponent);
            if (lower.compareTo(high) >= 0) break;
            q = lower;
            exponent--;
        }
        String digits = q.toString();
        return new Digits(count > n ? digits + "0".repeat(count - n) : digits, exponent);
    }
}
