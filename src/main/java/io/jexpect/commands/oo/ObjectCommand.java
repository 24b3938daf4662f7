package io.jexpect.commands.oo;

import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/** An object's command: {@code obj method ?arg ...?} calls an exported method; deleting it destroys the object. */
final class ObjectCommand implements TclCommand, TclCommand.Deletable, TclCommand.Placed {
    private final OoRuntime oo;
    final OoObject object;

    ObjectCommand(OoRuntime oo, OoObject object) {
        this.oo = oo;
        this.object = object;
    }

    @Override
    public Value call(Interp interp, Value[] argv) throws TclException {
        if (argv.length < 2) throw TclException.wrongArgs(argv, 1, "method ?arg ...?");
        return oo.invoke(object, argv, true);
    }

    @Override
    public void placed(Namespace ns, String tail) {
        object.commandNs = ns;
        object.commandTail = tail;
    }

    @Override
    public void deleted(Interp interp) {
        // The destructor still sees the object's name, as in Tcl.
        object.commandDeleted = true;
        oo.destroy(object);
        object.commandNs = null;
    }
}
