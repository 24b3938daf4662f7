package io.jexpect.commands.oo;

import io.jexpect.commands.OptionTable;
import io.jexpect.interp.Interp;
import io.jexpect.interp.Namespace;
import io.jexpect.interp.Proc;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * TclOO's commands: oo::object and oo::class with their built-in methods, oo::define and
 * oo::objdefine, oo::copy, the helpers self, next and nextto, and info object / info class.
 */
public final class OoCommands {
    private OoCommands() {}

    public static void install(Interp in) {
        OoRuntime oo = new OoRuntime(in);
        in.extension(OoRuntime.class, () -> oo);
        objectMethods(oo);
        classMethods(oo);
        new DefineCommands(oo);
        in.register("::oo::Helpers::self", (i, a) -> self(i, oo, a));
        in.register("::oo::Helpers::next", (i, a) -> next(oo, a));
        in.register("::oo::Helpers::nextto", (i, a) -> nextto(oo, a));
        in.register("::oo::copy", (i, a) -> copy(oo, a));
        OoInfo.install(oo);
    }

    /** info object (or, with classes, info class): its subcommand is a[base]. */
    public static Value info(Interp in, Value[] a, int base, boolean classes) throws TclException {
        OoRuntime oo = in.extension(OoRuntime.class, () -> null);
        if (oo == null) throw TclException.error("info " + (classes ? "class" : "object") + " needs TclOO, not installed here");
        return classes ? OoInfo.clazz(oo, a, base) : OoInfo.object(oo, a, base);
    }

    /** A method body as the disassembler describes it: formals, body, and the namespace it runs in. */
    public record MethodBody(Value params, Value body, String namespace, Proc proc) {}

    /**
     * tcl::unsupported::disassemble's look-up of a constructor, destructor, method (of a class,
     * a[2] a[3]) or objmethod (of an object), with Tcl's errors.
     */
    public static MethodBody methodBody(Interp in, String type, Value[] a) throws TclException {
        OoRuntime oo = in.extension(OoRuntime.class, () -> null);
        if (oo == null) throw TclException.error(a[2] + " does not refer to an object", "TCL", "LOOKUP", "OBJECT", a[2].toString());
        OoObject o = oo.object(a[2]);
        Method m;
        if (type.equals("objmethod")) {
            m = o.methods.get(a[3].toString());
        } else {
            OoClass c = o.asClass();
            if (c == null) throw TclException.error("\"" + a[2] + "\" is not a class", "TCL", "LOOKUP", "CLASS", a[2].toString());
            m = switch (type) {
                case "constructor" -> c.constructor;
                case "destructor" -> c.destructor;
                default -> c.classMethods.get(a[3].toString());
            };
            if (m == null && !type.equals("method")) {
                throw TclException.error("\"" + a[2] + "\" has no defined " + type, "TCL", "OPERATION", "DISASSEMBLE",
                        type.equals("constructor") ? "CONSRUCTOR" : "DESRUCTOR"); // sic, as Tcl spells them
            }
        }
        if (m == null || m.body == null) {
            throw TclException.error("unknown method \"" + a[3] + "\"", "TCL", "LOOKUP", "METHOD", a[3].toString());
        }
        if (!(m.body instanceof Method.ProcBody p)) {
            throw TclException.error("body not available for this kind of " + (type.equals("objmethod") ? "method" : type),
                    "TCL", "OPERATION", "DISASSEMBLE", "METHODTYPE");
        }
        return new MethodBody(p.params(), p.body(), o.ns.fullName(), p.proc());
    }

    private static void nativeMethod(OoClass c, String name, boolean exported, Method.Code code) {
        c.classMethods.put(name, new Method(name, c, true, new Method.Native(code), exported));
    }

