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
    /** apply's lambda expression, null for a named proc: called as {@code apply lambda arg ...}. */
    private final Value lambda;
    /** Where the body resolves names: the namespace the proc's command lives in (rename moves it). */
    Namespace namespace;
    /** The command's name in that namespace. */
    String tail;
    /** Where the body's text came from, for info frame: set when the proc is defined. */
    Origin bodyOrigin = Origin.PROC;
    /** For a TclOO method: its name, "class" or "object", and that owner's current name (info frame); else null. */
    private String methodName;
    private String ownerKind;
    private java.util.function.Supplier<String> owner;

    public Proc(String name, Value paramList, Value body) throws TclException {
        this(name, paramList, body, null, null);
    }

    /**
     * apply's anonymous proc for a lambda expression, running in namespace ns; a bad parameter
     * list reports the lambda it was parsing. Its body is located (for info frame) as the
     * command running now sees the lambda.
     */
    public static Proc lambda(Interp interp, Value lambda, Value paramList, Value body, Namespace ns) throws TclException {
        try {
            Proc p = new Proc("lambda", paramList, body, ns, lambda);
            p.bodyOrigin = interp.lambdaOrigin(lambda);
            return p;
        } catch (TclException e) {
            e.appendErrorInfo("\n    (parsing lambda expression \"" + lambda + "\")");
            throw e;
        }
    }

    private Proc(String name, Value paramList, Value body, Namespace ns, Value lambda) throws TclException {
        this.name = name;
        this.namespace = ns;
        this.body = body;
        this.lambda = lambda;
        List<Param> ps = new ArrayList<>();
        for (Value p : paramList.asList()) {
            List<Value> parts = p.asList();
            if (parts.size() > 2) throw badParam("too many fields in argument specifier \"" + p + "\"");
            if (parts.isEmpty() || parts.get(0).toString().isEmpty()) throw badParam("argument with no name");
            String param = parts.get(0).toString();
            checkSimpleName(param);
            ps.add(new Param(param, parts.size() == 2 ? parts.get(1) : null));
        }
        this.params = List.copyOf(ps);
    }

    /** TclCreateProc: a parameter is a plain local variable, neither an array element nor qualified. */
    private static void checkSimpleName(String param) throws TclException {
        boolean element = param.endsWith(")");
        for (int i = 0; i < param.length(); i++) {
            char c = param.charAt(i);
            if (c == '(' && element) throw badParam("formal parameter \"" + param + "\" is an array element");
            if (c == ':' && i + 1 < param.length() && param.charAt(i + 1) == ':') {
                throw badParam("formal parameter \"" + param + "\" is not a simple name");
            }
        }
    }

    private static TclException badParam(String message) {
        return TclException.error(message, "TCL", "OPERATION", "PROC", "FORMALARGUMENTFORMAT");
    }

    public List<Param> params() { return params; }
    public Value body() { return body; }
    public Namespace namespace() { return namespace; }
    /** apply's lambda expression, or null for a named proc. */
    public Value lambdaExpr() { return lambda; }

    /** Makes this the body of a TclOO method: info frame names it "method NAME class|object OWNER". */
    public void describeAsMethod(String name, String kind, java.util.function.Supplier<String> ownerName) {
        methodName = name;
        ownerKind = kind;
        owner = ownerName;
    }

    /**
     * TIP 280 as TclOO places a method body: at the line of the running command's word
     * {@code index} (its fourth, the body in {@code method name args body}), when that is literal
     * and in a sourced file.
     */
    public void locateAtWord(Interp interp, int index) {
        bodyOrigin = interp.wordOrigin(index);
    }

    /** getbytecode's sourcefile: the file the body was written in, or null. */
    public String sourceFile() {
        Origin o = bodyOrigin.resolve();
        return o.type.equals("source") ? o.file : null;
    }

    /** getbytecode's initiallinenumber: the line the body starts on in that file (see sourceFile). */
    public int sourceLine() {
        return bodyOrigin.resolve().base;
    }

    /** info frame's words for the routine: proc NAME, lambda EXPR, or method NAME class|object OWNER. */
    void describe(List<Value> d) {
        if (lambda != null) {
            d.add(Value.of("lambda"));
            d.add(lambda);
        } else if (methodName != null) {
            d.add(Value.of("method"));
            d.add(Value.of(methodName));
            d.add(Value.of(ownerKind));
            d.add(Value.of(owner.get()));
        } else {
            d.add(Value.of("proc"));
            d.add(Value.of(fullName()));
        }
    }

    /** The command's full name, as info frame reports it. */
    String fullName() {
        return namespace == null ? name : namespace.qualify(tail);
    }

    /** The words before the arguments: the proc's name, or apply and the lambda. */
    private int firstArg() {
        return lambda == null ? 1 : 2;
    }

    /**
     * How a body is called when it is not a plain proc (a TclOO method): how many leading words
     * name it (the formals bind the rest), the namespace it runs in, what its error trace calls it
     * (Tcl's {@code class "::C" method "m"}), and what to set up in its frame before binding.
     */
    public record Invocation(int skip, Namespace ns, String context, Setup setup) {}

    /** A plain proc (or lambda) call: its own namespace and trace line. */
    private static final Invocation PROC = new Invocation(0, null, null, null);

    @FunctionalInterface
    public interface Setup {
        void run(Interp interp) throws TclException;
    }

    @Override
    public Value call(Interp interp, Value[] argv) throws TclException {
        return call(interp, argv, PROC);
    }

    public Value call(Interp interp, Value[] argv, Invocation how) throws TclException {
        try {
            return run(interp, argv, how);
        } catch (TclException e) {
            if (e.tailCall() == null) throw e;
            return interp.invoke(e.tailCall());
        }
    }

    private Value run(Interp interp, Value[] argv, Invocation how) throws TclException {
        return interp.callInNewFrame(this, argv, how == PROC ? namespace : how.ns(), frame -> {
            if (how.setup() != null) how.setup().run(interp);
            bind(interp, argv, how);
            try {
                return interp.evalProcBody(body, bodyOrigin);
            } catch (TclException e) {
                switch (e.code()) {
                    case TclException.RETURN -> {
                        if (e.tailCall() != null) throw e;
                        TclException done = e.oneLevelDone();
                        if (done == null) return e.result();
                        throw done;
                    }
                    case TclException.BREAK, TclException.CONTINUE -> {
                        // Tcl reports these against the procedure as a whole: always "line 1".
                        TclException x = TclException.error("invoked \"" + (e.code() == TclException.BREAK
                                ? "break" : "continue") + "\" outside of a loop");
                        x.appendErrorInfo(traceLine(argv, 1, how));
                        throw x;
                    }
                    default -> {
                        if (e.isError()) {
                            e.lineIsFinal = false;
                            e.appendErrorInfo(traceLine(argv, e.line, how));
                        }
                        throw e;
                    }
                }
            }
        });
    }

    /** MakeProcError/MakeLambdaError: the proc's name or the lambda, cut at 60 characters. */
    private String traceLine(Value[] argv, int line, Invocation how) {
        if (how.context() != null) return "\n    (" + how.context() + " line " + line + ")";
        String shown = lambda == null ? argv[0].toString() : lambda.toString();
        if (shown.length() > 60) shown = shown.substring(0, 60) + "...";
        return "\n    (" + (lambda == null ? "procedure" : "lambda term") + " \"" + shown + "\" line " + line + ")";
    }

    private void bind(Interp interp, Value[] argv, Invocation how) throws TclException {
        try {
            bindArgs(interp, argv, how == PROC ? firstArg() : how.skip());
        } catch (TclException e) {
            String shown = interp.usageName(argv);
            if (shown == null || !e.errorCode().toString().equals("TCL WRONGARGS")) throw e;
            StringBuilder sb = new StringBuilder("wrong # args: should be \"").append(shown);
            usage(sb, interp.usageSkip(argv) - (firstArg() - 1));
            throw TclException.error(sb.append('"').toString(), "TCL", "WRONGARGS");
        }
    }

    private void bindArgs(Interp interp, Value[] argv, int first) throws TclException {
        int given = argv.length - first;
        int n = params.size();
        boolean varargs = n > 0 && params.get(n - 1).name().equals("args");
        int fixed = varargs ? n - 1 : n;
        for (int i = 0; i < fixed; i++) {
            Param p = params.get(i);
            if (i < given) interp.setVar(p.name(), argv[i + first]);
            else if (p.defaultValue() != null) interp.setVar(p.name(), p.defaultValue());
            else throw wrongArgs(argv, first);
        }
        if (varargs) {
            List<Value> rest = new ArrayList<>();
            for (int i = fixed; i < given; i++) rest.add(argv[i + first]);
            interp.setVar("args", Value.ofList(rest));
        } else if (given > n) {
            throw wrongArgs(argv, first);
        }
    }

    /**
     * ProcWrongNumArgs: the name as a list element (quoted if need be), apply's as "apply
     * lambdaExpr"; a method shows the words that named it ({@code obj method}).
     */
    private TclException wrongArgs(Value[] argv, int first) {
        StringBuilder sb = new StringBuilder("wrong # args: should be \"");
        if (first > firstArg()) {
            sb.append(argv[0]);
            for (int i = 1; i < first; i++) sb.append(' ').append(argv[i]);
        } else {
            sb.append(lambda == null ? Value.ofList(List.of(argv[0])).toString() : argv[0] + " lambdaExpr");
        }
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
