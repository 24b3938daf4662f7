package io.jexpect.commands.oo;

import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.Proc;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * oo::define and oo::objdefine: a definition script runs in the ::oo::define (or ::oo::objdefine)
 * namespace, whose commands (method, superclass, variable …) change the class or object being
 * defined; {@code oo::define C method m ...} runs one of them directly.
 */
final class DefineCommands {
    private final OoRuntime oo;
    private final Namespace defineNs;
    private final Namespace objdefineNs;
    /** The classes (or objects) whose definition is running, innermost first. */
    private final Deque<Target> targets = new ArrayDeque<>();

    /** What a definition command changes: a class's members, or an object's own. */
    private record Target(OoObject object, boolean classLevel) {}

    /** A definition command: argv's words from base on are its arguments. */
    @FunctionalInterface
    private interface Definition {
        Value define(Target t, Value[] argv, int base) throws TclException;
    }

    /** A definition command as the namespace holds it. */
    private final class DefinitionCommand implements TclCommand {
        private final Definition definition;

        DefinitionCommand(Definition definition) {
            this.definition = definition;
        }

        @Override
        public Value call(Interp interp, Value[] argv) throws TclException {
            return run(argv, 1);
        }

        /** Outside a definition the target is null: each definition checks its arguments first, as Tcl does. */
        Value run(Value[] argv, int base) throws TclException {
            try {
                return definition.define(targets.peek(), argv, base);
            } finally {
                oo.changed(); // call chains may differ now
            }
        }
    }

    DefineCommands(OoRuntime oo) {
        this.oo = oo;
        Interp in = oo.in;
        defineNs = in.createNamespace("::oo::define");
        objdefineNs = in.createNamespace("::oo::objdefine");
        Map<String, Definition> common = new LinkedHashMap<>();
        common.put("deletemethod", this::deleteMethod);
        common.put("export", (t, a, b) -> export(t, a, b, true));
        common.put("filter", (t, a, b) -> slot(t, a, b, "filter"));
        common.put("forward", this::forward);
        common.put("method", this::method);
        common.put("mixin", (t, a, b) -> slot(t, a, b, "mixin"));
        common.put("renamemethod", this::renameMethod);
        common.put("unexport", (t, a, b) -> export(t, a, b, false));
        common.put("variable", (t, a, b) -> slot(t, a, b, "variable"));
        common.forEach((name, d) -> {
            in.defineCommand(defineNs, name, new DefinitionCommand(d));
            in.defineCommand(objdefineNs, name, new DefinitionCommand(d));
        });
        in.defineCommand(defineNs, "constructor", new DefinitionCommand(this::constructor));
        in.defineCommand(defineNs, "destructor", new DefinitionCommand(this::destructor));
        in.defineCommand(defineNs, "superclass", new DefinitionCommand((t, a, b) -> slot(t, a, b, "superclass")));
        in.defineCommand(defineNs, "self", new DefinitionCommand(this::self));
        in.defineCommand(objdefineNs, "class", new DefinitionCommand(this::changeClass));
        // As Tcl's ::oo::UnknownDefinition: a unique prefix names a definition command.
        in.register("::oo::UnknownDefinition", (i, a) -> unknownDefinition(i, a));
        in.setUnknownHandler(defineNs, Value.of("::oo::UnknownDefinition"));
        in.setUnknownHandler(objdefineNs, Value.of("::oo::UnknownDefinition"));
        in.register("::oo::define", (i, a) -> defineCmd(a, true));
        in.register("::oo::objdefine", (i, a) -> defineCmd(a, false));
    }

