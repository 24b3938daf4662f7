package io.jexpect.commands.oo;

import io.jexpect.interp.Namespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TclOO object: its namespace (where its variables and its {@code my} live), its class, its
 * command, and what {@code oo::objdefine} gave this object alone.
 */
class OoObject {
    final Namespace ns;
    OoClass cls;
    /** Where the object's command is now (it follows renames); null once the command is gone. */
    Namespace commandNs;
    String commandTail;
    /** Set once its command is deleted (rename to ""): destroying it then leaves the command table alone. */
    boolean commandDeleted;
    final Map<String, Method> methods = new LinkedHashMap<>();
    final List<OoClass> mixins = new ArrayList<>();
    final List<String> filters = new ArrayList<>();
    final List<String> variables = new ArrayList<>();
    boolean destroyed;
    /** Set while one of its filters runs: calls it makes on this object are not filtered again. */
    boolean filtering;
    /** Method resolutions (for my, and for calls from outside) as of the runtime's epoch resolvedEpoch. */
    final Map<String, OoRuntime.Resolution> resolved = new java.util.HashMap<>();
    final Map<String, OoRuntime.Resolution> resolvedFromOutside = new java.util.HashMap<>();
    long resolvedEpoch = -1;

    OoObject(Namespace ns, OoClass cls) {
        this.ns = ns;
        this.cls = cls;
    }

    /** The object's fully-qualified command name ("" once its command was deleted). */
    String name() {
        return commandNs == null ? "" : commandNs.qualify(commandTail);
    }

    /** The class this object is, or null for an ordinary object. */
    OoClass asClass() {
        return null;
    }

    /** Whether this object is an instance of c (directly, through a superclass, or a mixin). */
    boolean isa(OoClass c) {
        for (OoClass m : mixins) if (m.inherits(c)) return true;
        return cls.inherits(c);
    }

    @Override
    public String toString() {
        return name();
    }
}
