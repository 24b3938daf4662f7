package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * load and info loaded. A JVM cannot run a Tcl extension written in C, but the packages jexpect
 * implements itself (Expect) are "static packages" in Tcl's sense: {@code load {} Expect}, or the
 * system's pkgIndex line {@code load .../libexpect.so.5.45.4} that {@code package require Expect}
 * runs in a child interpreter, installs them; any other library is refused with the reason.
 * unload refuses all of them, with Tcl's reasons: none has an unload procedure.
 */
public final class LoadCommand {
    private LoadCommand() {}

    /** The packages built in, by prefix (Tcl_StaticPackage); process-wide, as in Tcl. */
    private static final Map<String, Consumer<Interp>> STATIC = new ConcurrentHashMap<>();
    /** Every {file, prefix} loaded in the process, in order (info loaded without an interpreter). */
    private static final List<Value> LOADED = new ArrayList<>();

    /** What was loaded into one interpreter, newest first as Tcl lists it. */
    private static final class Loaded {
        final List<Value> entries = new ArrayList<>();
    }

    /** Makes a package built into jexpect loadable by its prefix (e.g. "Expect"). */
    public static void registerStatic(String prefix, Consumer<Interp> install) {
        STATIC.putIfAbsent(prefix, install);
    }

    static void install(Interp in) {
        in.register("load", LoadCommand::load);
        in.register("unload", LoadCommand::unload);
    }

    private static final String[] UNLOAD_OPTIONS = {"-nocomplain", "-keeplibrary", "--"};

    /** unload ?-nocomplain? ?-keeplibrary? ?--? fileName ?packageName? ?interp?, as Tcl_UnloadObjCmd. */
    private static Value unload(Interp in, Value[] a) throws TclException {
        boolean complain = true;
        int i = 1;
        for (; i < a.length; i++) {
            String w = a[i].toString();
            if (!w.startsWith("-")) break;
            int opt = OptionTable.lookup(a[i], "option", UNLOAD_OPTIONS);
            if (opt == 0) complain = false;
            if (opt == 2) {
                i++;
                break;
            }
        }
        if (a.length - i < 1 || a.length - i > 3) {
            throw TclException.wrongArgs(a, 1, "?-switch ...? fileName ?packageName? ?interp?");
        }
        String file = a[i].toString();
        String name = i + 1 < a.length ? a[i + 1].toString() : "";
        Interp target = i + 2 < a.length ? InterpCommands.resolve(in, a[i + 2]) : in;
        try {
            throw refusal(target, file, name);
        } catch (TclException e) {
            if (complain) throw e;
            return Value.EMPTY;
        }
    }

    /** Why unload of this file or package fails (Tcl's checks, in Tcl's order). */
    private static TclException refusal(Interp target, String file, String name) throws TclException {
        if (file.isEmpty() && name.isEmpty()) {
            return TclException.error("must specify either file name or package name", "TCL", "OPERATION", "UNLOAD", "NOLIBRARY");
        }
        if (file.isEmpty()) {
            return TclException.error("package \"" + name + "\" is loaded statically and cannot be unloaded",
                    "TCL", "OPERATION", "UNLOAD", "STATIC");
        }
        List<Value> anywhere;
        synchronized (LOADED) {
            anywhere = List.copyOf(LOADED);
        }
        if (!holds(anywhere, file)) {
            return TclException.error("file \"" + file + "\" has never been loaded", "TCL", "OPERATION", "UNLOAD", "NEVERLOADED");
        }
        if (!holds(target.extension(Loaded.class, Loaded::new).entries, file)) {
            return TclException.error("file \"" + file + "\" has never been loaded in this interpreter",
                    "TCL", "OPERATION", "UNLOAD", "NEVERLOADED");
        }
        return TclException.error("file \"" + file + "\" cannot be unloaded under a "
                + (InterpCommands.isSafe(target) ? "safe" : "trusted") + " interpreter", "TCL", "OPERATION", "UNLOAD", "CANNOT");
    }

