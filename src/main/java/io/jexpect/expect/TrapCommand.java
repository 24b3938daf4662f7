package io.jexpect.expect;

import io.jexpect.commands.EventLoop;
import io.jexpect.engine.SignalCatcher;
import io.jexpect.engine.SignalSource;
import io.jexpect.engine.Signals;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * trap [-code] [-interp] [[command] signals], trap -name|-number|-max: runs a script when jexpect
 * receives a signal, as Expect's exp_trap.c does. The {@link SignalCatcher} sees the signal on its
 * own thread; the script runs on the script thread between commands or while a command waits
 * (expect, sleep, vwait, exec), in the global scope.
 */
final class TrapCommand {
    private static final String USAGE = "usage: trap [command or SIG_DFL or SIG_IGN] {list of signals}";
    /** Expect refuses these (SIGALRM is its own timer); the JVM needs the faults for itself. */
    private static final Set<Integer> RESERVED = Set.of(4, 7, 8, 9, 11, 14, 19);
    /** glibc's thread signals and the JDK's I/O interrupt signal (SIGRTMAX - 2). */
    private static final Set<Integer> JVM_OWNED = Set.of(32, 33, 62);
    /** Signals a jexpect process ends by only after ending its spawned programs. */
    private static final Set<Integer> CLEAN_DEATH = Set.of(Signals.SIGHUP, Signals.SIGINT, Signals.SIGTERM);

    /**
     * A trap's script; {@code standIn} marks the default a script never set ({@code exit 130} for
     * SIGINT, {@code exit 143} for SIGTERM), which ends jexpect even when the script thread is stuck.
     */
    private record Trap(Value action, boolean code, boolean standIn) {
        Trap(Value action, boolean code) {
            this(action, code, false);
        }
    }

    /**
     * How long an untrapped SIGINT or SIGTERM waits for the script thread to reach a command boundary
     * and run the default {@code exit} there (exit handlers, flushed channels) before jexpect ends
     * without it: a long Java command (a sort of millions, a huge bignum) or a blocking read never
     * gets there, and Expect's C commands are seldom that long.
     */
    static final long STUCK_GRACE_MS = 1000;

    private final Interp interp;
    private final Trap[] traps = new Trap[SignalCatcher.MAX + 1];
    /** The signal whose handler is running, for trap -name / -number; 0 when none. */
    private int current;
    /** Made on first use, in the background when the command line sets Expect's default traps. */
    private CompletableFuture<? extends SignalSource> catcher;
    /** Whether this interpreter owns the process's signals (the jexpect command, not an embedding). */
    private boolean ownsProcess;

    private TrapCommand(Interp interp) {
        this.interp = interp;
    }

    static void install(Interp in) {
        TrapCommand trap = of(in);
        in.register("trap", trap::trap);
        in.register("exp_trap", trap::trap);
    }

    private static TrapCommand of(Interp in) {
        return in.extension(TrapCommand.class, () -> new TrapCommand(in));
    }

    /**
     * What the expect program sets up before a script runs: {@code trap {exit 130} SIGINT} and
     * {@code trap {exit 143} SIGTERM} (even when started ignoring SIGINT, as a shell's background job
     * is), and a hang-up that ends the spawned programs before jexpect dies by it. The native
     * handlers load in the background; a trap command waits for them.
     */
    static CompletableFuture<?> installProcessDefaults(Interp in, CompletableFuture<? extends SignalSource> source) {
        TrapCommand t = of(in);
        t.ownsProcess = true;
        t.traps[Signals.SIGINT] = new Trap(Value.of("exit 130"), false, true);
        t.traps[Signals.SIGTERM] = new Trap(Value.of("exit 143"), false, true);
        in.setAsyncSource(true);
        t.catcher = source.thenApply(c -> {
            synchronized (t) {
                for (int sig : List.of(Signals.SIGINT, Signals.SIGTERM)) {
                    if (t.traps[sig] != null) c.handle(sig, t::received);
                }
                if (t.traps[Signals.SIGHUP] == null && !c.ignoredAtStart(Signals.SIGHUP)) {
                    c.handle(Signals.SIGHUP, t::cleanDeath);
                }
            }
            return c;
        });
        return t.catcher;
    }

    private Value trap(Interp in, Value[] a) throws TclException {
        boolean code = false, showName = false, showNumber = false, showMax = false;
        int i = 1;
        for (; i < a.length; i++) {
            String flag = a[i].toString();
            if (flag.equals("-code")) code = true;
            else if (flag.equals("-name")) showName = true;
            else if (flag.equals("-number")) showNumber = true;
            else if (flag.equals("-max")) showMax = true;
            else if (!flag.equals("-interp")) break; // one interpreter: the active one set the trap
        }
        int rest = a.length - i;
        if (showName || showNumber || showMax) {
            if (rest > 0) throw TclException.error(USAGE);
            // As in Expect, -max too answers only inside a handler, with the signal's number.
            if (current == 0) throw TclException.error("no signal in progress");
            return showName ? Value.of(Signals.name(current).substring(3)) : Value.of(current);
        }
        if (rest == 0 || rest > 2) throw TclException.error(USAGE);
        if (rest == 1) {
            Trap t = traps[number(a[i].toString())];
            return t == null ? Value.of("SIG_DFL") : t.action;
        }
        Value action = a[i];
        for (Value s : a[i + 1].asList()) {
            int sig = number(s.toString());
            if (RESERVED.contains(sig)) throw TclException.error("cannot trap " + Signals.name(sig));
            if (JVM_OWNED.contains(sig)) throw TclException.error("cannot trap signal " + sig + ": the JVM uses it");
            set(catcher(), sig, action, code);
        }
        return Value.EMPTY;
    }

