package io.jexpect.expr;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/**
 * The commands of namespaces tcl::mathfunc (expr's functions) and tcl::mathop (its operators as
 * commands, folded over any number of arguments as Tcl does), evaluated by expr's own nodes.
 */
public final class MathCommands {
    private MathCommands() {}

    private static final String[] FUNCTIONS = {"abs", "acos", "asin", "atan", "atan2", "bool", "ceil", "cos", "cosh",
        "double", "entier", "exp", "floor", "fmod", "hypot", "int", "isqrt", "log", "log10", "max", "min", "pow",
        "rand", "round", "sin", "sinh", "sqrt", "srand", "tan", "tanh", "wide"};

    public static void install(Interp in) {
        for (String f : FUNCTIONS) {
            in.register("::tcl::mathfunc::" + f, (interp, a) -> {
                Value[] args = new Value[a.length - 1];
                System.arraycopy(a, 1, args, 0, args.length);
                return MathFunctions.call(interp, f, args);
            });
        }
        fold(in, "+", ExprLexer.PLUS, Value.ZERO);
        fold(in, "*", ExprLexer.MUL, Value.ONE);
        fold(in, "&", ExprLexer.BITAND, Value.of(-1));
        fold(in, "|", ExprLexer.BITOR, Value.ZERO);
        fold(in, "^", ExprLexer.BITXOR, Value.ZERO);
        in.register("::tcl::mathop::-", (interp, a) -> leading(interp, a, ExprLexer.MINUS, "-"));
        in.register("::tcl::mathop::/", (interp, a) -> leading(interp, a, ExprLexer.DIV, "/"));
        in.register("::tcl::mathop::**", MathCommands::power);
        binary(in, "%", ExprLexer.MOD, "integer integer");
        binary(in, "<<", ExprLexer.SHL, "integer shift");
        binary(in, ">>", ExprLexer.SHR, "integer shift");
        binary(in, "!=", ExprLexer.NE, "value value");
        binary(in, "ne", ExprLexer.STRNE, "value value");
        binary(in, "in", ExprLexer.IN, "value list");
        binary(in, "ni", ExprLexer.NI, "value list");
        chain(in, "<", ExprLexer.LT);
        chain(in, "<=", ExprLexer.LE);
        chain(in, ">", ExprLexer.GT);
        chain(in, ">=", ExprLexer.GE);
        chain(in, "==", ExprLexer.EQ);
        chain(in, "eq", ExprLexer.STREQ);
        unary(in, "!", ExprLexer.NOT, "boolean");
        unary(in, "~", ExprLexer.TILDE, "integer");
        in.findNamespace("::tcl::mathop").exportPatterns().add("*");
    }

    private static Value apply(Interp in, int op, String text, Value x, Value y) throws TclException {
        return new ExprNode.Binary(op, text, new ExprNode.Const(x), new ExprNode.Const(y)).eval(in);
    }

    /** Left fold with an identity for no arguments; one argument must still be a number. */
    private static void fold(Interp in, String name, int op, Value identity) {
        in.register("::tcl::mathop::" + name, (interp, a) -> {
            Value acc = identity;
            for (int i = 1; i < a.length; i++) acc = apply(interp, op, name, acc, a[i]);
            return acc;
        });
    }

    /** - and /: one argument negates or inverts it; more fold from the first. */
    private static Value leading(Interp in, Value[] a, int op, String name) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "value ?value ...?");
        if (a.length == 2) {
            return op == ExprLexer.MINUS ? new ExprNode.Unary(op, name, new ExprNode.Const(a[1])).eval(in)
                    : apply(in, op, name, Value.of(1.0), a[1]);
        }
        Value acc = a[1];
        for (int i = 2; i < a.length; i++) acc = apply(in, op, name, acc, a[i]);
        return acc;
    }

    /** ** is right-associative. */
    private static Value power(Interp in, Value[] a) throws TclException {
        if (a.length == 1) return Value.ONE;
        Value acc = a[a.length - 1];
        if (a.length == 2) {
            Arith.number(acc, "**");
            return acc;
        }
        for (int i = a.length - 2; i >= 1; i--) acc = apply(in, ExprLexer.POW, "**", a[i], acc);
        return acc;
    }

    private static void binary(Interp in, String name, int op, String usage) {
        in.register("::tcl::mathop::" + name, (interp, a) -> {
            if (a.length != 3) throw TclException.wrongArgs(a, 1, usage);
            return apply(interp, op, name, a[1], a[2]);
        });
    }

    /** Comparisons hold for each adjacent pair: true for fewer than two arguments. */
    private static void chain(Interp in, String name, int op) {
        in.register("::tcl::mathop::" + name, (interp, a) -> {
            for (int i = 1; i + 1 < a.length; i++) {
                if (!apply(interp, op, name, a[i], a[i + 1]).asBoolean()) return Value.ZERO;
            }
            return Value.ONE;
        });
    }

    private static void unary(Interp in, String name, int op, String usage) {
        in.register("::tcl::mathop::" + name, (interp, a) -> {
            if (a.length != 2) throw TclException.wrongArgs(a, 1, usage);
            return new ExprNode.Unary(op, name, new ExprNode.Const(a[1])).eval(in);
        });
    }
}
