package io.jexpect.api;

import java.util.List;

/**
 * A command written in Java, callable from scripts once {@link TclInterpreter#register registered}.
 * Whatever it throws becomes a Tcl error that the script's {@code catch} and {@code try} see (see
 * {@link TclInterpreter#register}).
 */
@FunctionalInterface
public interface JavaCommand {
    /**
     * Runs the command.
     *
     * @param args the words after the command name
     * @return the command's result (null is the empty string)
     */
    String call(List<String> args) throws Exception;
}