    private static void objectMethods(OoRuntime oo) {
        nativeMethod(oo.object, "destroy", true, (in, call, a, skip) -> {
            if (a.length != skip) throw TclException.wrongArgs(a, skip, "");
            TclException failure = oo.destroy(call.self());
            if (failure != null) throw failure;
            return Value.EMPTY;
        });
        nativeMethod(oo.object, "eval", false, (in, call, a, skip) -> {
            Value script = a.length == skip + 1 ? a[skip] : concat(a, skip);
            OoObject self = call.self();
            return in.evalInNamespace(self.ns, a, script, "in \"" + self.name() + " eval\" script");
        });
        nativeMethod(oo.object, "<cloned>", false, (in, call, a, skip) -> {
            if (a.length != skip + 1) throw TclException.wrongArgs(a, skip, "originObject");
            oo.copyVariables(oo.object(a[skip]), call.self());
            return Value.EMPTY;
        });
        nativeMethod(oo.object, "unknown", false, (in, call, a, skip) -> oo.unknownMethod(call.self(), call.publicCall(), a, skip));
        nativeMethod(oo.object, "variable", false, (in, call, a, skip) -> {
            for (int i = skip; i < a.length; i++) {
                String name = a[i].toString();
                if (name.contains("::")) {
                    throw TclException.error("variable name \"" + name + "\" illegal: must not contain namespace separator",
                            "TCL", "UPVAR", "INVERTED");
                }
                in.linkNamespaceVar(call.self().ns, name, name);
            }
            return Value.EMPTY;
        });
        nativeMethod(oo.object, "varname", false, (in, call, a, skip) -> {
            if (a.length != skip + 1) throw TclException.wrongArgs(a, skip, "varName");
            String name = a[skip].toString();
            Namespace ns = call.self().ns;
            return Value.of(Namespace.absolute(name) ? name : ns.qualify(name));
        });
    }

    private static void classMethods(OoRuntime oo) {
        nativeMethod(oo.clazz, "create", true, (in, call, a, skip) -> {
            if (a.length < skip + 1) throw TclException.wrongArgs(a, skip, "objectName ?arg ...?");
            OoClass c = (OoClass) call.self();
            String name = a[skip].toString();
            if (name.isEmpty()) throw TclException.error("object name must not be empty", "TCL", "OO", "EMPTY_NAME");
            return Value.of(oo.create(c, name, null, a, skip + 1).name());
        });
        nativeMethod(oo.clazz, "new", true, (in, call, a, skip) -> Value.of(oo.create((OoClass) call.self(), null, null, a, skip).name()));
        nativeMethod(oo.clazz, "createWithNamespace", false, (in, call, a, skip) -> {
            if (a.length < skip + 2) throw TclException.wrongArgs(a, skip, "objectName namespaceName ?arg ...?");
            String name = a[skip].toString();
            String nsName = a[skip + 1].toString();
            return Value.of(oo.create((OoClass) call.self(), name, nsName.isEmpty() ? null : nsName, a, skip + 2).name());
        });
        oo.clazz.constructor = new Method(CallContext.CONSTRUCTOR, oo.clazz, true, new Method.Native((in, call, a, skip) -> {
            if (a.length > skip + 1) throw TclException.wrongArgs(a, skip, "?definitionScript?");
            if (a.length == skip + 1) {
                Value[] words = {Value.of("::oo::define"), Value.of(call.self().name()), a[skip]};
                return in.invoke(words);
            }
            return Value.EMPTY;
        }), false);
    }

    private static Value concat(Value[] a, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < a.length; i++) {
            String s = a[i].toString().strip();
            if (s.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(s);
        }
        return Value.of(sb.toString());
    }

    // ---- self, next, nextto -----------------------------------------------------------------------

    private static final String[] SELF = {"call", "caller", "class", "filter", "method", "namespace", "next", "object", "target"};

