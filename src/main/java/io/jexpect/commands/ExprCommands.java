package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;

/** The expr command. */
final class ExprCommands {
    private ExprCommands() {}

    static void install(Interp in) {
        in.register("expr", (i, a) -> {
            if (a.length < 2) throw TclException.wrongArgs(a, 1, "arg ?arg ...?");
            return Expressions.evaluate(i, a.length == 2 ? a[1] : ControlCommands.concat(a, 1));
        });
    }
}
