package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tcl's library, set up as Tcl_Init does: the tcl_* variables, auto_path, the package unknown
 * handler, and the procedures of the system's init.tcl (unknown, auto_load, auto_execok …). Those
 * are Tcl's own scripts, sourced on first use rather than at every start: a script that never
 * calls an unknown command or requires a package from disk pays nothing for them.
 */
final class TclLibrary {
    private TclLibrary() {}

    /** Where Debian and other Unix builds keep Tcl 8.6's script library. */
    private static final String[] LIBRARY_DIRS = {"/usr/share/tcltk/tcl8.6", "/usr/share/tcl8.6", "/usr/lib/tcl8.6",
        "/usr/local/lib/tcl8.6", "/usr/local/share/tcl8.6"};

    /** The commands init.tcl defines; each is a stub that sources init.tcl, then calls the real one. */
    private static final String[] INIT_COMMANDS = {"unknown", "auto_load", "auto_load_index", "auto_qualify",
        "auto_import", "auto_execok", "tclLog"};

    /** Whether init.tcl was sourced (or failed to be), per interpreter. */
    private static final class State {
        boolean loaded;
        TclException failure;
        /** init.tcl's procedures, by their names in init.tcl. */
        final Map<String, TclCommand> real = new LinkedHashMap<>();
    }

    static void install(Interp in) {
        Path library = library(in);
        String machine = machine();
        List<String> pkgPath = new ArrayList<>();
        if (library != null && library.toString().equals("/usr/share/tcltk/tcl8.6")) {
            // Debian's compiled-in package path (tclsh shows the same list).
            pkgPath.addAll(List.of("/usr/local/lib/tcltk", "/usr/local/share/tcltk", "/usr/lib/tcltk/" + machine + "-linux-gnu",
                    "/usr/lib/tcltk", "/usr/share/tcltk", "/usr/lib/tcltk/tcl8.6", "/usr/lib"));
        }
        List<Value> autoPath = new ArrayList<>();
        String tcllibpath = env(in, "TCLLIBPATH");
        try {
            if (tcllibpath != null) autoPath.addAll(Value.of(tcllibpath).asList());
        } catch (TclException e) {
            // Not a list: Tcl's init.tcl would fail on it too; ignore it rather than refuse to start.
        }
        if (library != null) {
            add(autoPath, library.toString());
            add(autoPath, library.getParent().toString());
            add(autoPath, "/usr/lib"); // [file dirname [file dirname /usr/bin/tclsh]]/lib, as tclsh and expect add
        }
        for (String p : pkgPath) add(autoPath, p);
        try {
            in.setGlobal("tcl_version", Value.of("8.6"));
            in.setGlobal("tcl_patchLevel", Value.of("8.6.13"));
            in.setGlobal("tcl_library", Value.of(library == null ? "" : library.toString()));
            in.setGlobal("tcl_pkgPath", Value.ofStrings(pkgPath));
            in.setGlobal("tcl_interactive", Value.ZERO);
            Value.setPrecision(0); // a new interpreter starts from the default (interp create keeps the thread's)
            PrecisionVariable.install(in);
            in.setGlobal("auto_path", Value.ofList(autoPath));
            for (Map.Entry<String, String> e : platform(in, machine).entrySet()) {
                in.setVar("tcl_platform", e.getKey(), Value.of(e.getValue()));
            }
            // Called, not parsed: a script's first parse (ANTLR's set-up) is then its own.
            in.invoke(new Value[]{Value.of("package"), Value.of("unknown"), Value.of("::tcl::tm::UnknownHandler ::tclPkgUnknown")});
        } catch (TclException e) {
            throw new IllegalStateException(e);
        }
        if (library == null) return;
        Path init = library.resolve("init.tcl");
        for (String name : INIT_COMMANDS) in.register("::" + name, new Stub(name, init));
    }

