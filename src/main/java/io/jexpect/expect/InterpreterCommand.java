package io.jexpect.expect;

import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.List;

/**
 * interpreter [-eof script]: Expect's interactive sub-REPL on stdin and stdout, in the caller's
 * scope. Before each command it shows what prompt1 (or, inside an unfinished command, prompt2)
 * returns; both are commands a script may redefine. Each command goes to Tcl's history, as
 * Expect's do, which numbers the default prompt. Results go to stdout, errors with their trace to
 * stderr. return ends it (its value is interpreter's), inter_return also returns from the caller,
 * break and continue go on to the caller; end of input runs the -eof script, then ends it.
 */
final class InterpreterCommand {
    /** Expect counts prompts itself while Tcl's history is not loaded. */
    private int nextId;
    /** Set while interpreter runs prompt1: Expect's level there is one deeper than the caller's. */
    private boolean prompting;

    private InterpreterCommand() {}

    static void install(Interp in) {
        in.register("interpreter", InterpreterCommand::interpreter);
        in.register("exp_interpreter", InterpreterCommand::interpreter);
        in.register("prompt1", (i, a) -> Value.of(of(i).defaultPrompt(i, i.level() + (of(i).prompting ? 2 : 1))));
        in.register("prompt2", (i, a) -> Value.of("+> "));
    }

    private static InterpreterCommand of(Interp in) {
        return in.extension(InterpreterCommand.class, InterpreterCommand::new);
    }

    private static Value interpreter(Interp in, Value[] a) throws TclException {
        Value eofScript = null;
        for (int i = 1; i < a.length; i++) {
            String opt = a[i].toString();
            if (!opt.equals("-eof")) throw TclException.error("bad flag \"" + opt + "\": must be -eof");
            if (i + 1 >= a.length) throw TclException.error("wrong # args: should be \"interpreter -eof cmd\"");
            eofScript = a[++i];
        }
        InterpreterCommand self = of(in);
        Channel stdin = in.channels().stdin();
        Channel stdout = in.channels().stdout();
        StringBuilder pending = new StringBuilder();
        while (true) {
            self.prompt(in, stdout, pending.isEmpty());
            String line = stdin.readLine();
            if (line == null) {
                return eofScript == null ? Value.EMPTY : in.eval(eofScript.toString());
            }
            pending.append(line).append('\n');
            if (!complete(in, pending)) continue;
            Value command = Value.of(pending.toString());
            pending.setLength(0);
            record(in, command);
            try {
                Value v = in.eval(command.toString());
                if (!v.toString().isEmpty()) stdout.write(v + "\r\n");
            } catch (TclException e) {
                if (e.exitStatus() != null || e.code() == TclException.BREAK || e.code() == TclException.CONTINUE) throw e;
                if (e.code() == TclException.RETURN) {
                    // inter_return (a return two levels up) also returns from interpreter's caller.
                    if (e.returnLevel() > 1) throw TclException.ret(e.result(), e.returnLevel() - 1, e.returnCode());
                    return e.result();
                }
                if (e.isError()) {
                    String trace = e.errorInfo();
                    // error ... -nostack asks for no trace, in Expect.
                    if (!trace.startsWith("-nostack")) in.channels().stderr().write(trace + "\r\n");
                } else {
                    in.channels().stderr().write("error " + e.code() + ": " + e.result() + "\r\n");
                }
            }
        }
    }

    /** Tcl's test: nothing left open, and no backslash-newline still asking for the next line. */
    private static boolean complete(Interp in, CharSequence text) {
        int backslashes = 0;
        for (int i = text.length() - 2; i >= 0 && text.charAt(i) == '\\'; i--) backslashes++;
        if (backslashes % 2 == 1) return false;
        var err = in.parser().parse(text.toString()).error();
        return err == null || !err.message().startsWith("missing");
    }

    /** Expect calls Tcl_RecordAndEval: the command goes to "history add" first, whatever that says. */
    private static void record(Interp in, Value command) {
        try {
            in.evalAtLevel("#0", Value.ofList(List.of(Value.of("history"), Value.of("add"), command)));
        } catch (TclException ignored) {
            // No history (Tcl's library missing): Expect goes on without it too.
        }
    }

    private void prompt(Interp in, Channel stdout, boolean first) throws TclException {
        stdout.flush();
        String text;
        prompting = first;
        try {
            text = in.eval(first ? "prompt1" : "prompt2").toString();
        } catch (TclException e) {
            if (e.exitStatus() != null) throw e;
            text = first ? defaultPrompt(in, in.level() + 1) : "+> ";
        } finally {
            prompting = false;
        }
        stdout.write(text);
        stdout.flush();
    }

    /** "expectL.N> ": L is Expect's (Tcl's) nesting level, N the next history event's number. */
    private String defaultPrompt(Interp in, int level) {
        Value last = in.getGlobalOrNull("::tcl::history(nextid)");
        if (last != null) {
            try {
                nextId = last.asInt();
            } catch (TclException ignored) {
                // Expect ignores a value that is not a number.
            }
        }
        return "expect" + level + "." + ++nextId + "> ";
    }
}
