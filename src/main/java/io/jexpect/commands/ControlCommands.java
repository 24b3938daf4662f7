package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.Proc;
import io.jexpect.interp.ScriptFile;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Control flow: if, while, for, foreach, lmap, break, continue, return, error, catch, proc, eval, uplevel. */
final class ControlCommands {
    private ControlCommands() {}

    static void install(Interp in) {
        in.register("if", ControlCommands::ifCmd);
        in.register("while", ControlCommands::whileCmd);
        in.register("for", ControlCommands::forCmd);
        in.register("foreach", (i, a) -> foreach(i, a, false));
        in.register("lmap", (i, a) -> foreach(i, a, true));
        in.register("break", (i, a) -> {
            if (a.length != 1) throw TclException.wrongArgs(a, 1, "");
            throw new TclException(TclException.BREAK, Value.EMPTY);
        });
        in.register("continue", (i, a) -> {
            if (a.length != 1) throw TclException.wrongArgs(a, 1, "");
            throw new TclException(TclException.CONTINUE, Value.EMPTY);
        });
        in.register("return", ControlCommands::returnCmd);
        in.register("error", ControlCommands::errorCmd);
        in.register("catch", ControlCommands::catchCmd);
        in.register("proc", ControlCommands::procCmd);
        in.register("eval", (i, a) -> {
            if (a.length < 2) throw TclException.wrongArgs(a, 1, "arg ?arg ...?");
            return i.evalBody(a.length == 2 ? a[1] : concat(a, 1), "\"eval\" body");
        });
        in.register("uplevel", ControlCommands::uplevel);
        in.register("apply", ControlCommands::apply);
        in.register("exit", (i, a) -> {
            if (a.length > 2) throw TclException.wrongArgs(a, 1, "?returnCode?");
            throw TclException.exit(a.length == 2 ? a[1].asInt() : 0);
        });
        in.register("source", ControlCommands::source);
    }

    /** source ?-encoding name? fileName: relative to the interpreter's directory, read as Tcl reads scripts. */
    private static Value source(Interp in, Value[] a) throws TclException {
        if (a.length != 2 && a.length != 4) throw TclException.wrongArgs(a, 1, "?-encoding name? fileName");
        if (a.length == 4 && !a[1].toString().equals("-encoding")) {
            throw TclException.error("bad option \"" + a[1] + "\": must be -encoding", "TCL", "LOOKUP", "INDEX", "option", a[1].toString());
        }
        String name = a[a.length - 1].toString();
        if (WorkingDirectory.refused(name)) throw PosixError.EINVAL.error("couldn't read file \"" + name + "\"");
        java.nio.file.Path file = WorkingDirectory.resolve(in, name);
        byte[] bytes = ScriptFile.readBytes(file, name);
        var encoding = a.length == 4 ? EncodingCommands.charset(a[2].toString()) : ScriptFile.systemEncoding();
        return in.evalFileText(name, file, ScriptFile.decode(bytes, encoding));
    }

