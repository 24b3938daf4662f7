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
            for (CmdFrame f = invoker; f != null; f = f.next) {
                int line = f.literalLine(body);
                if (line > 0) {
                    located = f.origin.resolve().at(line + firstLine - 1);
                    break;
                }
            }
        }
        return located;
    }
}
