package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.interp.VarTrace;

/**
 * ::tcl_precision, linked to the thread's double formatting as Tcl links it: a read shows the
 * current setting, a write takes an integer 0..17 (not from a safe interpreter), an unset
 * leaves the link in place.
 */
final class PrecisionVariable implements VarTrace {
    private static final int MAX_DIGITS = 17;

    private PrecisionVariable() {}

    static void install(Interp in) throws TclException {
        in.setGlobal("tcl_precision", Value.of(Value.precision()));
        in.addVarTrace("::tcl_precision", new PrecisionVariable());
    }

    @Override
    public int ops() {
        return READ | WRITE | UNSET;
    }

    @Override
    public void fire(Interp in, String name1, String name2, int op) throws TclException {
        if (op == UNSET) { // the variable lives on: the next read shows the setting again
            in.addVarTrace("::tcl_precision", new PrecisionVariable());
            return;
        }
        if (op == READ) {
            in.setGlobal("tcl_precision", Value.of(Value.precision()));
            return;
        }
        if (InterpCommands.isSafe(in)) throw TclException.error("can't modify precision from a safe interpreter");
        Value v = in.getGlobalOrNull("tcl_precision");
        Number n = v == null ? null : v.integerOrNull();
        if (!(n instanceof Long digits) || digits < 0 || digits > MAX_DIGITS) {
            throw TclException.error("improper value for precision");
        }
        Value.setPrecision(digits.intValue());
    }
}
