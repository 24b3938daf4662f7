package io.jexpect.interp;

/**
 * A non-ok completion of a Tcl evaluation: an error, or the return/break/continue codes that unwind
 * the Java stack the same way. For errors it accumulates Tcl's errorInfo trace as it propagates.
 * Stack traces are not captured: these are control flow, and cheap to throw.
 */
public final class TclException extends Exception {
    public static final int OK = 0, ERROR = 1, RETURN = 2, BREAK = 3, CONTINUE = 4;

    private final int code;
    private Value result;
    private StringBuilder errorInfo;
    private Value errorCode = Value.of("NONE");
    /** Line of the failing command within the script currently unwinding. */
    int line;
    /** Set when the line is already relative to the enclosing script (Tcl compiles these inline). */
    boolean lineIsFinal;
    /** For return: -level and -code. */
    int returnLevel = 1;
    int returnCode = OK;
    /**
     * The other options given to return, in the order given (Tcl's returnOpts without -code and
     * -level): catch and try report them first in the options dictionary. Null when there are none.
     */
    private java.util.LinkedHashMap<String, Value> returnOptions;
    /** Tcl's error stack (info errorstack): INNER and CALL/UP entries; null until the first is logged. */
    java.util.List<Value> errorStack;
    /** Whether return gave -errorline: logging the return command then leaves the line alone. */
    boolean lineGiven;
    /** Whether -errorinfo came from return or error itself, so the errorInfo is not the message plus a trace. */
    private boolean explicitErrorInfo;
    /** Raised by an operator over literals, which Tcl computes while compiling the expression. */
    private boolean raisedWhileFolding;
    /** For syntax errors: what the parser found, and in which parsed script. */
    io.jexpect.script.SyntaxError syntaxError;
    io.jexpect.script.Script syntaxScript;
    /** "file:line:column: what was expected", when the error is a syntax error in a file. */
    String location;

    /** Where a syntax error is in its file, as file:line:column and what was expected; or null. */
    public String location() {
        return location;
    }

    /** For tailcall: the command the proc's caller runs in the proc's place. */
    private Value[] tailCall;

    /** tailcall: unwinds the current proc like return, then its caller's frame runs argv. */
    public static TclException tailcall(Value[] argv) {
        TclException e = ret(Value.EMPTY, 1, OK);
        e.tailCall = argv;
        return e;
    }

    public Value[] tailCall() { return tailCall; }

    /** Whether the script side asked the interpreter to exit (exit command), and with which status. */
    private Integer exitStatus;

    public TclException(int code, Value result) {
        super(null, null, false, false);
        this.code = code;
        this.result = result;
    }

    public static TclException error(String message) {
        return new TclException(ERROR, Value.of(message));
    }

    public static TclException error(String message, String... errorCode) {
        TclException e = error(message);
        e.errorCode = Value.ofStrings(java.util.List.of(errorCode));
        return e;
    }

    /** Tcl's usage error: {@code wrong # args: should be "cmd sub usage"}. */
    public static TclException wrongArgs(Value[] argv, int keep, String usage) {
        StringBuilder sb = new StringBuilder("wrong # args: should be \"");
        for (int i = 0; i < keep && i < argv.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(argv[i]);
        }
        if (!usage.isEmpty()) sb.append(' ').append(usage);
        return error(sb.append('"').toString(), "TCL", "WRONGARGS");
    }

    /** The unwinding of {@code return -level L -code C result}. */
    public static TclException ret(Value result, int level, int code) {
        TclException e = new TclException(RETURN, result);
        e.returnLevel = level;
        e.returnCode = code;
        return e;
    }

    public static TclException exit(int status) {
        TclException e = new TclException(ERROR, Value.EMPTY);
        e.exitStatus = status;
        return e;
    }

    /** The options return was given, other than -code and -level; empty when none. */
    public java.util.Map<String, Value> returnOptions() {
        return returnOptions == null ? java.util.Map.of() : returnOptions;
    }

