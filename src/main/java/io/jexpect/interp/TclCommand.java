package io.jexpect.interp;

/** A command callable from scripts. {@code argv[0]} is the command name as invoked. */
@FunctionalInterface
public interface TclCommand {
    Value call(Interp interp, Value[] argv) throws TclException;

    /** A command with something to release when it is deleted (a coroutine, a child interpreter). */
    interface Deletable {
        void deleted(Interp interp);
    }

    /** A command that needs to know its own name (a TclOO object): told on definition and rename. */
    interface Placed {
        void placed(Namespace ns, String tail);
    }
}
