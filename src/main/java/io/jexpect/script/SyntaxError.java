package io.jexpect.script;

/**
 * A malformed command: Tcl's message ("missing close-brace"), the line the command starts on, the
 * command text up to the point Tcl shows in its trace, and the line and column of the offending
 * character for diagnostics.
 */
public record SyntaxError(String message, int line, String commandText, int errorLine, int errorColumn) {}
