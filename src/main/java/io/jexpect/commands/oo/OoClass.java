package io.jexpect.commands.oo;

import io.jexpect.interp.Namespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A TclOO class: an object that also defines what its instances (and subclasses') have. */
final class OoClass extends OoObject {
    final List<OoClass> superclasses = new ArrayList<>();
    final List<OoClass> subclasses = new ArrayList<>();
    final List<OoObject> instances = new ArrayList<>();
    final List<OoClass> classMixins = new ArrayList<>();
    final List<OoClass> mixedInto = new ArrayList<>();
    final Map<String, Method> classMethods = new LinkedHashMap<>();
    final List<String> classFilters = new ArrayList<>();
    final List<String> classVariables = new ArrayList<>();
    Method constructor;
    Method destructor;

    OoClass(Namespace ns, OoClass cls) {
        super(ns, cls);
    }

    @Override
    OoClass asClass() {
        return this;
    }

    /** Whether this class is c or has it among its ancestors (superclasses and their mixins). */
    boolean inherits(OoClass c) {
        if (this == c) return true;
        for (OoClass s : superclasses) if (s.inherits(c)) return true;
        for (OoClass m : classMixins) if (m.inherits(c)) return true;
        return false;
    }
}