    public void setReturnOptions(java.util.LinkedHashMap<String, Value> options) {
        returnOptions = options.isEmpty() ? null : options;
    }

    /** The error stack so far, as info errorstack reports it. */
    public java.util.List<Value> errorStack() {
        return errorStack == null ? java.util.List.of() : errorStack;
    }

    /** return -errorstack: the stack is given, and logging goes on appending to it. */
    public void setErrorStack(java.util.List<Value> stack) {
        errorStack = new java.util.ArrayList<>(stack);
    }

    /** Whether the errorInfo was given explicitly (return -errorinfo, error's second argument). */
    public boolean explicitErrorInfo() { return explicitErrorInfo; }

    /** return -errorline: the line catch reports. */
    public void setLine(int line) {
        this.line = line;
        lineGiven = true;
    }

    /**
     * What a return with -level 0 left becomes where its level ran out (a proc's end): its -code,
     * with the same result, options and error state (Tcl's TclUpdateReturnInfo).
     */
    public TclException completedReturn() {
        TclException x = new TclException(returnCode, result);
        x.returnOptions = returnOptions;
        x.errorCode = errorCode;
        x.errorInfo = errorInfo;
        x.explicitErrorInfo = explicitErrorInfo;
        x.errorStack = errorStack;
        x.line = line;
        return x;
    }

    /**
     * A return passing one level (a proc's end): null when it completes there with code ok (its
     * result is the value), else what goes on unwinding (itself one level lower, or its -code).
     */
    public TclException oneLevelDone() {
        if (--returnLevel > 0) return this;
        return returnCode == OK ? null : completedReturn();
    }

    /** Tcl's error for a code no enclosing command takes (break or continue outside a loop, codes past 4). */
    public static TclException unexpected(int code) {
        return switch (code) {
            case BREAK -> error("invoked \"break\" outside of a loop");
            case CONTINUE -> error("invoked \"continue\" outside of a loop");
            default -> error("command returned bad code: " + code);
        };
    }

    public int code() { return code; }
    public Value result() { return result; }
    public void setResult(Value v) { result = v; }
    public boolean isError() { return code == ERROR && exitStatus == null; }
    public Integer exitStatus() { return exitStatus; }
    public Value errorCode() { return errorCode; }
    public void setErrorCode(Value v) { errorCode = v; }
    public int line() { return line; }
    /** Set by setErrorInfoLogged until the raising command has been passed. */
    boolean logged;
    /** For a return in progress: its -level and -code (what catch and try report in their options). */
    public int returnLevel() { return returnLevel; }
    public int returnCode() { return returnCode; }

    public void markRaisedWhileFolding() { raisedWhileFolding = true; }

    /** Whether an expression's constant part raised this; asking clears it, so only the innermost expression acts on it. */
    public boolean takeRaisedWhileFolding() {
        boolean was = raisedWhileFolding;
        raisedWhileFolding = false;
        return was;
    }

    /** True once a "while executing" line (or explicit info from the error command) is present. */
    public boolean traceStarted() { return errorInfo != null; }

    /** The errorInfo text: the message, then the trace. */
    public String errorInfo() {
        return errorInfo == null ? String.valueOf(result) : errorInfo.toString();
    }

    public void setErrorInfo(String info) {
        errorInfo = new StringBuilder(info);
    }

    /**
     * The error command's explicit errorInfo: the command that raised it adds no line of its own
     * (Tcl's ERR_ALREADY_LOGGED); the commands around it do.
     */
    public void setErrorInfoLogged(String info) {
        setErrorInfo(info);
        explicitErrorInfo = true;
        logged = true;
    }

    /** The command that raised this error logged it already (Tcl's ERR_ALREADY_LOGGED): it adds no trace line. */
    public void markLogged() {
        logged = true;
    }

    public void appendErrorInfo(String text) {
        if (errorInfo == null) errorInfo = new StringBuilder(String.valueOf(result));
        errorInfo.append(text);
    }

    @Override
    public String getMessage() {
        return String.valueOf(result);
    }
}
