package io.jexpect.commands;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Runs a Tcl script in a fresh interpreter and returns what it printed on stdout. */
final class CoreScript {
    private CoreScript() {}

    static String run(String script) throws TclException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Interp interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(new byte[0]), out, err));
        try {
            interp.eval(script);
        } finally {
            interp.shutdown();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