    private Value defineCmd(Value[] a, boolean classes) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 1, (classes ? "className" : "objectName") + " arg ?arg ...?");
        OoObject o = oo.object(a[1]);
        if (classes && o.asClass() == null) {
            throw TclException.error(a[1] + " does not refer to a class", "TCL", "LOOKUP", "CLASS", a[1].toString());
        }
        return define(new Target(o, classes), a, 2);
    }

    /** Runs a definition script (one word at base) or one definition command (several words). */
    private Value define(Target t, Value[] a, int base) throws TclException {
        Namespace ns = t.classLevel() ? defineNs : objdefineNs;
        targets.push(t);
        try {
            if (a.length == base + 1) {
                String what = t.classLevel() ? "class" : t.object().asClass() != null && targetIsSelf(a, base) ? "class object" : "object";
                return oo.in.evalInNamespace(ns, a, a[base], "in definition script for " + what + " \"" + t.object().name() + "\"");
            }
            String sub = prefixed(ns, a[base].toString());
            TclCommand c = ns.commands().get(sub);
            if (c instanceof DefinitionCommand d) return d.run(a, base + 1);
            Value[] words = new Value[a.length - base];
            System.arraycopy(a, base, words, 0, words.length);
            words[0] = Value.of(ns.qualify(sub));
            return oo.in.invoke(words);
        } finally {
            targets.pop();
        }
    }

    /** The command of namespace ns that word names exactly or as a unique prefix; Tcl's error otherwise. */
    private static String prefixed(Namespace ns, String word) throws TclException {
        if (ns.commands().containsKey(word)) return word;
        String found = null;
        if (!word.isEmpty()) {
            for (String name : ns.commands().keySet()) {
                if (!name.startsWith(word)) continue;
                if (found != null) {
                    found = null;
                    break;
                }
                found = name;
            }
        }
        if (found == null) throw TclException.error("invalid command name \"" + word + "\"", "TCL", "LOOKUP", "COMMAND", word);
        return found;
    }

    private static Value unknownDefinition(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "command ?arg ...?");
        Namespace ns = in.currentNamespace();
        Value[] words = java.util.Arrays.copyOfRange(a, 1, a.length);
        words[0] = Value.of(ns.qualify(prefixed(ns, a[1].toString())));
        return in.invoke(words);
    }

    /** Whether a script given to define is the body of a "self" definition (for its trace line). */
    private static boolean targetIsSelf(Value[] a, int base) {
        return base > 0 && a[base - 1].toString().equals("self");
    }

    // ---- the definitions --------------------------------------------------------------------------

    /** The definition's target, or Tcl's error for a definition command used outside one. */
    private static Target need(Target t) throws TclException {
        if (t == null) {
            throw TclException.error("this command may only be called from within the context of an ::oo::define or ::oo::objdefine command",
                    "TCL", "OO", "MONKEY_BUSINESS");
        }
        return t;
    }

    private Map<String, Method> methods(Target t) {
        return t.classLevel() ? ((OoClass) t.object()).classMethods : t.object().methods;
    }

    private Value method(Target t, Value[] a, int base) throws TclException {
        if (a.length != base + 3) throw TclException.wrongArgs(a, base, "name args body");
        t = need(t);
        String name = a[base].toString();
        Proc proc = new Proc(name, a[base + 1], a[base + 2]);
        proc.locateAtWord(oo.in, 3);
        describe(proc, name, t);
        Map<String, Method> table = methods(t);
        Method old = table.get(name);
        boolean exported = old != null ? old.exported : Method.exportedByDefault(name);
        table.put(name, new Method(name, t.object(), t.classLevel(),
                new Method.ProcBody(a[base + 1], a[base + 2], proc), exported));
        return Value.EMPTY;
    }

    private Value forward(Target t, Value[] a, int base) throws TclException {
        if (a.length < base + 2) throw TclException.wrongArgs(a, base, "name cmdName ?arg ...?");
        t = need(t);
        String name = a[base].toString();
        List<Value> prefix = new ArrayList<>();
        for (int i = base + 1; i < a.length; i++) prefix.add(a[i]);
        Map<String, Method> table = methods(t);
        Method old = table.get(name);
        boolean exported = old != null ? old.exported : Method.exportedByDefault(name);
        table.put(name, new Method(name, t.object(), t.classLevel(), new Method.Forward(List.copyOf(prefix)), exported));
        return Value.EMPTY;
    }

    private Value constructor(Target t, Value[] a, int base) throws TclException {
        if (a.length != base + 2) throw TclException.wrongArgs(a, base, "arguments body");
        t = need(t);
        OoClass c = (OoClass) t.object();
        Proc proc = new Proc("<constructor>", a[base], a[base + 1]);
        describe(proc, "<constructor>", t);
        c.constructor = a[base + 1].toString().isEmpty() ? null : new Method("<constructor>", c, true,
                new Method.ProcBody(a[base], a[base + 1], proc), false);
        return Value.EMPTY;
    }

    private Value destructor(Target t, Value[] a, int base) throws TclException {
        if (a.length != base + 1) throw TclException.wrongArgs(a, base, "body");
        t = need(t);
        OoClass c = (OoClass) t.object();
        Proc proc = new Proc("<destructor>", Value.EMPTY, a[base]);
        describe(proc, "<destructor>", t);
        c.destructor = a[base].toString().isEmpty() ? null : new Method("<destructor>", c, true,
                new Method.ProcBody(Value.EMPTY, a[base], proc), false);
        return Value.EMPTY;
    }

    /** What info frame says of a method body: its class, or the object it belongs to alone. */
    private static void describe(Proc proc, String name, Target t) {
        OoObject owner = t.object();
        proc.describeAsMethod(name, t.classLevel() ? "class" : "object", owner::name);
    }

    private Value deleteMethod(Target t, Value[] a, int base) throws TclException {
        if (a.length < base + 1) throw TclException.wrongArgs(a, base, "name ?name ...?");
        t = need(t);
        Map<String, Method> table = methods(t);
        for (int i = base; i < a.length; i++) {
            String name = a[i].toString();
            if (table.remove(name) == null) throw noSuchMethod(name);
        }
        return Value.EMPTY;
    }

    private static TclException noSuchMethod(String name) {
        return TclException.error("method " + name + " does not exist", "TCL", "LOOKUP", "METHOD", name);
    }

    private Value renameMethod(Target t, Value[] a, int base) throws TclException {
        if (a.length != base + 2) throw TclException.wrongArgs(a, base, "oldName newName");
        t = need(t);
        String from = a[base].toString();
        String to = a[base + 1].toString();
        Map<String, Method> table = methods(t);
        Method m = table.get(from);
        if (m == null) throw noSuchMethod(from);
        if (table.containsKey(to)) throw TclException.error("method called " + to + " already exists", "TCL", "OO", "DUPLICATE_METHOD");
        table.remove(from);
        table.put(to, new Method(to, m.owner, m.classLevel, m.body, m.exported));
        return Value.EMPTY;
    }

    private Value export(Target t, Value[] a, int base, boolean exported) throws TclException {
        if (a.length < base + 1) throw TclException.wrongArgs(a, base, "name ?name ...?");
        t = need(t);
        Map<String, Method> table = methods(t);
        for (int i = base; i < a.length; i++) {
            String name = a[i].toString();
            Method m = table.get(name);
            if (m == null) table.put(name, new Method(name, t.object(), t.classLevel(), null, exported));
            else m.exported = exported;
        }
        return Value.EMPTY;
    }

    /** define's self: a definition of the class object itself (its own methods, as objdefine gives). */
    private Value self(Target t, Value[] a, int base) throws TclException {
        if (a.length < base + 1) throw TclException.wrongArgs(a, base, "arg ?arg ...?");
        t = need(t);
        return define(new Target(t.object(), false), a, base);
    }

    private Value changeClass(Target t, Value[] a, int base) throws TclException {
        if (a.length != base + 1) throw TclException.wrongArgs(a, base, "className");
        t = need(t);
        OoObject o = t.object();
        OoClass c = oo.classNamed(a[base]);
        if (c.inherits(oo.clazz) != (o.asClass() != null)) {
            throw TclException.error(o.asClass() != null ? "may not change a class object into a non-class object"
                    : "may not change a non-class object into a class object", "TCL", "OO", "TRANSMUTATION");
        }
        o.cls.instances.remove(o);
        o.cls = c;
        c.instances.add(o);
        return Value.EMPTY;
    }

    // ---- slots: superclass, mixin, filter, variable ------------------------------------------------

    /** A slot takes -append, -clear or -set; without one, superclass and mixin set, the others append. */
    private Value slot(Target t, Value[] a, int base, String slot) throws TclException {
        String op = slot.equals("superclass") || slot.equals("mixin") ? "-set" : "-append";
        int first = base;
        if (a.length > base && a[base].toString().startsWith("-")) {
            op = a[base].toString();
            first = base + 1;
            if (!op.equals("-append") && !op.equals("-clear") && !op.equals("-set")) {
                throw TclException.error("unknown method \"" + op + "\": must be -append, -clear or -set",
                        "TCL", "LOOKUP", "METHOD", op);
            }
            if (op.equals("-clear") && a.length != first) throw TclException.wrongArgs(a, base + 1, "");
        }
        List<String> given = new ArrayList<>();
        for (int i = first; i < a.length; i++) given.add(a[i].toString());
        t = need(t);
        List<String> now = current(t, slot);
        List<String> next = switch (op) {
            case "-clear" -> List.of();
            case "-set" -> given;
            default -> {
                List<String> all = new ArrayList<>(now);
                all.addAll(given);
                yield all;
            }
        };
        set(t, slot, next);
        return Value.EMPTY;
    }

    private List<String> current(Target t, String slot) {
        OoObject o = t.object();
        return switch (slot) {
            case "superclass" -> names(((OoClass) o).superclasses);
            case "mixin" -> names(t.classLevel() ? ((OoClass) o).classMixins : o.mixins);
            case "filter" -> t.classLevel() ? ((OoClass) o).classFilters : o.filters;
            default -> t.classLevel() ? ((OoClass) o).classVariables : o.variables;
        };
    }

    private static List<String> names(List<OoClass> classes) {
        List<String> out = new ArrayList<>();
        for (OoClass c : classes) out.add(c.name());
        return out;
    }

    private void set(Target t, String slot, List<String> values) throws TclException {
        OoObject o = t.object();
        switch (slot) {
            case "superclass" -> setSuperclasses((OoClass) o, values);
            case "mixin" -> setMixins(t, values);
            case "filter" -> replace(t.classLevel() ? ((OoClass) o).classFilters : o.filters, values);
            default -> {
                for (String v : values) {
                    if (v.contains("::")) {
                        throw TclException.error("invalid declared variable name \"" + v + "\": must not contain namespace separators",
                                "TCL", "OO", "BAD_DECLVAR");
                    }
                    if (v.endsWith(")") && v.contains("(")) {
                        throw TclException.error("invalid declared variable name \"" + v + "\": must not refer to an array element",
                                "TCL", "OO", "BAD_DECLVAR");
                    }
                }
                replace(t.classLevel() ? ((OoClass) o).classVariables : o.variables, new ArrayList<>(new java.util.LinkedHashSet<>(values)));
            }
        }
    }

    private static <T> void replace(List<T> list, List<T> values) {
        List<T> copy = List.copyOf(values);
        list.clear();
        list.addAll(copy);
    }

    private void setSuperclasses(OoClass c, List<String> names) throws TclException {
        if (c == oo.object) throw TclException.error("may not modify the superclass of the root object", "TCL", "OO", "MONKEY_BUSINESS");
        List<OoClass> supers = new ArrayList<>();
        for (String n : names) {
            OoObject s = oo.object(Value.of(n));
            if (s.asClass() == null) throw TclException.error("only a class can be a superclass", "TCL", "OO", "NONCLASS");
            if (supers.contains(s.asClass())) throw TclException.error("class should only be a direct superclass once", "TCL", "OO", "REPETITIOUS");
            if (s.asClass().inherits(c)) throw TclException.error("attempt to form circular dependency graph", "TCL", "OO", "CIRCULARITY");
            supers.add(s.asClass());
        }
        if (supers.isEmpty()) supers.add(oo.object);
        for (OoClass s : c.superclasses) s.subclasses.remove(c);
        replace(c.superclasses, supers);
        for (OoClass s : supers) s.subclasses.add(c);
    }

    private void setMixins(Target t, List<String> names) throws TclException {
        List<OoClass> mixins = new ArrayList<>();
        for (String n : names) {
            OoObject m = oo.object(Value.of(n));
            if (m.asClass() == null) throw TclException.error("may only mix in classes", "TCL", "LOOKUP", "CLASS", n);
            if (t.classLevel() && m.asClass().inherits((OoClass) t.object())) {
                throw TclException.error("may not mix a class into itself", "TCL", "OO", "SELF_MIXIN");
            }
            if (!mixins.contains(m.asClass())) mixins.add(m.asClass());
        }
        if (t.classLevel()) {
            OoClass user = (OoClass) t.object();
            for (OoClass m : user.classMixins) m.mixedInto.remove(user);
            replace(user.classMixins, mixins);
            for (OoClass m : mixins) m.mixedInto.add(user);
        } else {
            // An object counts among the instances of the classes it mixes in, as in Tcl.
            OoObject o = t.object();
            for (OoClass m : o.mixins) m.instances.remove(o);
            replace(o.mixins, mixins);
            for (OoClass m : mixins) if (!m.instances.contains(o)) m.instances.add(o);
        }
    }
}
