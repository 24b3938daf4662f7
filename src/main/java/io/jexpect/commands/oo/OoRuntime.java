package io.jexpect.commands.oo;

import io.jexpect.interp.ImportedCommand;
import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.Proc;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One interpreter's TclOO: the two root classes, the objects' life (create, destroy), method
 * resolution in Tcl's order and the calls in progress that self and next look at.
 */
final class OoRuntime {
    final Interp in;
    final OoClass object;
    final OoClass clazz;
    final Namespace helpers;
    private long nextId = 1;

    OoRuntime(Interp in) {
        this.in = in;
        this.helpers = in.createNamespace("::oo::Helpers");
        object = new OoClass(freshNamespace(), null);
        clazz = new OoClass(freshNamespace(), null);
        object.cls = clazz;
        clazz.cls = clazz;
        clazz.superclasses.add(object);
        object.subclasses.add(clazz);
        clazz.instances.add(object);
        clazz.instances.add(clazz);
        setUp(object, "::oo::object");
        setUp(clazz, "::oo::class");
    }

    // ---- finding objects -------------------------------------------------------------------------

    /** The object a command name refers to, or null. */
    OoObject find(String name) {
        TclCommand c = in.command(name);
        return ImportedCommand.realOf(c) instanceof ObjectCommand oc ? oc.object : null;
    }

    OoObject object(Value name) throws TclException {
        OoObject o = find(name.toString());
        if (o == null) throw TclException.error(name + " does not refer to an object", "TCL", "LOOKUP", "OBJECT", name.toString());
        return o;
    }

    OoClass classNamed(Value name) throws TclException {
        OoObject o = object(name);
        if (o.asClass() == null) throw TclException.error("\"" + name + "\" is not a class", "TCL", "LOOKUP", "CLASS", name.toString());
        return o.asClass();
    }

    // ---- life ------------------------------------------------------------------------------------

    private Namespace freshNamespace() {
        String name;
        do {
            name = "::oo::Obj" + nextId++;
        } while (in.findNamespace(name) != null);
        return in.createNamespace(name);
    }

    /** Gives a new object its namespace path, its my and its command. */
    private void setUp(OoObject o, String name) {
        in.setNamespacePath(o.ns, List.of(helpers));
        in.defineCommand(o.ns, "my", new MyCommand(this, o));
        in.register(name, new ObjectCommand(this, o));
    }

    /** A new object's command name, qualified from the current namespace (null stays null: a generated name). */
    private String commandName(String name) throws TclException {
        if (name == null) return null;
        String full = Namespace.absolute(name) ? name : in.currentNamespace().qualify(name);
        if (in.command(full) != null) {
            throw TclException.error("can't create object \"" + name + "\": command already exists with that name",
                    "TCL", "OO", "OVERWRITE_OBJECT");
        }
        return full;
    }

    /** A new object's namespace: the one named (which must not exist yet), else ::oo::ObjN. */
    private Namespace namespaceFor(String nsName) throws TclException {
        if (nsName == null) return freshNamespace();
        String nsFull = Namespace.absolute(nsName) ? nsName : in.currentNamespace().qualify(nsName);
        if (in.findNamespace(nsFull) != null) {
            throw TclException.error("namespace \"" + nsFull + "\" already exists", "TCL", "OO", "NAMESPACE_EXISTS");
        }
        return in.createNamespace(nsFull);
    }

    /**
     * Creates an instance of cls named name (relative to the current namespace; null for a
     * generated name) in the namespace nsName (null for a generated one) and runs its
     * constructors with the words of argv after skip.
     */
    OoObject create(OoClass cls, String name, String nsName, Value[] argv, int skip) throws TclException {
        String full = commandName(name);
        Namespace ns = namespaceFor(nsName);
        OoObject o;
        if (cls.inherits(clazz)) {
            OoClass c = new OoClass(ns, cls);
            c.superclasses.add(object);
            object.subclasses.add(c);
            o = c;
        } else {
            o = new OoObject(ns, cls);
        }
        cls.instances.add(o);
        setUp(o, full != null ? full : ns.fullName());
        List<Method> constructors = chain(o, c -> c.constructor, null, false);
        if (!constructors.isEmpty()) {
            try {
                run(new CallContext(o, CallContext.CONSTRUCTOR, constructors, false), 0, argv, skip);
            } catch (TclException e) {
                if (e.code() == TclException.ERROR) {
                    destroy(o);
                    throw e;
                }
            }
        }
        return o;
    }

