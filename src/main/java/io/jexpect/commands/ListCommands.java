package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists: list, llength, lindex, lrange, linsert, lreplace, lreverse, lset, lassign, lrepeat, concat,
 * split, join. lsearch and lsort live in {@link ListSearch} and {@link ListSort}.
 */
final class ListCommands {
    private ListCommands() {}

    static void install(Interp in) {
        in.register("list", (i, a) -> {
            List<Value> items = new ArrayList<>(a.length - 1);
            for (int k = 1; k < a.length; k++) items.add(a[k]);
            return Value.ofList(items);
        });
        in.register("llength", (i, a) -> {
            if (a.length != 2) throw TclException.wrongArgs(a, 1, "list");
            return Value.of(a[1].asList().size());
        });
        in.register("lindex", ListCommands::lindex);
        in.register("lrange", ListCommands::lrange);
        in.register("linsert", ListCommands::linsert);
        in.register("lreplace", ListCommands::lreplace);
        in.register("lreverse", (i, a) -> {
            if (a.length != 2) throw TclException.wrongArgs(a, 1, "list");
            List<Value> items = new ArrayList<>(a[1].asList());
            Collections.reverse(items);
            return Value.ofList(items);
        });
        in.register("lset", ListCommands::lset);
        in.register("lassign", ListCommands::lassign);
        in.register("lrepeat", ListCommands::lrepeat);
        in.register("concat", (i, a) -> ControlCommands.concat(a, 1));
        in.register("split", ListCommands::split);
        in.register("join", ListCommands::join);
        in.register("lsearch", ListSearch::lsearch);
        in.register("lsort", ListSort::lsort);
    }

    /** The index list of lindex/lset: several words, or one word that is itself a list of indices. */
    private static List<Value> indexWords(Value[] a, int from, int to) throws TclException {
        List<Value> out = new ArrayList<>();
        if (to - from == 1) {
            out.addAll(a[from].asList());
        } else {
            for (int k = from; k < to; k++) out.add(a[k]);
        }
        return out;
    }

