package io.jexpect.expr;

import io.jexpect.interp.ExactDecimal;
import io.jexpect.interp.Numbers;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.math.BigInteger;

/**
 * Tcl's arithmetic on the three number forms (long, BigInteger, double): longs widen to
 * BigInteger on overflow, integer division and remainder round toward negative infinity, and
 * operand errors use Tcl's messages.
 */
final class Arith {
    private Arith() {}

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The operand as a number, or Tcl's "can't use ... as operand of" error. */
    static Number number(Value v, String op) throws TclException {
        Number n = v.numberOrNull();
        if (n == null) throw notNumeric(v, op);
        if (n instanceof Double d && d.isNaN()) throw operandError("non-numeric floating-point value", op);
        return n;
    }

    /** The operand as an integer (Long or BigInteger). */
    static Number integer(Value v, String op) throws TclException {
        Number n = number(v, op);
        if (n instanceof Double) throw operandError("floating-point value", op);
        return n;
    }

    static TclException notNumeric(Value v, String op) {
        String s = v.toString();
        return operandError(s.isEmpty() ? "empty string" : Numbers.isBadOctal(s) ? "invalid octal number" : "non-numeric string", op);
    }

    static TclException operandError(String what, String op) {
        return TclException.error("can't use " + what + " as operand of \"" + op + "\"", "ARITH", "DOMAIN", what);
    }

    static TclException domainError() {
        return TclException.error("domain error: argument not in valid range", "ARITH", "DOMAIN",
                "domain error: argument not in valid range");
    }

    static TclException divideByZero() {
        return TclException.error("divide by zero", "ARITH", "DIVZERO", "divide by zero");
    }

