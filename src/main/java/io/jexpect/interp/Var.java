package io.jexpect.interp;


/**
 * A variable slot: a scalar value, an array of element slots, or neither (unset). upvar and global
 * make two frames share one slot object.
 */
final class Var {
    Value value;
    TclHashTable<Var> array;
    /** Declared by variable (or namespace upvar): listed by info vars even while unset. */
    boolean declared;
    /** Traces, most recent first; null when there are none. */
    java.util.List<VarTrace> traces;
    /** Set while this variable's traces run, so they do not fire again. */
    boolean tracing;
    /**
     * An array's elements (by index, existing or not) whose traces run now. Tcl marks the element
     * being accessed active, not its array: a trace may read other elements, and their traces run.
     */
    java.util.Set<String> tracingElements;
    /** An array's element: upvar can give it a name, but it can never become an array itself. */
    boolean element;
    /** The array searches (array startsearch) over this array, newest first; null when none. */
    java.util.List<ArraySearch> searches;
    /** Named by an upvar/global/variable link: unsetting keeps the slot, so the link still reaches it. */
    boolean linked;
    /** Its namespace (or, for an element, its array) was deleted: a link to it can no longer set it. */
    boolean dead;
    /** For an element: its array's slot and its index there, where setting it through a link puts it back. */
    private Var owner;
    private String index;
    /** An unset slot still linked from a frame survives, so upvar links keep working. */
    boolean exists() {
        return value != null || array != null;
    }

    boolean isArray() {
        return array != null;
    }

    /** The slot of an element, made (undefined) if missing: a new element ends the searches, as in Tcl. */
    Var element(String index) {
        Var e = array.get(index);
        if (e == null) {
            e = new Var();
            e.element = true;
            e.owner = this;
            e.index = index;
            array.put(index, e);
            searches = null;
        }
        return e;
    }

    /** Removes an element (ending the searches); null if there was none. */
    Var removeElement(String index) {
        Var e = array.remove(index);
        if (e != null) searches = null;
        return e;
    }

    /**
     * An element unset but still linked (upvar) is set again through the link: it is back in its
     * array, as Tcl keeps such an element's slot in the array's table.
     */
    void restoreElement() {
        if (owner != null && owner.array != null && !owner.array.containsKey(index)) owner.array.put(index, this);
    }

    /** Makes this slot unset, its elements (dead to their links) and searches gone. */
    void clear() {
        if (array != null) {
            for (Var e : array.values()) {
                e.value = null;
                e.dead = true;
            }
        }
        value = null;
        array = null;
        searches = null;
    }
}