    /**
     * Destroys an object: its destructors run, then its namespace and command go; a class takes its
     * instances and subclasses with it. A failing destructor does not stop the destruction; its
     * error is returned (the destroy method reports it, as Tcl does), else null.
     */
    TclException destroy(OoObject o) {
        if (o.destroyed) return null;
        o.destroyed = true;
        changed();
        TclException failure = null;
        List<Method> destructors = chain(o, c -> c.destructor, null, false);
        if (!destructors.isEmpty()) {
            try {
                run(new CallContext(o, CallContext.DESTRUCTOR, destructors, false), 0,
                        new Value[] {Value.of(o.name()), Value.of("destroy")}, 2);
            } catch (TclException e) {
                if (e.isError()) failure = e;
            }
        }
        if (o instanceof OoClass c) {
            for (OoClass sub : List.copyOf(c.subclasses)) destroy(sub);
            for (OoObject inst : List.copyOf(c.instances)) destroy(inst);
            for (OoClass s : c.superclasses) s.subclasses.remove(c);
            for (OoClass m : c.classMixins) m.mixedInto.remove(c);
            // As in Tcl, the classes that mix it in go too (and objects that do, as its instances).
            for (OoClass user : List.copyOf(c.mixedInto)) destroy(user);
        }
        for (OoClass m : o.mixins) m.instances.remove(o);
        if (o.cls != null) o.cls.instances.remove(o);
        if (o.commandNs != null && !o.commandDeleted) in.deleteCommand(o.commandNs, o.commandTail);
        if (!o.ns.isDeleted()) in.deleteNamespace(o.ns);
        return failure;
    }

    /**
     * oo::copy: a new object of the same class with copies of the source's own methods, mixins,
     * filters, declared and namespace variables (and, for a class, its definition); no
     * constructor runs.
     */
    OoObject copy(OoObject source, String name, String nsName) throws TclException {
        String full = commandName(name);
        Namespace ns = namespaceFor(nsName);
        OoObject o;
        if (source instanceof OoClass sc) {
            OoClass c = new OoClass(ns, sc.cls);
            c.superclasses.addAll(sc.superclasses);
            for (OoClass s : c.superclasses) s.subclasses.add(c);
            c.classMixins.addAll(sc.classMixins);
            for (OoClass m : c.classMixins) m.mixedInto.add(c);
            sc.classMethods.forEach((k, m) -> c.classMethods.put(k, new Method(k, c, true, m.body, m.exported)));
            c.classFilters.addAll(sc.classFilters);
            c.classVariables.addAll(sc.classVariables);
            if (sc.constructor != null) c.constructor = new Method(sc.constructor.name, c, true, sc.constructor.body, false);
            if (sc.destructor != null) c.destructor = new Method(sc.destructor.name, c, true, sc.destructor.body, false);
            o = c;
        } else {
            o = new OoObject(ns, source.cls);
        }
        OoObject copy = o;
        source.methods.forEach((k, m) -> copy.methods.put(k, new Method(k, copy, false, m.body, m.exported)));
        o.mixins.addAll(source.mixins);
        for (OoClass m : o.mixins) m.instances.add(o);
        o.filters.addAll(source.filters);
        o.variables.addAll(source.variables);
        o.cls.instances.add(o);
        setUp(o, full != null ? full : ns.fullName());
        Value[] words = {Value.of(o.name()), Value.of("<cloned>"), Value.of(source.name())};
        try {
            invoke(o, words, false);
        } catch (TclException e) {
            destroy(o);
            throw e;
        }
        return o;
    }

    /** oo::object's {@code <cloned>} method: the copy gets the source's namespace variables. */
    void copyVariables(OoObject source, OoObject target) throws TclException {
        for (String v : source.ns.varNames()) {
            String from = source.ns.qualify(v);
            String to = target.ns.qualify(v);
            java.util.Map<String, Value> elements = in.arrayView(from);
            if (elements != null) {
                in.ensureArray(to, true);
                for (var e : elements.entrySet()) in.setVar(to, e.getKey(), e.getValue());
            } else {
                Value value = in.getVarOrNull(from);
                if (value != null) in.setVar(to, value);
            }
        }
    }

    // ---- method resolution ------------------------------------------------------------------------

    /**
     * The implementations of a method in call order, built as Tcl's TclOOGetCallContext does in two
     * passes: first what is reached through mixins (the object's, then those of its class and
     * superclasses), then the object's own method and its class and superclasses, depth first;
     * one met again moves to its later place. For a call from outside (publicCall), a branch whose
     * first declaration of the name is unexported is cut off, and an unexported method of the
     * object's own cuts off everything: an empty chain means "unknown method".
     */
    List<Method> chain(OoObject o, String name, boolean publicCall) {
        return chain(o, c -> c.classMethods.get(name), o.methods.get(name), publicCall);
    }

