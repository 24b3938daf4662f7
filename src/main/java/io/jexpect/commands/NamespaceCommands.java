package io.jexpect.commands;

import io.jexpect.interp.ImportedCommand;
import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The namespace ensemble: creating, entering and inspecting the interpreter's tree of namespaces. */
final class NamespaceCommands {
    private NamespaceCommands() {}

    private static final String[] SUBCOMMANDS = {"children", "code", "current", "delete", "ensemble", "eval",
        "exists", "export", "forget", "import", "inscope", "origin", "parent", "path", "qualifiers", "tail",
        "unknown", "upvar", "which"};

    static void install(Interp in) {
        in.register("namespace", NamespaceCommands::namespace);
    }

    private static Value namespace(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, 1, SUBCOMMANDS);
        return switch (sub) {
            case "children" -> children(in, a);
            case "code" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "arg");
                String s = a[2].toString();
                if (s.startsWith("::namespace inscope ")) yield a[2];
                yield Value.ofList(List.of(Value.of("::namespace"), Value.of("inscope"),
                        Value.of(in.currentNamespace().fullName()), a[2]));
            }
            case "current" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                yield Value.of(in.currentNamespace().fullName());
            }
            case "delete" -> {
                List<Namespace> doomed = new ArrayList<>();
                for (int i = 2; i < a.length; i++) {
                    Namespace ns = in.namespaceNamed(a[i].toString());
                    if (ns == null) {
                        throw TclException.error("unknown namespace \"" + a[i] + "\" in namespace delete command",
                                "TCL", "LOOKUP", "NAMESPACE", a[i].toString());
                    }
                    doomed.add(ns);
                }
                for (Namespace ns : doomed) in.deleteNamespace(ns);
                yield Value.EMPTY;
            }
            case "ensemble" -> NamespaceEnsemble.command(in, a);
            case "eval" -> {
                if (a.length < 4) throw TclException.wrongArgs(a, 2, "name arg ?arg...?");
                Namespace ns = in.namespaceNamed(a[2].toString());
                if (ns == null) ns = in.createNamespace(a[2].toString());
                Value script = a.length == 4 ? a[3] : ControlCommands.concat(a, 3);
                yield in.evalInNamespace(ns, a, script, "in namespace eval \"" + ns.fullName() + "\" script");
            }
            case "exists" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "name");
                yield Value.of(in.namespaceNamed(a[2].toString()) != null);
            }
            case "export" -> export(in, a);
            case "forget" -> forget(in, a);
            case "import" -> importCmd(in, a);
            case "inscope" -> {
                if (a.length < 4) throw TclException.wrongArgs(a, 2, "name arg ?arg...?");
                Namespace ns = existing(in, a[2]);
                Value script = a[3];
                if (a.length > 4) {
                    List<Value> extra = new ArrayList<>(List.of(a).subList(4, a.length));
                    script = ControlCommands.concat(new Value[] {a[3], Value.ofList(extra)}, 0);
                }
                yield in.evalInNamespace(ns, a, script, "in namespace inscope \"" + ns.fullName() + "\" script");
            }
            case "origin" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "name");
                Interp.CommandRef ref = in.resolveCommand(a[2].toString());
                if (ref == null) {
                    throw TclException.error("invalid command name \"" + a[2] + "\"", "TCL", "LOOKUP", "COMMAND", a[2].toString());
                }
                yield Value.of(ref.command() instanceof ImportedCommand imp ? imp.originName() : ref.fullName());
            }
            case "parent" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?name?");
                Namespace ns = a.length == 3 ? existing(in, a[2]) : in.currentNamespace();
                yield ns.parent() == null ? Value.EMPTY : Value.of(ns.parent().fullName());
            }
            case "path" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?pathList?");
                Namespace cur = in.currentNamespace();
                if (a.length == 2) {
                    List<Value> out = new ArrayList<>();
                    for (Namespace p : cur.path()) out.add(Value.of(p.fullName()));
                    yield Value.ofList(out);
                }
                List<Namespace> path = new ArrayList<>();
                for (Value v : a[2].asList()) path.add(existing(in, v));
                in.setNamespacePath(cur, path);
                yield Value.EMPTY;
            }
            case "qualifiers" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "string");
                yield Value.of(Namespace.qualifiersOf(a[2].toString()));
            }
            case "tail" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "string");
                yield Value.of(Namespace.tailOf(a[2].toString()));
            }
            case "unknown" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?script?");
                Namespace cur = in.currentNamespace();
                if (a.length == 3) {
                    in.setUnknownHandler(cur, a[2].toString().isEmpty() ? null : a[2]);
                    yield a[2];
                }
                Value h = cur.unknownHandler();
                yield h != null ? h : cur.isGlobal() ? Value.of("::unknown") : Value.EMPTY;
            }
            case "upvar" -> {
                if (a.length < 3 || a.length % 2 == 0) throw TclException.wrongArgs(a, 2, "ns ?otherVar myVar ...?");
                Namespace ns = existing(in, a[2]);
                for (int i = 3; i < a.length; i += 2) in.linkNamespaceVar(ns, a[i].toString(), a[i + 1].toString());
                yield Value.EMPTY;
            }
            case "which" -> which(in, a);
            default -> throw new IllegalStateException(sub);
        };
    }

    /** A namespace that must exist, with Tcl's error naming the current namespace otherwise. */
    static Namespace existing(Interp in, Value name) throws TclException {
        Namespace ns = in.namespaceNamed(name.toString());
        if (ns == null) {
            throw TclException.error("namespace \"" + name + "\" not found in \"" + in.currentNamespace().fullName() + "\"",
                    "TCL", "LOOKUP", "NAMESPACE", name.toString());
        }
        return ns;
    }

    private static Value children(Interp in, Value[] a) throws TclException {
        if (a.length > 4) throw TclException.wrongArgs(a, 2, "?name? ?pattern?");
        Namespace ns = a.length >= 3 ? existing(in, a[2]) : in.currentNamespace();
        String pattern = null;
        if (a.length == 4) {
            pattern = a[3].toString();
            if (!Namespace.absolute(pattern)) pattern = ns.qualify(pattern);
        }
        List<Value> out = new ArrayList<>();
        for (Namespace c : ns.children()) {
            if (pattern == null || GlobMatch.matches(pattern, c.fullName())) out.add(Value.of(c.fullName()));
        }
        return Value.ofList(out);
    }

    private static Value export(Interp in, Value[] a) throws TclException {
        Namespace cur = in.currentNamespace();
        if (a.length == 2) return Value.ofStrings(new ArrayList<>(cur.exportPatterns()));
        int i = 2;
        if (a[i].toString().equals("-clear")) {
            cur.exportPatterns().clear();
            i++;
        }
        for (; i < a.length; i++) {
            String p = a[i].toString();
            if (Namespace.qualified(p)) {
                throw TclException.error("invalid export pattern \"" + p + "\": pattern can't specify a namespace");
            }
            if (!cur.exportPatterns().contains(p)) cur.exportPatterns().add(p);
        }
        return Value.EMPTY;
    }

    static boolean exported(Namespace ns, String command) {
        for (String p : ns.exportPatterns()) if (GlobMatch.matches(p, command)) return true;
        return false;
    }

    private static Value importCmd(Interp in, Value[] a) throws TclException {
        Namespace cur = in.currentNamespace();
        int i = 2;
        boolean force = false;
        if (i < a.length && a[i].toString().equals("-force")) {
            force = true;
            i++;
        }
        if (a.length == 2) {
            List<String> out = new ArrayList<>();
            cur.commands().forEach((name, c) -> {
                if (c instanceof ImportedCommand) out.add(name);
            });
            return Value.ofStrings(out);
        }
        for (; i < a.length; i++) {
            String pattern = a[i].toString();
            if (!Namespace.qualified(pattern)) {
                throw TclException.error("no namespace specified in import pattern \"" + pattern + "\"");
            }
            String qualifiers = Namespace.qualifiersOf(pattern);
            // Relative to the current namespace only, as Tcl resolves an import pattern.
            Namespace from = qualifiers.isEmpty() && Namespace.absolute(pattern) ? in.globalNamespace() : in.namespaceNamed(qualifiers);
            if (from == null || Namespace.qualifiersOf(pattern).isEmpty() && !Namespace.absolute(pattern)) {
                throw TclException.error("unknown namespace in import pattern \"" + pattern + "\"");
            }
            if (from == cur) {
                throw TclException.error("import pattern \"" + pattern + "\" tries to import from namespace \""
                        + from.tail() + "\" into itself");
            }
            String tailPattern = Namespace.tailOf(pattern);
            for (String name : new TreeSet<>(from.commands().keySet())) {
                if (!GlobMatch.matches(tailPattern, name) || !exported(from, name)) continue;
                TclCommand target = from.commands().get(name);
                TclCommand existing = cur.commands().get(name);
                if (existing != null && !force) {
                    if (existing instanceof ImportedCommand imp && imp.target() == ImportedCommand.realOf(target)) continue;
                    throw TclException.error("can't import command \"" + name + "\": already exists");
                }
                in.defineCommand(cur, name, new ImportedCommand(from, name, target));
            }
        }
        return Value.EMPTY;
    }

    private static Value forget(Interp in, Value[] a) throws TclException {
        Namespace cur = in.currentNamespace();
        for (int i = 2; i < a.length; i++) {
            String pattern = a[i].toString();
            String tailPattern = Namespace.tailOf(pattern);
            Namespace from = null;
            if (Namespace.qualified(pattern)) {
                from = in.findNamespace(Namespace.qualifiersOf(pattern));
                if (from == null) throw TclException.error("unknown namespace in namespace forget pattern \"" + pattern + "\"");
            }
            for (String name : new ArrayList<>(cur.commands().keySet())) {
                if (!(cur.commands().get(name) instanceof ImportedCommand imp) || !GlobMatch.matches(tailPattern, name)) continue;
                if (from == null || imp.source() == from) in.deleteCommand(cur, name);
            }
        }
        return Value.EMPTY;
    }

    private static Value which(Interp in, Value[] a) throws TclException {
        boolean variable = false;
        String name;
        if (a.length == 3) {
            name = a[2].toString();
        } else if (a.length == 4 && (a[2].toString().equals("-command") || a[2].toString().equals("-variable"))) {
            variable = a[2].toString().equals("-variable");
            name = a[3].toString();
        } else {
            throw TclException.wrongArgs(a, 2, "?-command? ?-variable? name");
        }
        if (variable) {
            String full = in.qualifiedVarName(name);
            return full == null ? Value.EMPTY : Value.of(full);
        }
        Interp.CommandRef ref = in.resolveCommand(name);
        return ref == null ? Value.EMPTY : Value.of(ref.fullName());
    }
}
