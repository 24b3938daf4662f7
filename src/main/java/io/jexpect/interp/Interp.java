package io.jexpect.interp;

import io.jexpect.script.Command;
import io.jexpect.script.Part;
import io.jexpect.script.Script;
import io.jexpect.script.ScriptParser;
import io.jexpect.script.SyntaxError;
import io.jexpect.script.Word;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tcl interpreter: evaluates parsed scripts command by command in call frames, substituting
 * words and dispatching to registered commands. It knows the language, not the commands: the Tcl
 * core and the Expect commands are installed into it from outside.
 */
public final class Interp {
    private static final int TRACE_LIMIT = 150;

    private final ScriptParser parser = new ScriptParser();
    private final Namespace globalNs = new Namespace("", null);
    /** Changes whenever a command is defined, renamed or deleted: invalidates cached lookups. */
    private int commandEpoch;
    /** Greater than 0 while running bytecode-compiled code in Tcl's terms (bodies, procs); see evalBody. */
    private int compiledDepth;
    /**
     * Whether the running compiled code is part of a proc body (Tcl's envPtr->procPtr): only there
     * does Tcl compile foreach, lmap and the dict loops inline, their variables being locals.
     */
    private boolean compilingProc;
    private final Map<Class<?>, Object> extensions = new HashMap<>();
    private final Frame global = new Frame(0, null, null, null, globalNs);
    private final Channels channels;
    private Frame frame = global;
    /** The frame of the proc really running (Tcl's framePtr): uplevel moves frame but not this. */
    private Frame execution = global;
    private List<Value> lastErrorStack = List.of();
    private int nesting;
    /** Set while an outermost evaluation hands every code back (interp eval). */
    private boolean allowExceptions;
    /** interp recursionlimit: how deep evaluations may nest. */
    private int maxNesting = 1000;
    /** The running commands, innermost first (info frame; bodies find their own line in it). */
    private CmdFrame cmdFrame;
    /** Where the text of the running script came from. */
    private Origin origin = Origin.EVAL;
    /** The expression being evaluated: where the commands in its operands come from. */
    private Value expression;
    /** info cmdcount: commands evaluated so far. */
    private long commandCount;
    private String scriptFile;
    private final List<Runnable> exitHandlers = new ArrayList<>();

    public Interp() {
        this(new Channels());
    }

    /** The global env array: Tcl's read trace on it reports a missing variable as "no such variable". */
    private final Var env;

    public Interp(Channels channels) {
        this(channels, System.getenv());
    }

    /** An interpreter whose env array is {@code environment} (the resident server's client's). */
    public Interp(Channels channels, java.util.Map<String, String> environment) {
        this.channels = channels;
        env = globalVar("env", true);
        setEnvironment(environment);
    }

    /**
     * Replaces the env array: the environment of another process than this one (the resident
     * server runs each script with its client's). Programs the script starts get the env array.
     */
    public void setEnvironment(java.util.Map<String, String> environment) {
        env.array = new TclHashTable<>();
        environment.forEach((k, v) -> {
            Var e = new Var();
            e.value = Value.of(v);
            env.array.put(k, e);
        });
    }

    // ---- commands ---------------------------------------------------------------------------------

    /**
     * Defines a command, its name relative to the current namespace; namespaces on the way are
     * created (as Tcl's C API does). Java installs run at global level, so theirs are absolute.
     */
    public void register(String name, TclCommand command) {
        List<String> parts = Namespace.split(name);
        Namespace ns = Namespace.absolute(name) ? globalNs : frame.ns;
        for (int i = 0; i < parts.size() - 1; i++) {
            if (!parts.get(i).isEmpty()) ns = ns.ensureChild(parts.get(i));
        }
        defineCommand(ns, parts.get(parts.size() - 1), command);
    }

    /** Defines (or replaces) the command tail in namespace ns. */
    public void defineCommand(Namespace ns, String tail, TclCommand command) {
        if (command instanceof Proc p) {
            if (p.namespace == null) p.bodyOrigin = bodyOrigin(p.body());
            p.namespace = ns;
            p.tail = tail;
        } else if (command instanceof TclCommand.Placed p) {
            p.placed(ns, tail);
        }
        ns.commands.put(tail, command);
        commandEpoch++;
    }

    /**
     * TIP 280: a proc body given literally in a sourced file keeps its place in that file;
     * any other body counts its lines from its own start.
     */
    private Origin bodyOrigin(Value body) {
        int line = cmdFrame == null ? 0 : cmdFrame.literalLine(body);
        Origin o = line > 0 ? cmdFrame.origin.resolve() : null;
        return o != null && o.type.equals("source") ? o.at(line) : Origin.PROC;
    }

    /**
     * Where Tcl's apply and TclOO place a body: at the line of word {@code index} of the running
     * command, whatever that word is, when it is literal and the command lies in a sourced file.
     */
    Origin wordOrigin(int index) {
        CmdFrame f = cmdFrame;
        if (f == null || f.fromList) return Origin.PROC;
        List<Word> words = f.command.words();
        if (words.size() != f.argv.length || index >= words.size() || !(words.get(index) instanceof Word.Literal lit)) {
            return Origin.PROC;
        }
        Origin o = f.origin.resolve();
        return o.type.equals("source") ? o.at(lit.frameLine()) : Origin.PROC;
    }

    /**
     * TIP 280 for apply: a lambda applied by a command in a sourced file whose second word is
     * literal has its body where its second element would lie from that word's line on (Tcl's
     * SetLambdaFromAny, which counts the lines through the list).
     */
    Origin lambdaOrigin(Value lambda) throws TclException {
        Origin o = wordOrigin(1);
        if (o == Origin.PROC) return o;
        int[] lines = ListFormat.elementLines(lambda, 1);
        return lines.length < 2 ? Origin.PROC : o.at(lines[1]);
    }

    /** Deletes the command tail of namespace ns; false if there was none. */
    public boolean deleteCommand(Namespace ns, String tail) {
        commandEpoch++;
        TclCommand gone = ns.commands.remove(tail);
        if (gone instanceof TclCommand.Deletable d) d.deleted(this);
        if (gone != null && !(gone instanceof ImportedCommand)) {
            java.util.Set<TclCommand> one = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            one.add(gone);
            forgetImportsOf(globalNs, one);
        }
        return gone != null;
    }

    /** Deleting commands deletes the commands namespace import made of them, as in Tcl. */
    private static void forgetImportsOf(Namespace ns, java.util.Set<TclCommand> gone) {
        ns.commands.values().removeIf(c -> c instanceof ImportedCommand imp && gone.contains(imp.target()));
        for (Namespace child : ns.children.values()) forgetImportsOf(child, gone);
    }

    /** The command a name means here (current namespace, its path, then global), or null. */
    public TclCommand command(String name) {
        Namespace home = commandHome(name);
        return home == null ? null : home.commands.get(Namespace.tailOf(name));
    }

    /** A command found by name, with the namespace it lives in and its name there. */
    public record CommandRef(Namespace ns, String name, TclCommand command) {
        public String fullName() {
            return ns.qualify(name);
        }
    }

    public CommandRef resolveCommand(String name) {
        Namespace home = commandHome(name);
        if (home == null) return null;
        String tail = Namespace.tailOf(name);
        return new CommandRef(home, tail, home.commands.get(tail));
    }

    /** The namespace holding the command a name resolves to, or null. */
    private Namespace commandHome(String name) {
        return commandHome(name, frame.ns);
    }

    private Namespace commandHome(String name, Namespace cur) {
        if (!Namespace.qualified(name)) {
            if (cur.commands.containsKey(name)) return cur;
            for (Namespace p : cur.path) if (!p.deleted && p.commands.containsKey(name)) return p;
            return globalNs.commands.containsKey(name) ? globalNs : null;
        }
        List<String> parts = Namespace.split(name);
        String tail = parts.get(parts.size() - 1);
        if (Namespace.absolute(name)) {
            Namespace n = walk(globalNs, parts, parts.size() - 1);
            return n != null && n.commands.containsKey(tail) ? n : null;
        }
        Namespace n = walk(cur, parts, parts.size() - 1);
        if (n != null && n.commands.containsKey(tail)) return n;
        for (Namespace p : cur.path) {
            n = p.deleted ? null : walk(p, parts, parts.size() - 1);
            if (n != null && n.commands.containsKey(tail)) return n;
        }
        n = walk(globalNs, parts, parts.size() - 1);
        return n != null && n.commands.containsKey(tail) ? n : null;
    }

    /** Follows the first count components of a split name down from a namespace; null if missing. */
    private static Namespace walk(Namespace from, List<String> parts, int count) {
        Namespace n = from;
        for (int i = 0; i < count && n != null; i++) {
            if (!parts.get(i).isEmpty()) n = n.children.get(parts.get(i));
        }
        return n;
    }

    /**
     * Renames (or, to "", deletes) a command, as rename does: the new name is relative to the
     * current namespace, whose missing namespaces are created. A proc moved to another
     * namespace runs in it from then on.
     */
    public void rename(String from, String to) throws TclException {
        CommandRef ref = resolveCommand(from);
        if (ref == null) {
            throw TclException.error("can't " + (to.isEmpty() ? "delete" : "rename") + " \"" + from
                    + "\": command doesn't exist", "TCL", "LOOKUP", "COMMAND", from);
        }
        if (to.isEmpty()) {
            deleteCommand(ref.ns(), ref.name());
            if (observer != null) observer.renamed(this, ref.command(), ref.fullName(), "");
            return;
        }
        List<String> parts = Namespace.split(to);
        Namespace target = Namespace.absolute(to) ? globalNs : frame.ns;
        for (int i = 0; i < parts.size() - 1; i++) {
            if (!parts.get(i).isEmpty()) target = target.ensureChild(parts.get(i));
        }
        String tail = parts.get(parts.size() - 1);
        if (target.commands.containsKey(tail)) {
            throw TclException.error("can't rename to \"" + to + "\": command already exists",
                    "TCL", "OPERATION", "RENAME", "TARGET_EXISTS");
        }
        ref.ns().commands.remove(ref.name());
        defineCommand(target, tail, ref.command());
        if (observer != null) observer.renamed(this, ref.command(), ref.fullName(), target.qualify(tail));
    }

    /** Sees command calls, renames and deletions: how command and execution traces hook in. */
    public interface CommandObserver {
        Value call(Interp interp, TclCommand command, Value[] argv) throws TclException;

        void renamed(Interp interp, TclCommand command, String oldName, String newName);
    }

    private CommandObserver observer;

    /** Told of each command about to run, with its level as Tcl_CreateObjTrace counts it (Expect's strace). */
    public interface CommandTracer {
        void entering(int level, String command);
    }

    private CommandTracer tracer;
    /**
     * Levels of Tcl's numLevels that are no command of a script: command substitutions outside
     * compiled code, and the targets of ensembles and aliases running.
     */
    private int extraLevels;

    /** Traces every command from now on; null stops. */
    public void setCommandTracer(CommandTracer tracer) {
        this.tracer = tracer;
    }

    /** Whether a command tracer is set: core ensembles then dispatch as Tcl does, through their map. */
    public boolean tracing() {
        return tracer != null;
    }

