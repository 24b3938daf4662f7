package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An ensemble command made by namespace ensemble create: its first argument picks a subcommand
 * (an exported command of the namespace, an entry of -subcommands, or a key of -map), and the
 * call goes on to that command with the remaining arguments.
 */
final class NamespaceEnsemble implements TclCommand, TclCommand.Deletable, TclCommand.Placed {
    private static final String[] OPTIONS = {"-command", "-map", "-parameters", "-prefixes", "-subcommands", "-unknown"};
    private static final String[] CONFIG = {"-map", "-namespace", "-parameters", "-prefixes", "-subcommands", "-unknown"};

    private final Namespace ns;
    private Value map = Value.EMPTY;
    private Value subcommands = Value.EMPTY;
    private Value parameters = Value.EMPTY;
    private Value unknown = Value.EMPTY;
    private boolean prefixes = true;
    /**
     * For a core ensemble (string, dict …) while configured as Tcl makes it: the command's own
     * implementation, which takes the ensemble's words as they are; null once reconfigured.
     */
    private TclCommand core;
    /** The core ensemble whose map names this one (binary, for its encode and decode). */
    private NamespaceEnsemble parent;
    private boolean placed;
    /** The table the -map parsed into, while the map is that value. */
    private Value tableOf;
    private Map<String, List<Value>> table;

    private NamespaceEnsemble(Namespace ns) {
        this.ns = ns;
    }

    /** A core ensemble over namespace ns with the map and -prefixes Tcl gives it; impl does its work. */
    static NamespaceEnsemble core(Namespace ns, Value map, boolean prefixes, TclCommand impl) {
        NamespaceEnsemble e = new NamespaceEnsemble(ns);
        e.map = map;
        e.prefixes = prefixes;
        e.core = impl;
        return e;
    }

