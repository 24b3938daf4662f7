package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Tcl's core ensembles: string, dict, info … are namespace ensembles over ::tcl::NAME, each
 * subcommand a command ::tcl::NAME::SUB of its own (scripts call them, namespace ensemble
 * configure adds to them: tcllib's dicttool does). The subcommands here run the command's own
 * implementation, which the ensemble also calls directly while its configuration is Tcl's.
 */
final class CoreEnsembles {
    private CoreEnsembles() {}

    /** Each ensemble's subcommands in the order of Tcl 8.6's -map; "sub=target" maps elsewhere. */
    private static final String[][] ENSEMBLES = {
        // Ensembles named by their own namespace, first: binary maps to its encode and decode,
        // which Tcl makes without prefixes and with ::tcl::binary as their -namespace.
        {"::tcl::binary::encode", "hex", "uuencode", "base64"},
        {"::tcl::binary::decode", "hex", "uuencode", "base64"},
        {"::tcl::prefix", "all", "longest", "match"},
        {"::oo::InfoObject", "call", "class", "definition", "filters", "forward", "isa", "methods", "methodtype",
            "mixins", "namespace", "variables", "vars"},
        {"::oo::InfoClass", "call", "constructor", "definition", "destructor", "filters", "forward", "instances",
            "methods", "methodtype", "mixins", "subclasses", "superclasses", "variables"},
        {"string", "bytelength", "cat", "compare", "equal", "first", "index", "is", "last", "length", "map", "match",
            "range", "repeat", "replace", "reverse", "tolower", "toupper", "totitle", "trim", "trimleft", "trimright",
            "wordend", "wordstart"},
        {"dict", "append", "create", "exists", "filter", "for", "get", "incr", "info", "keys", "lappend", "map",
            "merge", "remove", "replace", "set", "size", "unset", "update", "values", "with"},
        {"info", "args", "body", "cmdcount", "commands", "complete", "coroutine", "default", "errorstack", "exists",
            "frame", "functions", "globals", "hostname", "level", "library", "loaded", "locals", "nameofexecutable",
            "patchlevel", "procs", "script", "sharedlibextension", "tclversion", "vars", "object=::oo::InfoObject",
            "class=::oo::InfoClass"},
        {"namespace", "children", "code", "current", "delete", "ensemble", "eval", "exists", "export", "forget",
            "import", "inscope", "origin", "parent", "path", "qualifiers", "tail", "unknown", "upvar", "which"},
        {"array", "anymore", "donesearch", "exists", "get", "names", "nextelement", "set", "size", "startsearch",
            "statistics", "unset"},
        {"chan", "blocked", "close", "copy", "create", "eof", "event", "flush", "gets", "names", "pending", "pipe",
            "pop", "postevent", "push", "puts", "read", "seek", "tell", "truncate", "configure=::fconfigure"},
        {"file", "atime", "attributes", "channels", "copy", "delete", "dirname", "executable", "exists", "extension",
            "isdirectory", "isfile", "join", "link", "lstat", "mtime", "mkdir", "nativename", "normalize", "owned",
            "pathtype", "readable", "readlink", "rename", "rootname", "separator", "size", "split", "stat", "system",
            "tail", "tempfile", "type", "volumes", "writable"},
        {"binary", "format", "scan", "encode", "decode"},
        {"clock", "add", "clicks", "format", "microseconds", "milliseconds", "scan", "seconds"},
        {"encoding", "convertfrom", "convertto", "dirs", "names", "system"},
    };

    /** Run once the core commands are installed: wraps each command above as its ensemble. */
    static void install(Interp in) {
        for (String[] e : ENSEMBLES) {
            String name = e[0];
            boolean ownNamespace = Namespace.absolute(name);
            TclCommand impl = in.command(ownNamespace ? name : "::" + name);
            if (impl == null) continue;
            Namespace ns = in.createNamespace(ownNamespace ? name : "::tcl::" + name);
            List<Value> map = new ArrayList<>();
            List<Subcommand> subs = new ArrayList<>();
            List<NamespaceEnsemble> nestedOnes = new ArrayList<>();
            for (int i = 1; i < e.length; i++) {
                int eq = e[i].indexOf('=');
                String sub = eq < 0 ? e[i] : e[i].substring(0, eq);
                String target = eq < 0 ? ns.qualify(sub) : e[i].substring(eq + 1);
                if (eq < 0 && !ns.commands().containsKey(sub)) {
                    Subcommand c = new Subcommand(impl, name, sub);
                    in.defineCommand(ns, sub, c);
                    subs.add(c);
                } else if (eq < 0 && ns.commands().get(sub) instanceof NamespaceEnsemble nested) {
                    nestedOnes.add(nested);
                }
                map.add(Value.of(sub));
                map.add(Value.of(target));
            }
            boolean nested = name.startsWith("::tcl::binary::");
            NamespaceEnsemble ensemble = NamespaceEnsemble.core(nested ? ns.parent() : ns, Value.ofList(map), !nested, impl);
            for (Subcommand c : subs) c.ensemble = ensemble;
            for (NamespaceEnsemble e2 : nestedOnes) e2.nestIn(ensemble);
            if (ownNamespace) in.register(name, ensemble);
            else in.defineCommand(in.globalNamespace(), name, ensemble);
        }
    }

    /**
     * ::tcl::NAME::SUB: the command's implementation called as {@code NAME SUB args}; its usage
     * errors name the command as called, or the ensemble's words when the ensemble called it.
     * Renamed or deleted, it is no longer what its ensemble finds: the ensemble looks up its map.
     */
    private static final class Subcommand implements TclCommand, TclCommand.Deletable, TclCommand.Placed {
        private final TclCommand impl;
        private final String name;
        private final String sub;
        private Namespace home;
        NamespaceEnsemble ensemble;

        Subcommand(TclCommand impl, String name, String sub) {
            this.impl = impl;
            this.name = name;
            this.sub = sub;
        }

        @Override
        public void placed(Namespace ns, String tail) {
            if (home == null) home = ns;
            else if (ensemble != null) ensemble.reconfigured();
        }

        @Override
        public void deleted(Interp in) {
            if (ensemble != null) ensemble.reconfigured();
        }

        @Override
        public Value call(Interp in, Value[] argv) throws TclException {
            Value[] words = new Value[argv.length + 1];
            words[0] = Value.of(name);
            words[1] = Value.of(sub);
            System.arraycopy(argv, 1, words, 2, argv.length - 1);
            try {
                return impl.call(in, words);
            } catch (TclException e) {
                String usage = "wrong # args: should be \"" + name + " " + sub;
                String message = e.result().toString();
                if (e.isError() && !e.traceStarted() && message.startsWith(usage)) {
                    String shown = in.usageName(argv);
                    e.setResult(Value.of("wrong # args: should be \"" + (shown != null ? shown : argv[0].toString())
                            + message.substring(usage.length())));
                }
                throw e;
            }
        }
    }
}