    /** Runs an ensemble's or alias's target, which Tcl counts (and traces) as a command one level in. */
    private Value redirected(Value[] argv, Evaluation call) throws TclException {
        if (tracer == null) return call.run();
        tracer.entering(traceLevel() + 1, Value.ofList(List.of(argv)).toString());
        extraLevels++;
        try {
            return call.run();
        } finally {
            extraLevels--;
        }
    }

    public void setCommandObserver(CommandObserver observer) {
        this.observer = observer;
    }

    /**
     * Runs a command. A Java failure inside it (a bug, a library's exception, a command registered
     * through the API that throws, a stack overflow) becomes a Tcl error that catch sees, never Java
     * text on the user's screen: errorCode {@code JAVA <exception class>} (a script may trap one
     * class), and the exception's message when it was written for the user.
     */
    private Value dispatch(TclCommand cmd, Value[] argv) throws TclException {
        MemoryReserve.restore();
        try {
            Value result = observer == null ? cmd.call(this, argv) : observer.call(this, cmd, argv);
            if (canceled != null) throw raiseCanceled(); // the command canceled its own interpreter's evaluation
            return result;
        } catch (StackOverflowError e) {
            throw TclException.error("too many nested evaluations (infinite loop?)", "TCL", "LIMIT", "STACK");
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e);
        } catch (Unwind e) {
            throw e;
        } catch (RuntimeException e) {
            // A checked exception reaches here wrapped, as the JDK's proxies wrap one.
            Throwable t = e instanceof UndeclaredThrowableException u && u.getCause() != null ? u.getCause() : e;
            String message = writtenForTheUser(t) ? t.getMessage() : "internal error in \"" + argv[0] + "\"";
            throw TclException.error(message, "JAVA", t.getClass().getName());
        }
    }

    /**
     * A command's own message (an IllegalArgumentException an API command throws, any checked
     * exception, any exception class of its own) is for the user; the JVM's words (a
     * NullPointerException, an index out of bounds, an InvalidPathException …) are not.
     */
    private static boolean writtenForTheUser(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank() || m.contains("java.") || m.contains("Exception")) return false;
        Class<?> c = t.getClass();
        return !(t instanceof RuntimeException) || !c.getName().startsWith("java.")
                || c == IllegalArgumentException.class || c == IllegalStateException.class
                || c == UnsupportedOperationException.class;
    }

    /** The names of the global namespace's commands. */
    public java.util.Set<String> commandNames() {
        return globalNs.commands.keySet();
    }

    // ---- namespaces -------------------------------------------------------------------------------

    public Namespace globalNamespace() {
        return globalNs;
    }

    public Namespace currentNamespace() {
        return frame.ns;
    }

    /** An existing namespace by name, relative to the current namespace, then to the global one. */
    public Namespace findNamespace(String name) {
        List<String> parts = Namespace.split(name);
        if (Namespace.absolute(name)) return walk(globalNs, parts, parts.size());
        Namespace n = walk(frame.ns, parts, parts.size());
        return n != null ? n : walk(globalNs, parts, parts.size());
    }

    /**
     * An existing namespace by name, relative to the current namespace only, as Tcl_FindNamespace
     * and the namespace command's own arguments resolve it (no global fallback).
     */
    public Namespace namespaceNamed(String name) {
        List<String> parts = Namespace.split(name);
        return walk(Namespace.absolute(name) ? globalNs : frame.ns, parts, parts.size());
    }

    /**
     * The namespace a new member of that (qualified) name would go in, relative to the current
     * namespace, as proc decides; null if it does not exist.
     */
    public Namespace memberNamespace(String name) {
        List<String> parts = Namespace.split(name);
        return walk(Namespace.absolute(name) ? globalNs : frame.ns, parts, parts.size() - 1);
    }

    /** The namespace of that name (relative to the current one), created with its parents if missing. */
    public Namespace createNamespace(String name) {
        Namespace n = Namespace.absolute(name) ? globalNs : frame.ns;
        for (String p : Namespace.split(name)) if (!p.isEmpty()) n = n.ensureChild(p);
        commandEpoch++;
        return n;
    }

    /**
     * Deletes a namespace with its children, commands and variables; one that code is running in
     * is only unlinked from its parent until that code ends (Tcl's Tcl_DeleteNamespace).
     */
    public void deleteNamespace(Namespace ns) {
        if (ns.activeFrames > 0 && ns.parent() != null) {
            if (!ns.dying) {
                ns.dying = true;
                unlink(ns);
                commandEpoch++;
            }
            return;
        }
        for (Namespace c : List.copyOf(ns.children.values())) deleteNamespace(c);
        // Commands with something to release (an object, a coroutine) learn it while the
        // namespace's variables still exist: a TclOO destructor may read them.
        for (TclCommand c : List.copyOf(ns.commands.values())) {
            if (c instanceof TclCommand.Deletable d && ns.commands.containsValue(c)) d.deleted(this);
        }
        ns.deleted = true;
        for (var e : List.copyOf(ns.vars.entrySet())) {
            Var v = e.getValue();
            if (ns.links.contains(e.getKey())) continue; // a link: the variable lives elsewhere
            boolean existed = v.exists();
            v.clear();
            v.dead = true;
            // Unset traces fire with the variable's full name, as Tcl's TclDeleteNamespaceVars does.
            if (existed && v.traces != null) traceUnset(null, v, ns.fullName() + "::" + e.getKey(), "");
        }
        ns.vars.clear();
        java.util.Set<TclCommand> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (TclCommand c : ns.commands.values()) if (!(c instanceof ImportedCommand)) gone.add(c);
        ns.commands.clear();
        if (!gone.isEmpty()) forgetImportsOf(globalNs, gone);
        unlink(ns);
        commandEpoch++;
    }

    private static void unlink(Namespace ns) {
        if (ns.parent() != null) ns.parent().children.remove(ns.tail(), ns);
    }

    /** A frame running in ns begins: the namespace cannot be torn down until it ends. */
    private static void enter(Namespace ns) {
        ns.activeFrames++;
    }

    /** A frame running in ns ends: a namespace deleted meanwhile goes now. */
    private void leave(Namespace ns) {
        if (--ns.activeFrames == 0 && ns.dying && !ns.deleted) deleteNamespace(ns);
    }

    public void setNamespacePath(Namespace ns, List<Namespace> path) {
        ns.path = List.copyOf(path);
        commandEpoch++;
    }

    public void setUnknownHandler(Namespace ns, Value handler) {
        ns.unknownHandler = handler;
    }

    /**
     * Evaluates a script in a namespace, in a new frame as namespace eval does; an error adds
     * "(context line N)" to the trace.
     */
    public Value evalInNamespace(Namespace ns, Value[] argv, Value script, String context) throws TclException {
        Frame saved = frame;
        Frame savedExecution = execution;
        frame = new Frame(saved.level + 1, saved, null, argv, ns);
        execution = frame;
        enter(ns);
        try {
            return evalUnit(script, context, true, false);
        } finally {
            frame = saved;
            execution = savedExecution;
            leave(ns);
        }
    }

    /** The extension of this type, or null when none was made yet. */
    @SuppressWarnings("unchecked")
    public <T> T extension(Class<T> type) {
        return (T) extensions.get(type);
    }

    /** Per-interpreter state of an extension (such as the Expect commands), created on first use. */
    @SuppressWarnings("unchecked")
    public <T> T extension(Class<T> type, java.util.function.Supplier<T> create) {
        // Not computeIfAbsent: creating one extension may look up another (an event loop its parent's).
        Object e = extensions.get(type);
        if (e == null) {
            e = create.get();
            extensions.put(type, e);
        }
        return (T) e;
    }

    // ---- asynchronous events (signal traps) ------------------------------------------------------

    /** Work posted from another thread, run by the script thread between commands. */
    @FunctionalInterface
    public interface AsyncTask {
        void run(Interp interp) throws TclException;
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<AsyncTask> async = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean asyncPending;
    /** Wakes the wait the script thread is blocked in, if any (see {@link #setAsyncWaker}). */
    private volatile Runnable asyncWaker;

    /**
     * Queues work for the script thread (a trap handler): it runs before the next command, or at
     * once when the script thread waits in a command that runs it meanwhile (expect, sleep, vwait,
     * exec). The thread is never interrupted: that would close the files it is writing.
     */
    public void postAsync(AsyncTask task) {
        async.add(task);
        asyncPending = true;
        Runnable w = asyncWaker;
        if (w != null) w.run();
    }

    /**
     * Waits up to {@code limit} for the script running on {@code script} to end; past it, stops the
     * script from this thread: {@code exit status} at its next command or wait, which cannot be
     * caught; when it is stuck in a blocking read, its programs are ended from here. Returns
     * whether the limit was reached.
     */
    public boolean awaitOrStop(Thread script, Duration limit, int status, Duration grace) {
        if (join(script, limit)) return false;
        postAsync(in -> {
            throw TclException.exit(status);
        });
        if (!join(script, grace)) {
            shutdown();
            join(script, grace);
        }
        return true;
    }

    private static boolean join(Thread t, Duration limit) {
        try {
            return t.join(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !t.isAlive();
        }
    }

    private volatile boolean asyncSource;

    /** Whether work may be posted later (a signal trap is set): vwait then waits for it. */
    public boolean hasAsyncSource() {
        return asyncSource;
    }

    public void setAsyncSource(boolean on) {
        asyncSource = on;
    }

    /** Whether posted work waits for {@link #runAsync}. */
    public boolean asyncPending() {
        return asyncPending;
    }

    /**
     * A command about to block sets what wakes it ({@code null} when done), then checks
     * {@link #asyncPending} before it blocks and runs {@link #runAsync} when woken.
     */
    public void setAsyncWaker(Runnable waker) {
        asyncWaker = waker;
    }

    /** Runs queued asynchronous work now (from the script thread); then raises a pending cancellation. */
    public void runAsync() throws TclException {
        asyncPending = false;
        AsyncTask t;
        while ((t = async.poll()) != null) t.run(this);
        if (canceled != null) throw raiseCanceled();
    }

    // ---- interp cancel ---------------------------------------------------------------------------

    /** A cancellation asked for by interp cancel: its message (null: Tcl's), and whether it unwinds. */
    private static final class Cancellation {
        final boolean unwind;
        final Value result;
        boolean raised;

        Cancellation(boolean unwind, Value result) {
            this.unwind = unwind;
            this.result = result;
        }
    }

    /** Set by interp cancel (on this thread: a child runs on its caller's); checked around each command. */
    private Cancellation canceled;

    /**
     * Cancels the evaluation running in this interpreter, or its next one: it fails with "eval
     * canceled" (or result) at the end of the running command or before the next. With unwind,
     * every command fails the same way (catch cannot stop it) until the outermost evaluation ends.
     */
    public void cancel(boolean unwind, Value result) {
        canceled = new Cancellation(unwind, result);
        asyncPending = true;
        Runnable w = asyncWaker;
        if (w != null) w.run();
    }

    private TclException raiseCanceled() {
        Cancellation c = canceled;
        if (c.unwind) {
            c.raised = true;
            asyncPending = true; // the next command fails too
        } else {
            canceled = null;
        }
        String message = c.result != null ? c.result.toString() : c.unwind ? "eval unwound" : "eval canceled";
        return TclException.error(message, "TCL", "CANCEL", c.unwind ? "IUNWIND" : "ICANCEL", message);
    }

    /** Leaves an evaluation level; an unwinding that reached the outermost one is over. */
    private void leaveNesting() {
        if (--nesting == 0 && canceled != null && canceled.raised) canceled = null;
    }

    /**
     * Blocks until {@code done} completes, running trap handlers that arrive meanwhile as Expect
     * does while a command waits; an error or exit from a handler ends the wait.
     */
    public void awaitRunningAsync(java.util.concurrent.CompletableFuture<?> done) throws TclException, InterruptedException {
        Object lock = new Object();
        Runnable wake = () -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        };
        done.whenComplete((r, e) -> wake.run());
        while (!done.isDone()) {
            setAsyncWaker(wake);
            try {
                synchronized (lock) {
                    if (!done.isDone() && !asyncPending) lock.wait();
                }
            } finally {
                setAsyncWaker(null);
            }
            if (asyncPending) runAsync();
        }
    }

    /**
     * Gives work that may be on its way up to {@code millis} to arrive, and runs it: a child killed
     * by Ctrl-C was not alone, the signal is coming to jexpect's trap too, and Expect runs the trap
     * before the command reports the child.
     */
    public void awaitAsync(long millis) throws TclException, InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        Object lock = new Object();
        setAsyncWaker(() -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        });
        try {
            synchronized (lock) {
                long left;
                while (!asyncPending && (left = end - System.nanoTime()) > 0) lock.wait(Math.max(1, left / 1_000_000L));
            }
        } finally {
            setAsyncWaker(null);
        }
        if (asyncPending) runAsync();
    }

    /** Registers cleanup to run when the interpreter ends (exit, end of script, error). */
    public void onExit(Runnable handler) {
        exitHandlers.add(handler);
    }

    /** Runs the exit handlers (last registered first), then flushes every channel. */
    public void shutdown() {
        MemoryReserve.release(); // the end needs memory too, and a script may have filled the heap
        for (int i = exitHandlers.size() - 1; i >= 0; i--) {
            try {
                exitHandlers.get(i).run();
            } catch (RuntimeException ignored) {
                // Cleanup continues: one failing handler must not leave children behind.
            }
        }
        exitHandlers.clear();
        channels.flushAll();
    }

    public Channels channels() {
        return channels;
    }

    public ScriptParser parser() {
        return parser;
    }

    public String scriptFile() {
        return scriptFile;
    }

    /** info script name: the file name the running script reports, until the file being sourced ends. */
    public void setScriptFile(String name) {
        scriptFile = name;
    }

    // ---- evaluation -------------------------------------------------------------------------------

    /** Evaluates script text in the current frame. */
    public Value eval(String text) throws TclException {
        Origin saved = origin;
        origin = Origin.EVAL;
        try {
            return evalScript(script(Value.of(text)));
        } finally {
            origin = saved;
        }
    }

    /** Evaluates a file as the main script or as {@code source} does: errors get "(file ... line N)". */
    public Value evalFile(Path file) throws TclException {
        return evalFileText(file.toString(), ScriptFile.read(file, file.toString(), ScriptFile.systemEncoding()));
    }

    public Value evalFileText(String name, String text) throws TclException {
        return evalFileText(name, Path.of(name), text);
    }

    /**
     * @param name the file as the script named it (info script, error traces)
     * @param file where it is: the name resolved against the interpreter's directory, which is not
     *     the JVM's after cd, nor in the resident server (info frame's absolute file)
     */
    public Value evalFileText(String name, Path file, String text) throws TclException {
        String saved = scriptFile;
        Origin savedOrigin = origin;
        scriptFile = name;
        origin = new Origin("source", file.toAbsolutePath().normalize().toString(), 1);
        ScriptParser.CommandReader reader = parser.reader(text);
        try {
            return evalCommands(reader);
        } catch (TclException e) {
            if (e.code() == TclException.RETURN) return e.result();
            if (e.isError()) e.appendErrorInfo("\n    (file \"" + name + "\" line " + e.line + ")");
            // A syntax error in the file's own text: say exactly where, which Tcl's trace does not.
            if (e.isError() && e.syntaxScript != null && e.syntaxScript == reader.end() && e.location == null) {
                e.location = name + ":" + e.syntaxError.errorLine() + ":" + e.syntaxError.errorColumn() + ": "
                        + e.syntaxError.message() + " (" + hint(e.syntaxError.message()) + ")";
            }
            throw e;
        } finally {
            scriptFile = saved;
            origin = savedOrigin;
        }
    }

    private static String hint(String message) {
        return switch (message) {
            case "missing close-brace" -> "the \"{\" here has no matching \"}\"";
            case "missing close-bracket" -> "the \"[\" here has no matching \"]\"";
            case "missing \"" -> "the quote here is never closed";
            case "missing )" -> "the array index opened here has no \")\"";
            default -> "expected a space or the end of the command here";
        };
    }

    /** Runs commands as they are parsed, as Tcl runs a file; then raises the syntax error that stopped it, if any. */
    private Value evalCommands(ScriptParser.CommandReader reader) throws TclException {
        enterNesting();
        try {
            Value result = Value.EMPTY;
            for (Command c; (c = next(reader)) != null; ) {
                try {
                    result = evalCommand(c);
                } catch (TclException e) {
                    if (nesting > 1 || allowExceptions || e.code() == TclException.ERROR) throw e;
                    return outermost(e, c, null);
                }
            }
            evalScript(reader.end());
            return result;
        } finally {
            leaveNesting();
        }
    }

    private static Command next(ScriptParser.CommandReader reader) throws TclException {
        try {
            return reader.next();
        } catch (StackOverflowError e) {
            throw tooDeepToCompile();
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e);
        }
    }

    private void enterNesting() throws TclException {
        if (++nesting > maxNesting) {
            nesting--;
            throw TclException.error("too many nested evaluations (infinite loop?)", "TCL", "LIMIT", "STACK");
        }
    }

    /**
     * Evaluates a value as a script. A canonical list (built from its elements) is one command
     * of those elements, unparsed, as Tcl evaluates a pure list: the words keep their identity,
     * so a body passed on inside one is still the literal word it came from.
     */
    private Value evalValue(Value body) throws TclException {
        if (!body.isCanonicalList()) return evalScript(script(body));
        if (asyncPending) runAsync();
        enterNesting();
        // No text: a pure list keeps no string form (Tcl's uplevel-8.0); the words show it when needed.
        Command c = new Command(List.of(), 1, null);
        Value[] argv = body.asList().toArray(new Value[0]);
        try {
            commandCount++;
            return run(c, argv, true);
        } catch (TclException e) {
            if (nesting > 1 || allowExceptions || e.code() == TclException.ERROR) throw e;
            return outermost(e, c, argv);
        } finally {
            leaveNesting();
        }
    }

    public Value evalScript(Script script) throws TclException {
        if (asyncPending) runAsync(); // also between turns of a loop whose body is empty
        enterNesting();
        try {
            Value result = Value.EMPTY;
            List<Command> commands = script.commands();
            for (int i = 0; i < commands.size(); i++) { // no iterator for every body run
                Command c = commands.get(i);
                try {
                    result = evalCommand(c);
                } catch (TclException e) {
                    if (nesting > 1 || allowExceptions || e.code() == TclException.ERROR) throw e;
                    return outermost(e, c, null);
                }
            }
            if (script.error() != null) throw syntaxError(script);
            return result;
        } finally {
            leaveNesting();
        }
    }

    /** The error a script's syntax error raises when evaluation reaches it. */
    private static TclException syntaxError(Script script) {
        SyntaxError err = script.error();
        TclException e = TclException.error(err.message()); // errorCode NONE, as Tcl's parser leaves it
        e.appendErrorInfo("\n    while executing\n\"" + truncate(err.commandText()) + "\"");
        e.line = err.line();
        e.syntaxError = err;
        e.syntaxScript = script;
        return e;
    }

    /** Parses a script as Tcl compiles one before running it: a syntax error anywhere fails at once. */
    public void compile(Value script) throws TclException {
        Script parsed = script(script);
        if (parsed.error() != null) throw syntaxError(parsed);
    }

    /**
     * What Tcl does with a code that reaches the outermost level (a script file, -c, the prompt):
     * a return ends the script with its result, and its -code, break, continue or any other code
     * become an error reported against the top-level command.
     */
    private Value outermost(TclException e, Command c, Value[] argv) throws TclException {
        int code = e.code();
        if (code == TclException.RETURN) {
            code = e.returnLevel > 1 ? TclException.RETURN : e.returnCode;
            if (code == TclException.OK) return e.result();
        }
        TclException err = code == TclException.ERROR ? e.completedReturn() : TclException.unexpected(code);
        noteFailure(err, c, argv);
        throw err;
    }

    private Value evalCommand(Command c) throws TclException {
        if (asyncPending) runAsync();
        commandCount++;
        Value[] argv;
        try {
            argv = words(c.words());
        } catch (TclException e) {
            noteFailure(e, c, null);
            throw e;
        } catch (OutOfMemoryError e) {
            TclException err = outOfMemory(e);
            noteFailure(err, c, null);
            throw err;
        }
        if (argv.length == 0) return Value.EMPTY;
        return run(c, argv, false);
    }

    /** Runs a command whose words are substituted, as the innermost running command. */
    private Value run(Command c, Value[] argv, boolean fromList) throws TclException {
        CmdFrame saved = cmdFrame;
        cmdFrame = new CmdFrame(saved, c, argv, origin, execution, fromList, compiledDepth == 0 || debugFrame);
        try {
            if (tracer != null) tracer.entering(traceLevel(), text(c, argv));
            // A literal command name keeps its lookup until a command is (re)defined.
            if (!fromList && c.words().get(0) instanceof Word.Literal lit && !lit.expand()) {
                TclCommand cmd = null;
                if (lit.cachedCommandEpoch == commandEpoch && lit.cachedCommand instanceof CachedLookup k
                        && k.ns() == frame.ns) {
                    cmd = k.command();
                } else {
                    cmd = command(lit.text());
                    lit.cachedCommand = new CachedLookup(frame.ns, cmd);
                    lit.cachedCommandEpoch = commandEpoch;
                }
                if (cmd != null) return dispatch(cmd, argv);
            }
            return invoke(argv);
        } catch (TclException e) {
            noteFailure(e, c, argv);
            throw e;
        } finally {
            cmdFrame = saved;
        }
    }

    /** Tcl's numLevels for the running command: the commands running, and uncompiled substitutions. */
    private int traceLevel() {
        int level = extraLevels;
        for (CmdFrame f = cmdFrame; f != null; f = f.next) level++;
        return level;
    }

    /** What a literal command word resolved to, and in which namespace. */
    private record CachedLookup(Namespace ns, TclCommand command) {}

    /** Adds this command to the error trace and the error stack, in Tcl's words (TclLogCommandInfo). */
    private void noteFailure(TclException e, Command c, Value[] argv) {
        if (!e.isError()) return;
        if (e.logged) {
            e.logged = false; // Tcl leaves errorLine as the last error logged set it
            if (!e.lineGiven) e.line = lastErrorLine;
            return;
        }
        if (e.lineIsFinal) {
            // Compiled inline in Tcl: the command is no call of its own, and logs nothing.
            e.lineIsFinal = false;
            return;
        }
        e.appendErrorInfo((e.traceStarted() ? "\n    invoked from within\n\"" : "\n    while executing\n\"")
                + truncate(text(c, argv)) + "\"");
        e.line = c.line();
        e.lineGiven = false;
        lastErrorLine = e.line;
        // Someone traces ::errorInfo: Tcl writes it at each step, as releases before 8.5 did.
        Var info = global.vars.get("errorInfo");
        if (info != null && info.traces != null) publish("::errorInfo", Value.of(e.errorInfo()));
        if (e.errorStack == null) {
            e.errorStack = new ArrayList<>(List.of(Value.of("INNER"), Value.of(text(c, argv))));
        }
        // Where the command ran: uplevel'd code names the levels it went up, a proc body its call.
        if (frame != execution) {
            e.errorStack.add(Value.of("UP"));
            e.errorStack.add(Value.of(execution.level - frame.level));
        } else if (frame.argv != null) {
            e.errorStack.add(Value.of("CALL"));
            e.errorStack.add(Value.ofList(List.of(frame.argv)));
        }
    }

    /** A command's text: its source, or for a list evaluated as a command, the list of its words. */
    static String text(Command c, Value[] argv) {
        return c.text() != null ? c.text() : Value.ofList(List.of(argv)).toString();
    }

    private static String truncate(String text) {
        return text.length() > TRACE_LIMIT ? text.substring(0, TRACE_LIMIT) + "..." : text;
    }

    /** Calls a command found earlier (perhaps from another namespace) with these words. */
    public Value invoke(TclCommand cmd, Value[] argv) throws TclException {
        return dispatch(cmd, argv);
    }

    /** Calls a command with already-substituted words. */
    public Value invoke(Value[] argv) throws TclException {
        String name = argv[0].toString();
        TclCommand cmd = command(name);
        if (cmd != null) return dispatch(cmd, argv);
        // The current namespace's unknown handler, else the global one's, else ::unknown.
        Value handler = frame.ns.unknownHandler != null ? frame.ns.unknownHandler : globalNs.unknownHandler;
        List<Value> prefix = handler == null ? List.of(Value.of("::unknown")) : handler.asList();
        TclCommand unknown = prefix.isEmpty() ? null : command(prefix.get(0).toString());
        if (unknown == null) {
            throw TclException.error("invalid command name \"" + name + "\"", "TCL", "LOOKUP", "COMMAND", name);
        }
        Value[] withUnknown = new Value[prefix.size() + argv.length];
        prefix.toArray(withUnknown);
        System.arraycopy(argv, 0, withUnknown, prefix.size(), argv.length);
        return dispatch(unknown, withUnknown);
    }

    /** What an ensemble made of the words the user typed, while its target runs. */
    private record Rewrite(Value[] argv, String shown, int inserted) {}

    private Rewrite rewrite;

    /**
     * Calls an ensemble's target command: its usage errors then name the ensemble and subcommand
     * the user typed ({@code shown}) in place of the {@code inserted} words of the target.
     */
    public Value invokeEnsembleTarget(Value[] argv, String shown, int inserted) throws TclException {
        Rewrite saved = rewrite;
        rewrite = new Rewrite(argv, shown, inserted);
        try {
            return redirected(argv, () -> invoke(argv));
        } finally {
            rewrite = saved;
        }
    }

    /**
     * Calls an alias's target as Tcl's TCL_EVAL_INVOKE does: the command is looked up from the
     * global namespace, and one not found goes to the unknown handler with the calling frame's
     * namespace the global one meanwhile (so auto_load defines it there).
     */
    public Value invokeAlias(Value[] argv, String shown, int inserted) throws TclException {
        Rewrite saved = rewrite;
        rewrite = new Rewrite(argv, shown, inserted);
        Frame caller = frame;
        Namespace callerNs = caller.ns;
        try {
            String name = argv[0].toString();
            Namespace home = commandHome(name, globalNs);
            TclCommand cmd = home == null ? null : home.commands.get(Namespace.tailOf(name));
            if (cmd != null) return redirected(argv, () -> dispatch(cmd, argv));
            caller.ns = globalNs;
            return redirected(argv, () -> invoke(argv));
        } finally {
            rewrite = saved;
            caller.ns = callerNs;
        }
    }

    /** For a usage error of the command called with argv: the words shown and how many to skip. */
    public String usageName(Value[] argv) {
        return rewrite != null && rewrite.argv == argv ? rewrite.shown : null;
    }

    public int usageSkip(Value[] argv) {
        return rewrite != null && rewrite.argv == argv ? rewrite.inserted - 1 : 0;
    }

    /**
     * Evaluates a script that is an argument of the running command: a loop or proc body.
     * {@code context} is the trace line Tcl adds, such as {@code "foreach" body}; null adds none
     * (Tcl 8.6's if and catch). Tcl compiles bodies to bytecode and inlines the bodies of if,
     * while, for, foreach, catch and switch into the enclosing compiled body: an error there
     * reports the line within the outermost body, with no trace lines for the inlined commands.
     */
    public Value evalBody(Value body, String context) throws TclException {
        return evalUnit(body, context, true, inlines(body, context));
    }

    /**
     * evalBody for the body of foreach, lmap, dict for, map, update and with, which Tcl compiles
     * inline only into a proc body; elsewhere the command runs it as a script of its own, and an
     * error adds its context line (with the line within the body when {@code withLine}).
     */
    public Value evalLoopBody(Value body, String context, boolean withLine) throws TclException {
        return evalUnit(body, context, withLine, compilesLoop(body));
    }

    /** Whether Tcl compiles this loop body (of foreach, lmap, the dict loops) inline: see evalLoopBody. */
    public boolean compilesLoop(Value body) {
        return compilingProc && inlines(body, null);
    }

    /** evalBody for a body Tcl compiles on its own (the command is not compiled): its context line is added. */
    public Value evalBodyApart(Value body, String context) throws TclException {
        return evalUnit(body, context, true, false);
    }

    /**
     * evalBody for a clause whose trace line names no line number: Tcl's ("for" initial command)
     * and ("for" loop-end command).
     */
    public Value evalClause(Value body, String context) throws TclException {
        return evalUnit(body, context, false, inlines(body, context));
    }

    /** Whether Tcl compiles this argument (an expression, a body) with the command that has it as a literal word. */
    public boolean compilesInline(Value word) {
        return inlines(word, null);
    }

    /**
     * Whether Tcl compiles this body into the enclosing compiled body: only a literal word of a
     * command whose name is a literal word, with no {*} word (otherwise Tcl calls the command at
     * run time, or evaluates the body's value, and the body is compiled on its own).
     */
    private boolean inlines(Value body, String context) {
        if (compiledDepth == 0 || context != null && (context.startsWith("\"eval\"")
                || context.startsWith("\"uplevel\"") || context.endsWith(" arm"))) {
            return false;
        }
        if (cmdFrame == null) return true;
        if (cmdFrame.fromList) return false;
        List<Word> words = cmdFrame.command.words();
        Value[] argv = cmdFrame.argv;
        if (!(words.get(0) instanceof Word.Literal) || argv.length != words.size()) return false;
        boolean literalBody = false;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).expand()) return false;
            if (argv[i] == body) literalBody = words.get(i) instanceof Word.Literal;
        }
        return literalBody;
    }

    /**
     * Evaluates a script that Tcl would compile on its own, not inline: an expect or interact
     * action, a trap handler. Its errors add no context line; the command that ran it gets its
     * "invoked from within" line.
     */
    public Value evalAction(Value body) throws TclException {
        return evalUnit(body, null, true, false);
    }

    /** For evalEndableAction: the command running the action, its body's last command, the code it ended with. */
    private CmdFrame endableInvoker;
    private Command endableLast;
    private int endedCode;

    /**
     * evalAction for a command that takes the codes the body's own last command ends it with
     * (expect, for exp_continue): that command may call {@link #endAction} instead of throwing, and
     * {@link #takeEndedCode()} tells the code afterwards (OK when none). An exception unwinding the
     * C1-compiled frames between a command and its action costs more than the rest of a small body.
     */
    public Value evalEndableAction(Value body) throws TclException {
        CmdFrame savedInvoker = endableInvoker;
        Command savedLast = endableLast;
        endableLast = lastCommand(body);
        endableInvoker = cmdFrame;
        endedCode = TclException.OK;
        boolean returned = false;
        try {
            Value result = evalAction(body);
            returned = true;
            return result;
        } finally {
            endableInvoker = savedInvoker;
            endableLast = savedLast;
            // An error after the body's last command ended it (a cancellation) leaves no code
            // behind for an enclosing action that catches the error and ends normally.
            if (!returned) endedCode = TclException.OK;
        }
    }

    /** The command a body ends with, or null (none, a list, or a syntax error: that raises the error). */
    private Command lastCommand(Value body) throws TclException {
        Script s = body.isCanonicalList() ? null : script(body);
        List<Command> cmds = s == null ? null : s.commands();
        return s == null || s.error() != null || cmds.isEmpty() ? null : cmds.get(cmds.size() - 1);
    }

    /**
     * Called by a command that would throw code: true when it runs as the last command of an
     * endable action's body itself (not inside another command, no execution trace watching), so
     * the action ends with code as if it had been thrown; false when it must throw.
     */
    public boolean endAction(int code) {
        CmdFrame f = cmdFrame;
        if (f == null || f.next != endableInvoker || f.command != endableLast || endableLast == null || observer != null) {
            return false;
        }
        endedCode = code;
        return true;
    }

    /**
     * evalBody for a body whose result and code are its command's own (if's chosen branch): when
     * that command is the last of an endable action's body, the body's last command ends the action
     * as well (exp_continue at the end of an if's branch, without an exception unwinding both).
     */
    public Value evalTailBody(Value body, String context) throws TclException {
        CmdFrame f = cmdFrame;
        if (endableLast == null || f == null || f.next != endableInvoker || f.command != endableLast) {
            return evalBody(body, context);
        }
        CmdFrame savedInvoker = endableInvoker;
        Command savedLast = endableLast;
        endableLast = lastCommand(body);
        endableInvoker = f;
        try {
            return evalBody(body, context);
        } finally {
            endableInvoker = savedInvoker;
            endableLast = savedLast;
        }
    }

    /** The code the endable action just run was ended with (see {@link #endAction}), OK when none. */
    public int takeEndedCode() {
        int code = endedCode;
        endedCode = TclException.OK;
        return code;
    }

    /**
     * evalBody for an arm of switch's single list of patterns and bodies: the body is located at
     * its line in that list, when the list is (TclListLines).
     */
    public Value evalArm(Value arms, int index, String context) throws TclException {
        Value body = arms.asList().get(index);
        int line = ListFormat.elementLines(arms, 1)[index];
        return evalUnit(body, Origin.ofElement(arms, cmdFrame, line), context, true, inlines(body, context));
    }

    private Value evalUnit(Value body, String context, boolean withLine, boolean inlined) throws TclException {
        return evalUnit(body, Origin.ofBody(body, cmdFrame), context, withLine, inlined);
    }

    private Value evalUnit(Value body, Origin at, String context, boolean withLine, boolean inlined) throws TclException {
        int wordLine = argumentLine(body);
        int savedDepth = compiledDepth;
        boolean savedProc = compilingProc;
        compiledDepth = inlined ? savedDepth + 1 : 1;
        compilingProc &= inlined;
        Origin savedOrigin = origin;
        CmdFrame invoker = cmdFrame;
        origin = at;
        // Tcl compiles only a literal body inline: then its commands take the place of the invoker's frame.
        boolean hides = inlined && invoker != null && !invoker.inlined && invoker.literalLine(body) > 0;
        if (hides) invoker.inlined = true;
        try {
            return evalValue(body);
        } catch (TclException e) {
            if (e.isError()) locateError(e, wordLine, context, withLine, inlined);
            throw e;
        } finally {
            compiledDepth = savedDepth;
            compilingProc = savedProc;
            origin = savedOrigin;
            if (hides) invoker.inlined = false;
        }
    }

    /** An error out of a unit: its line within the enclosing body if inlined, else its context line. */
    private static void locateError(TclException e, int wordLine, String context, boolean withLine, boolean inlined) {
        if (inlined) {
            if (!e.lineGiven) e.line = wordLine + e.line - 1;
            e.lineIsFinal = true;
        } else if (context != null) {
            e.lineIsFinal = false;
            e.appendErrorInfo("\n    (" + context + (withLine ? " line " + e.line : "") + ")");
        } else {
            e.lineIsFinal = false;
        }
    }

    /** Runs a proc body: its own compiled unit, lines relative to the body. */
    Value evalProcBody(Value body, Origin bodyOrigin) throws TclException {
        int savedDepth = compiledDepth;
        boolean savedProc = compilingProc;
        Origin savedOrigin = origin;
        compiledDepth = 1;
        compilingProc = true;
        origin = bodyOrigin;
        try {
            return evalScript(script(body));
        } finally {
            compiledDepth = savedDepth;
            compilingProc = savedProc;
            origin = savedOrigin;
        }
    }

    /** The parsed form of a value used as a script, cached by its text. */
    public Script script(Value v) throws TclException {
        // A body run again (an action or loop body) keeps its parse in the value. Text with folded
        // continuation lines is parsed with their places, which a list's element may gain later.
        int[] continuations = v.continuations();
        if (continuations == null && v.code() instanceof Script s) return s;
        try {
            Script s = parser.parse(v.toString(), continuations);
            if (continuations == null) v.keepCode(s);
            return s;
        } catch (StackOverflowError e) {
            throw tooDeepToCompile();
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e);
        }
    }

    /**
     * Where tclsh panics ("unable to alloc N bytes") and dies, the command fails: the allocation
     * that failed never happened, so the script can go on once catch has dropped what it held.
     */
    static TclException outOfMemory(OutOfMemoryError e) {
        MemoryReserve.release();
        String why = e.getMessage() != null && e.getMessage().startsWith("Java heap space")
                ? "the heap's limit is " + (Runtime.getRuntime().maxMemory() >> 20) + " MB" : e.getMessage();
        return TclException.error("unable to alloc memory (" + why + ")", "TCL", "MEMORY");
    }

    /** Tcl's error for a nest of brackets deeper than it compiles. */
    private static TclException tooDeepToCompile() {
        return TclException.error("too many nested compilations (infinite loop?)", "TCL", "LIMIT", "STACK");
    }

    /**
     * An error from a command substitution inside an argument parsed on its own (an expression):
     * in compiled code Tcl counts its line from the enclosing body, so add the argument's line.
     */
    public void relocateToArgument(TclException e, Value arg) {
        if (e.isError() && e.lineIsFinal && !e.lineGiven) e.line = argumentLine(arg) + e.line - 1;
    }

    private int argumentLine(Value arg) {
        if (cmdFrame == null) return 1;
        List<Word> words = cmdFrame.command.words();
        Value[] argv = cmdFrame.argv;
        if (argv.length == words.size()) {
            for (int i = 0; i < argv.length; i++) {
                if (argv[i] == arg) return words.get(i).line();
            }
        }
        return cmdFrame.command.line();
    }

    /** Substitutes the words of a command, splicing {*} words. */
    private Value[] words(List<Word> words) throws TclException {
        int n = words.size();
        boolean expand = false;
        Value[] out = new Value[n];
        for (int i = 0; i < n; i++) {
            Word w = words.get(i);
            out[i] = word(w);
            // A {*} word must be a list before the next word is substituted, as Tcl expands them in turn.
            if (w.expand()) {
                out[i].asList();
                expand = true;
            }
        }
        if (!expand) return out;
        List<Value> spliced = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (words.get(i).expand()) spliced.addAll(out[i].asList());
            else spliced.add(out[i]);
        }
        return spliced.toArray(new Value[0]);
    }

    public Value word(Word w) throws TclException {
        if (w instanceof Word.Literal lit) {
            Object cached = lit.cachedValue;
            if (cached == null) {
                cached = Value.ofFolded(lit.text(), lit.continuations());
                lit.cachedValue = cached;
            }
            return (Value) cached;
        }
        List<Part> parts = ((Word.Compound) w).parts();
        if (parts.size() == 1) return part(parts.get(0));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) { // no iterator for every word substituted
            Part p = parts.get(i);
            if (p instanceof Part.Text t) sb.append(t.text());
            else sb.append(part(p).toString());
        }
        return Value.of(sb.toString());
    }

    // instanceof, not a pattern switch: each of those costs a class generated at start-up.
    private Value part(Part p) throws TclException {
        if (p instanceof Part.Text t) return Value.of(t.text());
        if (p instanceof Part.Variable v) {
            return v.index() == null ? getVar(v.name()) : getVar(v.name(), word(v.index()).toString());
        }
        return substitute((Part.Substitution) p);
    }

    private Value substitute(Part.Substitution s) throws TclException {
        // Tcl compiles nested brackets all at once before running them: too deep a nest fails there.
        if (s.depth() > 1 && nesting + s.depth() > maxNesting) throw tooDeepToCompile();
        boolean evaluated = compiledDepth == 0;
        if (evaluated) extraLevels++;
        try {
            return evalScript(s.script());
        } catch (TclException e) {
            // In compiled code, Tcl compiles the substitution inline: the outer command adds no
            // "invoked from within", and the line is already relative to the enclosing script.
            if (e.isError() && compiledDepth > 0 && !e.lineIsFinal) e.lineIsFinal = true;
            throw e;
        } finally {
            if (evaluated) extraLevels--;
        }
    }

    /** Notes the expression about to be evaluated (null: none); returns the one it replaces. */
    public Value enterExpression(Value expr) {
        Value outer = expression;
        expression = expr;
        return outer;
    }

    /**
     * Substitutes an operand of the expression being evaluated, whose commands count as on its
     * line {@code line}. Compiled code compiles a literal expression inline: the operand's
     * commands take the place of the frame of the command evaluating it, and their lines count
     * within the expression's word; elsewhere the expression is text of its own (type eval).
     */
    public Value expressionWord(Word w, int line) throws TclException {
        if (expression == null) return word(w);
        boolean compiled = compiledDepth > 0;
        return locatedIn(expression, line, compiled, compiled && cmdFrame != null && cmdFrame.literalLine(expression) > 0,
                () -> word(w));
    }

    /**
     * Runs {@code part}, a piece of {@code text} that starts on its line {@code line}: located in
     * the text when compiled (else text of its own, type eval, from that line); {@code inline}:
     * its commands take the place of the running command's frame, as when Tcl compiles it inline.
     */
    private Value locatedIn(Value text, int line, boolean compiled, boolean inline, Evaluation part) throws TclException {
        Origin saved = origin;
        CmdFrame invoker = cmdFrame;
        origin = compiled ? Origin.ofBody(text, invoker, line) : Origin.EVAL.at(line);
        boolean hides = inline && !invoker.inlined;
        if (hides) invoker.inlined = true;
        try {
            return part.run();
        } finally {
            origin = saved;
            if (hides) invoker.inlined = false;
        }
    }

    @FunctionalInterface
    private interface Evaluation {
        Value run() throws TclException;
    }

    /** Tcl's subst: backslash, variable and command substitution on a string. */
    public Value subst(Value text, boolean backslashes, boolean variables, boolean cmds) throws TclException {
        return Subst.run(this, text, backslashes, variables, cmds);
    }

    /**
     * Whether the running command is a subst Tcl compiles: in compiled code, all its words literal,
     * so its command substitutions are located in the text of its last word.
     */
    boolean compilesSubst(Value text) {
        if (!inlines(text, null)) return false;
        for (Word w : cmdFrame.command.words()) if (!(w instanceof Word.Literal)) return false;
        return true;
    }

    /**
     * Runs a command substitution of subst's text, which starts on line {@code line} of that text:
     * located in it when compiled (its commands then take the place of subst's frame), else text
     * of its own (type eval) from that line.
     */
    Value evalSubstituted(Script script, Value text, int line, boolean compiled) throws TclException {
        return locatedIn(text, line, compiled, compiled, () -> evalScript(script));
    }

    /** The same for a variable reference in subst's text (its index may hold commands). */
    Value substitutedWord(Word w, Value text, int line, boolean compiled) throws TclException {
        return locatedIn(text, line, compiled, compiled, () -> word(w));
    }

    // ---- frames -----------------------------------------------------------------------------------

    public int level() {
        return frame.level;
    }

    /** interp debug -frame: whether bytecode keeps its commands' literal words findable (TIP 280); only ever turned on. */
    private boolean debugFrame;

    public boolean debugFrame() {
        return debugFrame;
    }

    public void enableDebugFrame() {
        debugFrame = true;
    }

    public int recursionLimit() {
        return maxNesting;
    }

    public void setRecursionLimit(int limit) {
        maxNesting = limit;
    }

    /** How many evaluations are nested now (Tcl's numLevels). */
    public int nestingDepth() {
        return nesting;
    }

    public long commandCount() {
        return commandCount;
    }

    /** Counts one more command for info cmdcount: an ensemble's dispatch to its subcommand is one in Tcl. */
    public void countCommand() {
        commandCount++;
    }

    /** Where evaluation stands (frames, nesting, running commands): what a coroutine switch saves. */
    public record Context(Object frame, Object execution, int nesting, int compiledDepth, boolean compilingProc,
            Object cmdFrame, Object origin) {}

    public Context context() {
        return new Context(frame, execution, nesting, compiledDepth, compilingProc, cmdFrame, origin);
    }

    /** A fresh evaluation at global level, as a new coroutine starts (below the commands running now). */
    public Context globalContext() {
        return new Context(global, global, nesting, 0, false, cmdFrame, Origin.EVAL);
    }

    /** Resumes evaluation where a context stood, on the calling thread. */
    public void restore(Context c) {
        frame = (Frame) c.frame();
        execution = (Frame) c.execution();
        nesting = c.nesting();
        compiledDepth = c.compiledDepth();
        compilingProc = c.compilingProc();
        cmdFrame = (CmdFrame) c.cmdFrame();
        origin = (Origin) c.origin();
    }

    public boolean inProc() {
        return frame.isProc();
    }

    /**
     * What the command that made the current frame attached to it (a TclOO method attaches its
     * call, which self and next read), or null. uplevel moves to another frame, so to another
     * tag, as Tcl's self does.
     */
    public Object frameTag() {
        return frame.tag;
    }

    public void setFrameTag(Object tag) {
        frame.tag = tag;
    }

    /** The tag of the frame the current one was called from (self caller), or null. */
    public Object callerFrameTag() {
        return frame.caller == null ? null : frame.caller.tag;
    }

    /** Runs a proc body in a new frame, resolving names in the proc's namespace. */
    Value callInNewFrame(Proc proc, Value[] argv, Namespace ns, ProcBody body) throws TclException {
        Frame saved = frame;
        Frame savedExecution = execution;
        Namespace home = ns == null || ns.deleted ? globalNs : ns;
        frame = new Frame(saved.level + 1, saved, proc, argv, home);
        execution = frame;
        enter(home);
        try {
            return body.run(frame);
        } finally {
            if (frame.traced) unsetTracedLocals(frame);
            frame = saved;
            execution = savedExecution;
            leave(home);
        }
    }

    /** info frame: how many commands are running (those whose body runs inline do not count). */
    public int cmdFrameCount() {
        int n = 0;
        for (CmdFrame f = cmdFrame; f != null; f = f.next) if (!f.inlined) n++;
        return n;
    }

    /** info frame N: the dictionary describing the running command {@code up} levels out (0: innermost). */
    public Value cmdFrameInfo(int up) {
        CmdFrame f = cmdFrame;
        for (int k = 0; f != null; f = f.next) {
            if (f.inlined) continue;
            if (k++ == up) break;
        }
        return f == null ? null : f.describe(frame);
    }

    @FunctionalInterface
    interface ProcBody {
        Value run(Frame f) throws TclException;
    }

    /** The frame a level word names ("1" when the word is no level); Tcl's "bad level" otherwise. */
    private Frame resolveLevel(String spec) throws TclException {
        Frame f = frameOf(spec);
        return f != null ? f : frameOf("1");
    }

    /**
     * TclObjGetFrame: the frame a word names as a level (N levels up, or #N), or null when the word
     * is no level at all (a negative number, or a word not starting with a digit or #), so that
     * uplevel and upvar take it as their first ordinary argument.
     */
    private Frame frameOf(String word) throws TclException {
        Integer n = levelNumber(word);
        int target;
        if (n != null && n >= 0) {
            target = frame.level - n;
        } else if (word.startsWith("#")) {
            Integer abs = levelNumber(word.substring(1));
            if (abs == null || abs < 0) throw badLevel(word);
            target = abs;
        } else if (!word.isEmpty() && word.charAt(0) >= '0' && word.charAt(0) <= '9') {
            throw badLevel(word);
        } else {
            return null;
        }
        for (Frame f = frame; f != null; f = f.caller) {
            if (f.level == target) return f;
        }
        throw badLevel(word);
    }

    /** Tcl_GetInt: an integer of at most 32 bits (either sign), wrapped into an int; else null. */
    private static Integer levelNumber(String s) {
        Number n = Numbers.parseInteger(s);
        if (!(n instanceof Long l) || l < -0xFFFFFFFFL || l > 0xFFFFFFFFL) return null;
        return (int) l.longValue();
    }

    private static TclException badLevel(String word) {
        return TclException.error("bad level \"" + word + "\"", "TCL", "LOOKUP", "LEVEL", word);
    }

    /** Whether uplevel/upvar take this word as their level (a bad level is an error). */
    public boolean isLevel(String word) throws TclException {
        return frameOf(word) != null;
    }

    /** Evaluates a script in the frame named by a level spec (uplevel). */
    public Value evalAtLevel(String levelSpec, Value script) throws TclException {
        Frame target = resolveLevel(levelSpec);
        Frame saved = frame;
        frame = target;
        try {
            // Tcl's uplevel looks its script up among the literal words kept (TclArgumentGet), its own included.
            return evalUnit(script, Origin.ofArgument(script, cmdFrame), "\"uplevel\" body", true, false);
        } finally {
            frame = saved;
        }
    }

    /** Evaluates a script in the global frame (used by after, expect_before handlers, trap). */
    public Value evalGlobal(Value script) throws TclException {
        return evalGlobal(script, Origin.EVAL);
    }

    private Value evalGlobal(Value script, Origin from) throws TclException {
        Frame saved = frame;
        Origin savedOrigin = origin;
        frame = global;
        origin = from;
        try {
            return evalValue(script);
        } finally {
            frame = saved;
            origin = savedOrigin;
        }
    }

    /**
     * evalGlobal that hands break, continue and other codes back to the caller even at the outermost
     * level, as Tcl_AllowExceptions does for interp eval. The script is located (info frame) as a
     * word of the command {@code caller} is running, as Tcl's interp eval passes its invoker on.
     */
    public Value evalGlobalAllowingExceptions(Value script, Interp caller) throws TclException {
        boolean saved = allowExceptions;
        int savedDepth = compiledDepth;
        allowExceptions = true;
        compiledDepth = 1; // Tcl compiles the script
        try {
            return evalGlobal(script, caller.cmdFrame == null ? Origin.EVAL : Origin.ofScriptOrCommand(script, caller.cmdFrame));
        } finally {
            allowExceptions = saved;
            compiledDepth = savedDepth;
        }
    }

    /** Whether nothing is being evaluated in this interpreter (Tcl's numLevels 0). */
    public boolean idle() {
        return nesting == 0;
    }

    /** info errorstack: the error stack of the last error caught (catch, try). */
    public List<Value> errorStack() {
        return lastErrorStack;
    }

    /**
     * A caught error's stack becomes info errorstack, as does the -errorstack of a return -code
     * error still on its way (an error logged by error itself keeps the last one, as in Tcl).
     */
    public void noteCaught(TclException e) {
        boolean error = e.isError() || e.code() == TclException.RETURN && e.returnCode() == TclException.ERROR;
        if (error && e.errorStack != null) lastErrorStack = List.copyOf(e.errorStack);
        if (!e.isError()) return;
        lastErrorLine = e.line;
        publish("::errorCode", e.errorCode());
        // A traced ::errorInfo was written as the error went (see noteFailure): no write again.
        String info = e.errorInfo();
        Var v = global.vars.get("errorInfo");
        if (v == null || v.value == null || !v.value.toString().equals(info)) publish("::errorInfo", Value.of(info));
    }

    /**
     * Tcl's errorLine: the line of the last error logged, which an error the error command logged
     * itself (with an errorInfo of its own) reports in place of its own line.
     */
    private int lastErrorLine = 1;

    /**
     * Sets ::errorInfo or ::errorCode as Tcl copies the interpreter's error state into them: the
     * traces run in the current frame and their errors are ignored, as a command's failure must
     * stay the error that catch sees.
     */
    private void publish(String name, Value value) {
        try {
            setVar(name, value);
        } catch (TclException ignored) {
            // Tcl_ObjSetVar2 without TCL_LEAVE_ERR_MSG: a failing trace changes nothing.
        }
    }

    /** The argument words of the innermost running proc (info level 0), or null at global level. */
    public Value[] procArgs(int level) {
        Frame f = frame;
        while (f != null && f.level > level) f = f.caller;
        return f == null ? null : f.argv;
    }

    // ---- variables --------------------------------------------------------------------------------

    public Value getVar(String name) throws TclException {
        int paren = name.indexOf('(');
        if (paren >= 0 && name.endsWith(")")) {
            return getVar(name.substring(0, paren), name.substring(paren + 1, name.length() - 1));
        }
        Var v = lookup(name, false);
        if (v != null && v.traces != null) trace(null, v, name, "", VarTrace.READ);
        if (v == null || !v.exists()) throw TclException.error("can't read \"" + name + "\": no such variable",
                "TCL", "LOOKUP", "VARNAME", name);
        if (v.value == null) throw TclException.error("can't read \"" + name + "\": variable is array",
                "TCL", "READ", "VARNAME");
        return v.value;
    }

    public Value getVar(String name, String index) throws TclException {
        Var v = lookup(name, false);
        Var e = v != null && v.array != null ? v.array.get(index) : null;
        // A trace on the whole variable fires for an element even before the array exists.
        if (v != null && (v.traces != null || e != null && e.traces != null)) {
            trace(v, e, name, index, VarTrace.READ);
            e = v.array != null ? v.array.get(index) : null; // the trace may have changed it
        }
        if (v == null || !v.exists()) throw TclException.error("can't read \"" + name + "(" + index + ")\": no such variable",
                "TCL", "LOOKUP", "VARNAME", name);
        if (v.array == null) throw TclException.error("can't read \"" + name + "(" + index + ")\": variable isn't array",
                "TCL", "LOOKUP", "VARNAME", name);
        if (e == null || e.value == null) {
            String full = name + "(" + index + ")";
            if (v == env) {
                TclException x = TclException.error("no such variable");
                x.appendErrorInfo("\n    (read trace on \"" + full + "\")");
                x.setResult(Value.of("can't read \"" + full + "\": no such variable"));
                x.setErrorCode(Value.ofStrings(List.of("TCL", "READ", "VARNAME")));
                throw x;
            }
            throw TclException.error("can't read \"" + full + "\": no such element in array", "TCL", "READ", "VARNAME");
        }
        return e.value;
    }

    /** The value of a variable, or null if it does not exist (no error). */
    public Value getVarOrNull(String name) {
        if (name.indexOf('(') < 0) {
            // One lookup where no read trace can run (expect reads timeout this way on every turn).
            Var v = lookup(name, false);
            if (v == null || !v.exists()) return null;
            if (v.traces == null) return v.value; // null for an array
        }
        try {
            return varExists(name) ? getVar(name) : null;
        } catch (TclException e) {
            return null;
        }
    }

    public Value setVar(String name, Value value) throws TclException {
        int paren = name.indexOf('(');
        if (paren >= 0 && name.endsWith(")")) {
            return setVar(name.substring(0, paren), name.substring(paren + 1, name.length() - 1), value);
        }
        Var v = lookup(name, true);
        if (v == null) throw noParent("set", name);
        if (v.dead) throw v.element ? deadArray(name) : deadNamespace(name, "WRITE");
        if (v.array != null) throw TclException.error("can't set \"" + name + "\": variable is array",
                "TCL", "WRITE", "VARNAME");
        if (v.element && v.value == null) v.restoreElement();
        v.value = value;
        if (v.traces != null) {
            trace(null, v, name, "", VarTrace.WRITE);
            return v.value != null ? v.value : value;
        }
        return value;
    }

    public Value setVar(String name, String index, Value value) throws TclException {
        Var v = lookup(name, true);
        if (v == null) throw noParent("set", name + "(" + index + ")");
        if (v.dead) throw deadNamespace(name + "(" + index + ")", "LOOKUP");
        if (v.value != null) throw TclException.error("can't set \"" + name + "(" + index + ")\": variable isn't array",
                "TCL", "LOOKUP", "VARNAME", name);
        if (v.element) throw TclException.error("can't set \"" + name + "(" + index + ")\": variable isn't array",
                "TCL", "LOOKUP", "VARNAME");
        if (v.array == null) v.array = new TclHashTable<>();
        Var e = v.element(index);
        e.value = value;
        if (v.traces != null || e.traces != null) {
            trace(v, e, name, index, VarTrace.WRITE);
            return e.value != null ? e.value : value;
        }
        return value;
    }

    /**
     * incr's common case with one lookup for its read and its write: adds by to an existing
     * variable or array element (index null: a scalar) that no trace watches and whose value is an
     * integer that, with by, fits in a long, and returns the new value. Null for anything else
     * (missing, traced, an array, a link to a deleted variable, not such an integer, an overflow),
     * for the caller to go the full way (getVar, then setVar) with its traces and errors.
     */
    public Value incrPlain(String name, String index, long by) {
        Var v = lookup(name, false);
        if (v == null || v.traces != null || v.dead) return null;
        Var slot = v;
        if (index != null) {
            slot = v.array != null ? v.array.get(index) : null;
            if (slot == null || slot.traces != null || slot.dead) return null;
        }
        if (slot.value == null || !(slot.value.integerOrNull() instanceof Long x)) return null;
        long r = x + by;
        if (((x ^ r) & (by ^ r)) < 0) return null;
        return slot.value = Value.of(r);
    }

    /**
     * The errors of the lookup with which Tcl's incr starts, before it reads the variable (so
     * before its read traces and its increment's check): a missing parent namespace, an element
     * of a variable that is no array. With "read", as Tcl words them.
     */
    public void checkIncrTarget(String name, String index) throws TclException {
        String full = index == null ? name : name + "(" + index + ")";
        Var v = lookup(name, false);
        if (v == null && Namespace.qualified(name)) {
            Namespace[] homes = qualifiedHomes(name, Namespace.split(name));
            if (homes[0] == null && homes[1] == null) throw noParent("read", full, name);
        }
        if (v != null && index != null && (v.value != null || v.element)) {
            String message = "can't read \"" + full + "\": variable isn't array";
            // an element reached through upvar has no array name of its own to report
            throw v.element ? TclException.error(message, "TCL", "LOOKUP", "VARNAME")
                    : TclException.error(message, "TCL", "LOOKUP", "VARNAME", name);
        }
    }

    /**
     * Sets {@code count} elements of one array in turn, as that many {@link #setVar(String, String,
     * Value)} calls would (expect_out after a match): the array is looked up once while no trace
     * can run in between; from the first element that is new or traced on, each goes the full way.
     */
    public void setElements(String name, String[] indices, Value[] values, int count) throws TclException {
        Var v = lookup(name, false);
        int k = 0;
        if (v != null && v.array != null && v.traces == null && !v.dead) {
            for (; k < count; k++) {
                Var e = v.array.get(indices[k]);
                if (e == null || e.traces != null) break;
                e.value = values[k];
            }
        }
        for (; k < count; k++) setVar(name, indices[k], values[k]);
    }

    private static TclException deadArray(String name) {
        return TclException.error("can't set \"" + name + "\": upvar refers to element in deleted array",
                "TCL", "WRITE", "VARNAME");
    }

    private static TclException deadNamespace(String name, String what) {
        return TclException.error("can't set \"" + name + "\": upvar refers to variable in deleted namespace",
                "TCL", what, "VARNAME");
    }

    /** Sets a variable in the global frame regardless of the current one. */
    public void setGlobal(String name, Value value) throws TclException {
        Frame saved = frame;
        frame = global;
        try {
            setVar(name, value);
        } finally {
            frame = saved;
        }
    }

    /** A global variable's value, with getVar's error when it cannot be read. */
    public Value getGlobal(String name) throws TclException {
        Frame saved = frame;
        frame = global;
        try {
            return getVar(name);
        } finally {
            frame = saved;
        }
    }

    public Value getGlobalOrNull(String name) {
        try {
            return getGlobal(name);
        } catch (TclException e) {
            return null;
        }
    }

    /**
     * info exists: the variable's read traces fire first, as in Tcl (a trace may create it; its
     * errors are ignored).
     */
    public boolean varExistsAfterReadTraces(String name) {
        int paren = name.indexOf('(');
        boolean element = paren > 0 && name.endsWith(")");
        Var v = lookup(element ? name.substring(0, paren) : name, false);
        try {
            if (!element && v != null && v.traces != null) {
                trace(null, v, name, "", VarTrace.READ);
            } else if (element && v != null && v.array != null) {
                String index = name.substring(paren + 1, name.length() - 1);
                Var e = v.array.get(index);
                if (v.traces != null || e != null && e.traces != null) trace(v, e, name.substring(0, paren), index, VarTrace.READ);
            }
        } catch (TclException ignored) {
            // Tcl ignores a trace's error here.
        }
        return varExists(name);
    }

    public boolean varExists(String name) {
        int paren = name.indexOf('(');
        if (paren >= 0 && name.endsWith(")")) {
            Var v = lookup(name.substring(0, paren), false);
            if (v == null || v.array == null) return false;
            Var e = v.array.get(name.substring(paren + 1, name.length() - 1));
            return e != null && e.value != null;
        }
        Var v = lookup(name, false);
        return v != null && v.exists();
    }

    /** True if the name is an array variable. */
    public boolean isArray(String name) {
        Var v = lookup(name, false);
        return v != null && v.array != null;
    }

    /** Removes a variable or element; false if it did not exist. */
    public boolean unsetVar(String name) {
        int paren = name.indexOf('(');
        if (paren >= 0 && name.endsWith(")")) {
            Var v = lookup(name.substring(0, paren), false);
            if (v == null || v.array == null) return false;
            String index = name.substring(paren + 1, name.length() - 1);
            Var e = v.removeElement(index);
            if (e != null) e.value = null; // a link to it (upvar) sees it unset
            if (e != null && (v.traces != null || e.traces != null)) traceUnset(v, e, name.substring(0, paren), index);
            return e != null;
        }
        Var v = lookup(name, false);
        if (v == null || !v.exists()) return false;
        Map<String, Var> elements = v.array;
        v.clear();
        if (v.traces != null) traceUnset(null, v, name, "");
        if (elements != null) {
            elements.forEach((index, e) -> {
                if (e.traces != null) traceUnset(null, e, name, index);
            });
        }
        if (v.exists() || v.traces != null || v.linked) return true; // traced back, or still linked
        if (!Namespace.qualified(name)) {
            // A name upvar linked stays linked: setting it again sets the variable it refers to.
            boolean linked = frame.links != null && frame.links.contains(name);
            if (!linked && !frame.vars.remove(name, v)) globalNs.vars.remove(name, v);
        } else {
            List<String> parts = Namespace.split(name);
            String tail = parts.get(parts.size() - 1);
            for (Namespace ns : qualifiedHomes(name, parts)) if (ns != null && ns.vars.remove(tail, v)) break;
        }
        return true;
    }

    /** The element map of an array variable (live), or null if the name is not an array. */
    public Map<String, Value> arrayView(String name) {
        Var v = lookup(name, false);
        if (v == null || v.array == null) return null;
        Map<String, Value> out = new LinkedHashMap<>();
        v.array.forEach((k, e) -> {
            if (e.value != null) out.put(k, e.value);
        });
        return out;
    }

    /** Tcl's hash table statistics of an array's elements (array statistics), or null if name is not an array. */
    public String arrayStatistics(String name) {
        Var v = lookup(name, false);
        return v == null || v.array == null ? null : v.array.statistics();
    }

    /**
     * array set's first step: makes name an array if it does not exist yet. An element that upvar
     * linked cannot become one; a scalar is refused here only for an empty list (otherwise setting
     * its first element fails).
     */
    public void ensureArray(String name, boolean emptyList) throws TclException {
        int paren = name.indexOf('(');
        if (paren >= 0 && name.endsWith(")")) {
            String base = name.substring(0, paren);
            Namespace[] homes = Namespace.qualified(base) ? qualifiedHomes(base, Namespace.split(base)) : null;
            if (homes != null && homes[0] == null && homes[1] == null) {
                throw TclException.error("can't set \"" + name + "\": parent namespace doesn't exist", "TCL", "LOOKUP", "VARNAME", base);
            }
            throw TclException.error("can't set \"" + name + "\": variable isn't array", "TCL", "LOOKUP", "VARNAME", name);
        }
        Var v = lookup(name, true);
        if (v == null) throw noParent("set", name);
        if (v.element || v.value != null && emptyList) {
            throw TclException.error("can't array set \"" + name + "\": variable isn't array", "TCL", "WRITE", "ARRAY");
        }
        if (v.array == null && emptyList) v.array = new TclHashTable<>();
    }

    /** Links local name to a variable in the frame named by levelSpec (upvar, global). */
    public void link(String levelSpec, String otherName, String localName) throws TclException {
        Frame target = levelSpec == null ? global : resolveLevel(levelSpec);
        Frame saved = frame;
        frame = target;
        Var v;
        try {
            int paren = otherName.indexOf('(');
            if (paren >= 0 && otherName.endsWith(")")) {
                Var arr = lookup(otherName.substring(0, paren), true);
                if (arr.value != null || arr.element) {
                    String array = otherName.substring(0, paren);
                    throw TclException.error("can't access \"" + otherName + "\": variable isn't array", "TCL", "LOOKUP", "VARNAME", array);
                }
                if (arr.array == null) arr.array = new TclHashTable<>();
                v = arr.element(otherName.substring(paren + 1, otherName.length() - 1));
            } else {
                v = lookup(otherName, true);
            }
        } finally {
            frame = saved;
        }
        if (v == null) throw noParent("upvar", otherName);
        if (!frame.isProc() && target.isProc() && target.vars.get(otherName) == v && globalNs.vars.get(otherName) != v) {
            throw TclException.error("bad variable name \"" + localName
                    + "\": can't create namespace variable that refers to procedure variable");
        }
        linkLocal(v, localName);
    }

    /** Makes the local name (in the current frame) another name for the slot v, as upvar does. */
    private void linkLocal(Var v, String localName) throws TclException {
        if (localName.contains("(")) {
            throw TclException.error("bad variable name \"" + localName
                    + "\": can't create a scalar variable that looks like an array element", "TCL", "UPVAR", "LOCAL_ELEMENT");
        }
        if (Namespace.qualified(localName)) {
            // A qualified local name is a namespace variable that now refers to v.
            Namespace home = memberNamespace(localName);
            if (home == null) throw noParent("create", localName);
            String tail = Namespace.tailOf(localName);
            Var existing = home.vars.get(tail);
            if (existing == v) throw TclException.error("can't upvar from variable to itself", "TCL", "UPVAR", "SELF");
            if (existing != null && existing.exists() && !existing.linked) {
                throw TclException.error("variable \"" + localName + "\" already exists", "TCL", "UPVAR", "EXISTS");
            }
            home.vars.put(tail, v);
            home.links.add(tail);
            v.linked = true;
            return;
        }
        Var existing = frame.vars.get(localName);
        boolean relink = frame.links != null && frame.links.contains(localName);
        if (existing == v && relink) return;
        if (existing == v) throw TclException.error("can't upvar from variable to itself", "TCL", "UPVAR", "SELF");
        if (existing != null && !relink && existing.traces != null) {
            throw TclException.error("variable \"" + localName + "\" has traces: can't use for upvar", "TCL", "UPVAR", "TRACED");
        }
        if (existing != null && !relink && existing.exists()) {
            throw TclException.error("variable \"" + localName + "\" already exists", "TCL", "UPVAR", "EXISTS");
        }
        frame.vars.put(localName, v);
        v.linked = true;
        if (frame.links == null) frame.links = new java.util.HashSet<>();
        frame.links.add(localName);
    }

    public List<String> varNames(boolean globalFrame) {
        Frame f = globalFrame ? global : frame;
        List<String> names = new ArrayList<>();
        f.vars.forEach((k, v) -> {
            if (v.exists()) names.add(k);
        });
        return names;
    }

    // ---- variable traces ----------------------------------------------------------------------------

    /** Adds a trace to a variable or element (creating it, undefined, if need be). */
    public void addVarTrace(String name, VarTrace trace) throws TclException {
        Var v = traceTarget(name, true);
        if (v.traces == null) v.traces = new ArrayList<>();
        v.traces.add(0, trace);
        frame.traced = true;
    }

    /** The traces of a variable or element, most recent first (empty if none). */
    public List<VarTrace> varTraces(String name) throws TclException {
        Var v = traceTarget(name, false);
        return v == null || v.traces == null ? List.of() : List.copyOf(v.traces);
    }

    public void removeVarTrace(String name, VarTrace trace) throws TclException {
        Var v = traceTarget(name, false);
        if (v == null || v.traces == null) return;
        v.traces.remove(trace);
        if (v.traces.isEmpty()) v.traces = null;
    }

    /** Fires the array traces of a variable, as the array command does before its work. */
    public void traceArray(String name) throws TclException {
        Var v = lookup(name, false);
        if (v != null && v.traces != null) trace(null, v, name, "", VarTrace.ARRAY);
    }

    private Var traceTarget(String name, boolean create) throws TclException {
        int paren = name.indexOf('(');
        if (paren < 0 || !name.endsWith(")")) return lookup(name, create);
        Var arr = lookup(name.substring(0, paren), create);
        if (arr == null) return null;
        if (arr.value != null) throw TclException.error("can't trace \"" + name + "\": variable isn't array",
                "TCL", "LOOKUP", "VARNAME", name.substring(0, paren));
        if (arr.array == null) {
            if (!create) return null;
            arr.array = new TclHashTable<>();
        }
        String index = name.substring(paren + 1, name.length() - 1);
        return create ? arr.element(index) : arr.array.get(index);
    }

    /**
     * Runs the traces of an access: the whole array's first, then the element's (or the scalar's).
     * An error becomes Tcl's "can't read/set" error for the variable.
     */
    private void trace(Var array, Var v, String name1, String name2, int op) throws TclException {
        if (array != null) {
            if (array.tracingElements == null) array.tracingElements = new java.util.HashSet<>();
            if (!array.tracingElements.add(name2)) return;
        } else {
            if (v.tracing) return;
            v.tracing = true;
        }
        try {
            if (array != null) runTraces(array, name1, name2, op);
            if (v != null) runTraces(v, name1, name2, op);
        } catch (TclException e) {
            if (!e.isError()) return;
            String full = name2.isEmpty() ? name1 : name1 + "(" + name2 + ")";
            String[] words = switch (op) {
                case VarTrace.READ -> new String[] {"read", "read", "READ"};
                case VarTrace.WRITE -> new String[] {"set", "write", "WRITE"};
                default -> new String[] {"trace array", "array", null};
            };
            e.appendErrorInfo("\n    (" + words[1] + " trace on \"" + full + "\")");
            e.setResult(Value.of("can't " + words[0] + " \"" + full + "\": " + e.result()));
            if (words[2] != null) e.setErrorCode(Value.ofStrings(List.of("TCL", words[2], "VARNAME")));
            throw e;
        } finally {
            if (array != null) array.tracingElements.remove(name2);
            else v.tracing = false;
        }
    }

    private void runTraces(Var v, String name1, String name2, int op) throws TclException {
        if (v.traces == null) return;
        for (VarTrace t : List.copyOf(v.traces)) {
            if ((t.ops() & op) != 0 && v.traces != null && v.traces.contains(t)) t.fire(this, name1, name2, op);
        }
    }

    /**
     * Unset traces fire once and are then removed (traces they add stay); their errors are
     * ignored, as in Tcl.
     */
    private void traceUnset(Var array, Var v, String name1, String name2) {
        List<VarTrace> fired = v.traces == null ? List.of() : List.copyOf(v.traces);
        try {
            trace(array, v, name1, name2, VarTrace.UNSET);
        } catch (TclException ignored) {
            // Tcl ignores errors from unset traces.
        }
        if (v.traces != null) {
            v.traces.removeIf(t -> fired.stream().anyMatch(f -> f == t));
            if (v.traces.isEmpty()) v.traces = null;
        }
    }

    /** A proc's own variables die with its frame: their unset traces fire (links are left alone). */
    private void unsetTracedLocals(Frame f) {
        for (Map.Entry<String, Var> entry : List.copyOf(f.vars.entrySet())) {
            Var v = entry.getValue();
            if (f.links != null && f.links.contains(entry.getKey())) continue;
            if (v.traces == null && v.array == null) continue;
            Map<String, Var> elements = v.array;
            boolean traced = v.traces != null;
            v.clear();
            if (traced) traceUnset(null, v, entry.getKey(), "");
            if (elements != null) {
                elements.forEach((index, e) -> {
                    if (e.traces != null) traceUnset(null, e, entry.getKey(), index);
                });
            }
        }
    }

    /**
     * Finds (or creates) a variable slot. A simple name is a local in a proc; elsewhere it is the
     * current namespace's variable, else the global one, created in the current namespace. A
     * qualified name is looked up relative to the current namespace, then the global one. Null
     * if it does not exist and cannot be created (its namespace does not exist).
     */
    Var lookup(String name, boolean create) {
        Frame f = frame;
        if (!Namespace.qualified(name)) {
            Var v = f.vars.get(name);
            if (v == null && !f.isProc() && f.ns != globalNs) v = globalNs.vars.get(name);
            if (v == null && create) {
                v = new Var();
                f.vars.put(name, v);
            }
            return v;
        }
        return lookupQualified(name, create);
    }

    /** lookup for a name with "::" in it (a method apart from the common case, which C1 compiles often). */
    private Var lookupQualified(String name, boolean create) {
        List<String> parts = Namespace.split(name);
        String tail = parts.get(parts.size() - 1);
        Namespace[] homes = qualifiedHomes(name, parts);
        for (Namespace ns : homes) {
            Var v = ns == null ? null : ns.vars.get(tail);
            if (v != null) return v;
        }
        if (!create) return null;
        Namespace home = homes[0] != null ? homes[0] : homes[1];
        if (home == null) return null;
        Var v = new Var();
        home.vars.put(tail, v);
        return v;
    }

    /** The namespaces a qualified variable name may live in: relative to the current one, then global. */
    private Namespace[] qualifiedHomes(String name, List<String> parts) {
        int n = parts.size() - 1;
        if (Namespace.absolute(name)) return new Namespace[] {walk(globalNs, parts, n), null};
        return new Namespace[] {walk(frame.ns, parts, n), walk(globalNs, parts, n)};
    }

    private static TclException noParent(String verb, String name) {
        return noParent(verb, name, name);
    }

    private static TclException noParent(String verb, String name, String codeName) {
        return TclException.error("can't " + verb + " \"" + name + "\": parent namespace doesn't exist",
                "TCL", "LOOKUP", "VARNAME", codeName);
    }

    /**
     * The variable command: declares name in the current namespace (a simple name never means a
     * global one), sets it if a value is given, and in a proc makes it visible as a local.
     */
    public void declareVariable(String name, Value value) throws TclException {
        if (name.endsWith(")") && name.indexOf('(') >= 0) {
            throw TclException.error("can't define \"" + name + "\": name refers to an element in an array",
                    "TCL", "UPVAR", "LOCAL_ELEMENT");
        }
        Var v = namespaceVar(frame.ns, name, "define");
        if (value != null) {
            if (v.array != null) throw TclException.error("can't set \"" + name + "\": variable is array",
                    "TCL", "WRITE", "VARNAME");
            v.value = value;
        }
        if (frame.isProc()) linkLocal(v, Namespace.tailOf(name));
    }

    /** namespace upvar: the local name refers to the variable name of namespace ns. */
    public void linkNamespaceVar(Namespace ns, String name, String localName) throws TclException {
        linkLocal(namespaceVar(ns, name, "access"), localName);
    }

    /** A variable of namespace ns (a qualified name is relative to ns, then global), created if missing. */
    private Var namespaceVar(Namespace ns, String name, String verb) throws TclException {
        Frame saved = frame;
        frame = new Frame(saved.level, saved, null, null, ns);
        try {
            Var v;
            if (!Namespace.qualified(name)) v = ns.vars.computeIfAbsent(name, k -> new Var());
            else v = lookup(name, true);
            if (v == null) throw noParent(verb, name);
            v.declared = true;
            return v;
        } finally {
            frame = saved;
        }
    }

    /** The fully-qualified name of the namespace variable a name refers to here, or null. */
    public String qualifiedVarName(String name) {
        Frame f = frame;
        if (!Namespace.qualified(name)) {
            if (f.ns.vars.containsKey(name)) return f.ns.qualify(name);
            return globalNs.vars.containsKey(name) ? globalNs.qualify(name) : null;
        }
        List<String> parts = Namespace.split(name);
        String tail = parts.get(parts.size() - 1);
        for (Namespace ns : qualifiedHomes(name, parts)) {
            if (ns != null && ns.vars.containsKey(tail)) return ns.qualify(tail);
        }
        return null;
    }

    /**
     * The names of the current proc's local variables (empty outside a proc); with includeLinks, also the
     * names global, upvar or variable linked, even while the variable they name is unset (info vars lists them).
     */
    public List<String> localVarNames(boolean includeLinks) {
        if (!frame.isProc()) return List.of();
        List<String> names = new ArrayList<>();
        frame.vars.forEach((k, v) -> {
            boolean link = frame.links != null && frame.links.contains(k);
            if (v.exists() && (includeLinks || !link) || includeLinks && link) names.add(k);
        });
        return names;
    }

    private Var globalVar(String name, boolean create) {
        Var v = global.vars.get(name);
        if (v == null && create) {
            v = new Var();
            global.vars.put(name, v);
        }
        return v;
    }
}