    /** namespace ensemble create|configure|exists. */
    static Value command(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 2, "subcommand ?arg ...?");
        String sub = a[2].toString();
        switch (sub) {
            case "create" -> {
                if (a.length % 2 == 0) throw TclException.wrongArgs(a, 3, "?option value ...?");
                Namespace cur = in.currentNamespace();
                NamespaceEnsemble e = new NamespaceEnsemble(cur);
                String name = cur.fullName();
                for (int i = 3; i < a.length; i += 2) {
                    String opt = option(a[i], OPTIONS);
                    if (opt.equals("-command")) name = a[i + 1].toString();
                    else e.set(opt, a[i + 1]);
                }
                if (!Namespace.absolute(name)) name = cur.qualify(name);
                in.register(name, e);
                return Value.of(name);
            }
            case "configure" -> {
                if (a.length < 4) throw TclException.wrongArgs(a, 3, "cmdname ?-option value ...? ?arg ...?");
                NamespaceEnsemble e = of(in, a[3]);
                if (a.length == 4) {
                    List<Value> out = new ArrayList<>();
                    for (String o : CONFIG) {
                        out.add(Value.of(o));
                        out.add(e.get(o));
                    }
                    return Value.ofList(out);
                }
                if (a.length == 5) return e.get(option(a[4], CONFIG));
                if (a.length % 2 != 0) throw TclException.wrongArgs(a, 3, "cmdname ?-option value ...? ?arg ...?");
                for (int i = 4; i < a.length; i += 2) {
                    String opt = option(a[i], CONFIG);
                    if (opt.equals("-namespace")) throw TclException.error("option -namespace is read-only");
                    e.set(opt, a[i + 1]);
                }
                return Value.EMPTY;
            }
            case "exists" -> {
                if (a.length != 4) throw TclException.wrongArgs(a, 3, "cmdname");
                return Value.of(in.command(a[3].toString()) instanceof NamespaceEnsemble);
            }
            default -> throw TclException.error("bad subcommand \"" + sub + "\": must be configure, create, or exists",
                    "TCL", "LOOKUP", "INDEX", "subcommand", sub);
        }
    }

    private static NamespaceEnsemble of(Interp in, Value name) throws TclException {
        TclCommand c = in.command(name.toString());
        if (c == null) throw TclException.error("unknown command \"" + name + "\"", "TCL", "LOOKUP", "COMMAND", name.toString());
        if (!(c instanceof NamespaceEnsemble e)) {
            throw TclException.error("\"" + name + "\" is not an ensemble command", "TCL", "LOOKUP", "ENSEMBLE", name.toString());
        }
        return e;
    }

    private static String option(Value word, String[] table) throws TclException {
        String w = word.toString();
        for (String o : table) if (o.equals(w)) return o;
        StringBuilder sb = new StringBuilder("bad option \"").append(w).append("\": must be ");
        for (int k = 0; k < table.length; k++) {
            if (k > 0) sb.append(", ");
            if (k == table.length - 1) sb.append("or ");
            sb.append(table[k]);
        }
        throw TclException.error(sb.toString(), "TCL", "LOOKUP", "INDEX", "option", w);
    }

    /** A core ensemble's configuration or subcommands changed: from now on it works as any ensemble. */
    void reconfigured() {
        core = null;
        if (parent != null) parent.reconfigured();
    }

    /** This core ensemble is a subcommand of parent's: a change here is a change there. */
    void nestIn(NamespaceEnsemble parent) {
        this.parent = parent;
    }

    @Override
    public void deleted(Interp in) {
        reconfigured();
    }

    @Override
    public void placed(Namespace where, String tail) {
        if (placed) reconfigured(); // renamed
        placed = true;
    }

    private void set(String opt, Value v) throws TclException {
        reconfigured();
        switch (opt) {
            case "-map" -> {
                v.asList(); // a dictionary: a list of even length
                map = v;
            }
            case "-subcommands" -> subcommands = Value.ofList(v.asList());
            case "-parameters" -> parameters = Value.ofList(v.asList());
            case "-unknown" -> unknown = v;
            case "-prefixes" -> prefixes = v.asBoolean();
            default -> throw new IllegalStateException(opt);
        }
    }

    private Value get(String opt) {
        return switch (opt) {
            case "-map" -> map;
            case "-namespace" -> Value.of(ns.fullName());
            case "-parameters" -> parameters;
            case "-prefixes" -> Value.of(prefixes);
            case "-subcommands" -> subcommands;
            case "-unknown" -> unknown;
            default -> Value.EMPTY;
        };
    }

    /** Subcommand name to the words of the command it runs. */
    private Map<String, List<Value>> table() throws TclException {
        if (map == tableOf && subcommands.asList().isEmpty()) return table;
        Map<String, List<Value>> mapped = new LinkedHashMap<>();
        List<Value> m = map.asList();
        for (int i = 0; i + 1 < m.size(); i += 2) mapped.put(m.get(i).toString(), m.get(i + 1).asList());
        Map<String, List<Value>> out = new LinkedHashMap<>();
        if (!subcommands.asList().isEmpty()) {
            for (Value s : subcommands.asList()) {
                List<Value> target = mapped.get(s.toString());
                out.put(s.toString(), target != null ? target : List.of(Value.of(ns.qualify(s.toString()))));
            }
        } else if (!mapped.isEmpty()) {
            out.putAll(mapped);
            tableOf = map;
            table = out;
        } else {
            for (String name : new TreeSet<>(ns.commands().keySet())) {
                if (NamespaceCommands.exported(ns, name)) out.put(name, List.of(Value.of(ns.qualify(name))));
            }
        }
        return out;
    }

    @Override
    public Value call(Interp in, Value[] argv) throws TclException {
        if (core != null && !in.tracing()) return callCore(in, argv);
        List<Value> params = parameters.asList();
        int np = params.size();
        if (argv.length < 2 + np) {
            StringBuilder usage = new StringBuilder();
            for (Value p : params) usage.append(p).append(' ');
            throw TclException.wrongArgs(argv, 1, usage + "subcommand ?arg ...?");
        }
        Map<String, List<Value>> table = table();
        String sub = argv[1 + np].toString();
        List<Value> target = table.get(sub);
        if (target == null && prefixes && !sub.isEmpty()) {
            String found = null;
            for (String name : table.keySet()) {
                if (!name.startsWith(sub)) continue;
                if (found != null) {
                    found = null;
                    break;
                }
                found = name;
            }
            if (found != null) {
                target = table.get(found);
                sub = found;
            }
        }
        if (target == null && !unknown.toString().isEmpty()) target = askUnknown(in, argv, table);
        if (target == null) throw unknownSubcommand(sub, table);
        List<Value> words = new ArrayList<>(target);
        for (int i = 1; i <= np; i++) words.add(argv[i]);
        for (int i = 2 + np; i < argv.length; i++) words.add(argv[i]);
        StringBuilder shown = new StringBuilder(argv[0].toString());
        for (int i = 1; i <= np; i++) shown.append(' ').append(argv[i]);
        shown.append(' ').append(sub); // the full name, as Tcl's usage errors show it
        return in.invokeEnsembleTarget(words.toArray(new Value[0]), shown.toString(), target.size() + np);
    }

    /** The core implementation; its usage errors name the words an ensemble or alias was called with. */
    private Value callCore(Interp in, Value[] argv) throws TclException {
        try {
            return core.call(in, argv);
        } catch (TclException e) {
            String shown = in.usageName(argv);
            StringBuilder usage = new StringBuilder("wrong # args: should be \"").append(argv[0]);
            for (int i = 1; i <= in.usageSkip(argv) && i < argv.length; i++) usage.append(' ').append(argv[i]);
            String message = e.result().toString();
            if (shown != null && e.isError() && !e.traceStarted() && message.startsWith(usage.toString())) {
                e.setResult(Value.of("wrong # args: should be \"" + shown + message.substring(usage.length())));
            }
            throw e;
        }
    }

    /** Runs the -unknown handler; a non-empty result is the command to run, an empty one means look again. */
    private List<Value> askUnknown(Interp in, Value[] argv, Map<String, List<Value>> table) throws TclException {
        List<Value> call = new ArrayList<>(unknown.asList());
        call.add(argv[0]);
        for (int i = 1; i < argv.length; i++) call.add(argv[i]);
        List<Value> result = in.invoke(call.toArray(new Value[0])).asList();
        if (!result.isEmpty()) return result;
        return table().get(argv[1 + parameters.asList().size()].toString());
    }

    private TclException unknownSubcommand(String sub, Map<String, List<Value>> table) {
        StringBuilder sb = new StringBuilder(prefixes ? "unknown or ambiguous subcommand \"" : "unknown subcommand \"")
                .append(sub).append("\": must be ");
        List<String> names = new ArrayList<>(new TreeSet<>(table.keySet()));
        for (int k = 0; k < names.size(); k++) {
            if (k > 0) sb.append(", ");
            if (k == names.size() - 1 && names.size() > 1) sb.append("or ");
            sb.append(names.get(k));
        }
        return TclException.error(sb.toString(), "TCL", "LOOKUP", "SUBCOMMAND", sub);
    }
}
