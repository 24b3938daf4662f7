package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.List;

/** lsearch: exact, glob, regexp and sorted (binary) search over a list, optionally on sub-elements. */
final class ListSearch {
    private ListSearch() {}

    private static final String[] OPTIONS = {"-all", "-ascii", "-bisect", "-decreasing", "-dictionary", "-exact",
        "-glob", "-increasing", "-index", "-inline", "-integer", "-nocase", "-not", "-real", "-regexp", "-sorted",
        "-start", "-subindices"};

    private enum Match { EXACT, GLOB, REGEXP, SORTED }

    @FunctionalInterface
    private interface Test {
        boolean test(Value v) throws TclException;
    }

    static Value lsearch(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 1, "?-option value ...? list pattern");
        Match match = Match.GLOB;
        ListSort.Mode type = ListSort.Mode.ASCII;
        boolean all = false, inline = false, nocase = false, negate = false, bisect = false;
        boolean decreasing = false, subindices = false;
        Value start = null;
        List<Value> index = null;
        for (int i = 1; i < a.length - 2; i++) {
            switch (OptionTable.lookup(a[i], "option", OPTIONS)) {
                case 0 -> all = true;
                case 1 -> type = ListSort.Mode.ASCII;
                case 2 -> { bisect = true; match = Match.SORTED; }
                case 3 -> decreasing = true;
                case 4 -> type = ListSort.Mode.DICTIONARY;
                case 5 -> match = Match.EXACT;
                case 6 -> match = Match.GLOB;
                case 7 -> decreasing = false;
                case 8 -> {
                    if (i > a.length - 4) throw TclException.error("\"-index\" option must be followed by list index");
                    index = a[++i].asList();
                    Indices.checkSelectable(index);
                }
                case 9 -> inline = true;
                case 10 -> type = ListSort.Mode.INTEGER;
                case 11 -> nocase = true;
                case 12 -> negate = true;
                case 13 -> type = ListSort.Mode.REAL;
                case 14 -> match = Match.REGEXP;
                case 15 -> match = Match.SORTED;
                case 16 -> {
                    if (i > a.length - 4) throw TclException.error("missing starting index");
                    start = a[++i];
                }
                case 17 -> subindices = true;
                default -> throw new IllegalStateException();
            }
        }
        if (bisect && (all || negate)) {
            throw TclException.error("-bisect is not compatible with -all or -not");
        }
        if (subindices && index == null) {
            throw TclException.error("-subindices cannot be used without -index option");
        }
        List<Value> items = a[a.length - 2].asList();
        Value pattern = a[a.length - 1];
        int from = 0;
        if (start != null) from = Math.max(0, Indices.parse(start, items.size()));

        Test test;
        ListSort.Comparison order = null;
        switch (match) {
            case GLOB -> {
                String p = pattern.toString();
                boolean nc = nocase;
                test = v -> GlobMatch.matches(p, v.toString(), nc);
            }
            case REGEXP -> {
                TclRegex.Compiled re = TclRegex.compile(in, pattern.toString(), nocase ? TclRegex.NOCASE : 0);
                test = v -> TclRegex.exec(re, v.toString(), 0, false) != null;
            }
            default -> {
                ListSort.Comparison cmp = ListSort.comparison(in, type, nocase, null);
                order = cmp;
                if (type == ListSort.Mode.INTEGER) ListSort.integer(pattern);
                if (type == ListSort.Mode.REAL) pattern.asDouble();
                test = null;
            }
        }
        List<Value> found = new ArrayList<>();
        if (bisect) {
            int last = -1;
            for (int k = from; k < items.size(); k++) {
                int c = order.compare(key(items.get(k), index), pattern);
                if (decreasing ? c >= 0 : c <= 0) last = k;
                else break;
            }
            return Value.of(last);
        }
        for (int k = from; k < items.size(); k++) {
            Value item = items.get(k);
            Value key = key(item, index);
            boolean hit;
            if (test != null) {
                hit = test.test(key);
            } else {
                hit = order.compare(key, pattern) == 0;
            }
            if (hit == negate) continue;
            Value result;
            if (inline) result = item;
            else if (subindices) {
                List<Value> path = new ArrayList<>();
                path.add(Value.of(k));
                ListSort.element(item, index, path);
                result = Value.ofList(path);
            } else result = Value.of(k);
            if (!all) return result;
            found.add(result);
        }
        if (all) return Value.ofList(found);
        return inline ? Value.EMPTY : Value.of(-1);
    }

    private static Value key(Value item, List<Value> index) throws TclException {
        return index == null ? item : ListSort.element(item, index);
    }
}
