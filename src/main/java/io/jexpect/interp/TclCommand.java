package io.jexpect.interp;

/** A command callable from scripts. {@code argv[0]} is the command name as invoked. */
@FunctionalInterface
public interface TclCommand {
    Value call(Interp interp, Value[] argv) throws TclException;
}
