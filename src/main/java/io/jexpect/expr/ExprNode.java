package io.jexpect.expr;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.script.Word;
import java.util.List;

/**
 * A node of a parsed expression. Nodes are immutable and shared by every evaluation of the same
 * expression text; evaluation works on Values so the number forms they cache are reused.
 */
abstract sealed class ExprNode {
    abstract Value eval(Interp in) throws TclException;

    /** Evaluates as a condition (&&, ||, ?:), with Tcl's boolean conversion. */
    boolean test(Interp in) throws TclException {
        return eval(in).asBoolean();
    }

    /** A literal operand: number, boolean word, braced or substitution-free quoted string. */
    static final class Const extends ExprNode {
        final Value value;

        Const(Value value) {
            this.value = value;
        }

        @Override
        Value eval(Interp in) {
            return value;
        }
    }

    /** $name or ${name}. */
    static final class Var extends ExprNode {
        final String name;

        Var(String name) {
            this.name = name;
        }

        @Override
        Value eval(Interp in) throws TclException {
            return in.getVar(name);
        }
    }

    /** $arr(index), [script] or "quoted $string": a Tcl word substituted when evaluated. */
    static final class Substituted extends ExprNode {
        final Word word;
        /** The line of the expression its commands count as on. */
        final int line;

        Substituted(Word word, int line) {
            this.word = word;
            this.line = line;
        }

        @Override
        Value eval(Interp in) throws TclException {
            return in.expressionWord(word, line);
        }
    }

    /**
     * The whole expression's result: an operand that is a number becomes that number's canonical
     * form; a NaN is refused, as Tcl's INST_TRY_CVT_TO_NUMERIC refuses it.
     */
    static final class Canonical extends ExprNode {
        final ExprNode inner;

        Canonical(ExprNode inner) {
            this.inner = inner;
        }

        @Override
        Value eval(Interp in) throws TclException {
            Value v = inner.eval(in);
            Number n = v.numberOrNull();
            if (n instanceof Double d && d.isNaN()) throw Arith.domainError();
            return n == null ? v : Arith.of(n);
        }

        @Override
        boolean test(Interp in) throws TclException {
            return inner.test(in);
        }
    }

    static final class Unary extends ExprNode {
        final int op;
        final String opText;
        final ExprNode operand;

        Unary(int op, String opText, ExprNode operand) {
            this.op = op;
            this.opText = opText;
            this.operand = operand;
        }

        @Override
        Value eval(Interp in) throws TclException {
            Value v = operand.eval(in);
            switch (op) {
                case ExprLexer.NOT -> {
                    return Value.of(!truth(v));
                }
                case ExprLexer.TILDE -> {
                    Number n = Arith.integer(v, opText);
                    return n instanceof Long l ? Value.of(~l) : Value.of(Arith.big(n).not());
                }
                case ExprLexer.MINUS -> {
                    Number n = Arith.number(v, opText);
                    if (n instanceof Long l) return l == Long.MIN_VALUE ? Value.of(Arith.big(n).negate()) : Value.of(-l);
                    if (n instanceof Double d) return Value.of(-d);
                    return Value.of(Arith.big(n).negate());
                }
                default -> {
                    return Arith.of(Arith.number(v, opText));
                }
            }
        }

        private boolean truth(Value v) throws TclException {
            Number n = v.numberOrNull();
            if (n == null) {
                try {
                    return v.asBoolean();
                } catch (TclException e) {
                    throw Arith.notNumeric(v, opText);
                }
            }
            if (n instanceof Long l) return l != 0;
            if (n instanceof Double d) {
                if (d.isNaN()) throw Arith.operandError("non-numeric floating-point value", opText);
                return d != 0;
            }
            return Arith.big(n).signum() != 0;
        }

        @Override
        boolean test(Interp in) throws TclException {
            if (op == ExprLexer.NOT) return !truth(operand.eval(in));
            return super.test(in);
        }
    }

    /** Operators that evaluate both operands. */
    static final class Binary extends ExprNode {
        final int op;
        final String opText;
        final ExprNode left;
        final ExprNode right;

        Binary(int op, String opText, ExprNode left, ExprNode right) {
            this.op = op;
            this.opText = opText;
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Interp in) throws TclException {
            Value a = left.eval(in);
            Value b = right.eval(in);
            switch (op) {
                case ExprLexer.PLUS -> {
                    Number x = Arith.number(a, opText);
                    Number y = Arith.number(b, opText);
                    return Arith.add(x, y);
                }
                case ExprLexer.MINUS -> {
                    Number x = Arith.number(a, opText);
                    Number y = Arith.number(b, opText);
                    return Arith.subtract(x, y);
                }
                case ExprLexer.MUL -> {
                    Number x = Arith.number(a, opText);
                    Number y = Arith.number(b, opText);
                    return Arith.multiply(x, y);
                }
                case ExprLexer.DIV -> {
                    Number x = Arith.number(a, opText);
                    Number y = Arith.number(b, opText);
                    return Arith.divide(x, y);
                }
                case ExprLexer.MOD -> {
                    Number x = Arith.integer(a, opText);
                    Number y = Arith.integer(b, opText);
                    return Arith.remainder(x, y);
                }
                case ExprLexer.POW -> {
                    Number x = Arith.number(a, opText);
                    Number y = Arith.number(b, opText);
                    return Arith.power(x, y);
                }
                case ExprLexer.SHL, ExprLexer.SHR -> {
                    Number x = Arith.integer(a, opText);
                    Number y = Arith.integer(b, opText);
                    return Arith.shift(x, y, op == ExprLexer.SHL);
                }
                case ExprLexer.BITAND, ExprLexer.BITOR, ExprLexer.BITXOR -> {
                    Number x = Arith.integer(a, opText);
                    Number y = Arith.integer(b, opText);
                    return Arith.bitwise(x, y, op);
                }
                default -> {
                    return Value.of(compare(a, b));
                }
            }
        }

