package io.jexpect.interp;

import io.jexpect.script.Command;
import io.jexpect.script.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * A running command, as TIP 280's {@code info frame} sees it: its text, where that text came from,
 * and the call frame it runs in. Frames form a stack, the innermost first. A command whose body
 * Tcl compiles inline (a literal if, while, foreach … body in compiled code) is no frame of its own
 * while that body runs: the body's commands stand in for it.
 */
final class CmdFrame {
    final CmdFrame next;
    final Command command;
    final Value[] argv;
    final Origin origin;
    /** The frame of the proc (or namespace eval) running the command: uplevel does not change it. */
    final Frame callFrame;
    /** A canonical list evaluated as a command: its words are values, none literal text. */
    final boolean fromList;
    /**
     * Whether commands it calls find its literal words (Tcl's TclArgumentGet): always for text
     * evaluated directly, for compiled code only with interp debug -frame.
     */
    final boolean literalsKnown;
    boolean inlined;

    CmdFrame(CmdFrame next, Command command, Value[] argv, Origin origin, Frame callFrame, boolean fromList,
             boolean literalsKnown) {
        this.next = next;
        this.command = command;
        this.argv = argv;
        this.origin = origin;
        this.callFrame = callFrame;
        this.fromList = fromList;
        this.literalsKnown = literalsKnown;
    }

    /** The line (in the command's script) of the literal word whose value v is, or 0 if none is. */
    int literalLine(Value v) {
        if (fromList) return 0;
        List<Word> words = command.words();
        if (argv.length != words.size()) return 0;
        for (int i = 0; i < argv.length; i++) {
            if (argv[i] == v && words.get(i) instanceof Word.Literal lit) return lit.frameLine();
        }
        return 0;
    }

    /**
     * TclInfoFrame's dictionary: type, line, file (sourced text), cmd, then proc (its full name),
     * lambda or method (with its class or object), and level when the command's call frame is one the current frame can reach.
     */
    Value describe(Frame current) {
        Origin o = origin.resolve();
        List<Value> d = new ArrayList<>();
        pair(d, "type", Value.of(o.type));
        pair(d, "line", Value.of(o.base + command.frameLine() - 1));
        if (o.file != null) pair(d, "file", Value.of(o.file));
        pair(d, "cmd", Value.of(Interp.text(command, argv)));
        if (callFrame.proc != null) callFrame.proc.describe(d);
        for (Frame f = current; f != null; f = f.caller) {
            if (f == callFrame) {
                pair(d, "level", Value.of(current.level - callFrame.level));
                break;
            }
        }
        return Value.ofList(d);
    }

    private static void pair(List<Value> d, String key, Value value) {
        d.add(Value.of(key));
        d.add(value);
    }
}
