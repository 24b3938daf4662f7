package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Unwind;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.Semaphore;

/**
 * coroutine, yield, yieldto, tailcall. A coroutine runs on a thread of its own that hands the
 * interpreter back and forth with its resumer: exactly one of them runs at any time, so the
 * interpreter needs no locking, only its evaluation context swapped at each switch.
 */
final class CoroutineCommands {
    private CoroutineCommands() {}

    /** Coroutine threads get a stack as deep as the main script's. */
    private static final long STACK_SIZE = 64L << 20;

    /** The coroutine running now in an interpreter (innermost), or null. */
    private static final class State {
        Coroutine current;
    }

    /** Unwinds a deleted coroutine's thread. */
    private static final class Killed extends Unwind {}

    static void install(Interp in) {
        in.register("coroutine", CoroutineCommands::coroutine);
        in.register("yield", CoroutineCommands::yield);
        in.register("yieldto", CoroutineCommands::yieldto);
        in.register("tailcall", CoroutineCommands::tailcall);
    }

    /** info coroutine: the running coroutine's full name, or "". */
    static Value current(Interp in) {
        Coroutine co = in.extension(State.class, State::new).current;
        return co == null ? Value.EMPTY : Value.of(co.name);
    }

    private static final class Coroutine implements TclCommand, TclCommand.Deletable {
        String name;
        final State state;
        final Semaphore resumed = new Semaphore(0);
        final Semaphore suspended = new Semaphore(0);
        Thread thread;
        Interp.Context context;
        /** What crosses a switch: the yielded value one way, the resume argument the other. */
        Value transfer = Value.EMPTY;
        TclException failure;
        Value[] yieldTo;
        boolean acceptsList, running, finished, deleting;
        Coroutine resumer;

        Coroutine(State state) {
            this.state = state;
        }

        /** Resumes the coroutine as its command was called: {@code name ?value?} (any words after yieldto). */
        @Override
        public Value call(Interp in, Value[] argv) throws TclException {
            if (running) throw TclException.error("coroutine \"" + name + "\" is already running", "TCL", "COROUTINE", "BUSY");
            if (acceptsList) {
                transfer = Value.ofList(new ArrayList<>(Arrays.asList(argv).subList(1, argv.length)));
            } else {
                if (argv.length > 2) throw TclException.wrongArgs(argv, 1, "?arg?");
                transfer = argv.length == 2 ? argv[1] : Value.EMPTY;
            }
            acceptsList = false;
            return switchIn(in);
        }

        /** Runs the coroutine until it yields or ends; on the resumer's thread. */
        Value switchIn(Interp in) throws TclException {
            Interp.Context mine = in.context();
            resumer = state.current;
            state.current = this;
            running = true;
            if (thread.getState() == Thread.State.NEW) thread.start();
            else resumed.release();
            suspended.acquireUninterruptibly();
            running = false;
            state.current = resumer;
            in.restore(mine);
            if (finished) {
                TclCommand here = in.command(name);
                if (here == this) in.rename(name, "");
            }
            if (failure != null) {
                TclException f = failure;
                failure = null;
                throw f;
            }
            if (yieldTo != null) {
                Value[] call = yieldTo;
                yieldTo = null;
                return in.invoke(call);
            }
            return transfer;
        }

        /** Hands control back to the resumer and waits to be resumed; on the coroutine's thread. */
        Value suspend(Interp in, Value value) {
            transfer = value;
            if (deleting) throw new Killed();
            context = in.context();
            suspended.release();
            resumed.acquireUninterruptibly();
            in.restore(context);
            if (deleting) throw new Killed();
            return transfer;
        }

        /** Runs the coroutine's command: target when it was found from the creator's namespace. */
        void body(Interp in, Interp.Context start, TclCommand target, Value[] argv) {
            in.restore(start);
            try {
                transfer = target != null ? in.invoke(target, argv) : in.invoke(argv);
            } catch (TclException e) {
                if (e.isError() && !e.traceStarted()) {
                    e.appendErrorInfo("\n    while executing\n\"" + Value.ofList(Arrays.asList(argv)) + "\"");
                }
                failure = e;
            } catch (Killed k) {
                // Deleted: the resumer gets what the last yield offered.
            } catch (RuntimeException | StackOverflowError e) {
                failure = TclException.error("coroutine \"" + name + "\" failed: " + e, "TCL", "COROUTINE", "FAILED");
            } finally {
                finished = true;
                suspended.release();
            }
        }

        /** Deleting a suspended coroutine unwinds it; a running one ends at its next yield. */
        @Override
        public void deleted(Interp in) {
            if (finished || deleting) return;
            deleting = true;
            if (running || thread.getState() == Thread.State.NEW) return;
            try {
                switchIn(in);
            } catch (TclException ignored) {
                // Errors while unwinding a deleted coroutine go nowhere, as in Tcl.
            }
        }
    }

    private static Value coroutine(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 1, "name cmd ?arg ...?");
        State state = in.extension(State.class, State::new);
        String name = a[1].toString();
        if (in.command(name) != null) in.rename(name, "");
        Coroutine co = new Coroutine(state);
        in.register(name, co);
        co.name = in.resolveCommand(name).fullName();
        Value[] argv = Arrays.copyOfRange(a, 2, a.length);
        // The command is looked up where coroutine was called (a method's "my"), then runs at level #0.
        TclCommand target = in.command(argv[0].toString());
        Interp.Context start = in.globalContext();
        co.thread = new Thread(null, () -> co.body(in, start, target, argv), "coroutine " + co.name, STACK_SIZE);
        co.thread.setDaemon(true);
        return co.switchIn(in);
    }

    private static Coroutine running(Interp in, String command) throws TclException {
        Coroutine co = in.extension(State.class, State::new).current;
        if (co == null) throw TclException.error(command + " can only be called in a coroutine", "TCL", "COROUTINE", "ILLEGAL_YIELD");
        return co;
    }

    private static Value yield(Interp in, Value[] a) throws TclException {
        if (a.length > 2) throw TclException.wrongArgs(a, 1, "?returnValue?");
        Coroutine co = running(in, "yield");
        return co.suspend(in, a.length == 2 ? a[1] : Value.EMPTY);
    }

    private static Value yieldto(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "command ?arg ...?");
        Coroutine co = running(in, "yieldto");
        co.yieldTo = qualified(in, Arrays.copyOfRange(a, 1, a.length));
        co.acceptsList = true;
        return co.suspend(in, Value.EMPTY);
    }

    private static Value tailcall(Interp in, Value[] a) throws TclException {
        if (!in.inProc()) {
            throw TclException.error("tailcall can only be called from a proc, lambda or method", "TCL", "TAILCALL", "ILLEGAL");
        }
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "command ?arg ...?");
        throw TclException.tailcall(qualified(in, Arrays.copyOfRange(a, 1, a.length)));
    }

    /** The command word resolved here, where Tcl looks it up, though it runs in another context. */
    private static Value[] qualified(Interp in, Value[] argv) {
        Interp.CommandRef ref = in.resolveCommand(argv[0].toString());
        if (ref != null && ref.command() != null) argv[0] = Value.of(ref.fullName());
        return argv;
    }
}
