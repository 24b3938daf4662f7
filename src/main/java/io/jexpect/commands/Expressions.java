package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/** Entry point of expr evaluation for the commands; the engine is {@link io.jexpect.expr.ExprEngine}. */
public final class Expressions {
    private Expressions() {}

    public static Value evaluate(Interp interp, Value expr) throws TclException {
        Value outer = interp.enterExpression(expr);
        try {
            return io.jexpect.expr.ExprEngine.evaluate(interp, expr);
        } catch (TclException e) {
            interp.relocateToArgument(e, expr);
            throw e;
        } finally {
            interp.enterExpression(outer);
        }
    }

    /** The expression's value as a condition, without building a result value when it can avoid one. */
    public static boolean test(Interp interp, Value expr) throws TclException {
        Value outer = interp.enterExpression(expr);
        try {
            return io.jexpect.expr.ExprEngine.test(interp, expr);
        } catch (TclException e) {
            interp.relocateToArgument(e, expr);
            throw e;
        } finally {
            interp.enterExpression(outer);
        }
    }
}
