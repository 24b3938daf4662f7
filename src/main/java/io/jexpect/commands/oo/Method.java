package io.jexpect.commands.oo;

import io.jexpect.interp.Interp;
import io.jexpect.interp.Proc;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.List;

/**
 * One method of a class or object. A method with no body only records whether the name is
 * exported there (Tcl's export/unexport of an inherited method).
 */
final class Method {
    /** What runs when the method is called. */
    sealed interface Body permits ProcBody, Forward, Native {}

    /** A method written in Tcl: formals and a body, run as a proc in the object's namespace. */
    record ProcBody(Value params, Value body, Proc proc) implements Body {}

    /** A forwarded method: the command prefix the arguments are appended to. */
    record Forward(List<Value> prefix) implements Body {}

    /** A method built into jexpect (destroy, eval, create …). */
    record Native(Code code) implements Body {}

    @FunctionalInterface
    interface Code {
        /** argv's first {@code skip} words name the method; the rest are its arguments. */
        Value call(Interp in, CallContext call, Value[] argv, int skip) throws TclException;
    }

    final String name;
    /** The class or the object that declares it. */
    final OoObject owner;
    /** True when a class declares it for its instances; false for an object's own method. */
    final boolean classLevel;
    final Body body;
    boolean exported;

    Method(String name, OoObject owner, boolean classLevel, Body body, boolean exported) {
        this.name = name;
        this.owner = owner;
        this.classLevel = classLevel;
        this.body = body;
        this.exported = exported;
    }

    /** Tcl's rule: a method is public when its name starts with a lower-case letter. */
    static boolean exportedByDefault(String name) {
        return !name.isEmpty() && name.charAt(0) >= 'a' && name.charAt(0) <= 'z';
    }

    String type() {
        return switch (body) {
            case ProcBody p -> "method";
            case Forward f -> "forward";
            case Native n -> "core method: \"" + name + "\"";
        };
    }
}
