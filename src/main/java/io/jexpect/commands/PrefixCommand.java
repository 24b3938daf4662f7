package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.List;

/** tcl::prefix all/longest/match: Tcl_GetIndexFromObj's prefix matching, offered to scripts. */
final class PrefixCommand {
    private PrefixCommand() {}

    private static final String[] SUBCOMMANDS = {"all", "longest", "match"};

    static void install(Interp in) {
        in.register("::tcl::prefix", PrefixCommand::prefix);
    }

    private static Value prefix(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, 1, SUBCOMMANDS);
        if (sub.equals("match")) return match(in, a);
        if (a.length != 4) throw TclException.wrongArgs(a, 2, "table string");
        String s = a[3].toString();
        List<Value> all = new ArrayList<>();
        for (Value t : a[2].asList()) if (t.toString().startsWith(s)) all.add(t);
        if (sub.equals("all")) return Value.ofList(all);
        if (all.isEmpty()) return Value.EMPTY;
        String common = all.get(0).toString();
        for (Value t : all) {
            String w = t.toString();
            int k = 0;
            while (k < common.length() && k < w.length() && common.charAt(k) == w.charAt(k)) k++;
            common = common.substring(0, k);
        }
        return Value.of(common);
    }

    private static Value match(Interp in, Value[] a) throws TclException {
        if (a.length < 4) throw TclException.wrongArgs(a, 2, "?options? table string");
        boolean exact = false;
        String message = "option";
        Value errorOptions = null;
        for (int k = 2; k < a.length - 2; k++) {
            int opt = OptionTable.lookup(a[k], "option", "-error", "-exact", "-message");
            if (opt == 1) {
                exact = true;
                continue;
            }
            if (k + 1 >= a.length - 2) {
                throw TclException.error("missing value for " + (opt == 0 ? "-error" : "-message"), "TCL", "OPERATION", "NOARG");
            }
            if (opt == 2) {
                message = a[++k].toString();
            } else {
                errorOptions = a[++k];
                if (errorOptions.asList().size() % 2 != 0) {
                    throw TclException.error("error options must have an even number of elements", "TCL", "VALUE", "DICTIONARY");
                }
            }
        }
        List<Value> table = a[a.length - 2].asList();
        String s = a[a.length - 1].toString();
        Value found = null;
        boolean ambiguous = false;
        for (Value t : table) {
            String w = t.toString();
            if (w.equals(s)) return t;
            if (!exact && w.startsWith(s)) {
                ambiguous = found != null;
                if (found == null) found = t;
            }
        }
        if (found != null && !ambiguous) return found;
        StringBuilder sb = new StringBuilder(ambiguous ? "ambiguous " : "bad ").append(message).append(" \"").append(s).append("\": ");
        if (table.isEmpty()) {
            sb.append("no valid options");
        } else {
            sb.append("must be ");
            for (int k = 0; k < table.size(); k++) {
                if (k > 0) sb.append(table.size() > 2 ? ", " : " ");
                if (k == table.size() - 1 && k > 0) sb.append("or ");
                sb.append(table.get(k));
            }
        }
        if (errorOptions != null && errorOptions.asList().isEmpty()) return Value.EMPTY;
        if (errorOptions == null) throw TclException.error(sb.toString(), "TCL", "LOOKUP", "INDEX", message, s);
        // As Tcl_SetReturnOptions: the options work as [return]'s, at level 1 unless they say otherwise.
        List<Value> argv = new ArrayList<>();
        argv.add(Value.of("return"));
        argv.addAll(errorOptions.asList());
        argv.add(Value.of("-code"));
        argv.add(Value.ONE);
        argv.add(Value.of(sb.toString()));
        return ControlCommands.returnCmd(in, argv.toArray(new Value[0]));
    }
}
