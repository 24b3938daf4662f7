package io.jexpect.testing;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One interpreter for a test, on captured streams: evaluates scripts and reports their results,
 * their output, or "message | errorCode". Closing it ends the programs its scripts spawned.
 */
public final class TclRunner implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    public final Interp interp;

    public TclRunner() {
        this("");
    }

    /** An interpreter whose stdin holds {@code stdin}. */
    public TclRunner(String stdin) {
        interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err));
    }

    /** The script's result. */
    public String eval(String script) throws TclException {
        return interp.eval(script).toString();
    }

    /** Evaluates a script and returns all the interpreter has written on stdout so far. */
    public String run(String script) throws TclException {
        interp.eval(script);
        return stdout();
    }

    /** The error message and errorCode of a script that must fail. */
    public String error(String script) {
        try {
            interp.eval(script);
        } catch (TclException e) {
            return e.result() + " | " + e.errorCode();
        }
        throw new AssertionError("no error from: " + script);
    }

    public String stdout() {
        interp.channels().flushAll();
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        interp.shutdown();
    }
}
