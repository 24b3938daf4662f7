package io.jexpect.expr;

import io.jexpect.interp.ExactDecimal;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.math.BigInteger;
import java.util.function.DoubleUnaryOperator;

/** Tcl's built-in math functions (tcl::mathfunc), and calls to user-defined ones. */
final class MathFunctions {
    private MathFunctions() {}

    /** rand()'s generator state, one per interpreter (Tcl's Park-Miller "minimal standard"). */
    static final class RandState {
        long seed;
        boolean seeded;
    }

    static Value call(Interp in, String name, Value[] a) throws TclException {
        switch (name) {
            case "abs", "bool", "double", "entier", "int", "isqrt", "round", "wide", "srand",
                 "acos", "asin", "atan", "ceil", "cos", "cosh", "exp", "floor", "log", "log10",
                 "sin", "sinh", "sqrt", "tan", "tanh" -> arity(name, a, 1);
            case "atan2", "fmod", "hypot", "pow" -> arity(name, a, 2);
            case "rand" -> arity(name, a, 0);
            case "max", "min" -> {
                if (a.length == 0) throw TclException.error("not enough arguments to math function \"" + name + "\"");
            }
            default -> {
                TclCommand user = in.command("tcl::mathfunc::" + name);
                if (user == null) {
                    throw TclException.error("invalid command name \"tcl::mathfunc::" + name + "\"",
                            "TCL", "LOOKUP", "COMMAND", "tcl::mathfunc::" + name);
                }
                Value[] argv = new Value[a.length + 1];
                argv[0] = Value.of("tcl::mathfunc::" + name);
                System.arraycopy(a, 0, argv, 1, a.length);
                return user.call(in, argv);
            }
        }
        return switch (name) {
            case "acos" -> real(a[0], Math::acos);
            case "asin" -> real(a[0], Math::asin);
            case "atan" -> real(a[0], Math::atan);
            case "ceil" -> real(a[0], Math::ceil);
            case "cos" -> real(a[0], Math::cos);
            case "cosh" -> real(a[0], Math::cosh);
            case "exp" -> real(a[0], Math::exp);
            case "floor" -> real(a[0], Math::floor);
            case "log" -> real(a[0], Math::log);
            case "log10" -> real(a[0], Math::log10);
            case "sin" -> real(a[0], Math::sin);
            case "sinh" -> real(a[0], Math::sinh);
            case "sqrt" -> sqrt(a[0]);
            case "tan" -> real(a[0], Math::tan);
            case "tanh" -> real(a[0], Math::tanh);
            case "double" -> Value.of(asDouble(a[0]));
            case "atan2" -> Arith.ofDouble(Math.atan2(asDouble(a[0]), asDouble(a[1])));
            case "fmod" -> Arith.ofDouble(asDouble(a[0]) % asDouble(a[1]));
            case "hypot" -> Arith.ofDouble(Math.hypot(asDouble(a[0]), asDouble(a[1])));
            case "pow" -> Arith.ofDouble(Math.pow(asDouble(a[0]), asDouble(a[1])));
            case "bool" -> Value.of(a[0].asBoolean());
            case "abs" -> abs(a[0]);
            case "entier" -> Value.of(entier(number(a[0])));
            case "int", "wide" -> Value.of(entier(number(a[0])).longValue());
            case "round" -> round(number(a[0]));
            case "isqrt" -> isqrt(number(a[0]));
            case "max", "min" -> extreme(a, name.equals("max"));
            case "rand" -> rand(in);
            case "srand" -> srand(in, a[0]);
            default -> throw new IllegalStateException(name);
        };
    }

    private static void arity(String name, Value[] a, int n) throws TclException {
        if (a.length > n) throw TclException.error("too many arguments for math function \"" + name + "\"", "TCL", "WRONGARGS");
        if (a.length < n) throw TclException.error("not enough arguments for math function \"" + name + "\"", "TCL", "WRONGARGS");
    }

    private static Number number(Value v) throws TclException {
        Number n = v.numberOrNull();
        if (n == null) throw TclException.error("expected number but got \"" + v + "\"", "TCL", "VALUE", "NUMBER");
        if (n instanceof Double d && d.isNaN()) throw notANumber("TCL", "VALUE", "DOUBLE", "NAN");
        return n;
    }

    private static double asDouble(Value v) throws TclException {
        Number n = v.numberOrNull();
        if (n == null) throw TclException.error("expected floating-point number but got \"" + v + "\"", "TCL", "VALUE", "NUMBER");
        if (n instanceof Double d && d.isNaN()) throw notANumber("TCL", "VALUE", "DOUBLE", "NAN");
        return n.doubleValue();
    }