        @Override
        boolean test(Interp in) throws TclException {
            return switch (op) {
                case ExprLexer.LT, ExprLexer.GT, ExprLexer.LE, ExprLexer.GE, ExprLexer.EQ, ExprLexer.NE,
                        ExprLexer.STREQ, ExprLexer.STRNE, ExprLexer.IN, ExprLexer.NI -> compare(left.eval(in), right.eval(in));
                default -> super.test(in);
            };
        }

        private boolean compare(Value a, Value b) throws TclException {
            switch (op) {
                case ExprLexer.STREQ -> { return compareStrings(a, b) == 0; }
                case ExprLexer.STRNE -> { return compareStrings(a, b) != 0; }
                case ExprLexer.IN, ExprLexer.NI -> {
                    String s = a.toString();
                    boolean found = false;
                    for (Value item : b.asList()) {
                        if (item.toString().equals(s)) {
                            found = true;
                            break;
                        }
                    }
                    return found == (op == ExprLexer.IN);
                }
                default -> { }
            }
            Number x = a.numberOrNull();
            Number y = x == null ? null : b.numberOrNull();
            int c;
            if (x != null && y != null) {
                c = Arith.compare(x, y);
                if (c == Integer.MIN_VALUE) return op == ExprLexer.NE;
            } else {
                c = compareStrings(a, b);
            }
            return switch (op) {
                case ExprLexer.LT -> c < 0;
                case ExprLexer.GT -> c > 0;
                case ExprLexer.LE -> c <= 0;
                case ExprLexer.GE -> c >= 0;
                case ExprLexer.EQ -> c == 0;
                default -> c != 0;
            };
        }
    }

    /** String order; against an empty string it needs neither side's text, as in Tcl. */
    private static int compareStrings(Value a, Value b) {
        if (b.isEmptyString()) return a.isEmptyString() ? 0 : 1;
        if (a.isEmptyString()) return -1;
        return a.toString().compareTo(b.toString());
    }

    /** && and ||: the right side is evaluated only when it decides the result. */
    static final class Logical extends ExprNode {
        final boolean and;
        final ExprNode left;
        final ExprNode right;

        Logical(boolean and, ExprNode left, ExprNode right) {
            this.and = and;
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Interp in) throws TclException {
            return Value.of(test(in));
        }

        @Override
        boolean test(Interp in) throws TclException {
            boolean l = left.test(in);
            if (and ? !l : l) return l;
            return right.test(in);
        }
    }

    static final class Ternary extends ExprNode {
        final ExprNode cond;
        final ExprNode then;
        final ExprNode otherwise;

        Ternary(ExprNode cond, ExprNode then, ExprNode otherwise) {
            this.cond = cond;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Value eval(Interp in) throws TclException {
            return cond.test(in) ? then.eval(in) : otherwise.eval(in);
        }
    }

    static final class Call extends ExprNode {
        final String name;
        final ExprNode[] args;

        Call(String name, List<ExprNode> args) {
            this.name = name;
            this.args = args.toArray(new ExprNode[0]);
        }

        @Override
        Value eval(Interp in) throws TclException {
            Value[] values = new Value[args.length];
            for (int i = 0; i < args.length; i++) values[i] = args[i].eval(in);
            return MathFunctions.call(in, name, values);
        }
    }

    /**
     * An operator over literals only, which Tcl computes while compiling the expression: an error
     * there is raised at run time with its errorInfo already begun (TclCompileSyntaxError), so
     * the command reports "invoked from within" where a run-time error says "while executing".
     */
    static final class Folded extends ExprNode {
        final ExprNode inner;

        Folded(ExprNode inner) {
            this.inner = inner;
        }

        @Override
        Value eval(Interp in) throws TclException {
            try {
                return inner.eval(in);
            } catch (TclException e) {
                e.markRaisedWhileFolding();
                throw e;
            }
        }

        @Override
        boolean test(Interp in) throws TclException {
            try {
                return inner.test(in);
            } catch (TclException e) {
                e.markRaisedWhileFolding();
                throw e;
            }
        }
    }

    /** An expression with a syntax error: raises it (freshly, with its trace) each time it is evaluated. */
    static final class Invalid extends ExprNode {
        final String message;
        final Value errorCode;
        final String errorInfo;

        Invalid(TclException e) {
            this.message = e.getMessage();
            this.errorCode = e.errorCode();
            this.errorInfo = e.errorInfo();
        }

        @Override
        Value eval(Interp in) throws TclException {
            TclException e = TclException.error(message);
            e.setErrorCode(errorCode);
            e.setErrorInfo(errorInfo);
            throw e;
        }
    }
}
