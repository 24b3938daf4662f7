package io.jexpect.api;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded interpreter with the Tcl core and the Expect commands:
 * <pre>{@code
 * try (TclInterpreter tcl = TclInterpreter.create()) {
 *     tcl.register("javaUpper", args -> args.get(0).toUpperCase());
 *     tcl.eval("spawn sh; send \"echo [javaUpper hi]\\r\"; expect HI");
 * }
 * }</pre>
 * Closing ends every program its scripts spawned and flushes its channels. One thread at a time.
 */
public final class TclInterpreter implements AutoCloseable {
    private final Interp interp;

    private TclInterpreter(Interp interp) {
        this.interp = interp;
    }

    /** An interpreter on the process's standard input, output and error. */
    public static TclInterpreter create() {
        return new TclInterpreter(Jexpect.newInterpreter());
    }

    /** An interpreter whose {@code stdin}, {@code stdout} and {@code stderr} are the given streams. */
    public static TclInterpreter create(InputStream in, OutputStream out, OutputStream err) {
        return new TclInterpreter(Jexpect.newInterpreter(new Channels(in, out, err)));
    }

    /**
     * Evaluates a script at global level.
     *
     * @return the script's result
     * @throws TclError when it ends with an error or calls {@code exit}
     */
    public String eval(String script) {
        try {
            return interp.eval(script).toString();
        } catch (TclException e) {
            return completed(e);
        }
    }

    /** Runs a script file with arguments ({@code argv}, {@code argc}, {@code argv0}), as the jexpect command does. */
    public String evalFile(Path file, String... args) {
        try {
            interp.setGlobal("argv", Value.ofStrings(List.of(args)));
            interp.setGlobal("argc", Value.of(args.length));
            interp.setGlobal("argv0", Value.of(file.toString()));
            return interp.evalFile(file).toString();
        } catch (TclException e) {
            return completed(e);
        }
    }

    /** A top-level {@code return} gives its value; errors and {@code exit} become {@link TclError}. */
    private static String completed(TclException e) {
        if (e.code() == TclException.RETURN && e.exitStatus() == null) return String.valueOf(e.result());
        throw new TclError(e);
    }

    /** A global variable's value. @throws TclError when it does not exist */
    public String get(String variable) {
        try {
            return interp.getVar(variable).toString();
        } catch (TclException e) {
            throw new TclError(e);
        }
    }

    /** Sets a global variable. */
    public TclInterpreter set(String variable, String value) {
        try {
            interp.setGlobal(variable, Value.of(value));
        } catch (TclException e) {
            throw new TclError(e);
        }
        return this;
    }

    /**
     * Defines a command in Java (replacing one of the same name). What it throws becomes a Tcl error
     * that {@code catch} sees, with errorCode {@code JAVA <exception class>} and the exception's
     * message (the JVM's own words, a NullPointerException's say, become {@code internal error in
     * "name"}), as for every command; a {@link TclError} from a nested {@link #eval} keeps its own
     * message and errorCode.
     */
    public TclInterpreter register(String name, JavaCommand command) {
        interp.register(name, (in, argv) -> {
            List<String> args = new ArrayList<>(argv.length - 1);
            for (int i = 1; i < argv.length; i++) args.add(argv[i].toString());
            try {
                String r = command.call(args);
                return r == null ? Value.EMPTY : Value.of(r);
            } catch (TclError e) {
                throw e.tcl();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                throw new UndeclaredThrowableException(e); // the interpreter turns it into the Tcl error
            }
        });
        return this;
    }

    /** Ends every program the scripts spawned and flushes the channels. */
    @Override
    public void close() {
        interp.shutdown();
    }
}