    /**
     * Stands for one of init.tcl's procedures until it is first called: then init.tcl is sourced
     * and the call goes to the real procedure. Scripts may have renamed a stub or defined their
     * own command under its name meanwhile (DejaGnu renames unknown to tcl_unknown and installs
     * its own unknown): the real procedures go where the stubs are now, and the script's own
     * commands keep their names, as if init.tcl had been sourced at startup as in tclsh.
     */
    private record Stub(String name, Path init) implements TclCommand {
        @Override
        public Value call(Interp interp, Value[] argv) throws TclException {
            State st = interp.extension(State.class, State::new);
            if (!st.loaded) load(interp, st, init);
            TclCommand real = st.real.get(name);
            if (real != null) return real.call(interp, argv);
            if (name.equals("unknown")) {
                String cmd = argv.length > 1 ? argv[1].toString() : "";
                throw TclException.error("invalid command name \"" + cmd + "\"", "TCL", "LOOKUP", "COMMAND", cmd);
            }
            throw st.failure != null ? st.failure : TclException.error("invalid command name \"" + name + "\"");
        }
    }

    private static void load(Interp interp, State st, Path init) {
        st.loaded = true;
        Namespace global = interp.globalNamespace();
        Map<String, TclCommand> before = new LinkedHashMap<>();
        for (String name : INIT_COMMANDS) before.put(name, global.commands().get(name));
        try {
            interp.evalGlobal(Value.ofList(List.of(Value.of("source"), Value.of(init.toString()))));
        } catch (TclException e) {
            st.failure = e;
        }
        for (String name : INIT_COMMANDS) {
            TclCommand now = global.commands().get(name);
            if (now != null && now != before.get(name) && !(now instanceof Stub)) st.real.put(name, now);
        }
        for (Map.Entry<String, TclCommand> e : new ArrayList<>(global.commands().entrySet())) {
            if (e.getValue() instanceof Stub s && st.real.containsKey(s.name())) {
                interp.defineCommand(global, e.getKey(), st.real.get(s.name()));
            }
        }
        before.forEach((name, cmd) -> {
            if (cmd != null && !(cmd instanceof Stub)) interp.defineCommand(global, name, cmd);
            else if (cmd == null && st.real.containsKey(name)) interp.deleteCommand(global, name);
        });
    }

    private static void add(List<Value> path, String dir) {
        for (Value v : path) if (v.toString().equals(dir)) return;
        path.add(Value.of(dir));
    }

    /** $TCL_LIBRARY if it holds an init.tcl, else the first system folder that does. */
    private static Path library(Interp in) {
        List<String> candidates = new ArrayList<>();
        String env = env(in, "TCL_LIBRARY");
        if (env != null && !env.isEmpty()) candidates.add(env);
        candidates.addAll(List.of(LIBRARY_DIRS));
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p.resolve("init.tcl"))) return p;
        }
        return null;
    }

    private static String machine() {
        String arch = System.getProperty("os.arch", "");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386" -> "i686";
            default -> arch;
        };
    }

    /** tcl_platform, in the order tclsh's array get lists it. */
    private static Map<String, String> platform(Interp in, String machine) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("osVersion", System.getProperty("os.version", ""));
        m.put("pointerSize", "8");
        m.put("byteOrder", java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? "littleEndian" : "bigEndian");
        m.put("threaded", "1");
        m.put("machine", machine);
        m.put("platform", "unix");
        m.put("pathSeparator", ":");
        m.put("os", System.getProperty("os.name", "Linux"));
        m.put("engine", "Tcl");
        m.put("user", userName(in));
        m.put("wordSize", "8");
        return m;
    }

    /** A variable of the interpreter's environment (a resident server's client's, not the JVM's), or null. */
    private static String env(Interp in, String name) {
        Map<String, Value> env = in.arrayView("env");
        Value v = env == null ? null : env.get(name);
        return v == null ? null : v.toString();
    }

    private static String userName(Interp in) {
        String u = env(in, "USER");
        if (u == null || u.isEmpty()) u = env(in, "LOGNAME");
        return u == null || u.isEmpty() ? System.getProperty("user.name", "") : u;
    }
}
