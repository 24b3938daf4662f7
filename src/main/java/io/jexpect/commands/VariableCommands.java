package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.math.BigInteger;
import java.util.List;

/** Variables: set, unset, incr, append, lappend, global, upvar, variable. */
final class VariableCommands {
    private VariableCommands() {}

    static void install(Interp in) {
        in.register("set", VariableCommands::set);
        in.register("unset", VariableCommands::unset);
        in.register("incr", VariableCommands::incr);
        in.register("append", VariableCommands::append);
        in.register("lappend", VariableCommands::lappend);
        in.register("global", VariableCommands::global);
        in.register("variable", VariableCommands::variable);
        in.register("upvar", VariableCommands::upvar);
    }

    private static Value set(Interp in, Value[] a) throws TclException {
        if (a.length == 2) return in.getVar(a[1].toString());
        if (a.length == 3) return in.setVar(a[1].toString(), a[2]);
        throw TclException.wrongArgs(a, 1, "varName ?newValue?");
    }

    private static Value unset(Interp in, Value[] a) throws TclException {
        // Tcl's restrictive parsing: -nocomplain first, given exactly, then perhaps --.
        boolean complain = true;
        int i = 1;
        if (i < a.length && a[i].toString().equals("-nocomplain")) {
            complain = false;
            i++;
        }
        if (i < a.length && a[i].toString().equals("--")) i++;
        for (; i < a.length; i++) {
            String name = a[i].toString();
            if (!in.unsetVar(name) && complain) {
                int paren = name.indexOf('(');
                String array = paren >= 0 && name.endsWith(")") ? name.substring(0, paren) : null;
                String message = "can't unset \"" + name + "\": ";
                if (array != null && in.isArray(array)) {
                    throw TclException.error(message + "no such element in array",
                            "TCL", "LOOKUP", "ELEMENT", name.substring(paren + 1, name.length() - 1));
                }
                boolean scalar = array != null && in.varExists(array);
                throw TclException.error(message + (scalar ? "variable isn't array" : "no such variable"),
                        "TCL", "LOOKUP", "VARNAME", array != null ? array : name);
            }
        }
        return Value.EMPTY;
    }

    private static Value incr(Interp in, Value[] a) throws TclException {
        if (a.length != 2 && a.length != 3) throw TclException.wrongArgs(a, 1, "varName ?increment?");
        String name = a[1].toString();
        // An element's name is split once, for the read and the write (getVar and setVar split it alike).
        int paren = name.indexOf('(');
        boolean element = paren >= 0 && name.endsWith(")");
        String array = element ? name.substring(0, paren) : null;
        String index = element ? name.substring(paren + 1, name.length() - 1) : null;
        Value increment = a.length == 3 ? a[2] : Value.ONE;
        if (increment.integerOrNull() instanceof Long by) {
            Value sum = in.incrPlain(element ? array : name, index, by);
            if (sum != null) return sum;
        }
        return incrTheFullWay(in, name, array, index, increment);
    }

    /**
     * incr with its traces, errors and big integers: a method of its own, which C1 (compiling a
     * method whole) need not compile for the common case above.
     */
    private static Value incrTheFullWay(Interp in, String name, String array, String index, Value increment)
            throws TclException {
        boolean element = array != null;
        in.checkIncrTarget(element ? array : name, index);
        Value old;
        try {
            old = element ? in.getVar(array, index) : in.getVar(name);
        } catch (TclException unreadable) {
            if (!unreadable.isError()) throw unreadable;
            old = Value.ZERO; // missing or an array: counts as 0, and setting it says what is wrong
        }
        // Tcl's TclIncrObj: both must be numbers (the value first), then both integers.
        if (old.numberOrNull() == null) integer(old);
        if (increment.numberOrNull() == null || old.integerOrNull() != null && increment.integerOrNull() == null) {
            readingIncrement(increment);
        }
        Number cur = integer(old);
        Number by = integer(increment);
        Value sum = null;
        if (cur instanceof Long x && by instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) sum = Value.of(r);
        }
        if (sum == null) sum = Value.of(big(cur).add(big(by)));
        return element ? in.setVar(array, index, sum) : in.setVar(name, sum);
    }

    private static Number integer(Value v) throws TclException {
        Number n = v.integerOrNull();
        if (n == null) throw TclException.error("expected integer but got \"" + v + "\"", "TCL", "VALUE", "INTEGER");
        return n;
    }

    /** The error of a bad increment, with the trace line Tcl adds for it. */
    private static void readingIncrement(Value increment) throws TclException {
        try {
            integer(increment);
        } catch (TclException e) {
            e.appendErrorInfo("\n    (reading increment)");
            throw e;
        }
    }

    private static BigInteger big(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    private static Value append(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "varName ?value ...?");
        String name = a[1].toString();
        if (a.length == 2) return in.getVar(name);
        Value current = in.varExists(name) ? in.getVar(name) : Value.EMPTY;
        return in.setVar(name, Value.ofAppendedText(current, a, 2));
    }

    private static Value lappend(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "varName ?value ...?");
        String name = a[1].toString();
        Value current = readForUpdate(in, name);
        if (current == null) current = Value.EMPTY;
        // Without values the variable keeps its text (a list is checked, not rewritten).
        if (a.length == 2) {
            if (!in.varExists(name)) return in.setVar(name, current);
            current.asList();
            return current;
        }
        return in.setVar(name, Value.ofAppended(current, a, 2));
    }

    /**
     * The value lappend starts from: the variable read as Tcl reads it (its read traces fire, even
     * when it does not exist yet), or null when it does not exist.
     */
    private static Value readForUpdate(Interp in, String name) throws TclException {
        try {
            return in.getVar(name);
        } catch (TclException e) {
            // A variable that does not exist starts empty, whatever its read traces said (as Tcl's
            // lappend); setting it then reports what is wrong with the name.
            if (in.varExists(name)) throw e;
            return null;
        }
    }

    private static Value global(Interp in, Value[] a) throws TclException {
        if (!in.inProc()) return Value.EMPTY; // also without names (TIP 323)
        for (int i = 1; i < a.length; i++) {
            String name = a[i].toString();
            String local = name.contains("::") ? name.substring(name.lastIndexOf("::") + 2) : name;
            in.link(null, name, local);
        }
        return Value.EMPTY;
    }

    private static Value variable(Interp in, Value[] a) throws TclException {
        for (int i = 1; i < a.length; i += 2) in.declareVariable(a[i].toString(), i + 1 < a.length ? a[i + 1] : null);
        return Value.EMPTY;
    }

    private static Value upvar(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 1, "?level? otherVar localVar ?otherVar localVar ...?");
        int i = 1;
        String level = "1";
        if ((a.length - 1) % 2 != 0) { // an odd count: the first word must be a level
            level = a[1].toString();
            if (!in.isLevel(level)) {
                throw TclException.error("bad level \"" + level + "\"", "TCL", "LOOKUP", "LEVEL", level);
            }
            i = 2;
        }
        if (i == a.length || (a.length - i) % 2 != 0) throw TclException.wrongArgs(a, 1, "?level? otherVar localVar ?otherVar localVar ...?");
        for (; i < a.length; i += 2) in.link(level, a[i].toString(), a[i + 1].toString());
        return Value.EMPTY;
    }
}