    /** A chain of class-level members (constructors, destructors), or of a method (own is the object's). */
    private List<Method> chain(OoObject o, Function<OoClass, Method> pick, Method own, boolean publicCall) {
        if (own != null && publicCall && !own.exported) return List.of();
        List<Method> out = new ArrayList<>();
        for (boolean mixinPass : new boolean[] {true, false}) {
            for (OoClass m : o.mixins) if (!m.destroyed) addClass(m, pick, out, publicCall, own != null, true, mixinPass);
            if (own != null && own.body != null && !mixinPass) add(own, out);
            addClass(o.cls, pick, out, publicCall, own != null, false, mixinPass);
        }
        return out;
    }

    /**
     * Adds a class's part: its mixins, its own declaration, its superclasses. known: visibility is
     * already decided on this branch; viaMixin: reached through a mixin, which only the mixin pass
     * takes (and the other pass leaves).
     */
    private void addClass(OoClass c, Function<OoClass, Method> pick, List<Method> out, boolean publicCall,
            boolean known, boolean viaMixin, boolean mixinPass) {
        for (OoClass m : c.classMixins) addClass(m, pick, out, publicCall, known, true, mixinPass);
        Method m = pick.apply(c);
        if (m != null) {
            if (!known && publicCall && !m.exported) return;
            known = true;
            if (m.body != null && viaMixin == mixinPass) add(m, out);
        }
        for (OoClass s : c.superclasses) addClass(s, pick, out, publicCall, known, viaMixin, mixinPass);
    }

    private static void add(Method m, List<Method> out) {
        out.remove(m);
        out.add(m);
    }

    /** The names of the methods an object has (public ones only unless all), sorted. */
    TreeSet<String> methodNames(OoObject o, boolean all) {
        TreeSet<String> names = new TreeSet<>();
        collectNames(o, names);
        names.removeIf(n -> chain(o, n, !all).isEmpty());
        return names;
    }

    private void collectNames(OoObject o, TreeSet<String> names) {
        for (OoClass m : o.mixins) if (!m.destroyed) collectClassNames(m, names);
        o.methods.forEach((k, m) -> names.add(k));
        collectClassNames(o.cls, names);
    }

    private void collectClassNames(OoClass c, TreeSet<String> names) {
        for (OoClass m : c.classMixins) collectClassNames(m, names);
        c.classMethods.forEach((k, m) -> names.add(k));
        for (OoClass s : c.superclasses) collectClassNames(s, names);
    }

    // ---- calls -----------------------------------------------------------------------------------

    /**
     * Calls the method argv[1] of o: from outside (the object's command) only an exported one;
     * otherwise (my) any. An unknown one goes to the object's unknown method.
     */
    Value invoke(OoObject o, Value[] argv, boolean publicCall) throws TclException {
        String name = argv[1].toString();
        Resolution r = resolve(o, name, publicCall);
        if (r.chain().isEmpty()) {
            List<Method> unknown = resolve(o, "unknown", false).chain();
            Value[] words = new Value[argv.length + 1];
            words[0] = argv[0];
            words[1] = Value.of("unknown");
            System.arraycopy(argv, 1, words, 2, argv.length - 1);
            if (unknown.isEmpty()) return unknownMethod(o, publicCall, words, 2);
            return run(new CallContext(o, "unknown", unknown, publicCall), 0, words, 2);
        }
        List<Method> filters = o.filtering ? List.of() : r.filters();
        if (filters.isEmpty()) return run(new CallContext(o, name, r.chain(), publicCall), 0, argv, 2);
        List<Method> all = new ArrayList<>(filters);
        all.addAll(r.chain());
        return run(new CallContext(o, name, all, publicCall, filters.size()), 0, argv, 2);
    }

    /** A method name's implementations on an object, and the object's filters. */
    record Resolution(List<Method> chain, List<Method> filters) {}

    /** Changes with every definition and every class destroyed: cached resolutions are then redone. */
    private long epoch;

    void changed() {
        epoch++;
    }

    private Resolution resolve(OoObject o, String name, boolean publicCall) {
        if (o.resolvedEpoch != epoch) {
            o.resolved.clear();
            o.resolvedFromOutside.clear();
            o.resolvedEpoch = epoch;
        }
        java.util.Map<String, Resolution> cache = publicCall ? o.resolvedFromOutside : o.resolved;
        Resolution r = cache.get(name);
        if (r == null) {
            boolean wasFiltering = o.filtering;
            o.filtering = false;
            List<Method> filters = filters(o);
            o.filtering = wasFiltering;
            r = new Resolution(List.copyOf(chain(o, name, publicCall)), List.copyOf(filters));
            cache.put(name, r);
        }
        return r;
    }

