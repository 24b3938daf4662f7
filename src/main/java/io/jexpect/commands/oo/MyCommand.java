package io.jexpect.commands.oo;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/**
 * The {@code my} command in an object's namespace: calls any of the object's methods, exported or
 * not. It goes when the namespace is deleted, and takes the object with it.
 */
final class MyCommand implements TclCommand, TclCommand.Deletable {
    private final OoRuntime oo;
    private final OoObject object;

    MyCommand(OoRuntime oo, OoObject object) {
        this.oo = oo;
        this.object = object;
    }

    @Override
    public Value call(Interp interp, Value[] argv) throws TclException {
        if (argv.length < 2) throw TclException.wrongArgs(argv, 1, "method ?arg ...?");
        return oo.invoke(object, argv, false);
    }

    /**
     * Renaming my away leaves the object be, as in Tcl; deleting its namespace destroys it. Only
     * the namespace's deletion tells a command while still holding it.
     */
    @Override
    public void deleted(Interp interp) {
        if (object.ns.commands().get("my") == this) oo.destroy(object);
    }
}
