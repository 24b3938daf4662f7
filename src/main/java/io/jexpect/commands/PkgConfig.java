package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ::tcl::pkgconfig list|get key: how this jexpect was built and where it lives, under the keys Tcl
 * uses (tclPkgConfig.c). A key Tcl has but jexpect has nothing for (includedir, docdir) is absent.
 */
final class PkgConfig {
    private PkgConfig() {}

    static void install(Interp in) {
        in.register("::tcl::pkgconfig", PkgConfig::pkgconfig);
    }

    private static Map<String, String> values(Interp in) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("debug", "0");
        v.put("threaded", "1"); // the interpreter runs beside reader threads, on a thread-safe runtime
        v.put("profiled", "0");
        v.put("64bit", "64".equals(System.getProperty("sun.arch.data.model")) ? "1" : "0");
        v.put("optimized", "1"); // the JIT compiles the interpreter
        v.put("mem_debug", "0");
        v.put("compile_debug", "0");
        v.put("compile_stats", "0");
        String jar = jarDirectory();
        String launcher = System.getProperty("jexpect.executable");
        Value library = in.getGlobalOrNull("tcl_library");
        for (String when : List.of("runtime", "install")) {
            if (jar != null) v.put("libdir," + when, jar);
            if (launcher != null && Path.of(launcher).getParent() != null) v.put("bindir," + when, Path.of(launcher).getParent().toString());
            if (library != null && !library.toString().isEmpty()) v.put("scriptdir," + when, library.toString());
        }
        return v;
    }

    /** The folder of the jar (or classes folder) jexpect runs from. */
    private static String jarDirectory() {
        try {
            var source = PkgConfig.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path p = Path.of(source.getLocation().toURI());
            return p.toString().endsWith(".jar") && p.getParent() != null ? p.getParent().toString() : p.toString();
        } catch (Exception e) {
            return null;
        }
    }

    private static Value pkgconfig(Interp in, Value[] a) throws TclException {
        if (a.length < 2 || a.length > 3) throw TclException.wrongArgs(a, 1, "subcommand ?arg?");
        String sub = new String[] {"get", "list"}[OptionTable.lookup(a[1], "subcommand", "get", "list")];
        Map<String, String> values = values(in);
        if (sub.equals("list")) {
            if (a.length != 2) throw TclException.wrongArgs(a, 1, "list");
            return Value.ofStrings(new ArrayList<>(values.keySet()));
        }
        if (a.length != 3) throw TclException.wrongArgs(a, 1, "get key");
        String value = values.get(a[2].toString());
        if (value == null) throw TclException.error("key not known", "TCL", "LOOKUP", "CONFIG", a[2].toString());
        return Value.of(value);
    }
}