    /** The filter names that apply to an object: its own, then its classes' (mixins first), each once. */
    List<String> filterNames(OoObject o) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(o.filters);
        for (OoClass m : o.mixins) if (!m.destroyed) classFilters(m, names);
        classFilters(o.cls, names);
        return new ArrayList<>(names);
    }

    private void classFilters(OoClass c, java.util.Set<String> names) {
        for (OoClass m : c.classMixins) classFilters(m, names);
        names.addAll(c.classFilters);
        for (OoClass s : c.superclasses) classFilters(s, names);
    }

    /** Who declared a filter of an object: {declarer object|class name}, as self filter says. */
    Value filterDeclarer(OoObject o, String name) {
        if (o.filters.contains(name)) return Value.ofStrings(List.of(o.name(), "object", name));
        OoClass c = filterClass(o.cls, name);
        return Value.ofStrings(List.of(c == null ? "" : c.name(), "class", name));
    }

    private OoClass filterClass(OoClass c, String name) {
        for (OoClass m : c.classMixins) {
            OoClass f = filterClass(m, name);
            if (f != null) return f;
        }
        if (c.classFilters.contains(name)) return c;
        for (OoClass s : c.superclasses) {
            OoClass f = filterClass(s, name);
            if (f != null) return f;
        }
        return null;
    }

    /** The filter implementations a call on o runs first (none while one of o's filters runs). */
    List<Method> filters(OoObject o) {
        if (o.filtering) return List.of();
        List<Method> out = new ArrayList<>();
        for (String f : filterNames(o)) {
            for (Method m : chain(o, f, false)) {
                out.remove(m);
                out.add(m);
            }
        }
        return out;
    }

    /** oo::object's unknown method: Tcl's error naming the methods there are. */
    Value unknownMethod(OoObject o, boolean publicCall, Value[] argv, int skip) throws TclException {
        if (argv.length <= skip) throw TclException.wrongArgs(argv, skip, "method ?arg ...?");
        String name = argv[skip].toString();
        List<String> names = new ArrayList<>(methodNames(o, !publicCall));
        if (names.isEmpty()) {
            throw TclException.error("object \"" + o.name() + "\" has no visible methods", "TCL", "LOOKUP", "METHOD", name);
        }
        StringBuilder sb = new StringBuilder("unknown method \"").append(name).append("\": must be ");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) sb.append(i == names.size() - 1 ? " or " : ", ");
            sb.append(names.get(i));
        }
        throw TclException.error(sb.toString(), "TCL", "LOOKUP", "METHOD", name);
    }

    /** Runs the implementation at index of a call's chain with the words argv (skip of them name it). */
    Value run(CallContext call, int index, Value[] argv, int skip) throws TclException {
        Method m = call.chain().get(index);
        CallContext.Active here = new CallContext.Active(call, index);
        OoObject self = call.self();
        boolean wasFiltering = self.filtering;
        self.filtering = index < call.filterCount();
        try {
            return switch (m.body) {
                case Method.ProcBody p -> p.proc().call(in, argv,
                        new Proc.Invocation(skip, self.ns, traceName(m, call), interp -> {
                            interp.setFrameTag(here);
                            declareVariables(m, self);
                        }));
                case Method.Forward f -> forward(self, f, argv, skip);
                case Method.Native n -> n.code().call(in, call, argv, skip);
            };
        } finally {
            self.filtering = wasFiltering;
        }
    }

    /** What Tcl's error trace calls a method body. */
    private static String traceName(Method m, CallContext call) {
        String owner = (m.classLevel ? "class \"" : "object \"") + m.owner.name() + "\" ";
        return switch (call.methodName()) {
            case CallContext.CONSTRUCTOR -> owner + "constructor";
            case CallContext.DESTRUCTOR -> owner + "destructor";
            default -> owner + "method \"" + m.name + "\"";
        };
    }

    /** The variables the declaring class (or object) declared are visible in its methods' bodies. */
    private void declareVariables(Method m, OoObject self) throws TclException {
        List<String> vars = m.classLevel ? ((OoClass) m.owner).classVariables : m.owner.variables;
        for (String v : vars) in.linkNamespaceVar(self.ns, v, v);
    }

    /** A forwarded method: its prefix plus the arguments, the command found from the object's namespace. */
    private Value forward(OoObject self, Method.Forward f, Value[] argv, int skip) throws TclException {
        List<Value> words = new ArrayList<>(f.prefix());
        for (int i = skip; i < argv.length; i++) words.add(argv[i]);
        String target = words.get(0).toString();
        if (!Namespace.absolute(target) && self.ns.commands().containsKey(target)) {
            words.set(0, Value.of(self.ns.qualify(target)));
        }
        return in.invoke(words.toArray(new Value[0]));
    }

    /**
     * The method call whose body is running in the current frame (its frame carries it, so uplevel,
     * namespace eval and coroutines see what Tcl's self sees), or Tcl's error outside one.
     */
    CallContext.Active current(String what) throws TclException {
        if (!(in.frameTag() instanceof CallContext.Active a)) throw TclException.error(what + " may only be called from inside a method", "TCL", "OO", "CONTEXT_REQUIRED");
        return a;
    }
}
