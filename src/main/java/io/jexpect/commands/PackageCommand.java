package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * package, as Tcl's package database: provided versions, the ifneeded scripts that load the
 * available ones, and the package unknown handler that finds them on disk (Tcl's own
 * tclPkgUnknown and Tcl-module handler, which scan auto_path and tcl::tm::path).
 */
final class PackageCommand {
    private static final String[] SUBCOMMANDS = {"forget", "ifneeded", "names", "prefer", "present", "provide",
        "require", "unknown", "vcompare", "versions", "vsatisfies"};

    /** What is known of one package: the version provided (or null) and the loadable versions. */
    private static final class Pkg {
        String provided;
        final Map<String, Value> available = new LinkedHashMap<>();
    }

    private final Map<String, Pkg> packages = new LinkedHashMap<>();
    private Value unknown = Value.EMPTY;
    private boolean preferLatest;

    private PackageCommand() {
        pkg("Tcl").provided = "8.6.13";
        pkg("TclOO").provided = "1.1.0"; // built in, as in Tcl 8.6 (commands/oo)
        pkg("zlib").provided = "2.0.1"; // ZlibCommands
        pkg("tcl::tommath").provided = "8.6.13"; // Tcl's bignum C API: nothing for scripts, provided as tclsh does
    }

    static void install(Interp in) {
        PackageCommand p = new PackageCommand();
        in.register("package", p::call);
    }

    private Pkg pkg(String name) {
        return packages.computeIfAbsent(name, k -> new Pkg());
    }

