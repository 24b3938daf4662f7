package io.jexpect.commands.oo;

import io.jexpect.commands.Ensemble;
import io.jexpect.commands.GlobMatch;
import io.jexpect.commands.OptionTable;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** info object and info class (Tcl's ::oo::InfoObject and ::oo::InfoClass ensembles). */
final class OoInfo {
    private OoInfo() {}

    private static final String[] OBJECT = {"call", "class", "definition", "filters", "forward", "isa", "methods",
        "methodtype", "mixins", "namespace", "variables", "vars"};
    private static final String[] CLASS = {"call", "constructor", "definition", "destructor", "filters", "forward",
        "instances", "methods", "methodtype", "mixins", "subclasses", "superclasses", "variables"};

    static void install(OoRuntime oo) {
        oo.in.register("::oo::InfoObject", (in, a) -> object(oo, a, 1));
        oo.in.register("::oo::InfoClass", (in, a) -> clazz(oo, a, 1));
    }

    /** Usage error for the words up to (and including) the subcommand at index base. */
    private static TclException usage(Value[] a, int base, String rest) {
        return TclException.wrongArgs(a, base + 1, rest);
    }

    /** info object sub ...: the subcommand is a[base]. */
    static Value object(OoRuntime oo, Value[] a, int base) throws TclException {
        if (a.length <= base) throw TclException.wrongArgs(a, base, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, base, OBJECT);
        int n = a.length - base - 1;
        if (sub.equals("isa")) return isa(oo, a, base);
        if (sub.equals("methods")) {
            if (n < 1) throw usage(a, base, "objName ?-option value ...?");
            OoObject o = oo.object(a[base + 1]);
            return methods(oo, o, o.methods, a, base + 2, false);
        }
        boolean twoArgs = switch (sub) {
            case "call", "definition", "forward", "methodtype" -> true;
            default -> false;
        };
        if (twoArgs && n != 2) throw usage(a, base, "objName methodName");
        if (sub.equals("class") && (n < 1 || n > 2)) throw usage(a, base, "objName ?className?");
        if (sub.equals("vars") && (n < 1 || n > 2)) throw usage(a, base, "objName ?pattern?");
        if (!twoArgs && !sub.equals("class") && !sub.equals("vars") && n != 1) throw usage(a, base, "objName");
        OoObject o = oo.object(a[base + 1]);
        return switch (sub) {
            case "call" -> OoCommands.describe(callChain(oo, o, a[base + 2].toString()));
            case "class" -> n == 1 ? Value.of(o.cls.name()) : Value.of(o.isa(oo.classNamed(a[base + 2])));
            case "definition" -> definition(own(o.methods, a[base + 2]));
            case "forward" -> forward(own(o.methods, a[base + 2]));
            case "methodtype" -> Value.of(own(o.methods, a[base + 2]).type());
            case "filters" -> Value.ofStrings(o.filters);
            case "mixins" -> names(o.mixins);
            case "namespace" -> Value.of(o.ns.fullName());
            case "variables" -> Value.ofStrings(o.variables);
            default -> {
                String pattern = n == 2 ? a[base + 2].toString() : null;
                List<String> out = new ArrayList<>();
                for (String v : o.ns.varNames()) if (pattern == null || GlobMatch.matches(pattern, v)) out.add(v);
                yield Value.ofStrings(out);
            }
        };
    }

    private static final String[] CATEGORIES = {"class", "metaclass", "mixin", "object", "typeof"};

    private static Value isa(OoRuntime oo, Value[] a, int base) throws TclException {
        if (a.length < base + 3) throw usage(a, base, "category objName ?arg ...?");
        String cat = CATEGORIES[OptionTable.lookup(a[base + 1], "category", CATEGORIES)];
        boolean withClass = cat.equals("mixin") || cat.equals("typeof");
        if (a.length != base + (withClass ? 4 : 3)) {
            throw TclException.wrongArgs(a, base + 2, withClass ? "objName className" : "objName");
        }
        OoObject o = oo.find(a[base + 2].toString());
        if (o == null) return Value.ZERO;
        return Value.of(switch (cat) {
            case "object" -> true;
            case "class" -> o.asClass() != null;
            case "metaclass" -> o.asClass() != null && o.asClass().inherits(oo.clazz);
            case "mixin" -> oo.find(a[base + 3].toString()) instanceof OoClass c && o.mixins.contains(c);
            default -> oo.find(a[base + 3].toString()) instanceof OoClass c && o.isa(c);
        });
    }

    /** info class sub ...: the subcommand is a[base]. */
    static Value clazz(OoRuntime oo, Value[] a, int base) throws TclException {
        if (a.length <= base) throw TclException.wrongArgs(a, base, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, base, CLASS);
        int n = a.length - base - 1;
        if (sub.equals("methods")) {
            if (n < 1) throw usage(a, base, "className ?-option value ...?");
            OoClass c = oo.classNamed(a[base + 1]);
            return methods(oo, c, c.classMethods, a, base + 2, true);
        }
        boolean twoArgs = switch (sub) {
            case "call", "definition", "forward", "methodtype" -> true;
            default -> false;
        };
        boolean pattern = sub.equals("instances") || sub.equals("subclasses");
        if (twoArgs && n != 2) throw usage(a, base, "className methodName");
        if (pattern && (n < 1 || n > 2)) throw usage(a, base, "className ?pattern?");
        if (!twoArgs && !pattern && n != 1) throw usage(a, base, "className");
        OoClass c = oo.classNamed(a[base + 1]);
        return switch (sub) {
            case "call" -> {
                // The chain an instance of the class would see, without object-level parts.
                yield OoCommands.describe(callChain(oo, new OoObject(c.ns, c), a[base + 2].toString()));
            }
            case "constructor" -> c.constructor == null ? Value.EMPTY : definition(c.constructor);
            case "destructor" -> c.destructor == null ? Value.EMPTY
                    : ((Method.ProcBody) c.destructor.body).body();
            case "definition" -> definition(own(c.classMethods, a[base + 2]));
            case "forward" -> forward(own(c.classMethods, a[base + 2]));
            case "methodtype" -> Value.of(own(c.classMethods, a[base + 2]).type());
            case "filters" -> Value.ofStrings(c.classFilters);
            case "mixins" -> names(c.classMixins);
            case "superclasses" -> names(c.superclasses);
            case "variables" -> Value.ofStrings(c.classVariables);
            case "instances" -> matching(c.instances, n == 2 ? a[base + 2].toString() : null);
            default -> matching(c.subclasses, n == 2 ? a[base + 2].toString() : null);
        };
    }

    /** The chain a call of the method would run: filters first, then the implementations. */
    private static CallContext callChain(OoRuntime oo, OoObject o, String name) {
        List<Method> filters = oo.filters(o);
        List<Method> all = new ArrayList<>(filters);
        all.addAll(oo.chain(o, name, false));
        return new CallContext(o, name, all, true, filters.size());
    }

    private static Method own(Map<String, Method> table, Value name) throws TclException {
        Method m = table.get(name.toString());
        if (m == null || m.body == null) {
            throw TclException.error("unknown method \"" + name + "\"", "TCL", "LOOKUP", "METHOD", name.toString());
        }
        return m;
    }

    private static Value definition(Method m) throws TclException {
        if (!(m.body instanceof Method.ProcBody p)) {
            throw TclException.error("definition not available for this kind of method", "TCL", "LOOKUP", "METHOD", m.name);
        }
        return Value.ofList(List.of(p.params(), p.body()));
    }

    private static Value forward(Method m) throws TclException {
        if (!(m.body instanceof Method.Forward f)) {
            throw TclException.error("prefix argument list not available for this kind of method", "TCL", "LOOKUP", "METHOD", m.name);
        }
        return Value.ofList(f.prefix());
    }

    private static final String[] METHOD_OPTIONS = {"-all", "-localprivate", "-private"};

    /** info object/class methods: own ones by default, -all for every reachable, -private for unexported too. */
    private static Value methods(OoRuntime oo, OoObject o, Map<String, Method> own, Value[] a, int from, boolean ofClass)
            throws TclException {
        boolean all = false;
        boolean priv = false;
        for (int i = from; i < a.length; i++) {
            String opt = METHOD_OPTIONS[OptionTable.lookup(a[i], "option", METHOD_OPTIONS)];
            if (opt.equals("-all")) all = true;
            else priv = true;
        }
        TreeSet<String> names = new TreeSet<>();
        if (all) {
            OoObject probe = ofClass ? new OoObject(o.ns, (OoClass) o) : o;
            names.addAll(oo.methodNames(probe, priv));
        } else {
            for (Method m : own.values()) if (m.body != null && (priv || m.exported)) names.add(m.name);
        }
        return Value.ofStrings(new ArrayList<>(names));
    }

    private static Value names(List<OoClass> classes) {
        List<String> out = new ArrayList<>();
        for (OoClass c : classes) out.add(c.name());
        return Value.ofStrings(out);
    }

    private static Value matching(List<? extends OoObject> objects, String pattern) {
        List<String> out = new ArrayList<>();
        for (OoObject o : objects) if (pattern == null || GlobMatch.matches(pattern, o.name())) out.add(o.name());
        return Value.ofStrings(out);
    }
}
