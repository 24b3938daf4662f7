package io.jexpect.commands;

import io.jexpect.interp.ArraySearch;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The array ensemble: set, get, names, exists, size, unset, searches (statistics is not provided). */
final class ArrayCommands {
    private ArrayCommands() {}

    private static final String[] SUBCOMMANDS = {"anymore", "donesearch", "exists", "get", "names", "nextelement",
        "set", "size", "startsearch", "statistics", "unset"};

    static void install(Interp in) {
        in.register("array", ArrayCommands::array);
    }

    private static Value array(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, 1, SUBCOMMANDS);
        if (a.length >= 3) in.traceArray(a[2].toString());
        return switch (sub) {
            case "set" -> {
                if (a.length != 4) throw TclException.wrongArgs(a, 2, "arrayName list");
                String name = a[2].toString();
                List<Value> items = a[3].asList();
                if (items.size() % 2 != 0) throw TclException.error("list must have an even number of elements");
                in.ensureArray(name, items.isEmpty());
                for (int k = 0; k < items.size(); k += 2) in.setVar(name, items.get(k).toString(), items.get(k + 1));
                yield Value.EMPTY;
            }
            case "get" -> {
                if (a.length != 3 && a.length != 4) throw TclException.wrongArgs(a, 2, "arrayName ?pattern?");
                Map<String, Value> view = view(in, a[2]);
                Predicate<String> keep = a.length == 4 ? glob(a[3].toString()) : k -> true;
                List<Value> out = new ArrayList<>();
                view.forEach((k, v) -> {
                    if (keep.test(k)) {
                        out.add(Value.of(k));
                        out.add(v);
                    }
                });
                yield Value.ofList(out);
            }
            case "names" -> {
                if (a.length < 3 || a.length > 5) throw TclException.wrongArgs(a, 2, "arrayName ?mode? ?pattern?");
                Predicate<String> keep = k -> true;
                if (a.length == 4) keep = glob(a[3].toString());
                if (a.length == 5) {
                    String pattern = a[4].toString();
                    keep = switch (OptionTable.lookup(a[3], "option", "-exact", "-glob", "-regexp")) {
                        case 0 -> pattern::equals;
                        case 1 -> glob(pattern);
                        default -> null;
                    };
                }
                TclRegex.Compiled re = a.length == 5 && keep == null ? TclRegex.compile(in, a[4].toString(), 0) : null;
                List<Value> out = new ArrayList<>();
                for (String k : view(in, a[2]).keySet()) {
                    if (re != null ? TclRegex.exec(re, k, 0, false) != null : keep.test(k)) out.add(Value.of(k));
                }
                yield Value.ofList(out);
            }
            case "exists" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "arrayName");
                yield Value.of(in.arrayView(a[2].toString()) != null);
            }
            case "size" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "arrayName");
                yield Value.of(view(in, a[2]).size());
            }
            case "unset" -> {
                if (a.length != 3 && a.length != 4) throw TclException.wrongArgs(a, 2, "arrayName ?pattern?");
                String name = a[2].toString();
                if (a.length == 3) {
                    if (in.arrayView(name) != null) in.unsetVar(name);
                } else {
                    Predicate<String> keep = glob(a[3].toString());
                    for (String k : view(in, a[2]).keySet()) {
                        if (keep.test(k)) in.unsetVar(name + "(" + k + ")");
                    }
                }
                yield Value.EMPTY;
            }
            case "startsearch" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "arrayName");
                yield Value.of(ArraySearch.start(in, a[2].toString()));
            }
            case "nextelement" -> {
                if (a.length != 4) throw TclException.wrongArgs(a, 2, "arrayName searchId");
                yield Value.of(ArraySearch.next(in, a[2].toString(), a[3].toString()));
            }
            case "anymore" -> {
                if (a.length != 4) throw TclException.wrongArgs(a, 2, "arrayName searchId");
                yield Value.of(ArraySearch.anyMore(in, a[2].toString(), a[3].toString()));
            }
            case "donesearch" -> {
                if (a.length != 4) throw TclException.wrongArgs(a, 2, "arrayName searchId");
                ArraySearch.done(in, a[2].toString(), a[3].toString());
                yield Value.EMPTY;
            }
            case "statistics" -> {
                if (a.length != 3) throw TclException.wrongArgs(a, 2, "arrayName");
                String name = a[2].toString();
                String statistics = in.arrayStatistics(name);
                if (statistics == null) {
                    throw TclException.error("\"" + name + "\" isn't an array", "TCL", "LOOKUP", "ARRAY", name);
                }
                yield Value.of(statistics);
            }
            default -> throw new IllegalStateException(sub);
        };
    }

    private static Map<String, Value> view(Interp in, Value name) {
        Map<String, Value> v = in.arrayView(name.toString());
        return v == null ? Map.of() : v;
    }

    private static Predicate<String> glob(String pattern) {
        return k -> GlobMatch.matches(pattern, k);
    }
}
