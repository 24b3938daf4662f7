package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.interp.VarTrace;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace command: variable traces (read, write, unset, array) through the interpreter's
 * {@link VarTrace} hook; command traces (rename, delete) and execution traces (enter, leave,
 * enterstep, leavestep) through its command observer. The pre-8.4 forms (trace variable, vdelete,
 * vinfo) share the same traces.
 */
final class TraceCommands {
    private TraceCommands() {}

    private static final String[] OPTIONS = {"add", "info", "remove", "variable", "vdelete", "vinfo"};
    private static final String[] TYPES = {"execution", "command", "variable"};
    private static final String[] VAR_OPS = {"array", "read", "unset", "write"};
    private static final int[] VAR_BITS = {VarTrace.ARRAY, VarTrace.READ, VarTrace.UNSET, VarTrace.WRITE};
    private static final String[] CMD_OPS = {"delete", "rename"};
    private static final String[] EXEC_OPS = {"enter", "leave", "enterstep", "leavestep"};
    private static final int RENAME = 1, DELETE = 2;
    private static final int ENTER = 1, LEAVE = 2, ENTERSTEP = 4, LEAVESTEP = 8;

    static void install(Interp in) {
        in.register("trace", TraceCommands::trace);
    }

    private static Value trace(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "option ?arg ...?");
        String option = OPTIONS[OptionTable.lookup(a[1], "option", OPTIONS)];
        switch (option) {
            case "add", "remove", "info" -> {
                boolean info = option.equals("info");
                if (a.length < 3) throw TclException.wrongArgs(a, 2, info ? "type name" : "type ?arg ...?");
                String type = TYPES[OptionTable.lookup(a[2], "option", TYPES)];
                if (info) {
                    if (a.length != 4) throw TclException.wrongArgs(a, 3, "name");
                } else if (a.length != 6) {
                    throw TclException.wrongArgs(a, 3, "name opList command");
                }
                return switch (type) {
                    case "variable" -> variable(in, option, a);
                    case "command" -> commandTrace(in, option, a, false);
                    default -> commandTrace(in, option, a, true);
                };
            }
            default -> {
                return legacy(in, option, a);
            }
        }
    }

    // ---- variable traces --------------------------------------------------------------------------

    /** A script-level variable trace: {@code command name1 name2 op} evaluated where the access happens. */
    private record ScriptTrace(int ops, String command, boolean legacy) implements VarTrace {
        @Override
        public void fire(Interp in, String name1, String name2, int op) throws TclException {
            String word = switch (op) {
                case READ -> legacy ? "r" : "read";
                case WRITE -> legacy ? "w" : "write";
                case UNSET -> legacy ? "u" : "unset";
                default -> legacy ? "a" : "array";
            };
            in.eval(command + " " + Value.ofStrings(List.of(name1, name2, word)));
        }
    }

    private static Value variable(Interp in, String option, Value[] a) throws TclException {
        String name = a[3].toString();
        if (option.equals("info")) {
            List<Value> out = new ArrayList<>();
            for (VarTrace t : in.varTraces(name)) {
                if (!(t instanceof ScriptTrace st)) continue;
                List<Value> ops = new ArrayList<>();
                for (String op : new String[] {"array", "read", "write", "unset"}) {
                    if ((st.ops() & VAR_BITS[java.util.Arrays.asList(VAR_OPS).indexOf(op)]) != 0) ops.add(Value.of(op));
                }
                out.add(Value.ofList(List.of(Value.ofList(ops), Value.of(st.command()))));
            }
            return Value.ofList(out);
        }
        int ops = 0;
        List<Value> words = a[4].asList();
        if (words.isEmpty()) throw noOps(a[4], "array, read, unset, or write");
        for (Value w : words) ops |= VAR_BITS[OptionTable.lookup(w, "operation", VAR_OPS)];
        if (option.equals("add")) in.addVarTrace(name, new ScriptTrace(ops, a[5].toString(), false));
        else removeVarTrace(in, name, ops, a[5].toString());
        return Value.EMPTY;
    }

    private static void removeVarTrace(Interp in, String name, int ops, String command) throws TclException {
        for (VarTrace t : in.varTraces(name)) {
            if (t instanceof ScriptTrace st && st.ops() == ops && st.command().equals(command)) {
                in.removeVarTrace(name, t);
                return;
            }
        }
    }

    private static TclException noOps(Value list, String choices) {
        return TclException.error("bad operation list \"" + list + "\": must be one or more of " + choices,
                "TCL", "OPERATION", "TRACE", "NOOPS");
    }

    /** trace variable/vdelete/vinfo: operations as the letters r, w, u, a. */
    private static Value legacy(Interp in, String option, Value[] a) throws TclException {
        if (option.equals("vinfo")) {
            if (a.length != 3) throw TclException.wrongArgs(a, 2, "name");
            List<Value> out = new ArrayList<>();
            for (VarTrace t : in.varTraces(a[2].toString())) {
                if (!(t instanceof ScriptTrace st)) continue;
                StringBuilder letters = new StringBuilder();
                if ((st.ops() & VarTrace.READ) != 0) letters.append('r');
                if ((st.ops() & VarTrace.WRITE) != 0) letters.append('w');
                if ((st.ops() & VarTrace.UNSET) != 0) letters.append('u');
                if ((st.ops() & VarTrace.ARRAY) != 0) letters.append('a');
                out.add(Value.ofList(List.of(Value.of(letters.toString()), Value.of(st.command()))));
            }
            return Value.ofList(out);
        }
        if (a.length != 5) throw TclException.wrongArgs(a, 2, "name ops command");
        String letters = a[3].toString();
        int ops = 0;
        for (char c : letters.toCharArray()) {
            ops |= switch (c) {
                case 'r' -> VarTrace.READ;
                case 'w' -> VarTrace.WRITE;
                case 'u' -> VarTrace.UNSET;
                case 'a' -> VarTrace.ARRAY;
                default -> throw TclException.error("bad operations \"" + letters + "\": should be one or more of rwua",
                        "TCL", "OPERATION", "TRACE", "BADOPS");
            };
        }
        if (ops == 0) {
            throw TclException.error("bad operations \"" + letters + "\": should be one or more of rwua",
                    "TCL", "OPERATION", "TRACE", "BADOPS");
        }
        if (option.equals("variable")) in.addVarTrace(a[2].toString(), new ScriptTrace(ops, a[4].toString(), true));
        else removeVarTrace(in, a[2].toString(), ops, a[4].toString());
        return Value.EMPTY;
    }

    // ---- command and execution traces -------------------------------------------------------------

    private record CommandTrace(int ops, String command) {}

    /** Command and execution traces of one interpreter, keyed by the command object so they follow renames. */
    private static final class Observer implements Interp.CommandObserver {
        final Map<TclCommand, List<CommandTrace>> renames = new IdentityHashMap<>();
        final Map<TclCommand, List<CommandTrace>> executions = new IdentityHashMap<>();
        /** Step traces of the traced commands now running, innermost last. */
        final List<CommandTrace> steppers = new ArrayList<>();
        boolean inCallback;

        @Override
        public Value call(Interp in, TclCommand cmd, Value[] argv) throws TclException {
            List<CommandTrace> own = executions.get(cmd);
            boolean stepping = !steppers.isEmpty();
            if (inCallback || own == null && !stepping) return cmd.call(in, argv);
            String text = Value.ofList(List.of(argv)).toString();
            List<CommandTrace> outer = List.copyOf(steppers);
            try {
                fire(in, outer, ENTERSTEP, text, null);
                if (own != null) fire(in, own, ENTER, text, null);
            } catch (TclException e) {
                throw traceFailed(e, "enter", text);
            }
            int pushed = 0;
            if (own != null) {
                for (CommandTrace t : own) {
                    if ((t.ops() & (ENTERSTEP | LEAVESTEP)) != 0) {
                        steppers.add(t);
                        pushed++;
                    }
                }
            }
            Value result;
            TclException failure = null;
            try {
                result = cmd.call(in, argv);
            } catch (TclException e) {
                if (e.exitStatus() != null) throw e;
                failure = e;
                result = e.result();
            } finally {
                for (int k = 0; k < pushed; k++) steppers.remove(steppers.size() - 1);
            }
            int code = failure == null ? TclException.OK : failure.code();
            List<Value> outcome = List.of(Value.of(code), result);
            try {
                if (own != null) fire(in, own, LEAVE, text, outcome);
                fire(in, outer, LEAVESTEP, text, outcome);
            } catch (TclException e) {
                throw traceFailed(e, "leave", text);
            }
            if (failure != null) throw failure;
            return result;
        }

        /**
         * An execution trace's error is the command's, logged there (Tcl's TEOV_RunEnterTraces):
         * the traced command adds no line of its own to the trace.
         */
        private static TclException traceFailed(TclException e, String when, String text) {
            if (!e.isError()) return e;
            String shown = text.length() > 55 ? text.substring(0, 52) + "..." : text;
            e.appendErrorInfo("\n    (" + when + " trace on \"" + shown + "\")");
            e.markLogged();
            return e;
        }

        private void fire(Interp in, List<CommandTrace> traces, int op, String text, List<Value> outcome) throws TclException {
            String word = EXEC_OPS[Integer.numberOfTrailingZeros(op)];
            for (CommandTrace t : List.copyOf(traces)) {
                if ((t.ops() & op) == 0) continue;
                List<Value> args = new ArrayList<>();
                args.add(Value.of(text));
                if (outcome != null) args.addAll(outcome);
                args.add(Value.of(word));
                inCallback = true;
                try {
                    in.eval(t.command() + " " + Value.ofList(args));
                } finally {
                    inCallback = false;
                }
            }
        }

        @Override
        public void renamed(Interp in, TclCommand cmd, String oldName, String newName) {
            List<CommandTrace> traces = renames.get(cmd);
            boolean deleted = newName.isEmpty();
            if (deleted) {
                renames.remove(cmd);
                executions.remove(cmd);
            }
            if (traces == null) return;
            for (CommandTrace t : List.copyOf(traces)) {
                if ((t.ops() & (deleted ? DELETE : RENAME)) == 0) continue;
                try {
                    in.eval(t.command() + " " + Value.ofStrings(List.of(oldName, newName, deleted ? "delete" : "rename")));
                } catch (TclException ignored) {
                    // Tcl ignores the result of command traces.
                }
            }
        }
    }

    private static Value commandTrace(Interp in, String option, Value[] a, boolean execution) throws TclException {
        String name = a[3].toString();
        TclCommand cmd = in.command(name);
        if (cmd == null) throw TclException.error("unknown command \"" + name + "\"", "TCL", "LOOKUP", "COMMAND", name);
        Observer observer = in.extension(Observer.class, () -> {
            Observer o = new Observer();
            in.setCommandObserver(o);
            return o;
        });
        Map<TclCommand, List<CommandTrace>> table = execution ? observer.executions : observer.renames;
        String[] names = execution ? EXEC_OPS : CMD_OPS;
        if (option.equals("info")) {
            List<Value> out = new ArrayList<>();
            String[] order = execution ? EXEC_OPS : new String[] {"rename", "delete"};
            for (CommandTrace t : table.getOrDefault(cmd, List.of())) {
                List<Value> ops = new ArrayList<>();
                for (String op : order) if ((t.ops() & bit(op, execution)) != 0) ops.add(Value.of(op));
                out.add(Value.ofList(List.of(Value.ofList(ops), Value.of(t.command()))));
            }
            return Value.ofList(out);
        }
        List<Value> words = a[4].asList();
        if (words.isEmpty()) throw noOps(a[4], execution ? "enter, leave, enterstep, or leavestep" : "delete or rename");
        int ops = 0;
        for (Value w : words) ops |= bit(names[OptionTable.lookup(w, "operation", names)], execution);
        String command = a[5].toString();
        if (option.equals("add")) {
            table.computeIfAbsent(cmd, k -> new ArrayList<>()).add(0, new CommandTrace(ops, command));
        } else {
            List<CommandTrace> traces = table.get(cmd);
            if (traces != null) {
                traces.remove(new CommandTrace(ops, command));
                if (traces.isEmpty()) table.remove(cmd);
            }
        }
        return Value.EMPTY;
    }

    private static int bit(String op, boolean execution) {
        if (!execution) return op.equals("rename") ? RENAME : DELETE;
        return 1 << java.util.Arrays.asList(EXEC_OPS).indexOf(op);
    }
}
