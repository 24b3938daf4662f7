package io.jexpect.script;

import java.util.List;

/**
 * A parsed script: its commands in order and, if the text is malformed, the error that stops it
 * after those commands. Tcl parses one command at a time and runs it, so the commands before a
 * syntax error still run; the error is raised when evaluation reaches it.
 */
public record Script(String source, List<Command> commands, SyntaxError error) {
    public Script {
        commands = List.copyOf(commands);
    }
}
