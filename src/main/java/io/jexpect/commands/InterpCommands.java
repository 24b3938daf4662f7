package io.jexpect.commands;

import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The interp command: child interpreters (each a full Tcl core with its own commands and
 * variables, sharing the parent's channels), aliases between interpreters, safe interpreters with
 * their hidden commands, and the child's own command ({@code child eval ...}).
 */
final class InterpCommands {
    private InterpCommands() {}

    private static final String[] OPTIONS = {"alias", "aliases", "bgerror", "cancel", "children", "create", "debug",
        "delete", "eval", "exists", "expose", "hide", "hidden", "issafe", "invokehidden", "limit", "marktrusted",
        "recursionlimit", "slaves", "share", "target", "transfer"};
    private static final String[] CHILD_OPTIONS = {"alias", "aliases", "bgerror", "debug", "eval", "expose", "hide",
        "hidden", "issafe", "invokehidden", "limit", "marktrusted", "recursionlimit"};
    /** What a safe interpreter hides, as Tcl 8.6 does. */
    private static final String[] UNSAFE = {"cd", "encoding", "exec", "exit", "fconfigure", "file", "glob", "load",
        "open", "pwd", "socket", "source", "unload"};
    private static final String ALIAS_USAGE = "slavePath slaveCmd ?masterPath masterCmd? ?arg ...?";

    /** One interpreter's place in the tree: its parent, children, aliases and hidden commands. */
    private static final class Node {
        Interp parent;
        final Map<String, Interp> children = new TreeMap<>();
        final Map<String, Alias> aliases = new LinkedHashMap<>();
        final Map<String, TclCommand> hidden = new LinkedHashMap<>();
        boolean safe;
        int nextId;
        Value bgerror = Value.of("::tcl::Bgerror");
    }

    /** A command that calls a prefix in a target interpreter. */
    private record Alias(Interp target, List<Value> prefix) implements TclCommand {
        @Override
        public Value call(Interp interp, Value[] argv) throws TclException {
            List<Value> words = new ArrayList<>(prefix);
            for (int k = 1; k < argv.length; k++) words.add(argv[k]);
            boolean outermost = target != interp && target.idle();
            try {
                // A usage error names the alias as called, not its target (Tcl's ensemble rewrite).
                return target.invokeAlias(words.toArray(new Value[0]), argv[0].toString(), prefix.size());
            } catch (TclException e) {
                if (!outermost || e.isError() || e.exitStatus() != null || e.tailCall() != null) throw e;
                // At the target's level #0 a return ends there, as at the end of a proc, and the
                // other codes are errors, as at the outermost level of a script.
                TclException done = e.code() == TclException.RETURN ? e.oneLevelDone() : e;
                if (done == null) return e.result();
                if (done.isError()) throw done;
                TclException err = TclException.unexpected(done.code());
                err.setErrorInfo(err.result().toString());
                throw err;
            }
        }
    }

    static void install(Interp in) {
        in.register("interp", InterpCommands::interp);
    }

    /** The command prefix interp bgerror set for in (by default ::tcl::Bgerror, which calls bgerror). */
    static Value bgerrorHandler(Interp in) {
        return node(in).bgerror;
    }

    static boolean isSafe(Interp in) {
        return node(in).safe;
    }

    private static Node node(Interp in) {
        return in.extension(Node.class, Node::new);
    }

    /** The interpreter that created in with `interp create`, or null. */
    static Interp parentOf(Interp in) {
        return node(in).parent;
    }

    private static Value interp(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "cmd ?arg ...?");
        String option = OPTIONS[OptionTable.lookup(a[1], "option", OPTIONS)];
        switch (option) {
            case "create" -> {
                return create(in, a);
            }
            case "delete" -> {
                for (int k = 2; k < a.length; k++) delete(in, a[k]);
                return Value.EMPTY;
            }
            case "exists" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?path?");
                try {
                    resolve(in, a.length == 3 ? a[2] : Value.EMPTY);
                    return Value.ONE;
                } catch (TclException e) {
                    return Value.ZERO;
                }
            }
            case "eval" -> {
                if (a.length < 4) throw TclException.wrongArgs(a, 2, "path arg ?arg ...?");
                return eval(in, resolve(in, a[2]), a, 3);
            }
            case "alias" -> {
                if (a.length < 4 || a.length == 5 && !a[4].toString().isEmpty()) throw TclException.wrongArgs(a, 2, ALIAS_USAGE);
                Interp source = resolve(in, a[2]);
                if (a.length == 4) return describeAlias(source, a[3]);
                if (a.length == 5) return unalias(source, a[3]);
                return alias(source, a[3], resolve(in, a[4]), a, 5);
            }
            case "cancel" -> {
                cancel(in, a);
                return Value.EMPTY;
            }
            case "children", "slaves", "aliases", "hidden", "issafe", "bgerror", "marktrusted", "recursionlimit", "debug",
                 "limit" -> {
                checkArity(option, a);
                Interp target = a.length >= 3 ? resolve(in, a[2]) : in;
                return childOption(in, target, option, a, 3, a.length >= 3 ? 3 : 2);
            }
            case "target" -> {
                if (a.length != 4) throw TclException.wrongArgs(a, 2, "path alias");
                Interp source = resolve(in, a[2]);
                Alias al = node(source).aliases.get(a[3].toString());
                if (al == null) {
                    throw TclException.error("alias \"" + a[3] + "\" in path \"" + a[2] + "\" not found",
                            "TCL", "LOOKUP", "ALIAS", a[3].toString());
                }
                List<Value> path = pathTo(in, al.target());
                if (path == null) {
                    throw TclException.error("target interpreter for alias \"" + a[3] + "\" in path \"" + a[2]
                            + "\" is not my descendant", "TCL", "OPERATION", "INTERP", "TARGETSHROUDED");
                }
                return Value.ofList(path);
            }
            case "share", "transfer" -> {
                if (a.length != 5) throw TclException.wrongArgs(a, 2, "srcPath channelId destPath");
                Interp from = resolve(in, a[2]);
                String name = a[3].toString();
                // As Tcl, the channel is looked for before the destination, its error passed on without errorCode.
                try {
                    from.channels().get(name);
                } catch (TclException e) {
                    throw TclException.error(e.result().toString());
                }
                Interp to = resolve(in, a[4]);
                from.channels().share(name, to.channels());
                if (option.equals("transfer") && from != to) {
                    EventLoop.of(from).channelClosed(from.channels().get(name));
                    from.channels().remove(name);
                }
                return Value.EMPTY;
            }
            default -> {
                checkArity(option, a);
                return childOption(in, resolve(in, a.length > 2 ? a[2] : Value.EMPTY), option, a, 3, 3);
            }
        }
    }

    /** interp SUB's argument count, checked before the path is looked up (as Tcl's InterpCmd). */
    private static void checkArity(String option, Value[] a) throws TclException {
        int n = a.length;
        String usage = switch (option) {
            case "children", "slaves", "aliases", "hidden", "issafe" -> n > 3 ? "?path?" : null;
            case "bgerror" -> n < 3 || n > 4 ? "path ?cmdPrefix?" : null;
            case "debug" -> n < 3 || n > 5 ? "path ?-frame ?bool??" : null;
            case "expose" -> n < 4 || n > 5 ? "path hiddenCmdName ?cmdName?" : null;
            case "hide" -> n < 4 || n > 5 ? "path cmdName ?hiddenCmdName?" : null;
            case "limit" -> n < 4 ? "path limitType ?-option value ...?" : null;
            case "marktrusted" -> n != 3 ? "path" : null;
            case "recursionlimit" -> n < 3 || n > 4 ? "path ?newlimit?" : null;
            case "invokehidden" -> hiddenCommandAt(a, 3) >= n ? "path " + INVOKEHIDDEN_USAGE : null;
            default -> null;
        };
        if (usage != null) throw TclException.wrongArgs(a, 2, usage);
    }

    private static final String INVOKEHIDDEN_USAGE = "?-namespace ns? ?-global? ?--? cmd ?arg ..?";

    /** Where invokehidden's command word is, after its options from index from; a.length if none. */
    private static int hiddenCommandAt(Value[] a, int from) throws TclException {
        int k = from;
        for (; k < a.length && a[k].toString().startsWith("-"); k++) {
            int opt = OptionTable.lookup(a[k], "option", "-global", "-namespace", "--");
            if (opt == 1 && ++k == a.length) break;
            if (opt == 2) return k + 1;
        }
        return k;
    }

    /**
     * interp cancel ?-unwind? ?--? ?path? ?result?: the target's running evaluation fails at its
     * next command (or its next one, when idle) with "eval canceled"; -unwind goes through catch.
     */
    private static void cancel(Interp in, Value[] a) throws TclException {
        int k = 2;
        boolean unwind = false;
        for (; k < a.length && a[k].toString().startsWith("-"); k++) {
            if (OptionTable.lookup(a[k], "option", "-unwind", "--") == 1) {
                k++;
                break;
            }
            unwind = true;
        }
        if (a.length - k > 2) throw TclException.wrongArgs(a, 2, "?-unwind? ?--? ?path? ?result?");
        Interp target = k < a.length ? resolve(in, a[k]) : in;
        target.cancel(unwind, k + 1 < a.length ? a[k + 1] : null);
    }

    /** A usage error of a subcommand that takes a path: "interp debug path ..." or "child debug ...". */
    private static TclException wrongArgs(Value[] a, int keep, String usage) {
        return TclException.wrongArgs(a, 2, (keep == 2 ? "" : "path ") + usage);
    }

    /** The subcommands common to interp and a child's own command; args start at from. */
    private static Value childOption(Interp in, Interp target, String option, Value[] a, int from, int keep) throws TclException {
        Node n = node(target);
        int extra = a.length - from;
        switch (option) {
            case "children", "slaves" -> {
                if (extra > 0) throw TclException.wrongArgs(a, 2, "?path?");
                return Value.ofStrings(new ArrayList<>(n.children.keySet()));
            }
            case "aliases" -> {
                if (extra > 0) throw TclException.wrongArgs(a, 2, ""); // only the child's command has words left
                return Value.ofStrings(new ArrayList<>(n.aliases.keySet()));
            }
            case "hidden" -> {
                if (extra > 0) throw TclException.wrongArgs(a, 2, "");
                return Value.ofStrings(new ArrayList<>(n.hidden.keySet()));
            }
            case "issafe" -> {
                if (extra > 0) throw TclException.wrongArgs(a, 2, "");
                return Value.of(n.safe);
            }
            case "marktrusted" -> {
                if (extra > 0) throw TclException.wrongArgs(a, 2, "");
                n.safe = false;
                return Value.EMPTY;
            }
            case "bgerror" -> {
                if (extra > 1) throw wrongArgs(a, keep, "?cmdPrefix?");
                if (extra == 1) {
                    if (a[from].asList().isEmpty()) {
                        throw TclException.error("cmdPrefix must be list of length >= 1", "TCL", "OPERATION", "INTERP", "BGERRORFORMAT");
                    }
                    n.bgerror = a[from];
                }
                return n.bgerror;
            }
            case "recursionlimit" -> {
                if (extra > 1) throw wrongArgs(a, keep, "?newlimit?");
                if (extra == 1) {
                    int limit = a[from].asInt();
                    if (limit <= 0) throw TclException.error("recursion limit must be > 0", "TCL", "OPERATION", "INTERP", "BADLIMIT");
                    target.setRecursionLimit(limit);
                    if (target == in && in.nestingDepth() > limit) {
                        throw TclException.error("falling back due to new recursion limit", "TCL", "RECURSION");
                    }
                    return a[from];
                }
                return Value.of(target.recursionLimit());
            }
            case "debug" -> {
                if (extra > 2) throw wrongArgs(a, keep, "?-frame ?bool??");
                if (extra == 0) return Value.of("-frame " + (target.debugFrame() ? 1 : 0));
                OptionTable.lookup(a[from], "debug option", "-frame");
                // As Tcl, a one-way switch: turning it off is quietly ignored.
                if (extra == 2 && a[from + 1].asBoolean()) target.enableDebugFrame();
                return Value.of(target.debugFrame());
            }
            case "hide" -> {
                if (extra < 1 || extra > 2) throw TclException.wrongArgs(a, keep, "cmdName ?hiddenCmdName?");
                String name = a[from].toString();
                String token = extra == 2 ? a[from + 1].toString() : name;
                if (token.contains("::")) {
                    throw TclException.error("cannot use namespace qualifiers in hidden command token (rename)",
                            "TCL", "VALUE", "HIDDENTOKEN");
                }
                Interp.CommandRef ref = target.resolveCommand(name);
                if (ref == null || ref.command() == null) throw TclException.error("unknown command \"" + name + "\"", "TCL", "LOOKUP", "COMMAND", name);
                if (ref.ns() != target.globalNamespace()) {
                    throw TclException.error("can only hide global namespace commands (use rename then hide)",
                            "TCL", "OPERATION", "INTERP", "HIDE");
                }
                target.deleteCommand(ref.ns(), ref.name());
                n.hidden.put(token, ref.command());
                return Value.EMPTY;
            }
            case "expose" -> {
                if (extra < 1 || extra > 2) throw TclException.wrongArgs(a, keep, "hiddenCmdName ?cmdName?");
                String token = a[from].toString();
                TclCommand cmd = n.hidden.get(token);
                if (cmd == null) throw TclException.error("unknown hidden command \"" + token + "\"", "TCL", "LOOKUP", "HIDDENTOKEN", token);
                String name = extra == 2 ? a[from + 1].toString() : token;
                if (name.contains("::")) {
                    throw TclException.error("cannot expose to a namespace (use expose to toplevel, then rename)",
                            "TCL", "OPERATION", "INTERP", "EXPOSE", "NON_GLOBAL");
                }
                if (target.command("::" + name) != null) {
                    throw TclException.error("exposed command \"" + name + "\" already exists", "TCL", "OPERATION", "INTERP", "EXPOSE");
                }
                n.hidden.remove(token);
                target.register("::" + name, cmd);
                return Value.EMPTY;
            }
            case "invokehidden" -> {
                int k = hiddenCommandAt(a, from);
                if (k >= a.length) throw TclException.wrongArgs(a, keep, INVOKEHIDDEN_USAGE);
                String token = a[k].toString();
                TclCommand cmd = n.hidden.get(token);
                if (cmd == null) throw TclException.error("invalid hidden command name \"" + token + "\"", "TCL", "LOOKUP", "HIDDENTOKEN", token);
                Value[] argv = java.util.Arrays.copyOfRange(a, k, a.length);
                return cmd.call(target, argv);
            }
            case "limit" -> {
                if (extra < 1) throw TclException.wrongArgs(a, keep, "limitType ?-option value ...?");
                boolean commands = OptionTable.lookup(a[from], "limit type", "commands", "time") == 0;
                if (extra > 2) throw TclException.error("resource limits are not supported by jexpect", "TCL", "UNSUPPORTED", "INTERP");
                Value all = Value.of(commands ? "-command {} -granularity 1 -value {}"
                        : "-command {} -granularity 10 -milliseconds {} -seconds {}");
                if (extra == 1) return all;
                Value v = DictCommands.parse(all).get(a[from + 1].toString());
                if (v == null) throw TclException.error("bad option \"" + a[from + 1] + "\": must be " + (commands
                        ? "-command, -granularity, or -value" : "-command, -granularity, -milliseconds, or -seconds"),
                        "TCL", "LOOKUP", "INDEX", "option", a[from + 1].toString());
                return v;
            }
            case "eval" -> {
                if (extra < 1) throw TclException.wrongArgs(a, keep, "arg ?arg ...?");
                return eval(in, target, a, from);
            }
            case "alias" -> {
                if (extra < 1) throw TclException.wrongArgs(a, keep, "aliasName ?targetName? ?arg ...?");
                if (extra == 1) return describeAlias(target, a[from]);
                if (extra == 2 && a[from + 1].toString().isEmpty()) return unalias(target, a[from]);
                return alias(target, a[from], node(target).parent, a, from + 1);
            }
            default -> throw new IllegalStateException(option);
        }
    }

    /** A child's own command: {@code child eval script}, {@code child alias ...} and the like. */
    private record ChildCommand(Interp child) implements TclCommand {
        @Override
        public Value call(Interp interp, Value[] a) throws TclException {
            if (a.length < 2) throw TclException.wrongArgs(a, 1, "cmd ?arg ...?");
            String option = CHILD_OPTIONS[OptionTable.lookup(a[1], "option", CHILD_OPTIONS)];
            return childOption(interp, child, option, a, 2, 2);
        }
    }

    private static Value create(Interp in, Value[] a) throws TclException {
        // As Tcl: -safe is taken after the path too, until a "--".
        boolean safe = false;
        Value pathWord = null;
        boolean last = false;
        for (int i = 2; i < a.length; i++) {
            if (!last && a[i].toString().startsWith("-")) {
                if (OptionTable.lookup(a[i], "option", "-safe", "--") == 0) {
                    safe = true;
                    continue;
                }
                i++;
                last = true;
            }
            if (pathWord != null) throw TclException.wrongArgs(a, 2, "?-safe? ?--? ?path?");
            if (i < a.length) pathWord = a[i];
        }
        Node n = node(in);
        Interp parent = in;
        String name;
        if (pathWord != null) {
            List<Value> path = pathWord.asList();
            if (path.isEmpty()) throw TclException.error("could not find interpreter \"\"", "TCL", "LOOKUP", "INTERP", "");
            parent = resolve(in, Value.ofList(path.subList(0, path.size() - 1)));
            name = path.get(path.size() - 1).toString();
        } else {
            do {
                name = "interp" + n.nextId++;
            } while (n.children.containsKey(name) || in.command(name) != null);
        }
        Node pn = node(parent);
        if (pn.children.containsKey(name)) {
            throw TclException.error("interpreter named \"" + name + "\" already exists, cannot create");
        }
        Interp child = new Interp(parent.channels().forChild(safe || node(parent).safe));
        WorkingDirectory.share(parent, child);
        ProcessId.share(parent, child);
        // Tcl's env is the process's environment, whichever interpreter looks at it.
        Map<String, String> env = new java.util.HashMap<>();
        Map<String, Value> parentEnv = parent.arrayView("env");
        if (parentEnv != null) parentEnv.forEach((k, v) -> env.put(k, v.toString()));
        child.setEnvironment(env);
        Node cn = node(child);
        cn.parent = parent; // first: what installing creates (its event loop) joins the parent's
        int precision = Value.precision(); // a child shares the thread's tcl_precision
        TclCore.install(child);
        Value.setPrecision(precision);
        cn.safe = safe || pn.safe;
        if (cn.safe) {
            for (String cmd : UNSAFE) {
                Interp.CommandRef ref = child.resolveCommand(cmd);
                if (ref == null || ref.command() == null) continue;
                child.deleteCommand(ref.ns(), ref.name());
                cn.hidden.put(cmd, ref.command());
            }
        }
        pn.children.put(name, child);
        parent.register("::" + name, new ChildCommand(child));
        return Value.of(name);
    }

    private static void delete(Interp in, Value path) throws TclException {
        List<Value> words = path.asList();
        if (words.isEmpty()) throw TclException.error("cannot delete the current interpreter", "TCL", "OPERATION", "INTERP", "DELETESELF");
        Interp child = resolve(in, path);
        Interp parent = node(child).parent;
        String name = words.get(words.size() - 1).toString();
        node(parent).children.remove(name);
        if (parent.command("::" + name) instanceof ChildCommand) {
            try {
                parent.rename("::" + name, "");
            } catch (TclException ignored) {
                // Already gone.
            }
        }
        for (String grandchild : List.copyOf(node(child).children.keySet())) delete(child, Value.of(grandchild));
        EventLoop.of(child).detach();
        // Its channels go with it: those no other interpreter holds are closed.
        for (String channel : List.copyOf(child.channels().names())) {
            Channel ch = child.channels().get(channel);
            EventLoop.of(child).channelClosed(ch);
            if (child.channels().remove(channel)) IoCommands.closeChannel(child, ch);
        }
        // The parent's aliases into the deleted interpreter go with it.
        for (var e : List.copyOf(node(parent).aliases.entrySet())) {
            if (e.getValue().target() != child) continue;
            node(parent).aliases.remove(e.getKey());
            String token = e.getKey();
            Interp.CommandRef ref = parent.resolveCommand(token.startsWith("::") ? token : "::" + token);
            if (ref != null && ref.command() == e.getValue()) parent.deleteCommand(ref.ns(), ref.name());
        }
    }

    /** The interpreter a path (a list of child names) leads to from in. */
    static Interp resolve(Interp in, Value path) throws TclException {
        Interp cur = in;
        List<Value> names = path.asList();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k).toString();
            Interp next = node(cur).children.get(name);
            // Deleting a child's command (rename child {}) deletes the child.
            if (next != null && !(cur.command("::" + name) instanceof ChildCommand cc && cc.child() == next)) {
                node(cur).children.remove(name);
                next = null;
            }
            if (next == null) {
                Value upTo = Value.ofList(names.subList(0, k + 1));
                throw TclException.error("could not find interpreter \"" + (names.size() == 1 ? names.get(0) : upTo) + "\"",
                        "TCL", "LOOKUP", "INTERP", upTo.toString());
            }
            cur = next;
        }
        return cur;
    }

    /** The path from in down to target, or null if target is not in's descendant (or in itself). */
    private static List<Value> pathTo(Interp in, Interp target) {
        if (in == target) return new ArrayList<>();
        for (Map.Entry<String, Interp> child : node(in).children.entrySet()) {
            List<Value> rest = pathTo(child.getValue(), target);
            if (rest != null) {
                rest.add(0, Value.of(child.getKey()));
                return rest;
            }
        }
        return null;
    }

    /** Evaluates words (concatenated as eval does) in another interpreter; its errors come back whole. */
    private static Value eval(Interp in, Interp target, Value[] a, int from) throws TclException {
        Value script = a.length == from + 1 ? a[from] : ControlCommands.concat(a, from);
        try {
            return target.evalGlobalAllowingExceptions(script, in);
        } catch (TclException e) {
            // A return in the child ends its evaluation as it would end a proc.
            if (e.code() != TclException.RETURN || e.returnLevel() > 1) throw e;
            if (e.returnCode() == TclException.OK) return e.result();
            throw e.completedReturn();
        }
    }

    private static Value describeAlias(Interp source, Value name) {
        Alias al = node(source).aliases.get(name.toString());
        return al == null ? Value.EMPTY : Value.ofList(al.prefix());
    }

    private static Value unalias(Interp source, Value name) throws TclException {
        String token = name.toString();
        if (node(source).aliases.remove(token) == null) {
            throw TclException.error("alias \"" + token + "\" not found", "TCL", "LOOKUP", "ALIAS", token);
        }
        if (source.command(token) instanceof Alias) source.rename(token, "");
        return Value.EMPTY;
    }

    private static Value alias(Interp source, Value name, Interp target, Value[] a, int from) throws TclException {
        Node n = node(source);
        String token = name.toString();
        List<Value> prefix = new ArrayList<>();
        for (int k = from; k < a.length; k++) prefix.add(a[k]);
        Alias al = new Alias(target, List.copyOf(prefix));
        source.register(token.startsWith("::") ? token : "::" + token, al);
        n.aliases.put(token, al);
        return name;
    }
}
