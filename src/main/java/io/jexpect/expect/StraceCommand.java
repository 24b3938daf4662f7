package io.jexpect.expect;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/**
 * strace level: Expect's statement trace. Each command at nesting level {@code level} or less is
 * shown before it runs, on stderr and in the log file, as Expect's tcl_tracer writes it: the
 * level in two columns, two spaces per level, the command's text, "\r\n".
 */
final class StraceCommand {
    /** The level in effect; as Expect, a bad level turns the trace off but is not stored. */
    private int level;

    private StraceCommand() {}

    static void install(Interp in) {
        StraceCommand strace = new StraceCommand();
        in.register("strace", strace::strace);
        in.register("exp_strace", strace::strace);
    }

    private Value strace(Interp in, Value[] a) throws TclException {
        if (a.length > 1 && a[1].toString().equals("-info")) return Value.of(level);
        if (a.length != 2) throw TclException.error("usage: trace level");
        in.setCommandTracer(null);
        level = a[1].asInt();
        if (level > 0) {
            ExpectState st = ExpectState.of(in);
            int limit = level;
            in.setCommandTracer((depth, command) -> {
                if (depth <= limit) show(in, st, depth, command);
            });
        }
        return Value.EMPTY;
    }

    private static void show(Interp in, ExpectState st, int depth, String command) {
        String line = String.format("%2d", depth) + "  ".repeat(depth) + command + "\r\n";
        st.transcript.recordAlways(line);
        try {
            in.channels().stderr().write(line);
        } catch (TclException ignored) {
            // stderr closed: the trace has nowhere to go, as Expect's.
        }
    }
}