    static BigInteger big(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    static Value of(Number n) {
        // instanceof, not a pattern switch: each of those costs a class generated at start-up.
        if (n instanceof Long l) return Value.of(l.longValue());
        if (n instanceof BigInteger b) return Value.of(b);
        return Value.of(n.doubleValue());
    }

    static Value ofDouble(double d) throws TclException {
        if (Double.isNaN(d)) throw domainError();
        return Value.of(d);
    }

    // ---- + - * / % ** ------------------------------------------------------------------------------

    static Value add(Number x, Number y) throws TclException {
        if (x instanceof Long a && y instanceof Long b) {
            long r = a + b;
            if (((a ^ r) & (b ^ r)) < 0) return Value.of(BigInteger.valueOf(a).add(BigInteger.valueOf(b)));
            return Value.of(r);
        }
        if (x instanceof Double || y instanceof Double) return ofDouble(x.doubleValue() + y.doubleValue());
        return Value.of(big(x).add(big(y)));
    }

    static Value subtract(Number x, Number y) throws TclException {
        if (x instanceof Long a && y instanceof Long b) {
            long r = a - b;
            if (((a ^ b) & (a ^ r)) < 0) return Value.of(BigInteger.valueOf(a).subtract(BigInteger.valueOf(b)));
            return Value.of(r);
        }
        if (x instanceof Double || y instanceof Double) return ofDouble(x.doubleValue() - y.doubleValue());
        return Value.of(big(x).subtract(big(y)));
    }

    static Value multiply(Number x, Number y) throws TclException {
        if (x instanceof Long a && y instanceof Long b) {
            long hi = Math.multiplyHigh(a, b);
            long lo = a * b;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return Value.of(lo);
            return Value.of(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
        }
        if (x instanceof Double || y instanceof Double) return ofDouble(x.doubleValue() * y.doubleValue());
        return Value.of(big(x).multiply(big(y)));
    }

    static Value divide(Number x, Number y) throws TclException {
        if (x instanceof Double || y instanceof Double) return ofDouble(x.doubleValue() / y.doubleValue());
        if (x instanceof Long a && y instanceof Long b) {
            if (b == 0) throw divideByZero();
            if (a == Long.MIN_VALUE && b == -1) return Value.of(LONG_MIN.negate());
            return Value.of(Math.floorDiv(a, b));
        }
        BigInteger b = big(y);
        if (b.signum() == 0) throw divideByZero();
        BigInteger[] qr = big(x).divideAndRemainder(b);
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) q = q.subtract(BigInteger.ONE);
        return Value.of(q);
    }

    static Value remainder(Number x, Number y) throws TclException {
        if (x instanceof Long a && y instanceof Long b) {
            if (b == 0) throw divideByZero();
            return Value.of(Math.floorMod(a, b));
        }
        BigInteger b = big(y);
        if (b.signum() == 0) throw divideByZero();
        BigInteger r = big(x).remainder(b);
        if (r.signum() != 0 && r.signum() != b.signum()) r = r.add(b);
        return Value.of(r);
    }

    private static TclException zeroToNegativePower() {
        return TclException.error("exponentiation of zero by negative power", "ARITH", "DOMAIN",
                "exponentiation of zero by negative power");
    }

    private static final BigInteger MAX_EXPONENT = BigInteger.valueOf(0x0fffffff);

    static Value power(Number x, Number y) throws TclException {
        if (x instanceof Double || y instanceof Double) {
            if (x.doubleValue() == 0 && y.doubleValue() < 0) throw zeroToNegativePower();
            double r = Math.pow(x.doubleValue(), y.doubleValue());
            return ofDouble(r);
        }
        BigInteger base = big(x);
        BigInteger exp = big(y);
        if (exp.signum() < 0) {
            if (base.signum() == 0) throw zeroToNegativePower();
            if (base.equals(BigInteger.ONE)) return Value.ONE;
            if (base.equals(BigInteger.ONE.negate())) return Value.of(exp.testBit(0) ? -1L : 1L);
            if (exp.bitLength() > 63) throw TclException.error("exponent too large");
            return Value.ZERO;
        }
        if (x instanceof Long a && y instanceof Long e) {
            long r = 1;
            long b = a;
            long n = e;
            boolean overflow = false;
            while (n > 0) {
                if ((n & 1) != 0) {
                    long hi = Math.multiplyHigh(r, b);
                    long lo = r * b;
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) { overflow = true; break; }
                    r = lo;
                }
                n >>= 1;
                if (n > 0) {
                    long hi = Math.multiplyHigh(b, b);
                    long lo = b * b;
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) { overflow = true; break; }
                    b = lo;
                }
            }
            if (!overflow) return Value.of(r);
        }
        if (base.abs().compareTo(BigInteger.ONE) <= 0) {
            if (base.signum() == 0) return Value.ZERO;
            return base.signum() > 0 || !exp.testBit(0) ? Value.ONE : Value.of(-1L);
        }
        // Tcl refuses exponents past one bignum digit (2**28 - 1) rather than compute for hours.
        if (exp.compareTo(MAX_EXPONENT) > 0) throw TclException.error("exponent too large");
        return Value.of(base.pow(exp.intValueExact()));
    }

    // ---- integer-only operators --------------------------------------------------------------------

    static Value shift(Number x, Number y, boolean left) throws TclException {
        if (y instanceof BigInteger by) {
            if (by.signum() < 0) throw TclException.error("negative shift argument");
            if (left) {
                if (big(x).signum() == 0) return Value.ZERO;
                throw TclException.error("integer value too large to represent", "ARITH", "IOVERFLOW",
                        "integer value too large to represent");
            }
            return big(x).signum() < 0 ? Value.of(-1L) : Value.ZERO;
        }
        long s = y.longValue();
        if (s < 0) throw TclException.error("negative shift argument");
        if (x instanceof Long a) {
            if (!left) return Value.of(s >= 64 ? (a < 0 ? -1L : 0L) : a >> s);
            if (a == 0) return Value.ZERO;
            if (s < 63 && (a >> (63 - s)) == 0 || s < 63 && (a >> (63 - s)) == -1) return Value.of(a << s);
        }
        if (s > Integer.MAX_VALUE) {
            if (!left) return big(x).signum() < 0 ? Value.of(-1L) : Value.ZERO;
            throw TclException.error("integer value too large to represent", "ARITH", "IOVERFLOW",
                    "integer value too large to represent");
        }
        return Value.of(left ? big(x).shiftLeft((int) s) : big(x).shiftRight((int) s));
    }

    static Value bitwise(Number x, Number y, int op) {
        if (x instanceof Long a && y instanceof Long b) {
            return Value.of(switch (op) {
                case ExprLexer.BITAND -> a & b;
                case ExprLexer.BITOR -> a | b;
                default -> a ^ b;
            });
        }
        BigInteger a = big(x);
        BigInteger b = big(y);
        return Value.of(switch (op) {
            case ExprLexer.BITAND -> a.and(b);
            case ExprLexer.BITOR -> a.or(b);
            default -> a.xor(b);
        });
    }

    // ---- comparison ---------------------------------------------------------------------------------

    /** Numeric comparison; Integer.MIN_VALUE when unordered (NaN). */
    static int compare(Number x, Number y) {
        if (x instanceof Long a && y instanceof Long b) return Long.compare(a, b);
        if (x instanceof Double || y instanceof Double) {
            double a = x.doubleValue();
            double b = y.doubleValue();
            if (Double.isNaN(a) || Double.isNaN(b)) return Integer.MIN_VALUE;
            boolean exact = x instanceof Double && y instanceof Double || Double.isInfinite(a) || Double.isInfinite(b)
                    || (x instanceof Long l && Math.abs(l) < (1L << 53)) || (y instanceof Long m && Math.abs(m) < (1L << 53));
            if (exact) return Double.compare(a, b) == 0 ? 0 : (a < b ? -1 : a > b ? 1 : 0);
            return x instanceof Double ? compareExactly(a, big(y)) : -compareExactly(b, big(x));
        }
        return big(x).compareTo(big(y));
    }

    /** A finite double against an integer, exactly: their integer parts, then the double's fraction. */
    private static int compareExactly(double d, BigInteger i) {
        double floor = Math.floor(d);
        int c = ExactDecimal.truncated(floor).compareTo(i);
        return c != 0 ? c : d > floor ? 1 : 0;
    }

    static boolean fitsLong(BigInteger b) {
        return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0;
    }
}
