package io.jexpect.commands;

import io.jexpect.interp.ImportedCommand;
import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.Proc;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.script.SyntaxError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Introspection: the info ensemble, plus rename and time. */
final class InfoCommands {
    private InfoCommands() {}

    private static final String[] SUBCOMMANDS = {"args", "body", "class", "cmdcount", "commands", "complete",
        "coroutine", "default", "errorstack", "exists", "frame", "functions", "globals", "hostname", "level",
        "library", "loaded", "locals", "nameofexecutable", "object", "patchlevel", "procs", "script",
        "sharedlibextension", "tclversion", "vars"};

    static void install(Interp in) {
        in.register("info", InfoCommands::info);
        in.register("rename", InfoCommands::rename);
        in.register("time", InfoCommands::time);
    }

    /** Text ending in an unescaped backslash-newline: the command goes on (Tcl's parse.incomplete). */
    private static boolean continuesOnNextLine(String text) {
        if (!text.endsWith("\n")) return false;
        int backslashes = 0;
        for (int k = text.length() - 2; k >= 0 && text.charAt(k) == '\\'; k--) backslashes++;
        return backslashes % 2 == 1;
    }

    private static Value info(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, 1, SUBCOMMANDS);
        in.countCommand(); // info is an ensemble in Tcl: calling ::tcl::info::<sub> counts as a command too
        return switch (sub) {
            case "exists" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "varName");
                yield Value.of(in.varExistsAfterReadTraces(a[2].toString()));
            }
            case "level" -> level(in, a);
            case "frame" -> frame(in, a);
            case "args" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "procname");
                List<Value> names = new ArrayList<>();
                for (Proc.Param p : proc(in, a[2]).params()) names.add(Value.of(p.name()));
                yield Value.ofList(names);
            }
            case "body" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "procname");
                yield proc(in, a[2]).body();
            }
            case "default" -> {
                if (a.length != 5) throw TclException.wrongArgs(a, 2, "procname arg varname");
                Proc p = proc(in, a[2]);
                String arg = a[3].toString();
                for (Proc.Param param : p.params()) {
                    if (!param.name().equals(arg)) continue;
                    if (param.defaultValue() == null) {
                        in.setVar(a[4].toString(), Value.EMPTY);
                        yield Value.ZERO;
                    }
                    in.setVar(a[4].toString(), param.defaultValue());
                    yield Value.ONE;
                }
                throw TclException.error("procedure \"" + a[2] + "\" doesn't have an argument \"" + arg + "\"");
            }
            case "commands" -> commands(in, a, false);
            case "procs" -> commands(in, a, true);
            case "vars" -> vars(in, a);
            case "globals" -> globals(in, a);
            case "locals" -> names(a, in.localVarNames(false));
            case "functions" -> functions(in, a);
            case "loaded" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?interp?");
                yield LoadCommand.loaded(a.length == 3 ? InterpCommands.resolve(in, a[2]) : null);
            }
            case "script" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?filename?");
                if (a.length == 3) in.setScriptFile(a[2].toString());
                String f = in.scriptFile();
                yield Value.of(f == null ? "" : f);
            }
            case "complete" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "command");
                String text = a[2].toString();
                SyntaxError err = in.parser().parse(text).error();
                yield Value.of((err == null || !err.message().startsWith("missing")) && !continuesOnNextLine(text));
            }
            case "hostname" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                yield Value.of(hostname());
            }
            case "nameofexecutable" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                // The launcher passes its own path; a JVM started otherwise can only name java.
                String launcher = System.getProperty("jexpect.executable");
                yield Value.of(launcher != null ? launcher : ProcessHandle.current().info().command().orElse(""));
            }
            case "patchlevel" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                yield in.getGlobal("tcl_patchLevel"); // as Tcl: the variable, whatever a script set it to
            }
            case "tclversion" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                yield in.getGlobal("tcl_version");
            }
            case "sharedlibextension" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                yield Value.of(".so");
            }
            case "library" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                Value lib = in.getGlobalOrNull("tcl_library");
                if (lib == null) throw TclException.error("no library has been specified for Tcl", "TCL", "VARNAME", "tcl_library");
                yield lib;
            }
            case "coroutine" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                yield CoroutineCommands.current(in);
            }
            case "object" -> io.jexpect.commands.oo.OoCommands.info(in, a, 2, false);
            case "class" -> io.jexpect.commands.oo.OoCommands.info(in, a, 2, true);
            case "errorstack" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?interp?");
                Interp target = a.length == 3 ? InterpCommands.resolve(in, a[2]) : in;
                yield Value.ofList(target.errorStack());
            }
            case "cmdcount" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                yield Value.of(in.commandCount());
            }
            default -> throw TclException.error("info " + sub + " is not supported by jexpect");
        };
    }

    private static Proc proc(Interp in, Value name) throws TclException {
        TclCommand c = ImportedCommand.realOf(in.command(name.toString()));
        if (c instanceof Proc p) return p;
        throw TclException.error("\"" + name + "\" isn't a procedure", "TCL", "LOOKUP", "PROCEDURE", name.toString());
    }

    private static Value level(Interp in, Value[] a) throws TclException {
        if (a.length == 2) return Value.of(in.level());
        if (a.length != 3) throw TclException.wrongArgs(a, 2, "?number?");
        long n = a[2].asLong();
        long target = n > 0 ? n : in.level() + n;
        if (target <= 0 || target > in.level()) throw TclException.error("bad level \"" + a[2] + "\"");
        Value[] words = in.procArgs((int) target);
        if (words == null) throw TclException.error("bad level \"" + a[2] + "\"");
        return Value.ofList(new ArrayList<>(List.of(words)));
    }

    /** info frame ?number?: TIP 280's view of the running commands; N > 0 counts from the outermost. */
    private static Value frame(Interp in, Value[] a) throws TclException {
        if (a.length > 3) throw TclException.wrongArgs(a, 2, "?number?");
        int top = in.cmdFrameCount();
        if (a.length == 2) return Value.of(top);
        int n = a[2].asInt();
        if (n > top || n <= -top) throw TclException.error("bad level \"" + a[2] + "\"", "TCL", "LOOKUP", "LEVEL", a[2].toString());
        return in.cmdFrameInfo(n > 0 ? top - n : -n);
    }

    /**
     * info commands/procs: a qualified pattern lists that namespace's commands by full name; an
     * unqualified one the current namespace's (for commands also its path's and the global
     * ones it does not hide) by simple name.
     */
    private static Value commands(Interp in, Value[] a, boolean procsOnly) throws TclException {
        if (a.length > 3) throw TclException.wrongArgs(a, 2, "?pattern?");
        String pattern = a.length == 3 ? a[2].toString() : "*";
        List<Value> out = new ArrayList<>();
        if (Namespace.qualified(pattern)) {
            Namespace ns = patternNamespace(in, pattern);
            if (ns == null) return Value.EMPTY;
            String tail = Namespace.tailOf(pattern);
            for (var e : List.copyOf(ns.commands().entrySet())) {
                if ((!procsOnly || isProc(e.getValue())) && GlobMatch.matches(tail, e.getKey())) out.add(Value.of(ns.qualify(e.getKey())));
            }
            return Value.ofList(out);
        }
        Namespace cur = in.currentNamespace();
        List<Namespace> scopes = new ArrayList<>();
        scopes.add(cur);
        if (!procsOnly) {
            scopes.addAll(cur.path());
            scopes.add(in.globalNamespace());
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Namespace ns : scopes) {
            for (var e : List.copyOf(ns.commands().entrySet())) {
                if ((!procsOnly || isProc(e.getValue())) && GlobMatch.matches(pattern, e.getKey()) && seen.add(e.getKey())) {
                    out.add(Value.of(e.getKey()));
                }
            }
        }
        return Value.ofList(out);
    }

    private static boolean isProc(TclCommand c) {
        return ImportedCommand.realOf(c) instanceof Proc;
    }

    /** The namespace a qualified pattern names (its qualifiers), or null. */
    private static Namespace patternNamespace(Interp in, String pattern) {
        String q = Namespace.qualifiersOf(pattern);
        return q.isEmpty() ? in.globalNamespace() : in.findNamespace(q);
    }

    /** info vars: locals in a proc; elsewhere the current namespace's and the global ones. */
    private static Value vars(Interp in, Value[] a) throws TclException {
        if (a.length > 3) throw TclException.wrongArgs(a, 2, "?pattern?");
        String pattern = a.length == 3 ? a[2].toString() : "*";
        List<Value> out = new ArrayList<>();
        if (Namespace.qualified(pattern)) {
            Namespace ns = patternNamespace(in, pattern);
            if (ns == null) return Value.EMPTY;
            for (String n : ns.varNames()) {
                if (GlobMatch.matches(Namespace.tailOf(pattern), n)) out.add(Value.of(ns.qualify(n)));
            }
            return Value.ofList(out);
        }
        List<String> names = new ArrayList<>(in.inProc() ? in.localVarNames(true) : in.currentNamespace().varNames());
        if (!in.inProc() && !in.currentNamespace().isGlobal()) {
            for (String n : in.globalNamespace().varNames()) if (!names.contains(n)) names.add(n);
        }
        for (String n : names) if (GlobMatch.matches(pattern, n)) out.add(Value.of(n));
        return Value.ofList(out);
    }

    /** info globals: a pattern starting with "::" loses its leading colons (global names are simple). */
    private static Value globals(Interp in, Value[] a) throws TclException {
        if (a.length == 3 && a[2].toString().startsWith("::")) {
            a = a.clone();
            a[2] = Value.of(a[2].toString().replaceFirst("^:+", ""));
        }
        return names(a, in.globalNamespace().varNames());
    }

    /** info functions: the math functions, the commands of ::tcl::mathfunc and of tcl::mathfunc here. */
    private static Value functions(Interp in, Value[] a) throws TclException {
        if (a.length > 3) throw TclException.wrongArgs(a, 2, "?pattern?");
        String pattern = a.length == 3 ? a[2].toString() : "*";
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String where : new String[] {"::tcl::mathfunc", "tcl::mathfunc"}) {
            Namespace ns = in.findNamespace(where);
            if (ns == null) continue;
            for (String n : List.copyOf(ns.commands().keySet())) if (GlobMatch.matches(pattern, n)) names.add(n);
        }
        return Value.ofStrings(List.copyOf(names));
    }

    private static Value names(Value[] a, List<String> names) throws TclException {
        if (a.length > 3) throw TclException.wrongArgs(a, 2, "?pattern?");
        List<Value> out = new ArrayList<>();
        for (String n : names) {
            if (a.length == 2 || GlobMatch.matches(a[2].toString(), n)) out.add(Value.of(n));
        }
        return Value.ofList(out);
    }

    private static String hostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!h.isEmpty()) return h;
        } catch (IOException | RuntimeException ignored) {
            // Not Linux: fall back to the resolver's idea of the local host.
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static Value rename(Interp in, Value[] a) throws TclException {
        if (a.length != 3) throw TclException.wrongArgs(a, 1, "oldName newName");
        in.rename(a[1].toString(), a[2].toString());
        return Value.EMPTY;
    }

    private static Value time(Interp in, Value[] a) throws TclException {
        if (a.length != 2 && a.length != 3) throw TclException.wrongArgs(a, 1, "command ?count?");
        long count = a.length == 3 ? a[2].asLong() : 1;
        long start = System.nanoTime();
        for (long k = 0; k < count; k++) in.evalAction(a[1]);
        double micros = (System.nanoTime() - start) / 1000.0;
        Value per = count <= 1 ? Value.of(count <= 0 ? 0 : (long) micros) : Value.of(micros / count);
        return Value.of(per + " microseconds per iteration");
    }
}