    private Value call(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "option ?arg ...?");
        String sub = SUBCOMMANDS[OptionTable.lookup(a[1], "option", SUBCOMMANDS)];
        switch (sub) {
            case "require", "present" -> {
                int i = 2;
                boolean exact = i < a.length && a[i].toString().equals("-exact");
                if (exact) i++;
                if (i >= a.length || exact && a.length != i + 2) {
                    throw TclException.wrongArgs(a, 2, "?-exact? package ?requirement ...?");
                }
                String name = a[i].toString();
                List<String> reqs = new ArrayList<>();
                for (int k = i + 1; k < a.length; k++) {
                    String r = a[k].toString();
                    checkRequirement(r);
                    reqs.add(exact ? r + "-" + r : r);
                }
                return sub.equals("require") ? Value.of(require(in, name, reqs, exact)) : Value.of(present(name, reqs, exact));
            }
            case "provide" -> {
                if (a.length < 3 || a.length > 4) throw TclException.wrongArgs(a, 2, "package ?version?");
                String name = a[2].toString();
                if (a.length == 3) {
                    Pkg p = packages.get(name);
                    return p == null || p.provided == null ? Value.EMPTY : Value.of(p.provided);
                }
                String v = a[3].toString();
                parts(v);
                Pkg p = pkg(name);
                if (p.provided != null && compare(p.provided, v) != 0) {
                    throw TclException.error("conflicting versions provided for package \"" + name + "\": "
                            + p.provided + ", then " + v);
                }
                p.provided = v;
                return Value.EMPTY;
            }
            case "ifneeded" -> {
                if (a.length < 4 || a.length > 5) throw TclException.wrongArgs(a, 2, "package version ?script?");
                String name = a[2].toString();
                String v = a[3].toString();
                parts(v);
                if (a.length == 4) {
                    Pkg p = packages.get(name);
                    Value s = p == null ? null : p.available.get(v);
                    return s == null ? Value.EMPTY : s;
                }
                pkg(name).available.put(v, a[4]);
                return Value.EMPTY;
            }
            case "names" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                List<String> out = new ArrayList<>();
                packages.forEach((k, p) -> {
                    if (p.provided != null || !p.available.isEmpty()) out.add(k);
                });
                return Value.ofStrings(out);
            }
            case "versions" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "package");
                Pkg p = packages.get(a[2].toString());
                return p == null ? Value.EMPTY : Value.ofStrings(new ArrayList<>(p.available.keySet()));
            }
            case "forget" -> {
                for (int i = 2; i < a.length; i++) packages.remove(a[i].toString());
                return Value.EMPTY;
            }
            case "unknown" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?command?");
                if (a.length == 3) unknown = a[2];
                return a.length == 3 ? Value.EMPTY : unknown;
            }
            case "prefer" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?latest|stable?");
                if (a.length == 3) {
                    String w = a[2].toString();
                    if (!w.equals("latest") && !w.equals("stable")) {
                        throw TclException.error("bad preference \"" + w + "\": must be latest or stable");
                    }
                    preferLatest |= w.equals("latest");
                }
                return Value.of(preferLatest ? "latest" : "stable");
            }
            case "vcompare" -> {
                if (a.length != 4) throw TclException.wrongArgs(a, 2, "version1 version2");
                return Value.of(compare(a[2].toString(), a[3].toString()));
            }
            case "vsatisfies" -> {
                if (a.length < 4) throw TclException.wrongArgs(a, 2, "version ?requirement ...?");
                String v = a[2].toString();
                parts(v);
                List<String> reqs = new ArrayList<>();
                for (int i = 3; i < a.length; i++) {
                    checkRequirement(a[i].toString());
                    reqs.add(a[i].toString());
                }
                return Value.of(satisfiesAny(v, reqs));
            }
            default -> throw new IllegalStateException(sub);
        }
    }

    private String present(String name, List<String> reqs, boolean exact) throws TclException {
        Pkg p = packages.get(name);
        if (p == null || p.provided == null) {
            throw TclException.error("package " + name + " is not present", "TCL", "PACKAGE", "UNFOUND");
        }
        if (!reqs.isEmpty() && !satisfiesAny(p.provided, reqs)) throw conflict(name, p.provided, reqs, exact);
        return p.provided;
    }

    /**
     * Tcl's package require: a provided version if it satisfies; else the best available one
     * (asking package unknown to find some first when none fits), whose ifneeded script is run at
     * global level and must provide exactly that version.
     */
    private String require(Interp in, String name, List<String> reqs, boolean exact) throws TclException {
        Pkg p = packages.get(name);
        if (p != null && p.provided != null) {
            if (!reqs.isEmpty() && !satisfiesAny(p.provided, reqs)) throw conflict(name, p.provided, reqs, exact);
            return p.provided;
        }
        String best = best(p, reqs);
        if (best == null && !unknown.toString().isEmpty()) {
            List<Value> call = new ArrayList<>(unknown.asList());
            call.add(Value.of(name));
            if (reqs.isEmpty()) call.add(Value.of("0-"));
            for (String r : reqs) call.add(Value.of(r));
            try {
                in.evalGlobal(Value.ofList(call));
            } catch (TclException e) {
                if (e.isError()) e.appendErrorInfo("\n    (\"package unknown\" script)");
                throw e;
            }
            p = packages.get(name);
            if (p != null && p.provided != null) {
                if (!reqs.isEmpty() && !satisfiesAny(p.provided, reqs)) throw conflict(name, p.provided, reqs, exact);
                return p.provided;
            }
            best = best(p, reqs);
        }
        if (best == null) {
            StringBuilder sb = new StringBuilder("can't find package ").append(name);
            if (exact) sb.append(" exactly ").append(reqs.get(0), 0, reqs.get(0).indexOf('-'));
            else for (String r : reqs) sb.append(' ').append(r);
            throw TclException.error(sb.toString(), "TCL", "PACKAGE", "UNFOUND");
        }
        Value script = p.available.get(best);
        try {
            in.evalGlobal(script);
        } catch (TclException e) {
            if (e.isError()) e.appendErrorInfo("\n    (\"package ifneeded " + name + " " + best + "\" script)");
            throw e;
        }
        p = packages.get(name);
        String got = p == null ? null : p.provided;
        if (got == null) {
            throw TclException.error("attempt to provide package " + name + " " + best + " failed: no version of package "
                    + name + " provided", "TCL", "PACKAGE", "UNPROVIDED");
        }
        if (compare(got, best) != 0) {
            throw TclException.error("attempt to provide package " + name + " " + best + " failed: package " + name + " "
                    + got + " provided instead", "TCL", "PACKAGE", "WRONGPROVIDE");
        }
        return got;
    }

    /** The highest available version that satisfies the requirements, stable ones first unless prefer latest. */
    private String best(Pkg p, List<String> reqs) throws TclException {
        if (p == null) return null;
        String best = null;
        String bestStable = null;
        for (String v : p.available.keySet()) {
            if (!reqs.isEmpty() && !satisfiesAny(v, reqs)) continue;
            if (best == null || compare(v, best) > 0) best = v;
            boolean stable = v.indexOf('a') < 0 && v.indexOf('b') < 0;
            if (stable && (bestStable == null || compare(v, bestStable) > 0)) bestStable = v;
        }
        return preferLatest || bestStable == null ? best : bestStable;
    }

    private static TclException conflict(String name, String have, List<String> reqs, boolean exact) {
        StringBuilder sb = new StringBuilder("version conflict for package \"").append(name).append("\": have ")
                .append(have).append(", need");
        if (exact) {
            sb.append(" exactly ").append(reqs.get(0), 0, reqs.get(0).indexOf('-'));
        } else {
            for (String r : reqs) sb.append(' ').append(r);
        }
        return TclException.error(sb.toString(), "TCL", "PACKAGE", "VERSIONCONFLICT");
    }

    private static boolean satisfiesAny(String have, List<String> reqs) throws TclException {
        for (String r : reqs) if (satisfies(have, r)) return true;
        return false;
    }

    /**
     * Tcl's rule: "min" means min or later within the same major version; "min-" min or later;
     * "min-max" from min up to but not including max (exactly min when both are equal).
     */
    private static boolean satisfies(String have, String req) throws TclException {
        int dash = req.indexOf('-');
        if (dash < 0) return parts(have).get(0).equals(parts(req).get(0)) && compare(have, req) >= 0;
        String min = req.substring(0, dash), max = req.substring(dash + 1);
        if (compare(have, min) < 0) return false;
        if (max.isEmpty()) return true;
        return compare(min, max) == 0 ? compare(have, min) == 0 : compare(have, max) < 0;
    }

    private static void checkRequirement(String r) throws TclException {
        int dash = r.indexOf('-');
        parts(dash < 0 ? r : r.substring(0, dash));
        if (dash >= 0 && dash + 1 < r.length()) parts(r.substring(dash + 1));
    }

    private static int compare(String x, String y) throws TclException {
        List<Integer> a = parts(x), b = parts(y);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int p = i < a.size() ? a.get(i) : 0, q = i < b.size() ? b.get(i) : 0;
            if (p != q) return Integer.compare(p, q);
        }
        return 0;
    }

    /** A version's numbers; "a" and "b" (alpha, beta) count as the separators -2 and -1, as in Tcl. */
    private static List<Integer> parts(String v) throws TclException {
        List<Integer> out = new ArrayList<>();
        int n = v.length();
        int i = 0;
        boolean ok = n > 0;
        while (ok && i < n) {
            int start = i;
            while (i < n && Character.isDigit(v.charAt(i))) i++;
            if (i == start || i - start > 9) {
                ok = false;
                break;
            }
            out.add(Integer.parseInt(v.substring(start, i)));
            if (i == n) break;
            char c = v.charAt(i++);
            if (c == 'a') out.add(-2);
            else if (c == 'b') out.add(-1);
            else if (c != '.') ok = false;
            if (i == n) ok = false;
        }
        if (!ok) throw TclException.error("expected version number but got \"" + v + "\"");
        return out;
    }
}