    private static Value lindex(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "list ?index ...?");
        if (a.length == 2) return a[1];
        Value cur = a[1];
        List<Value> idx;
        if (a.length == 3) {
            // A single index word is one index ("end-1") if it is one, else a list of indices (TclLindexList).
            if (Indices.valid(a[2])) {
                idx = List.of(a[2]);
            } else {
                try {
                    idx = a[2].asList();
                } catch (TclException notAList) {
                    throw Indices.bad(a[2].toString());
                }
            }
        } else {
            idx = indexWords(a, 2, a.length);
        }
        for (int i = 0; i < idx.size(); i++) {
            List<Value> items = cur.asList();
            int k = Indices.parse(idx.get(i), items.size());
            if (k < 0 || k >= items.size()) {
                // Remaining indices must still be valid index syntax.
                for (Value rest : idx.subList(i + 1, idx.size())) Indices.parse(rest, 0);
                return Value.EMPTY;
            }
            cur = items.get(k);
        }
        return cur;
    }

    private static Value lrange(Interp in, Value[] a) throws TclException {
        if (a.length != 4) throw TclException.wrongArgs(a, 1, "list first last");
        List<Value> items = a[1].asList();
        int first = Math.max(0, Indices.parse(a[2], items.size()));
        int last = Math.min(items.size() - 1, Indices.parse(a[3], items.size()));
        if (first > last) return Value.EMPTY;
        if (first == 0 && last == items.size() - 1 && a[1].isCanonicalList()) return a[1]; // else Tcl 8.6 reformats
        return Value.ofList(new ArrayList<>(items.subList(first, last + 1)));
    }

    private static Value linsert(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 1, "list index ?element ...?");
        List<Value> items = new ArrayList<>(a[1].asList());
        int at = Indices.parseWithEnd(a[2], items.size());
        at = Math.max(0, Math.min(items.size(), at));
        List<Value> add = new ArrayList<>();
        for (int k = 3; k < a.length; k++) add.add(a[k]);
        items.addAll(at, add);
        return Value.ofList(items);
    }

    private static Value lreplace(Interp in, Value[] a) throws TclException {
        if (a.length < 4) throw TclException.wrongArgs(a, 1, "list first last ?element ...?");
        List<Value> items = new ArrayList<>(a[1].asList());
        int n = items.size();
        int first = Math.max(0, Indices.parse(a[2], n));
        int last = Indices.parse(a[3], n);
        if (first > n) first = n;
        int removeTo = Math.min(n - 1, last);
        List<Value> add = new ArrayList<>();
        for (int k = 4; k < a.length; k++) add.add(a[k]);
        if (removeTo >= first) items.subList(first, removeTo + 1).clear();
        items.addAll(first, add);
        return Value.ofList(items);
    }

    private static Value lset(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 1, "listVar ?index? ?index ...? value");
        String name = a[1].toString();
        Value old = in.getVar(name);
        Value value = a[a.length - 1];
        if (a.length == 3) return in.setVar(name, value);
        List<Value> idx = indexWords(a, 2, a.length - 1);
        if (idx.isEmpty()) return in.setVar(name, value);
        return in.setVar(name, setIn(old, idx, 0, value));
    }

    private static Value setIn(Value list, List<Value> idx, int depth, Value value) throws TclException {
        List<Value> items = new ArrayList<>(list.asList());
        int k = Indices.parse(idx.get(depth), items.size());
        if (k < 0 || k > items.size()) throw TclException.error("list index out of range", "TCL", "OPERATION", "LSET", "BADINDEX");
        if (depth == idx.size() - 1) {
            if (k == items.size()) items.add(value);
            else items.set(k, value);
        } else {
            if (k == items.size()) throw TclException.error("list index out of range", "TCL", "OPERATION", "LSET", "BADINDEX");
            items.set(k, setIn(items.get(k), idx, depth + 1, value));
        }
        return Value.ofList(items);
    }

    private static Value lassign(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "list ?varName ...?");
        List<Value> items = a[1].asList();
        int k = 0;
        for (int v = 2; v < a.length; v++, k++) {
            in.setVar(a[v].toString(), k < items.size() ? items.get(k) : Value.EMPTY);
        }
        if (k >= items.size()) return Value.EMPTY;
        return Value.ofList(new ArrayList<>(items.subList(k, items.size())));
    }

    /** Tcl's longest list on a 64-bit machine (LIST_MAX: its element pointers fit in an int of bytes). */
    private static final int LIST_MAX = 536_870_909;

    private static Value lrepeat(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "count ?value ...?");
        int count = a[1].asInt();
        if (count < 0) throw TclException.error("bad count \"" + count + "\": must be integer >= 0");
        int per = a.length - 2;
        if (per > 0 && count > LIST_MAX / per) {
            throw TclException.error("max length of a Tcl list (" + LIST_MAX + " elements) exceeded", "TCL", "MEMORY");
        }
        List<Value> out = new ArrayList<>(count * per);
        for (int c = 0; c < count; c++) {
            for (int k = 2; k < a.length; k++) out.add(a[k]);
        }
        return Value.ofList(out);
    }

    private static Value split(Interp in, Value[] a) throws TclException {
        if (a.length != 2 && a.length != 3) throw TclException.wrongArgs(a, 1, "string ?splitChars?");
        String s = a[1].toString();
        String chars = a.length == 3 ? a[2].toString() : " \t\n\r";
        List<Value> out = new ArrayList<>();
        if (s.isEmpty()) return Value.EMPTY;
        if (chars.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(Value.of(new String(Character.toChars(cp)))));
            return Value.ofList(out);
        }
        int start = 0;
        for (int k = 0; k < s.length(); k++) {
            if (chars.indexOf(s.charAt(k)) >= 0) {  // as Tcl 8.6, each half of a surrogate pair on its own
                out.add(Value.of(s.substring(start, k)));
                start = k + 1;
            }
        }
        out.add(Value.of(s.substring(start)));
        return Value.ofList(out);
    }

    private static Value join(Interp in, Value[] a) throws TclException {
        if (a.length != 2 && a.length != 3) throw TclException.wrongArgs(a, 1, "list ?joinString?");
        String sep = a.length == 3 ? a[2].toString() : " ";
        StringBuilder sb = new StringBuilder();
        List<Value> items = a[1].asList();
        for (int k = 0; k < items.size(); k++) {
            if (k > 0) sb.append(sep);
            sb.append(items.get(k));
        }
        return Value.of(sb.toString());
    }
}
