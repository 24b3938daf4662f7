package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * package: the packages built into this interpreter (Tcl, and Expect once its commands are
 * installed). There is no package path to load others from, so requiring one fails as Tcl does.
 */
final class PackageCommand {
    private final Map<String, String> provided = new LinkedHashMap<>();

    private PackageCommand() {
        provided.put("Tcl", "8.6.13");
    }

    static void install(Interp in) {
        PackageCommand p = new PackageCommand();
        in.register("package", p::call);
    }

    private Value call(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = a[1].toString();
        switch (sub) {
            case "require" -> {
                int i = 2;
                boolean exact = i < a.length && a[i].toString().equals("-exact");
                if (exact) i++;
                if (i >= a.length) throw TclException.wrongArgs(a, 2, "?-exact? package ?requirement ...?");
                String name = a[i].toString();
                String have = provided.get(name);
                if (have == null) {
                    throw TclException.error("can't find package " + name
                            + (i + 1 < a.length ? " " + a[i + 1] : ""), "TCL", "PACKAGE", "UNFOUND");
                }
                if (i + 1 < a.length && !satisfies(have, a[i + 1].toString(), exact)) {
                    throw TclException.error("version conflict for package \"" + name + "\": have " + have
                            + ", need " + (exact ? "exactly " : "") + a[i + 1], "TCL", "PACKAGE", "VERSIONCONFLICT");
                }
                return Value.of(have);
            }
            case "provide" -> {
                if (a.length < 3 || a.length > 4) throw TclException.wrongArgs(a, 2, "package ?version?");
                if (a.length == 4) {
                    provided.put(a[2].toString(), a[3].toString());
                    return Value.EMPTY;
                }
                String v = provided.get(a[2].toString());
                return v == null ? Value.EMPTY : Value.of(v);
            }
            case "present" -> {
                String name = a[a.length - 1].toString();
                String v = provided.get(name);
                if (v == null) throw TclException.error("package " + name + " is not present");
                return Value.of(v);
            }
            case "names" -> {
                return Value.ofStrings(new ArrayList<>(provided.keySet()));
            }
            case "versions" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "package");
                String v = provided.get(a[2].toString());
                return v == null ? Value.EMPTY : Value.of(v);
            }
            case "vcompare" -> {
                if (a.length != 4) throw TclException.wrongArgs(a, 2, "version1 version2");
                return Value.of(compare(a[2].toString(), a[3].toString()));
            }
            case "vsatisfies" -> {
                if (a.length < 4) throw TclException.wrongArgs(a, 2, "version ?requirement ...?");
                for (int i = 3; i < a.length; i++) if (satisfies(a[2].toString(), a[i].toString(), false)) return Value.ONE;
                return Value.ZERO;
            }
            case "ifneeded", "forget", "unknown", "prefer" -> {
                return Value.EMPTY;
            }
            default -> throw TclException.error("bad option \"" + sub + "\": must be forget, ifneeded, names, prefer, "
                    + "present, provide, require, unknown, vcompare, versions, or vsatisfies");
        }
    }

    /** Tcl's rule: same major version and at least the minimum ("8.5", "8.5-", "8.5-9"). */
    private static boolean satisfies(String have, String req, boolean exact) throws TclException {
        if (exact) return compare(have, req) == 0;
        int dash = req.indexOf('-');
        if (dash < 0) return major(have) == major(req) && compare(have, req) >= 0;
        String min = req.substring(0, dash), max = req.substring(dash + 1);
        return compare(have, min) >= 0 && (max.isEmpty() || compare(have, max) < 0);
    }

    private static int major(String v) throws TclException {
        return parts(v).get(0);
    }

    private static int compare(String x, String y) throws TclException {
        List<Integer> a = parts(x), b = parts(y);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int p = i < a.size() ? a.get(i) : 0, q = i < b.size() ? b.get(i) : 0;
            if (p != q) return Integer.compare(p, q);
        }
        return 0;
    }

    private static List<Integer> parts(String v) throws TclException {
        List<Integer> out = new ArrayList<>();
        for (String p : v.split("\\.")) {
            try {
                out.add(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                throw TclException.error("expected version number but got \"" + v + "\"");
            }
        }
        return out;
    }
}
