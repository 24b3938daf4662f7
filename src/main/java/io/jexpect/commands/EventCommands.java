package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.interp.VarTrace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The event loop's commands: after, vwait, update (state in {@link EventLoop}). */
final class EventCommands {
    private EventCommands() {}

    static void install(Interp in) {
        in.register("after", EventCommands::after);
        in.register("vwait", EventCommands::vwait);
        in.register("update", EventCommands::update);
        in.register("::tcl::Bgerror", EventCommands::defaultBgerror);
    }

    /**
     * ::tcl::Bgerror msg options, the default interp bgerror handler: calls bgerror with the
     * message (errorInfo and errorCode set from the options); when that fails, says so on stderr.
     */
    private static Value defaultBgerror(Interp in, Value[] a) throws TclException {
        if (a.length != 3) throw TclException.wrongArgs(a, 1, "msg options");
        Map<String, Value> options = DictCommands.parse(a[2]);
        int level = returnOption(options, "-level").asInt();
        int code = returnOption(options, "-code").asInt();
        if (level != 0) code = TclException.RETURN;
        if (code == TclException.OK) return Value.EMPTY;
        Value message = switch (code) {
            case TclException.ERROR -> a[1];
            case TclException.BREAK -> Value.of("invoked \"break\" outside of a loop");
            case TclException.CONTINUE -> Value.of("invoked \"continue\" outside of a loop");
            default -> Value.of("command returned bad code: " + code);
        };
        Value errorCode = options.get("-errorcode");
        Value errorInfo = options.get("-errorinfo");
        if (errorCode != null) in.setGlobal("errorCode", errorCode);
        if (errorInfo != null) in.setGlobal("errorInfo", errorInfo);
        Value savedInfo = in.getVarOrNull("::errorInfo");
        Value savedCode = in.getVarOrNull("::errorCode");
        try {
            in.evalGlobalAllowingExceptions(Value.ofList(List.of(Value.of("bgerror"), message)), in);
        } catch (TclException e) {
            if (!e.isError()) throw e; // exit; break: Tcl drops the reports still queued
            if (InterpCommands.isSafe(in)) return Value.EMPTY;
            String report;
            if (in.command("::bgerror") == null) {
                // As Tcl_RestoreInterpState: the report, and what the script sees after, is the state before the call.
                if (savedInfo != null) in.setGlobal("errorInfo", savedInfo);
                if (savedCode != null) in.setGlobal("errorCode", savedCode);
                report = (savedInfo != null ? savedInfo : Value.EMPTY) + "\n";
            } else {
                report = "bgerror failed to handle background error.\n    Original error: " + message
                        + "\n    Error in bgerror: " + e.result() + "\n";
            }
            EventLoop.writeStderr(in, report);
        }
        return Value.EMPTY;
    }

    private static Value returnOption(Map<String, Value> options, String name) throws TclException {
        Value v = options.get(name);
        if (v == null) throw TclException.error("missing return option \"" + name + "\"", "TCL", "ARGUMENT", "MISSING");
        return v;
    }

    private static Value after(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "option ?arg ...?");
        EventLoop loop = EventLoop.of(in);
        Number ms = a[1].integerOrNull();
        // Beyond 64 bits the word is no delay and reads as a subcommand; a bignum within them wraps
        // in Tcl to a time already past (measured: tclsh returns at once for ±2**63).
        if (ms instanceof BigInteger b && b.abs().bitLength() > 64) ms = null;
        if (ms != null) {
            long delay = ms instanceof Long l ? l : 0;
            if (a.length == 2) {
                sleep(in, delay);
                return Value.EMPTY;
            }
            return Value.of(loop.addTimer(delay, script(a, 2)));
        }
        String sub = a[1].toString();
        switch (sub) {
            case "cancel" -> {
                if (a.length < 3) throw TclException.wrongArgs(a, 2, "id|command");
                if (a.length == 3 && loop.cancel(a[2].toString())) return Value.EMPTY;
                loop.cancelScript(script(a, 2).toString());
                return Value.EMPTY;
            }
            case "idle" -> {
                if (a.length < 3) throw TclException.wrongArgs(a, 2, "script ?script ...?");
                return Value.of(loop.addIdle(script(a, 2)));
            }
            case "info" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?id?");
                if (a.length == 2) {
                    List<Value> ids = new ArrayList<>();
                    for (String id : loop.pending().keySet()) ids.add(0, Value.of(id));
                    return Value.ofList(ids);
                }
                EventLoop.Event e = loop.pending().get(a[2].toString());
                if (e == null) throw TclException.error("event \"" + a[2] + "\" doesn't exist", "TCL", "LOOKUP", "EVENT", a[2].toString());
                return Value.ofList(List.of(e.script(), Value.of(e.idle() ? "idle" : "timer")));
            }
            default -> throw TclException.error("bad argument \"" + sub + "\": must be cancel, idle, info, or an integer",
                    "TCL", "LOOKUP", "INDEX", "argument", sub);
        }
    }

    /** The script of after: its words joined as concat does. */
    private static Value script(Value[] a, int from) {
        return a.length == from + 1 ? a[from] : ControlCommands.concat(a, from);
    }

    /** after ms: no events run, but posted work does (a trap handler, a harness stopping the script). */
    private static void sleep(Interp in, long ms) throws TclException {
        if (ms <= 0) return;
        long end = System.nanoTime() + ms * 1_000_000L;
        try {
            long left;
            while ((left = end - System.nanoTime()) > 0) in.awaitAsync(Math.max(1, left / 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TclException.error("sleep interrupted");
        }
    }

    /** vwait: runs events until a write or unset trace on the (global) variable fires. */
    private static Value vwait(Interp in, Value[] a) throws TclException {
        if (a.length != 2) throw TclException.wrongArgs(a, 1, "name");
        String name = a[1].toString();
        String global = name.startsWith("::") ? name : "::" + name;
        boolean[] done = {false};
        VarTrace trace = new VarTrace() {
            @Override
            public int ops() {
                return WRITE | UNSET;
            }

            @Override
            public void fire(Interp interp, String name1, String name2, int op) {
                done[0] = true;
            }
        };
        in.addVarTrace(global, trace);
        try {
            EventLoop loop = EventLoop.of(in);
            while (true) {
                loop.runDue();
                if (done[0]) return Value.EMPTY;
                if (!loop.hasPending() && !in.hasAsyncSource()) {
                    throw TclException.error("can't wait for variable \"" + name + "\": would wait forever",
                            "TCL", "EVENT", "NO_SOURCES");
                }
                loop.waitUntil(Long.MAX_VALUE);
            }
        } finally {
            in.removeVarTrace(global, trace);
        }
    }

    private static Value update(Interp in, Value[] a) throws TclException {
        if (a.length > 2) throw TclException.wrongArgs(a, 1, "?idletasks?");
        EventLoop loop = EventLoop.of(in);
        if (a.length == 2) {
            if (!a[1].toString().equals("idletasks")) {
                throw TclException.error("bad option \"" + a[1] + "\": must be idletasks", "TCL", "LOOKUP", "INDEX", "option", a[1].toString());
            }
            while (loop.runIdle()) {
                // idle handlers that post idle handlers: Tcl's update idletasks runs them too
            }
            return Value.EMPTY;
        }
        // Events queued by the handlers themselves wait for the next update, as in Tcl.
        loop.runDue();
        return Value.EMPTY;
    }
}