    private synchronized void set(SignalSource c, int sig, Value action, boolean code) {
        switch (action.toString()) {
            case "SIG_DFL" -> {
                traps[sig] = null;
                if (ownsProcess && CLEAN_DEATH.contains(sig)) c.handle(sig, this::cleanDeath);
                else if (ownsProcess) c.setDefault(sig);
                else c.restore(sig);
            }
            case "SIG_IGN" -> {
                traps[sig] = new Trap(action, code);
                c.ignore(sig);
            }
            default -> {
                traps[sig] = new Trap(action, code);
                c.handle(sig, this::received);
            }
        }
        interp.setAsyncSource(java.util.Arrays.stream(traps).anyMatch(t -> t != null && !t.action.toString().equals("SIG_IGN")));
    }

    private SignalSource catcher() throws TclException {
        if (catcher == null) catcher = CompletableFuture.supplyAsync(SignalCatcher::get, Runnable::run);
        try {
            return catcher.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw TclException.error("cannot trap signals here: " + e.getCause().getMessage());
        }
    }

    /**
     * On the catcher's thread: hand the signal to the script thread, as Tcl_AsyncMark does. A default
     * trap the script thread has not taken up within {@link #STUCK_GRACE_MS} ends jexpect from here,
     * with the status its {@code exit} would have given.
     */
    private void received(int sig) {
        Trap t;
        synchronized (this) {
            t = traps[sig];
        }
        if (t == null || !t.standIn || !ownsProcess) {
            interp.postAsync(in -> run(sig));
            return;
        }
        AtomicBoolean taken = new AtomicBoolean();
        interp.postAsync(in -> {
            if (taken.compareAndSet(false, true)) run(sig);
        });
        Thread.ofPlatform().daemon().name("jexpect-stuck-" + Signals.name(sig)).start(() -> {
            try {
                Thread.sleep(STUCK_GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (taken.compareAndSet(false, true)) endStuck(128 + sig);
        });
    }

    /** Ends jexpect while its script thread is busy: the programs first. */
    private void endStuck(int status) {
        endChildren();
        catcher.join().exitNow(status);
    }

    /**
     * An untrapped SIGHUP (or SIGINT, SIGTERM after SIG_DFL): end every spawned program and every
     * exec child, then die by the signal as Expect would, so the parent sees the signal.
     */
    private void cleanDeath(int sig) {
        endChildren();
        catcher.join().dieBy(sig);
    }

    /**
     * Ends every spawned program and every exec child; safe on any thread. The process's other
     * children are the script's only when the script owns the process (not in the resident server).
     */
    private void endChildren() {
        ExpectState.of(interp).endPrograms();
        if (catcher.join() instanceof SignalCatcher) ProcessHandle.current().children().forEach(ProcessHandle::destroy);
    }

    private void run(int sig) throws TclException {
        Trap t;
        synchronized (this) {
            t = traps[sig];
        }
        if (t == null || t.action.toString().equals("SIG_IGN")) return;
        int saved = current;
        current = sig;
        Value errorInfo = interp.getGlobalOrNull("errorInfo");
        Value errorCode = interp.getGlobalOrNull("errorCode");
        try {
            interp.evalGlobal(t.action);
        } catch (TclException e) {
            // With -code the handler's outcome becomes the interrupted command's; otherwise only exit
            // gets through, and an error is a background error (bgerror), as in Expect.
            if (t.code || e.exitStatus() != null) throw e;
            if (e.code() == TclException.RETURN) return;
            if (!e.isError()) {
                e = TclException.error("return value = " + e.code() + " for trap " + Signals.name(sig)
                        + ", action " + t.action + "\r\n");
            }
            EventLoop.of(interp).backgroundError(e);
        } finally {
            current = saved;
        }
        if (!t.code) {
            if (errorInfo != null) interp.setGlobal("errorInfo", errorInfo);
            if (errorCode != null) interp.setGlobal("errorCode", errorCode);
        }
    }

    /** exp_string_to_signal: a number as sscanf("%d") reads it, else a name with or without SIG. */
    private static int number(String spec) throws TclException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([-+]?\\d+).*", java.util.regex.Pattern.DOTALL).matcher(spec);
        if (m.matches()) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n > 0 && n <= SignalCatcher.MAX) return (int) n;
        } else {
            for (int sig = 1; sig <= SignalCatcher.MAX; sig++) {
                String name = Signals.name(sig);
                if (spec.equals(name) || spec.equals(name.substring(3))) return sig;
            }
        }
        throw TclException.error("invalid signal " + spec);
    }
}
