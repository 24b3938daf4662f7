package io.jexpect.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Tcl namespace: a node in the interpreter's tree, holding its own commands and variables, the
 * patterns of the commands it exports, the command path searched after it, and its unknown
 * handler. The global namespace is the root, named "::".
 */
public final class Namespace {
    private final String name;
    private final Namespace parent;
    final Map<String, Namespace> children = new TclHashTable<>();
    final Map<String, TclCommand> commands = new TclHashTable<>();
    final Map<String, Var> vars = new LinkedHashMap<>();
    final List<String> exports = new ArrayList<>();
    /** Names of its variables that are links (upvar, namespace upvar) to a variable living elsewhere. */
    final java.util.Set<String> links = new java.util.HashSet<>();
    List<Namespace> path = List.of();
    /** The namespace unknown handler; null means the default, ::unknown. */
    Value unknownHandler;
    boolean deleted;
    /**
     * Frames running in it (namespace eval, its procs): deleted while some run, it only dies
     * (no longer found by name) and is torn down when the last ends, as Tcl's NS_DYING.
     */
    int activeFrames;
    boolean dying;

    Namespace(String name, Namespace parent) {
        this.name = name;
        this.parent = parent;
    }

    public String tail() {
        return name;
    }

    public Namespace parent() {
        return parent;
    }

    public boolean isGlobal() {
        return parent == null;
    }

    /** The fully-qualified name: "::" for the global namespace, "::a::b" for others. */
    public String fullName() {
        if (parent == null) return "::";
        return parent.parent == null ? "::" + name : parent.fullName() + "::" + name;
    }

    /** The fully-qualified name of a member (command or variable) of this namespace. */
    public String qualify(String member) {
        return parent == null ? "::" + member : fullName() + "::" + member;
    }

    public List<Namespace> children() {
        return List.copyOf(children.values());
    }

    public Namespace child(String tail) {
        return children.get(tail);
    }

    /** The child, created if it does not exist yet. */
    Namespace ensureChild(String tail) {
        return children.computeIfAbsent(tail, t -> new Namespace(t, this));
    }

    public Map<String, TclCommand> commands() {
        return commands;
    }

    public List<String> exportPatterns() {
        return exports;
    }

    public List<Namespace> path() {
        return path;
    }

    public Value unknownHandler() {
        return unknownHandler;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** The names of the variables that exist (set, arrays, or declared by variable). */
    public List<String> varNames() {
        List<String> out = new ArrayList<>();
        vars.forEach((k, v) -> {
            if (v.exists() || v.declared) out.add(k);
        });
        return out;
    }

    @Override
    public String toString() {
        return fullName();
    }

    /**
     * Splits a qualified name at its "::" separators (two or more colons): the leading empty
     * element of an absolute name is dropped, so "::a::b" and "a::b" both give [a, b];
     * absolute(name) tells them apart.
     */
    public static List<String> split(String qualified) {
        List<String> parts = new ArrayList<>();
        int n = qualified.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            if (qualified.charAt(i) == ':' && i + 1 < n && qualified.charAt(i + 1) == ':') {
                parts.add(qualified.substring(start, i));
                while (i < n && qualified.charAt(i) == ':') i++;
                start = i;
            } else {
                i++;
            }
        }
        parts.add(qualified.substring(start));
        if (absolute(qualified)) parts.remove(0);
        return parts;
    }

    public static boolean absolute(String name) {
        return name.startsWith("::");
    }

    /** True if the name has a "::" anywhere (absolute or relative qualified name). */
    public static boolean qualified(String name) {
        int colon = name.indexOf(':'); // a plain character search first: most names have none
        return colon >= 0 && name.indexOf("::", colon) >= 0;
    }

    /** The last component of a qualified name (namespace tail). */
    public static String tailOf(String name) {
        int i = name.lastIndexOf("::");
        return i < 0 ? name : name.substring(i + 2);
    }

    /** Everything before the last "::" and its run of colons (namespace qualifiers). */
    public static String qualifiersOf(String name) {
        int i = name.lastIndexOf("::");
        if (i < 0) return "";
        while (i > 0 && name.charAt(i - 1) == ':') i--;
        return name.substring(0, i);
    }
}
