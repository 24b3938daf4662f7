package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.ListFormat;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dict ensemble. A dictionary is a list of key/value pairs where a later duplicate key wins;
 * the commands work on an insertion-ordered map of it and hand back canonical lists.
 */
final class DictCommands {
    private DictCommands() {}

    private static final String[] SUBCOMMANDS = {"append", "create", "exists", "filter", "for", "get", "incr", "info",
        "keys", "lappend", "map", "merge", "remove", "replace", "set", "size", "unset", "update", "values", "with"};

    static void install(Interp in) {
        in.register("dict", DictCommands::dict);
    }

    private static Value dict(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, 1, SUBCOMMANDS);
        return switch (sub) {
            case "append" -> update(in, a, "dictVarName key ?value ...?", false);
            case "lappend" -> update(in, a, "dictVarName key ?value ...?", true);
            case "create" -> create(a);
            case "exists" -> exists(a);
            case "filter" -> filter(in, a);
            case "for" -> forMap(in, a, false);
            case "map" -> forMap(in, a, true);
            case "get" -> get(a);
            case "incr" -> incr(in, a);
            case "info" -> info(a);
            case "keys" -> keysOrValues(a, true);
            case "values" -> keysOrValues(a, false);
            case "merge" -> merge(a);
            case "remove" -> remove(a);
            case "replace" -> replace(a);
            case "set" -> set(in, a);
            case "size" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "dictionary");
                yield Value.of(parse(a[2]).size());
            }
            case "unset" -> unset(in, a);
            case "update" -> updateCmd(in, a);
            case "with" -> with(in, a);
            default -> throw new IllegalStateException(sub);
        };
    }

    // ---- representation ---------------------------------------------------------------------------

    /** The pairs of a dictionary value, last duplicate winning. */
    static LinkedHashMap<String, Value> parse(Value v) throws TclException {
        List<Value> items;
        try {
            items = v.asList();
        } catch (TclException notAList) {
            ListFormat.parse(v.toString(), "dict", "DICTIONARY"); // throws the same error in dict's words
            throw notAList;
        }
        if (items.size() % 2 != 0) throw TclException.error("missing value to go with key", "TCL", "VALUE", "DICTIONARY");
        LinkedHashMap<String, Value> map = new LinkedHashMap<>();
        for (int k = 0; k < items.size(); k += 2) map.put(items.get(k).toString(), items.get(k + 1));
        return map;
    }

    static Value toValue(Map<String, Value> map) {
        List<Value> items = new ArrayList<>(map.size() * 2);
        map.forEach((k, v) -> {
            items.add(Value.of(k));
            items.add(v);
        });
        return Value.ofDict(items);
    }

    private static TclException unknownKey(String key) {
        return TclException.error("key \"" + key + "\" not known in dictionary", "TCL", "LOOKUP", "DICT", key);
    }

    // ---- read-only subcommands --------------------------------------------------------------------

    private static Value create(Value[] a) throws TclException {
        if (a.length % 2 != 0) throw TclException.wrongArgs(a, 2, "?key value ...?");
        LinkedHashMap<String, Value> map = new LinkedHashMap<>();
        for (int k = 2; k < a.length; k += 2) map.put(a[k].toString(), a[k + 1]);
        return toValue(map);
    }

    private static Value get(Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 2, "dictionary ?key ...?");
        Value cur = a[2];
        if (a.length == 3) return toValue(parse(cur));
        for (int k = 3; k < a.length; k++) {
            Value next = parse(cur).get(a[k].toString());
            if (next == null) throw unknownKey(a[k].toString());
            cur = next;
        }
        return cur;
    }

    private static Value exists(Value[] a) throws TclException {
        if (a.length < 4) throw TclException.wrongArgs(a, 2, "dictionary key ?key ...?");
        Value cur = a[2];
        for (int k = 3; k < a.length; k++) {
            try {
                cur = parse(cur).get(a[k].toString());
            } catch (TclException e) {
                return Value.ZERO;
            }
            if (cur == null) return Value.ZERO;
        }
        return Value.ONE;
    }

    private static Value keysOrValues(Value[] a, boolean keys) throws TclException {
        if (a.length != 3 && a.length != 4) throw TclException.wrongArgs(a, 2, "dictionary ?pattern?");
        String pattern = a.length == 4 ? a[3].toString() : null;
        List<Value> out = new ArrayList<>();
        for (Map.Entry<String, Value> e : parse(a[2]).entrySet()) {
            String s = keys ? e.getKey() : e.getValue().toString();
            if (pattern == null || GlobMatch.matches(pattern, s)) out.add(keys ? Value.of(e.getKey()) : e.getValue());
        }
        return Value.ofList(out);
    }

    private static Value info(Value[] a) throws TclException {
        if (a.length != 3) throw TclException.wrongArgs(a, 2, "dictionary");
        int n = parse(a[2]).size();
        // Tcl reports its hash table layout; only the entry count carries meaning here.
        return Value.of(n + " entries in table, 4 buckets");
    }

    private static Value merge(Value[] a) throws TclException {
        if (a.length == 2) return Value.EMPTY;
        LinkedHashMap<String, Value> map = parse(a[2]);
        boolean changed = false;
        for (int k = 3; k < a.length; k++) {
            LinkedHashMap<String, Value> more = parse(a[k]);
            changed |= !more.isEmpty();
            map.putAll(more);
        }
        return changed ? toValue(map) : a[2]; // as Tcl, the first dictionary keeps its own string until a key is put
    }

    private static Value remove(Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 2, "dictionary ?key ...?");
        LinkedHashMap<String, Value> map = parse(a[2]);
        for (int k = 3; k < a.length; k++) map.remove(a[k].toString());
        return toValue(map);
    }

    private static Value replace(Value[] a) throws TclException {
        if (a.length < 3 || a.length % 2 == 0) throw TclException.wrongArgs(a, 2, "dictionary ?key value ...?");
        LinkedHashMap<String, Value> map = parse(a[2]);
        for (int k = 3; k < a.length; k += 2) map.put(a[k].toString(), a[k + 1]);
        return toValue(map);
    }

    private static Value filter(Interp in, Value[] a) throws TclException {
        if (a.length < 4) throw TclException.wrongArgs(a, 2, "dictionary filterType ?arg ...?");
        LinkedHashMap<String, Value> map = parse(a[2]);
        int type = OptionTable.lookup(a[3], "filterType", "key", "script", "value");
        LinkedHashMap<String, Value> out = new LinkedHashMap<>();
        if (type == 1) {
            if (a.length != 6) throw TclException.wrongArgs(a, 2, "dictionary script {keyVarName valueVarName} filterScript");
            String[] vars = twoVars(a[4]);
            for (Map.Entry<String, Value> e : map.entrySet()) {
                in.setVar(vars[0], Value.of(e.getKey()));
                in.setVar(vars[1], e.getValue());
                try {
                    if (in.evalBodyApart(a[5], "\"dict filter\" script").asBoolean()) out.put(e.getKey(), e.getValue());
                } catch (TclException x) {
                    if (x.code() == TclException.BREAK) break;
                    if (x.code() != TclException.CONTINUE) throw x;
                }
            }
            return toValue(out);
        }
        for (Map.Entry<String, Value> e : map.entrySet()) {
            String s = type == 0 ? e.getKey() : e.getValue().toString();
            for (int k = 4; k < a.length; k++) {
                if (GlobMatch.matches(a[k].toString(), s)) {
                    out.put(e.getKey(), e.getValue());
                    break;
                }
            }
        }
        return toValue(out);
    }

    private static String[] twoVars(Value spec) throws TclException {
        List<Value> vars = spec.asList();
        if (vars.size() != 2) throw TclException.error("must have exactly two variable names");
        return new String[] {vars.get(0).toString(), vars.get(1).toString()};
    }

    private static Value forMap(Interp in, Value[] a, boolean collect) throws TclException {
        if (a.length != 5) throw TclException.wrongArgs(a, 2, "{keyVarName valueVarName} dictionary script");
        String[] vars = twoVars(a[2]);
        LinkedHashMap<String, Value> map = parse(a[3]);
        LinkedHashMap<String, Value> out = collect ? new LinkedHashMap<>() : null;
        String context = collect ? "\"dict map\" body" : "\"dict for\" body";
        for (Map.Entry<String, Value> e : map.entrySet()) {
            in.setVar(vars[0], Value.of(e.getKey()));
            in.setVar(vars[1], e.getValue());
            try {
                Value r = in.evalLoopBody(a[4], context, true);
                if (collect) out.put(in.getVar(vars[0]).toString(), r);
            } catch (TclException x) {
                if (x.code() == TclException.BREAK) break;
                if (x.code() != TclException.CONTINUE) throw x;
            }
        }
        return collect ? toValue(out) : Value.EMPTY;
    }

    // ---- subcommands that write a variable ----------------------------------------------------------

    private static LinkedHashMap<String, Value> varDict(Interp in, String name) throws TclException {
        Value v = in.getVarOrNull(name); // an array reads as nothing: writing it back fails as Tcl's does
        return v == null ? new LinkedHashMap<>() : parse(v);
    }

    private static Value set(Interp in, Value[] a) throws TclException {
        if (a.length < 5) throw TclException.wrongArgs(a, 2, "dictVarName key ?key ...? value");
        String name = a[2].toString();
        Value old = in.getVarOrNull(name);
        if (old == null) old = Value.EMPTY;
        return in.setVar(name, setPath(old, a, 3, a.length - 1, a[a.length - 1]));
    }

    /** dict with keys a[from..to) set to value, creating missing levels. */
    private static Value setPath(Value d, Value[] a, int from, int to, Value value) throws TclException {
        LinkedHashMap<String, Value> map = parse(d);
        String key = a[from].toString();
        if (from == to - 1) {
            map.put(key, value);
        } else {
            Value inner = map.getOrDefault(key, Value.EMPTY);
            map.put(key, setPath(inner, a, from + 1, to, value));
        }
        return toValue(map);
    }

    private static Value unset(Interp in, Value[] a) throws TclException {
        if (a.length < 4) throw TclException.wrongArgs(a, 2, "dictVarName key ?key ...?");
        String name = a[2].toString();
        Value old = in.getVarOrNull(name);
        if (old == null) old = Value.EMPTY;
        return in.setVar(name, unsetPath(old, a, 3));
    }

    private static Value unsetPath(Value d, Value[] a, int from) throws TclException {
        LinkedHashMap<String, Value> map = parse(d);
        String key = a[from].toString();
        if (from == a.length - 1) {
            map.remove(key);
        } else {
            Value inner = map.get(key);
            if (inner == null) throw unknownKey(key);
            map.put(key, unsetPath(inner, a, from + 1));
        }
        return toValue(map);
    }

    private static Value incr(Interp in, Value[] a) throws TclException {
        if (a.length != 4 && a.length != 5) throw TclException.wrongArgs(a, 2, "dictVarName key ?increment?");
        String name = a[2].toString();
        LinkedHashMap<String, Value> map = varDict(in, name);
        Number by = a.length == 5 ? ListSort.integer(a[4]) : (Number) 1L;
        String key = a[3].toString();
        Value old = map.get(key);
        Number cur = old == null ? (Number) 0L : ListSort.integer(old);
        Value sum;
        if (cur instanceof Long x && by instanceof Long y && ((x ^ (x + y)) & (y ^ (x + y))) >= 0) {
            sum = Value.of(x + y);
        } else {
            sum = Value.of(new java.math.BigInteger(cur.toString()).add(new java.math.BigInteger(by.toString())));
        }
        map.put(key, sum);
        return in.setVar(name, toValue(map));
    }

    private static Value update(Interp in, Value[] a, String usage, boolean asList) throws TclException {
        if (a.length < 4) throw TclException.wrongArgs(a, 2, usage);
        String name = a[2].toString();
        LinkedHashMap<String, Value> map = varDict(in, name);
        String key = a[3].toString();
        Value old = map.get(key);
        Value now;
        if (asList) {
            List<Value> items = new ArrayList<>(old == null ? List.of() : old.asList());
            for (int k = 4; k < a.length; k++) items.add(a[k]);
            now = Value.ofList(items);
        } else {
            StringBuilder sb = new StringBuilder(old == null ? "" : old.toString());
            for (int k = 4; k < a.length; k++) sb.append(a[k]);
            now = Value.of(sb.toString());
        }
        map.put(key, now);
        return in.setVar(name, toValue(map));
    }

    private static Value updateCmd(Interp in, Value[] a) throws TclException {
        if (a.length < 6 || a.length % 2 != 0) {
            throw TclException.wrongArgs(a, 2, "dictVarName key varName ?key varName ...? script");
        }
        String name = a[2].toString();
        LinkedHashMap<String, Value> map = varDict(in, name);
        for (int k = 3; k < a.length - 1; k += 2) {
            Value v = map.get(a[k].toString());
            String var = a[k + 1].toString();
            if (v != null) in.setVar(var, v);
            else in.unsetVar(var);
        }
        Value result;
        try {
            result = in.evalLoopBody(a[a.length - 1], "body of \"dict update\"", false);
        } finally {
            writeBack(in, name, a);
        }
        return result;
    }

    private static void writeBack(Interp in, String name, Value[] a) throws TclException {
        if (!in.varExists(name)) return;
        LinkedHashMap<String, Value> map = parse(in.getVar(name));
        for (int k = 3; k < a.length - 1; k += 2) {
            String var = a[k + 1].toString();
            if (in.varExists(var)) map.put(a[k].toString(), in.getVar(var));
            else map.remove(a[k].toString());
        }
        in.setVar(name, toValue(map));
    }

    private static Value with(Interp in, Value[] a) throws TclException {
        if (a.length < 4) throw TclException.wrongArgs(a, 2, "dictVarName ?key ...? script");
        String name = a[2].toString();
        Value outer = in.getVar(name);
        int keys = a.length - 4;
        Value cur = outer;
        for (int k = 0; k < keys; k++) {
            Value next = parse(cur).get(a[3 + k].toString());
            if (next == null) throw unknownKey(a[3 + k].toString());
            cur = next;
        }
        LinkedHashMap<String, Value> inner = parse(cur);
        for (Map.Entry<String, Value> e : inner.entrySet()) in.setVar(e.getKey(), e.getValue());
        Value result;
        try {
            result = in.evalLoopBody(a[a.length - 1], "body of \"dict with\"", false);
        } finally {
            if (in.varExists(name)) {
                LinkedHashMap<String, Value> fresh = new LinkedHashMap<>();
                Value nowOuter = in.getVar(name);
                Value nowInner = nowOuter;
                for (int k = 0; k < keys && nowInner != null; k++) nowInner = parse(nowInner).get(a[3 + k].toString());
                if (nowInner != null) { // a path the body removed is left alone, as in Tcl
                    fresh.putAll(parse(nowInner));
                    for (String key : inner.keySet()) {
                        if (in.varExists(key)) fresh.put(key, in.getVar(key));
                        else fresh.remove(key);
                    }
                    in.setVar(name, keys == 0 ? toValue(fresh) : setPath(nowOuter, a, 3, 3 + keys, toValue(fresh)));
                }
            }
        }
        return result;
    }
}
