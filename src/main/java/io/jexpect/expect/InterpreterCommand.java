package io.jexpect.expect;

import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/**
 * interpreter [-eof script]: Expect's interactive sub-REPL on stdin and stdout, in the caller's
 * frame. Prompts come from prompt1/prompt2 when defined, else Expect's "expectN.M> " and "+> ";
 * results go to stdout, errors (with their trace) to stderr. return ends it; inter_return makes
 * the caller return; end of input runs the -eof script, then ends it.
 */
final class InterpreterCommand {
    private InterpreterCommand() {}

    static void install(Interp in) {
        in.register("interpreter", InterpreterCommand::interpreter);
        in.register("exp_interpreter", InterpreterCommand::interpreter);
    }

    private static Value interpreter(Interp in, Value[] a) throws TclException {
        Value eofScript = null;
        for (int i = 1; i < a.length; i++) {
            String opt = a[i].toString();
            if (opt.equals("-eof") && i + 1 < a.length) eofScript = a[++i];
            else throw TclException.error("bad flag \"" + opt + "\": must be -eof");
        }
        Channel stdin = in.channels().stdin();
        Channel stdout = in.channels().stdout();
        StringBuilder pending = new StringBuilder();
        int n = 1;
        while (true) {
            prompt(in, stdout, pending.isEmpty(), n);
            String line = stdin.readLine();
            if (line == null) {
                if (eofScript != null) in.eval(eofScript.toString());
                return Value.EMPTY;
            }
            pending.append(line).append('\n');
            var err = in.parser().parse(pending.toString()).error();
            if (err != null && err.message().startsWith("missing")) continue;
            String text = pending.toString();
            pending.setLength(0);
            n++;
            try {
                Value v = in.eval(text);
                // Expect ends these lines with \r\n, as on a raw terminal, whatever stdout is.
                if (!v.toString().isEmpty()) stdout.write(v + "\r\n");
            } catch (TclException e) {
                if (e.exitStatus() != null) throw e;
                if (e.code() == TclException.RETURN) {
                    // return ends the interpreter; inter_return (return -level 2) returns from its caller.
                    if (e.returnLevel() > 1) throw TclException.ret(e.result(), e.returnLevel() - 1, e.returnCode());
                    return e.result();
                }
                if (e.isError()) in.channels().stderr().write(e.errorInfo() + "\r\n");
            }
        }
    }

    private static void prompt(Interp in, Channel stdout, boolean first, int n) throws TclException {
        String proc = first ? "prompt1" : "prompt2";
        if (in.command(proc) != null) {
            in.eval(proc);
        } else {
            stdout.write(first ? "expect" + (in.level() + 2) + "." + n + "> " : "+> ");
        }
        stdout.flush();
    }
}
