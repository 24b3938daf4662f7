package io.jexpect.interp;

import java.util.ArrayList;
import java.util.List;

/** A procedure defined by the proc command: formal parameters (with defaults and args) and a body. */
public final class Proc implements TclCommand {
    /** One formal parameter; defaultValue is null when there is none. */
    public record Param(String name, Value defaultValue) {}

    private final String name;
    private final List<Param> params;
    private final Value body;
    /** Where the body resolves names: the namespace the proc's command lives in (rename moves it). */
    Namespace namespace;

    public Proc(String name, Value paramList, Value body) throws TclException {
        this(name, paramList, body, null);
    }

    /** A proc running in namespace ns (apply's lambdas; procs get theirs when defined). */
    public Proc(String name, Value paramList, Value body, Namespace ns) throws TclException {
        this.name = name;
        this.namespace = ns;
        this.body = body;
        List<Param> ps = new ArrayList<>();
        for (Value p : paramList.asList()) {
            List<Value> parts = p.asList();
            if (parts.isEmpty() || parts.size() > 2) {
                throw TclException.error("too many fields in argument specifier \"" + p + "\"");
            }
            ps.add(new Param(parts.get(0).toString(), parts.size() == 2 ? parts.get(1) : null));
        }
        this.params = List.copyOf(ps);
    }

    public List<Param> params() { return params; }
    public Value body() { return body; }
    public Namespace namespace() { return namespace; }

    @Override
    public Value call(Interp interp, Value[] argv) throws TclException {
        try {
            return run(interp, argv);
        } catch (TclException e) {
            if (e.tailCall() == null) throw e;
            return interp.invoke(e.tailCall());
        }
    }

    private Value run(Interp interp, Value[] argv) throws TclException {
        return interp.callInNewFrame(argv[0].toString(), argv, namespace, frame -> {
            bind(interp, argv);
            try {
                return interp.evalProcBody(body);
            } catch (TclException e) {
                switch (e.code()) {
                    case TclException.RETURN -> {
                        if (e.tailCall() != null) throw e;
                        if (--e.returnLevel > 0) throw e;
                        if (e.returnCode == TclException.OK) return e.result();
                        TclException converted = new TclException(e.returnCode, e.result());
                        if (e.returnCode == TclException.ERROR) {
                            converted.setErrorCode(e.errorCode());
                            if (e.traceStarted()) converted.setErrorInfo(e.errorInfo());
                        }
                        throw converted;
                    }
                    case TclException.BREAK, TclException.CONTINUE -> {
                        // Tcl reports these against the procedure as a whole: always "line 1".
                        TclException x = TclException.error("invoked \"" + (e.code() == TclException.BREAK
                                ? "break" : "continue") + "\" outside of a loop");
                        x.appendErrorInfo("\n    (procedure \"" + argv[0] + "\" line 1)");
                        throw x;
                    }
                    default -> {
                        if (e.isError()) {
                            e.lineIsFinal = false;
                            e.appendErrorInfo("\n    (procedure \"" + argv[0] + "\" line " + e.line + ")");
                        }
                        throw e;
                    }
                }
            }
        });
    }

    private void bind(Interp interp, Value[] argv) throws TclException {
        try {
            bindArgs(interp, argv);
        } catch (TclException e) {
            String shown = interp.usageName(argv);
            if (shown == null || !e.errorCode().toString().equals("TCL WRONGARGS")) throw e;
            StringBuilder sb = new StringBuilder("wrong # args: should be \"").append(shown);
            usage(sb, interp.usageSkip(argv));
            throw TclException.error(sb.append('"').toString(), "TCL", "WRONGARGS");
        }
    }

    private void bindArgs(Interp interp, Value[] argv) throws TclException {
        int given = argv.length - 1;
        int n = params.size();
        boolean varargs = n > 0 && params.get(n - 1).name().equals("args");
        int fixed = varargs ? n - 1 : n;
        for (int i = 0; i < fixed; i++) {
            Param p = params.get(i);
            if (i < given) interp.setVar(p.name(), argv[i + 1]);
            else if (p.defaultValue() != null) interp.setVar(p.name(), p.defaultValue());
            else throw wrongArgs(argv);
        }
        if (varargs) {
            List<Value> rest = new ArrayList<>();
            for (int i = fixed; i < given; i++) rest.add(argv[i + 1]);
            interp.setVar("args", Value.ofList(rest));
        } else if (given > n) {
            throw wrongArgs(argv);
        }
    }

    private TclException wrongArgs(Value[] argv) {
        StringBuilder sb = new StringBuilder("wrong # args: should be \"").append(argv[0]);
        usage(sb, 0);
        return TclException.error(sb.append('"').toString(), "TCL", "WRONGARGS");
    }

    private void usage(StringBuilder sb, int skip) {
        for (int i = skip; i < params.size(); i++) {
            Param p = params.get(i);
            sb.append(' ');
            if (p.name().equals("args") && i == params.size() - 1) sb.append("?arg ...?");
            else if (p.defaultValue() != null) sb.append('?').append(p.name()).append('?');
            else sb.append(p.name());
        }
    }

    @Override
    public String toString() {
        return "proc " + name;
    }
}
