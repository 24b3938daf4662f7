package io.jexpect.interp;

/**
 * Where the text of a running script came from, as TIP 280's {@code info frame} reports it: a file
 * being sourced ({@code source}, with its path), a proc body ({@code proc}) or text built at run
 * time ({@code eval}); {@code base} is the line of that text the script's first line is on. A body
 * a command evaluates is located lazily, only when {@code info frame} asks: when it is a literal
 * word of a running command (Tcl's TclArgumentGet), it lies in that command's text.
 */
final class Origin {
    static final Origin EVAL = new Origin("eval", null, 1);
    static final Origin PROC = new Origin("proc", null, 1);

    final String type;
    final String file;
    final int base;
    /** For a body not yet located: the body, the command frame running when it started, its first line. */
    private final Value body;
    private final CmdFrame invoker;
    private final int firstLine;
    /** The line it is on (type eval) when not located. */
    private final int unlocatedLine;
    /** Not located, it is at the invoker's own line when that is in a sourced file (interp eval). */
    private boolean atInvokerIfUnlocated;
    /** Whether the invoker's words count even when compiled code keeps them unknown (not so for uplevel). */
    private boolean invokerKnown = true;
    private Origin located;

    Origin(String type, String file, int base) {
        this.type = type;
        this.file = file;
        this.base = base;
        this.body = null;
        this.invoker = null;
        this.firstLine = 1;
        this.unlocatedLine = 1;
    }

    private Origin(Value body, CmdFrame invoker, int firstLine, int unlocatedLine) {
        this.type = null;
        this.file = null;
        this.base = 1;
        this.body = body;
        this.invoker = invoker;
        this.firstLine = firstLine;
        this.unlocatedLine = unlocatedLine;
    }

    /** The origin of a body evaluated while {@code invoker} runs, found when needed. */
    static Origin ofBody(Value body, CmdFrame invoker) {
        return new Origin(body, invoker, 1, 1);
    }

    /** The same, for a script that starts on line {@code firstLine} of that body (an expression's operand). */
    static Origin ofBody(Value body, CmdFrame invoker, int firstLine) {
        return new Origin(body, invoker, firstLine, firstLine);
    }

    /**
     * Tcl's interp eval: a script found nowhere as a literal word counts as on the line of the
     * command evaluating it, when that command is located in a file.
     */
    static Origin ofScriptOrCommand(Value script, CmdFrame invoker) {
        Origin o = new Origin(script, invoker, 1, 1);
        o.atInvokerIfUnlocated = true;
        return o;
    }

    /** uplevel's script: located only where the literal words are kept, the invoker's included. */
    static Origin ofArgument(Value script, CmdFrame invoker) {
        Origin o = new Origin(script, invoker, 1, 1);
        o.invokerKnown = false;
        return o;
    }

    /** A script that is the element on line {@code line} of a list: text of its own unless the list is located. */
    static Origin ofElement(Value list, CmdFrame invoker, int line) {
        return new Origin(list, invoker, line, 1);
    }

    /** The same text, from its line {@code line} on. */
    Origin at(int line) {
        return new Origin(type, file, base + line - 1);
    }

    Origin resolve() {
        if (body == null) return this;
        if (located == null) {
            located = EVAL.at(unlocatedLine);
            // The invoker's own words, then those of the commands around it that keep theirs known.
            for (CmdFrame f = invoker; f != null; f = f.next) {
                int line = f == invoker && invokerKnown || f.literalsKnown ? f.literalLine(body) : 0;
                if (line > 0) {
                    located = f.origin.resolve().at(line + firstLine - 1);
                    return located;
                }
            }
            if (atInvokerIfUnlocated && invoker != null) {
                Origin o = invoker.origin.resolve();
                if (o.type.equals("source")) located = o.at(invoker.command.frameLine());
            }
        }
        return located;
    }
}
