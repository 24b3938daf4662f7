package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/** Entry point of expr evaluation (placeholder until the expr grammar lands: only numbers and booleans). */
public final class Expressions {
    private Expressions() {}

    public static Value evaluate(Interp interp, Value expr) throws TclException {
        Value v = interp.subst(expr.toString(), true, true, true);
        if (v.numberOrNull() != null) return v;
        throw TclException.error("expr: not implemented yet for \"" + expr + "\"");
    }
}
