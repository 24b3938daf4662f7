package io.jexpect.commands;

import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/** Subcommand lookup of Tcl's ensemble commands: exact name or unique prefix. */
public final class Ensemble {
    private Ensemble() {}

    /**
     * The subcommand argv[index] names in the sorted table, with Tcl's error otherwise; the word
     * becomes the full name, as Tcl's "wrong # args" messages show it.
     */
    public static String subcommand(Value[] argv, int index, String[] table) throws TclException {
        String sub = subcommand(argv[index], table);
        argv[index] = Value.of(sub);
        return sub;
    }

    /** The subcommand {@code word} names in the sorted {@code table}, with Tcl's error otherwise. */
    public static String subcommand(Value word, String[] table) throws TclException {
        String w = word.toString();
        String found = null;
        boolean ambiguous = false;
        for (String s : table) {
            if (s.equals(w)) return s;
            if (!w.isEmpty() && s.startsWith(w)) {
                if (found != null) ambiguous = true;
                found = s;
            }
        }
        if (found != null && !ambiguous) return found;
        StringBuilder sb = new StringBuilder("unknown or ambiguous subcommand \"").append(w).append("\": must be ");
        for (int k = 0; k < table.length; k++) {
            if (k > 0) sb.append(", ");
            if (k == table.length - 1) sb.append("or ");
            sb.append(table[k]);
        }
        throw TclException.error(sb.toString(), "TCL", "LOOKUP", "SUBCOMMAND", w);
    }
}
