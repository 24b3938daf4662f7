package io.jexpect.interp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;

/**
 * One array search (array startsearch/nextelement/anymore/donesearch). It lives on the array's
 * slot until done; adding or removing an element ends every search of the array, as in Tcl.
 */
public final class ArraySearch {
    private final String name;
    private final int id;
    private final Iterator<Map.Entry<String, Var>> entries;
    /** The entry anymore looked at and nextelement has not taken yet. */
    private Map.Entry<String, Var> pending;

    private ArraySearch(String name, int id, Iterator<Map.Entry<String, Var>> entries) {
        this.name = name;
        this.id = id;
        this.entries = entries;
    }

    /** Starts a search; its id is s-N-arrayName, N one more than the newest search still open. */
    public static String start(Interp in, String arrayName) throws TclException {
        Var v = array(in, arrayName);
        if (v.searches == null) v.searches = new ArrayList<>();
        int id = v.searches.isEmpty() ? 1 : v.searches.get(0).id + 1;
        ArraySearch s = new ArraySearch("s-" + id + "-" + arrayName, id, v.array.entrySet().iterator());
        v.searches.add(0, s);
        return s.name;
    }

    /** The next defined element's name, or "" at the end. */
    public static String next(Interp in, String arrayName, String searchId) throws TclException {
        ArraySearch s = find(in, arrayName, searchId);
        while (true) {
            Map.Entry<String, Var> e = s.pending;
            s.pending = null;
            if (e == null) {
                if (!s.entries.hasNext()) return "";
                e = s.entries.next();
            }
            if (e.getValue().value != null) return e.getKey();
        }
    }

    /** Whether a defined element is left. */
    public static boolean anyMore(Interp in, String arrayName, String searchId) throws TclException {
        ArraySearch s = find(in, arrayName, searchId);
        while (s.pending == null || s.pending.getValue().value == null) {
            if (!s.entries.hasNext()) return false;
            s.pending = s.entries.next();
        }
        return true;
    }

    public static void done(Interp in, String arrayName, String searchId) throws TclException {
        ArraySearch s = find(in, arrayName, searchId);
        array(in, arrayName).searches.remove(s);
    }

    private static Var array(Interp in, String arrayName) throws TclException {
        Var v = in.lookup(arrayName, false);
        if (v == null || v.array == null) {
            throw TclException.error("\"" + arrayName + "\" isn't an array", "TCL", "LOOKUP", "ARRAY", arrayName);
        }
        return v;
    }

    private static ArraySearch find(Interp in, String arrayName, String searchId) throws TclException {
        Var v = array(in, arrayName);
        int digits = 2;
        while (digits < searchId.length() && Character.isDigit(searchId.charAt(digits))) digits++;
        String message;
        if (!searchId.startsWith("s-") || digits == 2 || digits == searchId.length() || searchId.charAt(digits) != '-') {
            message = "illegal search identifier \"" + searchId + "\"";
        } else if (!searchId.substring(digits + 1).equals(arrayName)) {
            message = "search identifier \"" + searchId + "\" isn't for variable \"" + arrayName + "\"";
        } else {
            if (v.searches != null) {
                for (ArraySearch s : v.searches) if (s.name.equals(searchId)) return s;
            }
            message = "couldn't find search \"" + searchId + "\"";
        }
        throw TclException.error(message, "TCL", "LOOKUP", "ARRAYSEARCH", searchId);
    }
}