    /** Whether one of these {file prefix} entries is of the file. */
    private static boolean holds(List<Value> entries, String file) throws TclException {
        for (Value e : entries) if (e.asList().get(0).toString().equals(file)) return true;
        return false;
    }

    private static Value load(Interp in, Value[] a) throws TclException {
        int i = 1;
        while (i < a.length && a[i].toString().startsWith("-")) {
            String opt = new String[] {"-global", "-lazy", "--"}[OptionTable.lookup(a[i], "option", "-global", "-lazy", "--")];
            i++;
            if (opt.equals("--")) break;
        }
        if (a.length - i < 1 || a.length - i > 3) {
            throw TclException.wrongArgs(a, 1, "?-global? ?-lazy? ?--? fileName ?packageName? ?interp?");
        }
        String file = a[i].toString();
        String given = i + 1 < a.length ? a[i + 1].toString() : "";
        Interp target = i + 2 < a.length ? InterpCommands.resolve(in, a[i + 2]) : in;
        if (file.isEmpty() && given.isEmpty()) {
            throw TclException.error("must specify either file name or package name", "TCL", "OPERATION", "LOAD", "NOLIBRARY");
        }
        String prefix = title(given.isEmpty() ? guessPrefix(file) : given);
        Consumer<Interp> builtIn = STATIC.get(prefix);
        if (file.isEmpty()) {
            if (builtIn == null) {
                throw TclException.error("package \"" + given + "\" isn't loaded statically", "TCL", "OPERATION", "LOAD", "NOTSTATIC");
            }
        } else {
            Path p = Path.of(file);
            if (!Files.exists(p)) {
                throw TclException.error("couldn't load file \"" + file + "\": " + file + ": cannot open shared object file: No such file or directory");
            }
            if (builtIn == null) {
                throw TclException.error("couldn't load file \"" + file + "\": jexpect runs Tcl in Java and cannot load C extensions");
            }
        }
        Value entry = Value.ofList(List.of(Value.of(file), Value.of(prefix)));
        Loaded loaded = target.extension(Loaded.class, Loaded::new);
        for (Value e : loaded.entries) {
            if (e.asList().get(1).toString().equals(prefix)) return Value.EMPTY; // already there: as Tcl, nothing to do
        }
        if (InterpCommands.isSafe(target)) {
            throw TclException.error("can't use package in a safe interpreter: no " + prefix + "_SafeInit procedure",
                    "TCL", "OPERATION", "LOAD", "UNSAFE");
        }
        builtIn.accept(target);
        loaded.entries.addFirst(entry);
        synchronized (LOADED) {
            if (!LOADED.contains(entry)) LOADED.addFirst(entry);
        }
        return Value.EMPTY;
    }

    /** info loaded ?interp?: the {file prefix} pairs loaded into that interpreter, or into any. */
    static Value loaded(Interp of) {
        if (of != null) return Value.ofList(List.copyOf(of.extension(Loaded.class, Loaded::new).entries));
        synchronized (LOADED) {
            return Value.ofList(List.copyOf(LOADED));
        }
    }

    /**
     * Tcl's guess from a file name: its last element, less a leading "lib", up to the first
     * character that is not a letter or underscore (libexpect.so.5.45.4 gives expect).
     */
    private static String guessPrefix(String file) throws TclException {
        String tail = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        String guess = tail.startsWith("lib") ? tail.substring(3) : tail;
        int end = 0;
        while (end < guess.length() && (guess.charAt(end) == '_' || guess.charAt(end) < 0x100 && Character.isLetter(guess.charAt(end)))) end++;
        if (end == 0) {
            throw TclException.error("couldn't figure out package name for " + file, "TCL", "OPERATION", "LOAD", "WHATLIBRARY");
        }
        return guess.substring(0, end);
    }

    /** Tcl_UtfToTitle: the first character upper case, the rest lower case. */
    private static String title(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}
