package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** try (with on/trap handlers and finally) and throw, with Tcl 8.6's return-options dictionaries. */
final class TryCommands {
    private TryCommands() {}

    static void install(Interp in) {
        in.register("try", TryCommands::tryCmd);
        in.register("throw", (i, a) -> {
            if (a.length != 3) throw TclException.wrongArgs(a, 1, "type message");
            if (a[1].asList().isEmpty()) throw TclException.error("type must be non-empty list");
            TclException e = TclException.error(a[2].toString());
            e.setErrorCode(a[1]);
            throw e;
        });
    }

    /**
     * The return-options dictionary of a completion, as Tcl's Tcl_GetReturnOptions builds it: the
     * options return was given, then -code and -level, then for an error -errorstack, -errorcode,
     * -errorinfo and -errorline (a key return was given keeps its place, with the current value).
     */
    static Value options(TclException e) {
        LinkedHashMap<String, Value> opts = new LinkedHashMap<>(e == null ? Map.of() : e.returnOptions());
        int code = e == null ? TclException.OK : e.code();
        boolean returning = code == TclException.RETURN;
        opts.put("-code", Value.of(returning ? e.returnCode() : code));
        opts.put("-level", Value.of(returning ? e.returnLevel() : 0));
        if (e != null && e.isError()) {
            opts.put("-errorstack", Value.ofList(e.errorStack()));
            opts.put("-errorcode", e.errorCode());
            opts.put("-errorinfo", Value.of(e.errorInfo()));
            opts.put("-errorline", Value.of(e.line()));
        } else if (returning && e.returnCode() == TclException.ERROR) {
            // A return -code error still on its way up: the error state return set so far.
            opts.put("-errorcode", e.errorCode());
            if (e.explicitErrorInfo()) {
                opts.put("-errorinfo", Value.of(e.errorInfo()));
                opts.put("-errorline", Value.of(e.line()));
            }
        }
        List<Value> kv = new ArrayList<>();
        opts.forEach((k, v) -> {
            kv.add(Value.of(k));
            kv.add(v);
        });
        return Value.ofList(kv);
    }

    private record Handler(boolean trap, int code, List<Value> pattern, List<Value> vars, Value script) {}

    private static Value tryCmd(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "body ?handler ...? ?finally script?");
        List<Handler> handlers = new ArrayList<>();
        Value finallyScript = null;
        int i = 2;
        while (i < a.length) {
            int type = handlerType(a[i]);
            if (type == 0) {
                if (i + 2 > a.length) throw TclException.error("wrong # args to finally clause: must be \"... finally script\"");
                if (i + 2 < a.length) throw TclException.error("finally clause must be last");
                finallyScript = a[i + 1];
                break;
            }
            if (i + 4 > a.length) {
                throw TclException.error(type == 1
                        ? "wrong # args to on clause: must be \"... on code variableList script\""
                        : "wrong # args to trap clause: must be \"... trap pattern variableList script\"");
            }
            List<Value> vars = a[i + 2].asList();
            if (type == 1) {
                handlers.add(new Handler(false, ControlCommands.parseCode(a[i + 1]), null, vars, a[i + 3]));
            } else {
                handlers.add(new Handler(true, TclException.ERROR, a[i + 1].asList(), vars, a[i + 3]));
            }
            i += 4;
        }
        if (!handlers.isEmpty() && handlers.get(handlers.size() - 1).script().toString().equals("-")) {
            throw TclException.error("last non-finally clause must not have a body of \"-\"");
        }

        // Outside a proc Tcl runs try as a command, not compiled inline: its bodies add trace lines.
        boolean apart = !in.inProc() && !handlers.isEmpty();
        Value result = Value.EMPTY;
        TclException failure = null;
        try {
            result = apart ? in.evalBodyApart(a[1], "\"try\" body") : in.evalBody(a[1], "\"try\" body");
        } catch (TclException e) {
            if (e.exitStatus() != null) throw e;
            failure = e;
            in.noteCaught(e);
        }
        int code = failure == null ? TclException.OK : failure.code();
        for (int h = 0; h < handlers.size(); h++) {
            Handler handler = handlers.get(h);
            if (handler.code() != code || handler.trap() && !prefixMatches(handler.pattern(), failure.errorCode())) {
                continue;
            }
            int body = h;
            while (handlers.get(body).script().toString().equals("-")) body++;
            Value value = failure == null ? result : failure.result();
            Value bodyOptions = options(failure);
            failure = null;
            String context = handler.trap() ? "\"try ... trap\" handler" : "\"try ... on\" handler";
            try {
                // A variable that cannot be set fails the handler as its body would: finally still runs.
                if (!handler.vars().isEmpty()) in.setVar(handler.vars().get(0).toString(), value);
                if (handler.vars().size() > 1) in.setVar(handler.vars().get(1).toString(), bodyOptions);
                result = apart ? in.evalBodyApart(handlers.get(body).script(), context)
                        : in.evalBody(handlers.get(body).script(), context);
            } catch (TclException e) {
                if (e.exitStatus() != null) throw e;
                failure = e;
                if (e.isError()) during(e, bodyOptions);
            }
            break;
        }
        if (finallyScript != null) {
            Value outcome = options(failure);
            try {
                in.evalBody(finallyScript, null);
            } catch (TclException e) {
                if (e.isError() && e.exitStatus() == null) during(e, outcome);
                throw e;
            }
        }
        if (failure != null && failure.isError() && (!handlers.isEmpty() || finallyScript != null)) {
            during(failure, null);
            // Re-installed with its -errorinfo, the error is logged: the try command adds no line.
            if (apart) {
                int line = failure.line();
                failure.setErrorInfoLogged(failure.errorInfo());
                failure.setLine(line);
            }
        }
        if (failure != null) throw failure;
        return result;
    }

    /**
     * An error leaving try through its handlers or finally: Tcl re-installs its options dictionary
     * (so its keys come before -code and -level), with -during, the outcome it interrupted.
     */
    private static void during(TclException e, Value interrupted) throws TclException {
        LinkedHashMap<String, Value> opts = new LinkedHashMap<>();
        List<Value> kv = options(e).asList();
        for (int k = 0; k < kv.size(); k += 2) opts.put(kv.get(k).toString(), kv.get(k + 1));
        opts.remove("-code");
        opts.remove("-level");
        if (interrupted != null) opts.put("-during", interrupted);
        e.setReturnOptions(opts);
    }

    private static int handlerType(Value word) throws TclException {
        return switch (word.toString()) {
            case "finally" -> 0;
            case "on" -> 1;
            case "trap" -> 2;
            default -> throw TclException.error("bad handler type \"" + word + "\": must be finally, on, or trap",
                    "TCL", "LOOKUP", "INDEX", "handler type", word.toString());
        };
    }

    private static boolean prefixMatches(List<Value> pattern, Value errorCode) throws TclException {
        List<Value> code = errorCode.asList();
        if (pattern.size() > code.size()) return false;
        for (int k = 0; k < pattern.size(); k++) {
            if (!pattern.get(k).toString().equals(code.get(k).toString())) return false;
        }
        return true;
    }
}