    /**
     * Tcl_ConcatObj: each word trimmed of Tcl's concat white space (" \f\v\r\t\n" only), except
     * that a backslash left at a word's end keeps the white space character after it.
     */
    static Value concat(Value[] a, int from) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < a.length; k++) {
            String s = a[k].toString();
            int start = 0, end = s.length();
            while (start < end && isConcatSpace(s.charAt(start))) start++;
            while (end > start && isConcatSpace(s.charAt(end - 1))) end--;
            if (end > start && end < s.length() && s.charAt(end - 1) == '\\') end++;
            if (start == end) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(s, start, end);
        }
        return Value.of(sb.toString());
    }

    private static boolean isConcatSpace(char c) {
        return c == ' ' || c == '\f' || c == '\u000B' || c == '\r' || c == '\t' || c == '\n';
    }

    static boolean condition(Interp in, Value expr) throws TclException {
        return Expressions.test(in, expr);
    }

    /**
     * if: as Tcl's TclNRIfObjCmd, once a condition holds the remaining clauses are still checked
     * for shape (their conditions not evaluated) before the chosen script runs.
     */
    private static Value ifCmd(Interp in, Value[] a) throws TclException {
        int i = 1;
        int chosen = 0;
        while (true) {
            if (i >= a.length) throw wrongIf("no expression after \"" + a[i - 1] + "\" argument");
            boolean cond = chosen == 0 && condition(in, a[i]);
            i++;
            if (i < a.length && a[i].toString().equals("then")) i++;
            if (i >= a.length) throw wrongIf("no script following \"" + a[i - 1] + "\" argument");
            if (cond) chosen = i;
            i++;
            if (i >= a.length) return chosen != 0 ? in.evalTailBody(a[chosen], null) : Value.EMPTY;
            if (!a[i].toString().equals("elseif")) break;
            i++;
        }
        if (a[i].toString().equals("else")) {
            i++;
            if (i >= a.length) throw wrongIf("no script following \"else\" argument");
        }
        if (i < a.length - 1) throw wrongIf("extra words after \"else\" clause in \"if\" command");
        return in.evalTailBody(a[chosen != 0 ? chosen : i], null);
    }

    private static TclException wrongIf(String what) {
        return TclException.error("wrong # args: " + what, "TCL", "WRONGARGS");
    }

    private static Value whileCmd(Interp in, Value[] a) throws TclException {
        if (a.length != 3) throw TclException.wrongArgs(a, 1, "test command");
        while (condition(in, a[1])) {
            // A body without commands never reaches the per-command check: stopping must still work.
            if (in.asyncPending()) in.runAsync();
            try {
                in.evalBody(a[2], "\"while\" body");
            } catch (TclException e) {
                if (e.code() == TclException.BREAK) break;
                if (e.code() != TclException.CONTINUE) throw e;
            }
        }
        return Value.EMPTY;
    }

    private static Value forCmd(Interp in, Value[] a) throws TclException {
        if (a.length != 5) throw TclException.wrongArgs(a, 1, "start test next command");
        in.evalClause(a[1], "\"for\" initial command");
        while (condition(in, a[2])) {
            if (in.asyncPending()) in.runAsync();
            try {
                in.evalBody(a[4], "\"for\" body");
            } catch (TclException e) {
                if (e.code() == TclException.BREAK) break;
                if (e.code() != TclException.CONTINUE) throw e;
            }
            // A break in the loop-end command ends the loop; a continue leaves the for command.
            try {
                in.evalClause(a[3], "\"for\" loop-end command");
            } catch (TclException e) {
                if (e.code() == TclException.BREAK) break;
                throw e;
            }
        }
        return Value.EMPTY;
    }

    private static Value foreach(Interp in, Value[] a, boolean collect) throws TclException {
        if (a.length < 4 || a.length % 2 != 0) throw TclException.wrongArgs(a, 1, "varList list ?varList list ...? command");
        int pairs = (a.length - 2) / 2;
        List<List<Value>> vars = new ArrayList<>();
        List<List<Value>> lists = new ArrayList<>();
        int rounds = 0;
        for (int p = 0; p < pairs; p++) {
            List<Value> vs = a[1 + 2 * p].asList();
            if (vs.isEmpty()) throw TclException.error((collect ? "lmap" : "foreach") + " varlist is empty");
            List<Value> items = a[2 + 2 * p].asList();
            vars.add(vs);
            lists.add(items);
            rounds = Math.max(rounds, (items.size() + vs.size() - 1) / vs.size());
        }
        Value body = a[a.length - 1];
        String context = collect ? "\"lmap\" body" : "\"foreach\" body";
        List<Value> results = collect ? new ArrayList<>() : null;
        boolean compiled = in.compilesLoop(body);
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < pairs; p++) {
                List<Value> vs = vars.get(p);
                List<Value> items = lists.get(p);
                for (int k = 0; k < vs.size(); k++) {
                    int idx = r * vs.size() + k;
                    try {
                        in.setVar(vs.get(k).toString(), idx < items.size() ? items.get(idx) : Value.EMPTY);
                    } catch (TclException e) {
                        // Tcl's foreach command says which variable; compiled in a proc, it does not.
                        if (e.isError() && !compiled) e.appendErrorInfo("\n    (setting " + (collect ? "lmap" : "foreach")
                                + " loop variable \"" + vs.get(k) + "\")");
                        throw e;
                    }
                }
            }
            try {
                Value v = in.evalLoopBody(body, context, true);
                if (collect) results.add(v);
            } catch (TclException e) {
                if (e.code() == TclException.BREAK) break;
                if (e.code() != TclException.CONTINUE) throw e;
            }
        }
        return collect ? Value.ofList(results) : Value.EMPTY;
    }

    /**
     * return ?-option value ...? ?result?, as Tcl's TclMergeReturnOptions and TclProcessReturn do:
     * -options dictionaries are merged in, -code and -level are taken out (-code return means one
     * level more), and every other option is kept for the options dictionary catch reports.
     */
    static Value returnCmd(Interp in, Value[] a) throws TclException {
        int optionWords = (a.length - 1) / 2 * 2;
        LinkedHashMap<String, Value> opts = new LinkedHashMap<>();
        for (int i = 1; i < 1 + optionWords; i += 2) {
            if (a[i].toString().equals("-options")) mergeOptions(opts, a[i + 1]);
            else opts.put(a[i].toString(), a[i + 1]);
        }
        Value v;
        int code = (v = opts.remove("-code")) == null ? TclException.OK : parseCode(v);
        int level = (v = opts.remove("-level")) == null ? 1 : parseLevel(v);
        if ((v = opts.get("-errorcode")) != null && !isList(v)) {
            throw TclException.error("bad -errorcode value: expected a list but got \"" + v + "\"",
                    "TCL", "RESULT", "ILLEGAL_ERRORCODE");
        }
        Value stack = opts.get("-errorstack");
        if (stack != null) {
            if (!isList(stack)) throw TclException.error("bad -errorstack value: expected a list but got \"" + stack + "\"",
                    "TCL", "RESULT", "NONLIST_ERRORSTACK");
            if (stack.asList().size() % 2 != 0) throw TclException.error("forbidden odd-sized list for -errorstack: \""
                    + stack + "\"", "TCL", "RESULT", "ODDSIZEDLIST_ERRORSTACK");
        }
        if (code == TclException.RETURN) {
            level++;
            code = TclException.OK;
        }
        Value result = a.length % 2 == 0 ? a[a.length - 1] : Value.EMPTY;
        if (level == 0 && code == TclException.OK) return result;
        TclException e = level == 0 ? new TclException(code, result) : TclException.ret(result, level, code);
        e.setReturnOptions(opts);
        if (code == TclException.ERROR) {
            Value info = opts.get("-errorinfo");
            if (info != null && !info.toString().isEmpty()) e.setErrorInfoLogged(info.toString());
            if (stack != null) e.setErrorStack(stack.asList());
            e.setErrorCode(opts.getOrDefault("-errorcode", Value.of("NONE")));
            Value line = opts.get("-errorline");
            Integer n = line == null ? null : tclInt(line);
            if (n != null) e.setLine(n);
        }
        throw e;
    }

    /** Adds a -options dictionary to the options, following nested -options entries as Tcl does. */
    private static void mergeOptions(LinkedHashMap<String, Value> opts, Value dict) throws TclException {
        List<Value> kv = isList(dict) ? dict.asList() : null;
        if (kv == null || kv.size() % 2 != 0) {
            throw TclException.error("bad -options value: expected dictionary but got \"" + dict + "\"",
                    "TCL", "RESULT", "ILLEGAL_OPTIONS");
        }
        for (int k = 0; k < kv.size(); k += 2) opts.put(kv.get(k).toString(), kv.get(k + 1));
        Value nested = opts.remove("-options");
        if (nested != null) mergeOptions(opts, nested);
    }

    private static boolean isList(Value v) {
        try {
            v.asList();
            return true;
        } catch (TclException e) {
            return false;
        }
    }

    static int parseCode(Value v) throws TclException {
        return switch (v.toString()) {
            case "ok" -> TclException.OK;
            case "error" -> TclException.ERROR;
            case "return" -> TclException.RETURN;
            case "break" -> TclException.BREAK;
            case "continue" -> TclException.CONTINUE;
            default -> {
                Integer n = tclInt(v);
                if (n == null) throw TclException.error("bad completion code \"" + v
                        + "\": must be ok, error, return, break, continue, or an integer", "TCL", "RESULT", "ILLEGAL_CODE");
                yield n;
            }
        };
    }

    /** Tcl_GetIntFromObj: an integer within 32 bits, signed or unsigned (wrapping), or null. */
    private static Integer tclInt(Value v) {
        Number n = v.integerOrNull();
        if (!(n instanceof Long l) || Math.abs(l) > 0xFFFFFFFFL) return null;
        return (int) l.longValue();
    }

    private static int parseLevel(Value v) throws TclException {
        Integer n = tclInt(v);
        if (n == null || n < 0) throw TclException.error("bad -level value: expected non-negative integer but got \""
                + v + "\"", "TCL", "RESULT", "ILLEGAL_LEVEL");
        return n;
    }

    private static Value errorCmd(Interp in, Value[] a) throws TclException {
        if (a.length < 2 || a.length > 4) throw TclException.wrongArgs(a, 1, "message ?errorInfo? ?errorCode?");
        TclException e = TclException.error(a[1].toString());
        if (a.length >= 3 && !a[2].toString().isEmpty()) e.setErrorInfoLogged(a[2].toString());
        if (a.length == 4) e.setErrorCode(a[3]);
        throw e;
    }

    private static Value catchCmd(Interp in, Value[] a) throws TclException {
        if (a.length < 2 || a.length > 4) throw TclException.wrongArgs(a, 1, "script ?resultVarName? ?optionVarName?");
        int code;
        Value result;
        TclException failure = null;
        try {
            // Tcl compiles a catch with variables inline only in a proc: elsewhere its body is a
            // script of its own, and errorLine counts from the body's first line.
            result = a.length >= 3 && !in.inProc() ? in.evalAction(a[1]) : in.evalBody(a[1], null);
            code = TclException.OK;
        } catch (TclException e) {
            if (e.exitStatus() != null) throw e;
            failure = e;
            code = e.code();
            result = e.result();
        }
        if (a.length >= 3) in.setVar(a[2].toString(), result);
        if (failure != null) in.noteCaught(failure);
        if (a.length == 4) in.setVar(a[3].toString(), TryCommands.options(failure));
        return Value.of(code);
    }

    private static Value procCmd(Interp in, Value[] a) throws TclException {
        if (a.length != 4) throw TclException.wrongArgs(a, 1, "name args body");
        String name = a[1].toString();
        Namespace ns = in.memberNamespace(name);
        if (ns == null) throw TclException.error("can't create procedure \"" + name + "\": unknown namespace");
        String tail = Namespace.tailOf(name);
        in.defineCommand(ns, tail, new Proc(name, a[2], a[3]));
        return Value.EMPTY;
    }

    /** apply {params body ?namespace?} ?arg ...?: an anonymous proc, called at once. */
    private static Value apply(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "lambdaExpr ?arg ...?");
        List<Value> lambda = a[1].asList();
        if (lambda.size() < 2 || lambda.size() > 3) {
            throw TclException.error("can't interpret \"" + a[1] + "\" as a lambda expression");
        }
        Namespace ns = in.globalNamespace();
        if (lambda.size() == 3) {
            String nsName = lambda.get(2).toString();
            if (!Namespace.absolute(nsName)) nsName = "::" + nsName;
            ns = in.findNamespace(nsName);
            if (ns == null) throw TclException.error("namespace \"" + nsName + "\" not found", "TCL", "LOOKUP", "NAMESPACE", nsName);
        }
        return Proc.lambda(in, a[1], lambda.get(0), lambda.get(1), ns).call(in, a);
    }

    private static Value uplevel(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "?level? command ?arg ...?");
        // A lone list of several words cannot be a level: Tcl leaves it without a string form.
        boolean lonePureList = a.length == 2 && !a[1].hasStringRep() && a[1].isCanonicalList() && a[1].asList().size() > 1;
        boolean hasLevel = !lonePureList && in.isLevel(a[1].toString());
        int i = hasLevel ? 2 : 1;
        if (i >= a.length) throw TclException.wrongArgs(a, 1, "?level? command ?arg ...?");
        String level = hasLevel ? a[1].toString() : "1";
        Value script = a.length - i == 1 ? a[i] : concat(a, i);
        return in.evalAtLevel(level, script);
    }
}
