package io.jexpect.expect;

import io.jexpect.engine.Signals;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * trap [[command] signals]: runs a script when jexpect receives a signal. The JVM delivers signals
 * on its own thread; the handler is posted to the script thread and runs between commands (or
 * interrupts an expect/sleep wait), in the global scope, as Expect runs it.
 */
final class TrapCommand {
    private final Map<Integer, Value> handlers = new HashMap<>();
    private final Map<Integer, SignalHandler> originals = new HashMap<>();
    /** The signal whose handler is running, for trap -name / -number. */
    private int current;

    private TrapCommand() {}

    static void install(Interp in) {
        TrapCommand trap = new TrapCommand();
        in.register("trap", trap::trap);
        in.register("exp_trap", trap::trap);
    }

    private Value trap(Interp in, Value[] a) throws TclException {
        if (a.length == 2) {
            switch (a[1].toString()) {
                case "-name" -> { return Value.of(current == 0 ? "" : Signals.name(current)); }
                case "-number" -> { return Value.of(current); }
                case "-max" -> { return Value.of(64); }
                default -> {
                    Value h = handlers.get(number(a[1].asList().get(0).toString()));
                    return h == null ? Value.EMPTY : h;
                }
            }
        }
        if (a.length != 3) throw TclException.error("usage: trap [command or SIG_DFL or SIG_IGN] {list of signals}");
        Value command = a[1];
        List<Integer> sigs = new ArrayList<>();
        for (Value v : a[2].asList()) sigs.add(number(v.toString()));
        for (int sig : sigs) set(in, sig, command);
        return Value.EMPTY;
    }

    private void set(Interp in, int sig, Value command) throws TclException {
        String name = Signals.name(sig).substring(3);
        Signal signal = new Signal(name);
        SignalHandler handler = switch (command.toString()) {
            case "SIG_DFL" -> originals.getOrDefault(sig, SignalHandler.SIG_DFL);
            case "SIG_IGN" -> SignalHandler.SIG_IGN;
            default -> s -> in.postAsync(interp -> run(interp, sig, command));
        };
        try {
            SignalHandler previous = Signal.handle(signal, handler);
            originals.putIfAbsent(sig, previous);
        } catch (IllegalArgumentException e) {
            throw TclException.error("trap: cannot handle " + Signals.name(sig) + " in the JVM: " + e.getMessage());
        }
        if (command.toString().equals("SIG_DFL")) handlers.remove(sig);
        else handlers.put(sig, command);
    }

    private void run(Interp in, int sig, Value command) throws TclException {
        int saved = current;
        current = sig;
        try {
            in.evalGlobal(command);
        } finally {
            current = saved;
        }
    }

    private static int number(String spec) throws TclException {
        String s = spec.toUpperCase();
        if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) return Integer.parseInt(s);
        int n = Signals.number(s.startsWith("SIG") ? s : "SIG" + s);
        if (n <= 0) throw TclException.error("invalid signal " + spec);
        return n;
    }
}