    /** Tcl_GetDoubleFromObj's refusal of a NaN argument. */
    private static TclException notANumber(String... errorCode) {
        return TclException.error("floating point value is Not a Number", errorCode);
    }

    private static Value real(Value v, DoubleUnaryOperator f) throws TclException {
        return Arith.ofDouble(f.applyAsDouble(asDouble(v)));
    }

    /** An integer too large for a double still has a root that fits one. */
    private static Value sqrt(Value v) throws TclException {
        double d = asDouble(v);
        if (d == Double.POSITIVE_INFINITY && v.integerOrNull() instanceof BigInteger b) return Value.of(b.sqrt().doubleValue());
        return Arith.ofDouble(Math.sqrt(d));
    }

    /** As Tcl's ExprAbsFunc: a value that is not negative comes back as it was given, text included. */
    private static Value abs(Value v) throws TclException {
        Number n = number(v);
        if (n instanceof Long l) {
            if (l == 0) return v.toString().indexOf('-') >= 0 ? Value.ZERO : v;
            return l == Long.MIN_VALUE ? Value.of(Arith.big(n).negate()) : l < 0 ? Value.of(-l) : v;
        }
        if (n instanceof BigInteger b) return b.signum() < 0 ? Value.of(b.negate()) : v;
        double d = n.doubleValue();
        return d > 0 || Double.doubleToRawLongBits(d) == 0 ? v : Value.of(-d);
    }

    /** The integer part, truncated toward zero. */
    private static BigInteger entier(Number n) throws TclException {
        if (n instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) throw TclException.error("integer value too large to represent", "ARITH", "IOVERFLOW",
                    "integer value too large to represent");
            return ExactDecimal.truncated(d);
        }
        return Arith.big(n);
    }

    /** Half away from zero, as Tcl rounds. */
    private static Value round(Number n) throws TclException {
        if (!(n instanceof Double d)) return Arith.of(n);
        if (d.isNaN() || d.isInfinite()) throw TclException.error("integer value too large to represent", "ARITH", "IOVERFLOW",
                "integer value too large to represent");
        double a = Math.abs(d);
        BigInteger whole = ExactDecimal.truncated(a);
        if (a - Math.floor(a) >= 0.5) whole = whole.add(BigInteger.ONE); // exact: a's fraction is a double too
        return Value.of(d < 0 ? whole.negate() : whole);
    }

    private static Value isqrt(Number n) throws TclException {
        BigInteger b = entier(n);
        if (b.signum() < 0) throw TclException.error("square root of negative argument", "ARITH", "DOMAIN",
                "domain error: argument not in valid range");
        return Value.of(b.sqrt());
    }

    /** max() and min() return the chosen argument itself, as Tcl's script-level versions do. */
    private static Value extreme(Value[] a, boolean max) throws TclException {
        Value best = null;
        Number bestN = null;
        for (Value v : a) {
            Number n = v.numberOrNull();
            if (n == null) throw TclException.error("expected floating-point number but got \"" + v + "\"");
            if (n instanceof Double d && d.isNaN()) throw notANumber("NONE");
            if (bestN == null || (max ? Arith.compare(n, bestN) > 0 : Arith.compare(n, bestN) < 0)) {
                best = v;
                bestN = n;
            }
        }
        return best;
    }

    private static final long IA = 16807, IM = 2147483647, IQ = 127773, IR = 2836, MASK = 123459876;

    private static Value rand(Interp in) {
        RandState s = in.extension(RandState.class, RandState::new);
        if (!s.seeded) {
            s.seeded = true;
            seed(s, System.nanoTime() ^ ProcessHandle.current().pid());
        }
        long tmp = s.seed / IQ;
        s.seed = IA * (s.seed - tmp * IQ) - IR * tmp;
        if (s.seed < 0) s.seed += IM;
        return Value.of(s.seed * (1.0 / IM));
    }

    private static void seed(RandState s, long w) {
        s.seed = w & 0x7fffffffL;
        if (s.seed == 0 || s.seed == 0x7fffffffL) s.seed ^= MASK;
    }

    private static Value srand(Interp in, Value v) throws TclException {
        Number n = v.integerOrNull();
        if (n == null) throw TclException.error("expected integer but got \"" + v + "\"", "TCL", "VALUE", "INTEGER");
        RandState s = in.extension(RandState.class, RandState::new);
        s.seeded = true;
        seed(s, n.longValue());
        return rand(in);
    }
}
