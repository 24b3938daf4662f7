package io.jexpect.expect;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/**
 * debug (exp_debug): reports and sets Expect's interactive debugger. jexpect has no debugger, so
 * it is always off; turning it on is an error that says so (DejaGnu asks [exp_debug] at start).
 */
final class DebugCommand {
    private DebugCommand() {}

    static void install(Interp in) {
        in.register("debug", DebugCommand::debug);
        in.register("exp_debug", DebugCommand::debug);
    }

    private static Value debug(Interp in, Value[] a) throws TclException {
        int i = 1;
        if (i < a.length && a[i].toString().equals("-now")) i++;
        if (i == a.length) return Value.ZERO;
        String flag = a[i].toString();
        if (i + 1 != a.length || !flag.equals("0") && !flag.equals("1")) throw TclException.error("usage: [[-now] 1|0]");
        if (flag.equals("1")) throw TclException.error(a[0] + ": the Tcl debugger is not implemented in jexpect");
        return Value.ZERO;
    }
}