    private static Value self(Interp in, OoRuntime oo, Value[] a) throws TclException {
        CallContext.Active here = oo.current("self");
        if (a.length > 2) throw TclException.wrongArgs(a, 1, "?subcommand?");
        String sub = a.length == 1 ? "object" : SELF[OptionTable.lookup(a[1], "subcommand", SELF)];
        CallContext call = here.call();
        Method m = here.method();
        return switch (sub) {
            case "object" -> Value.of(call.self().name());
            case "namespace" -> Value.of(call.self().ns.fullName());
            case "method" -> Value.of(here.inFilter() ? m.name : call.methodName());
            case "class" -> {
                if (!m.classLevel) throw TclException.error("method not defined by a class", "TCL", "OO", "UNMATCHED_CONTEXT");
                yield Value.of(m.owner.name());
            }
            case "next" -> {
                if (here.index() + 1 >= call.chain().size()) yield Value.EMPTY;
                Method n = call.chain().get(here.index() + 1);
                yield Value.ofStrings(List.of(n.owner.name(), call.methodName()));
            }
            case "caller" -> {
                if (!(in.callerFrameTag() instanceof CallContext.Active caller)) {
                    throw TclException.error("caller is not an object", "TCL", "OO", "CONTEXT_REQUIRED");
                }
                yield Value.ofStrings(List.of(caller.method().owner.name(), caller.call().self().name(), caller.call().methodName()));
            }
            case "call" -> Value.ofList(List.of(describe(call), Value.of(here.index())));
            case "target", "filter" -> {
                if (!here.inFilter()) throw TclException.error("not inside a filtering context", "TCL", "OO", "UNMATCHED_CONTEXT");
                if (sub.equals("filter")) yield oo.filterDeclarer(call.self(), m.name);
                Method target = call.chain().size() > call.filterCount() ? call.chain().get(call.filterCount()) : null;
                yield Value.ofStrings(List.of(target == null ? "" : target.owner.name(), call.methodName()));
            }
            default -> throw TclException.error("not inside a filtering context", "TCL", "OO", "UNMATCHED_CONTEXT");
        };
    }

    /** A call chain as info object call and self call show it: {method name owner type} per step. */
    static Value describe(CallContext call) {
        List<Value> steps = new ArrayList<>();
        for (int i = 0; i < call.chain().size(); i++) {
            Method m = call.chain().get(i);
            boolean filter = i < call.filterCount();
            steps.add(Value.ofStrings(List.of(filter ? "filter" : "method", filter ? m.name : call.methodName(),
                    m.classLevel ? m.owner.name() : "object", m.type())));
        }
        return Value.ofList(steps);
    }

    private static Value next(OoRuntime oo, Value[] a) throws TclException {
        CallContext.Active here = oo.current("next");
        int index = here.index() + 1;
        if (index >= here.call().chain().size()) {
            throw TclException.error("no next " + kind(here.call()) + " implementation", "TCL", "OO", "NOTHING_NEXT");
        }
        return oo.run(here.call(), index, a, 1);
    }

    private static String kind(CallContext call) {
        return switch (call.methodName()) {
            case CallContext.CONSTRUCTOR -> "constructor";
            case CallContext.DESTRUCTOR -> "destructor";
            default -> "method";
        };
    }

    private static Value nextto(OoRuntime oo, Value[] a) throws TclException {
        CallContext.Active here = oo.current("nextto");
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "class ?arg...?");
        OoClass target = oo.classNamed(a[1]);
        List<Method> chain = here.call().chain();
        for (int i = here.index() + 1; i < chain.size(); i++) {
            if (chain.get(i).owner == target && chain.get(i).classLevel) return oo.run(here.call(), i, a, 2);
        }
        for (int i = 0; i <= here.index(); i++) {
            if (chain.get(i).owner == target && chain.get(i).classLevel) {
                throw TclException.error(kind(here.call()) + " implementation by \"" + a[1] + "\" not reachable from here",
                        "TCL", "OO", "CLASS_NOT_REACHABLE");
            }
        }
        throw TclException.error(kind(here.call()) + " has no non-filter implementation by \"" + a[1] + "\"",
                "TCL", "OO", "CLASS_NOT_THERE");
    }

    // ---- oo::copy ---------------------------------------------------------------------------------

    private static Value copy(OoRuntime oo, Value[] a) throws TclException {
        if (a.length < 2 || a.length > 4) throw TclException.wrongArgs(a, 1, "sourceName ?targetName? ?targetNamespace?");
        OoObject source = oo.object(a[1]);
        String name = a.length > 2 && !a[2].toString().isEmpty() ? a[2].toString() : null;
        String nsName = a.length > 3 && !a[3].toString().isEmpty() ? a[3].toString() : null;
        return Value.of(oo.copy(source, name, nsName).name());
    }
}
