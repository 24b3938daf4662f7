package io.jexpect.commands;

import io.jexpect.api.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** One interpreter for a test: evaluates scripts, reports results or "message | errorCode". */
final class TclRunner {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Interp interp;

    TclRunner() {
        this("");
    }

    TclRunner(String stdin) {
        interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err));
    }

    String eval(String script) throws TclException {
        return interp.eval(script).toString();
    }

    /** The error message and errorCode of a script that must fail. */
    String error(String script) {
        try {
            interp.eval(script);
        } catch (TclException e) {
            return e.result() + " | " + e.errorCode();
        }
        throw new AssertionError("no error from: " + script);
    }

    String stdout() {
        interp.channels().flushAll();
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
