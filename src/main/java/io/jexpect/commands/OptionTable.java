package io.jexpect.commands;

import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/** Tcl_GetIndexFromObj: a word names an entry of a table exactly or by a unique prefix. */
public final class OptionTable {
    private OptionTable() {}

    /** The index of the entry {@code word} names; errors read {@code bad <what> "x": must be a, b, or c}. */
    public static int lookup(Value word, String what, String... table) throws TclException {
        String w = word.toString();
        int found = -1;
        for (int k = 0; k < table.length; k++) {
            if (table[k].equals(w)) return k;
            if (!w.isEmpty() && table[k].startsWith(w)) {
                if (found >= 0) throw error("ambiguous " + what, w, table);
                found = k;
            }
        }
        if (found < 0) throw error("bad " + what, w, table);
        return found;
    }

    /** As lookup, but only exact names count (Tcl's TCL_EXACT flag). */
    static int exact(Value word, String what, String... table) throws TclException {
        String w = word.toString();
        for (int k = 0; k < table.length; k++) if (table[k].equals(w)) return k;
        throw error("bad " + what, w, table);
    }

    private static TclException error(String prefix, String w, String[] table) {
        StringBuilder sb = new StringBuilder(prefix).append(" \"").append(w).append("\": must be ");
        for (int k = 0; k < table.length; k++) {
            if (k > 0) sb.append(table.length > 2 ? ", " : " ");
            if (k == table.length - 1 && k > 0) sb.append("or ");
            sb.append(table[k]);
        }
        return TclException.error(sb.toString(), "TCL", "LOOKUP", "INDEX", prefix.substring(prefix.indexOf(' ') + 1), w);
    }
}
