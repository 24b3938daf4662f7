package io.jexpect.commands;

import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.TclUtf8;
import io.jexpect.interp.TextCodec;
import io.jexpect.interp.Value;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Child processes: exec (Tcl's pipeline and redirection syntax, run as argument vectors, never
 * through a shell), command pipelines opened as channels ({@code open "|cmd"}), and pid.
 */
final class ProcessCommands {
    private ProcessCommands() {}

    static void install(Interp in) {
        in.register("exec", ProcessCommands::exec);
        in.register("pid", (i, a) -> {
            if (a.length > 2) throw TclException.wrongArgs(a, 1, "?channelId?");
            if (a.length == 1) return Value.of(ProcessId.of(i));
            Channel ch = i.channels().get(a[1].toString());
            List<Process> procs = pipelines(i).get(ch);
            List<Value> out = new ArrayList<>();
            if (procs != null) for (Process p : procs) out.add(Value.of(p.pid()));
            return Value.ofList(out);
        });
    }

    // ---- the parsed command line -----------------------------------------------------------------

    /** One pipeline: its stages and where its standard streams go. */
    private static final class Pipeline {
        final List<List<String>> stages = new ArrayList<>();
        /** Per stage: whether its stderr joins its stdout into the next stage (|&). */
        final List<Boolean> stderrToNext = new ArrayList<>();
        Path inFile;
        String inValue;
        Channel inChannel;
        Path outFile;
        boolean outAppend;
        Channel outChannel;
        Path errFile;
        boolean errAppend;
        Channel errChannel;
        boolean errToResult;
        boolean background;
    }

    private static final String[] REDIRECTS = {"2>@1", ">>&", ">&@", "2>>", "2>@", ">>", ">@", ">&", "2>", "<<", "<@", "<", ">"};

    private static Pipeline parse(Interp in, Value[] words, int from) throws TclException {
        Pipeline p = new Pipeline();
        List<String> cur = new ArrayList<>();
        int n = words.length;
        if (n > from && words[n - 1].toString().equals("&")) {
            p.background = true;
            n--;
        }
        for (int i = from; i < n; i++) {
            String w = words[i].toString();
            if (w.equals("|") || w.equals("|&")) {
                if (cur.isEmpty() || i == n - 1) throw TclException.error("illegal use of | or |& in command", "TCL", "OPERATION", "EXEC", "PIPESYNTAX");
                p.stages.add(cur);
                p.stderrToNext.add(w.equals("|&"));
                cur = new ArrayList<>();
                continue;
            }
            String op = null;
            for (String r : REDIRECTS) {
                if (w.startsWith(r)) {
                    op = r;
                    break;
                }
            }
            if (op == null) {
                cur.add(w);
                continue;
            }
            if (op.equals("2>@1")) {
                if (i != n - 1 || w.length() != 4) {
                    throw TclException.error("must specify \"2>@1\" as last word in command", "TCL", "OPERATION", "EXEC", "PIPESYNTAX");
                }
                p.errToResult = true;
                continue;
            }
            String target;
            if (w.length() > op.length()) {
                target = w.substring(op.length());
            } else {
                if (i + 1 >= n) throw TclException.error("can't specify \"" + op + "\" as last word in command", "TCL", "OPERATION", "EXEC", "SYNTAX");
                target = words[++i].toString();
            }
            switch (op) {
                case "<" -> {
                    p.inFile = WorkingDirectory.resolve(in, target);
                    p.inValue = null;
                    if (!Files.isReadable(p.inFile)) {
                        PosixError e = Files.exists(p.inFile) ? PosixError.EACCES : PosixError.ENOENT;
                        throw e.error("couldn't read file \"" + target + "\"");
                    }
                }
                case "<<" -> { p.inValue = target; p.inFile = null; }
                case "<@" -> p.inChannel = in.channels().get(target);
                case ">", ">>", ">&", ">>&" -> {
                    p.outFile = outputFile(in, target, op.startsWith(">>"));
                    if (op.endsWith("&")) { p.errFile = p.outFile; p.errAppend = true; }
                }
                case "2>", "2>>" -> p.errFile = outputFile(in, target, op.equals("2>>"));
                case ">@", ">&@" -> {
                    p.outChannel = in.channels().get(target);
                    if (op.equals(">&@")) p.errChannel = p.outChannel;
                }
                case "2>@" -> p.errChannel = in.channels().get(target);
                default -> throw new IllegalStateException(op);
            }
        }
        if (!cur.isEmpty()) {
            p.stages.add(cur);
            p.stderrToNext.add(false);
        } else if (!p.stages.isEmpty()) {
            throw TclException.error("illegal use of | or |& in command", "TCL", "OPERATION", "EXEC", "PIPESYNTAX");
        }
        if (p.stages.isEmpty()) throw TclException.error("didn't specify command to execute", "TCL", "OPERATION", "EXEC", "NOCMD");
        return p;
    }

    /** Opens (creating or truncating) an output file now, as Tcl does before starting anything. */
    private static Path outputFile(Interp in, String name, boolean append) throws TclException {
        Path f = WorkingDirectory.resolve(in, name);
        try {
            if (append) {
                Files.newOutputStream(f, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND).close();
            } else {
                Files.newOutputStream(f).close();
            }
        } catch (IOException e) {
            throw PosixError.of(e).error("couldn't write file \"" + name + "\"");
        }
        return f;
    }

    /** Finds a program as execvp would: names with a slash directly, others along env(PATH). */
    static String findProgram(Interp in, String name) throws TclException {
        if (name.contains("/")) {
            Path p = WorkingDirectory.resolve(in, name);
            if (!Files.exists(p)) throw PosixError.ENOENT.error("couldn't execute \"" + name + "\"");
            if (Files.isDirectory(p) || !Files.isExecutable(p)) throw PosixError.EACCES.error("couldn't execute \"" + name + "\"");
            return p.toString();
        }
        Map<String, Value> env = in.arrayView("env");
        Value path = env == null ? null : env.get("PATH");
        String search = path == null ? "/usr/local/bin:/usr/bin:/bin" : path.toString();
        boolean denied = false;
        for (String dir : search.split(":", -1)) {
            Path p = WorkingDirectory.resolve(in, dir.isEmpty() ? "." : dir).resolve(name);
            if (Files.isRegularFile(p)) {
                if (Files.isExecutable(p)) return p.toString();
                denied = true;
            }
        }
        throw (denied ? PosixError.EACCES : PosixError.ENOENT).error("couldn't execute \"" + name + "\"");
    }

    private static List<ProcessBuilder> builders(Interp in, Pipeline p) throws TclException {
        Map<String, Value> env = in.arrayView("env");
        List<ProcessBuilder> out = new ArrayList<>();
        for (int s = 0; s < p.stages.size(); s++) {
            List<String> argv = new ArrayList<>(p.stages.get(s).stream().map(ProcessCommands::cString).toList());
            String program = findProgram(in, argv.get(0));
            if (!foundAsTheJdkFindsIt(env, argv.get(0))) argv.set(0, program);
            ProcessBuilder pb = new ProcessBuilder(argv);
            pb.directory(WorkingDirectory.of(in).toFile());
            Map<String, String> penv = pb.environment();
            penv.clear();
            if (env != null) env.forEach((k, v) -> penv.put(cString(k), cString(v.toString())));
            if (p.stderrToNext.get(s) && s < p.stages.size() - 1) pb.redirectErrorStream(true);
            out.add(pb);
        }
        return out;
    }

    /**
     * Whether the JDK, given the bare name, finds the program findProgram found: it searches the
     * PATH the JVM started with. Then the program gets the name as its argv[0], as from Tcl
     * ("ls: cannot access ..."); else it gets the path found.
     */
    private static boolean foundAsTheJdkFindsIt(Map<String, Value> env, String name) {
        String jvmPath = System.getenv("PATH");
        Value path = env == null ? null : env.get("PATH");
        if (name.contains("/") || jvmPath == null || path == null || !jvmPath.equals(path.toString())) return false;
        for (String dir : jvmPath.split(":", -1)) if (!dir.startsWith("/")) return false;
        return true;
    }

    /** A word as the C string execve receives: cut at its first NUL, as in Tcl. */
    private static String cString(String word) {
        int nul = word.indexOf('\0');
        return nul < 0 ? word : word.substring(0, nul);
    }

    /**
     * Where a background pipeline's output goes: the file of a file channel (as the child would
     * inherit its descriptor), the process's own stream for a standard channel, else a pipe.
     */
    private static ProcessBuilder.Redirect backgroundTarget(Interp in, Channel ch) {
        if (ch == null) return ProcessBuilder.Redirect.DISCARD;
        if (ch.path() != null) {
            ch.sharedWithChild();
            return ProcessBuilder.Redirect.appendTo(ch.path().toFile());
        }
        return ch.name().equals("stdout") ? in.channels().inherited(1)
                : ch.name().equals("stderr") ? in.channels().inherited(2) : ProcessBuilder.Redirect.PIPE;
    }

    /** Lets the child read the interpreter's standard input as its own, where it can (not when a pipe of ours feeds it). */
    private static void redirectStdin(Interp in, ProcessBuilder first) {
        Channel ch = in.channels().stdin();
        ProcessBuilder.Redirect r = in.channels().inheritedInput(ch);
        try {
            if (r == null && ch != null && ch.input() instanceof FileInputStream fis && fis.getFD() == FileDescriptor.in) {
                r = ProcessBuilder.Redirect.INHERIT;
            }
        } catch (IOException e) {
            return;
        }
        if (r != null) first.redirectInput(r);
    }

    // ---- exec -------------------------------------------------------------------------------------

    private static Value exec(Interp in, Value[] a) throws TclException {
        boolean keepNewline = false, ignoreStderr = false;
        int i = 1;
        for (; i < a.length; i++) {
            String s = a[i].toString();
            if (!s.startsWith("-")) break;
            if (s.equals("-keepnewline")) keepNewline = true;
            else if (s.equals("-ignorestderr")) ignoreStderr = true;
            else if (s.equals("--")) { i++; break; }
            else throw TclException.error("bad option \"" + s + "\": must be -ignorestderr, -keepnewline, or --",
                    "TCL", "LOOKUP", "INDEX", "option", s);
        }
        if (i >= a.length) throw TclException.wrongArgs(a, 1, "?-option ...? arg ?arg ...?");
        Pipeline p = parse(in, a, i);
        List<ProcessBuilder> pbs = builders(in, p);
        ProcessBuilder first = pbs.get(0);
        ProcessBuilder last = pbs.get(pbs.size() - 1);
        // Standard input.
        if (p.inFile != null) first.redirectInput(p.inFile.toFile());
        else if (p.inValue == null && p.inChannel == null) redirectStdin(in, first);
        // Standard output of the last stage.
        if (p.outFile != null) last.redirectOutput(ProcessBuilder.Redirect.appendTo(p.outFile.toFile()));
        else if (p.background) last.redirectOutput(backgroundTarget(in, p.outChannel != null ? p.outChannel : in.channels().stdout()));
        if (p.errToResult) last.redirectErrorStream(true);
        // Standard error of every stage.
        for (int s = 0; s < pbs.size(); s++) {
            ProcessBuilder pb = pbs.get(s);
            if (pb.redirectErrorStream()) continue;
            if (p.errFile != null) pb.redirectError(ProcessBuilder.Redirect.appendTo(p.errFile.toFile()));
            else if (p.background) pb.redirectError(backgroundTarget(in, p.errChannel != null ? p.errChannel : in.channels().stderr()));
        }
        for (Channel c : new Channel[] {in.channels().stdout(), p.outChannel, p.errChannel}) if (c != null) c.flush();
        // A foreground child is ended with the interpreter (a signal, exit from a trap), as spawned programs are.
        List<Process> procs = p.background ? start(pbs) : InterpEngine.of(in).startAdopted(() -> start(pbs));
        if (procs == null) throw TclException.error("couldn't execute \"" + pbs.get(0).command().get(0) + "\": shutting down");
        // Feed standard input, collect output and errors concurrently: any of them can fill a pipe.
        List<Thread> pumps = new ArrayList<>();
        Process firstP = procs.get(0);
        if (p.inValue != null || p.inChannel != null) {
            byte[] data = TextCodec.encode(TclUtf8.INSTANCE, p.inValue != null ? p.inValue : p.inChannel.read(-1));
            pumps.add(Thread.ofVirtual().start(() -> {
                try (OutputStream os = firstP.getOutputStream()) {
                    os.write(data);
                } catch (IOException ignored) {
                    // The child stopped reading; like a shell, exec does not care.
                }
            }));
        } else if (first.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            try {
                firstP.getOutputStream().close();
            } catch (IOException ignored) {
                // Nothing to close.
            }
        }
        Process lastP = procs.get(procs.size() - 1);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        if (last.redirectOutput() == ProcessBuilder.Redirect.PIPE) pumps.add(pump(lastP.getInputStream(), stdout));
        List<ByteArrayOutputStream> errs = new ArrayList<>();
        for (int s = 0; s < procs.size(); s++) {
            if (pbs.get(s).redirectError() == ProcessBuilder.Redirect.PIPE && !pbs.get(s).redirectErrorStream()) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                errs.add(err);
                pumps.add(pump(procs.get(s).getErrorStream(), err));
            }
        }
        if (p.background) {
            List<Value> pids = new ArrayList<>();
            for (Process pr : procs) pids.add(Value.of(pr.pid()));
            return Value.ofList(pids);
        }
        TclException childError = null;
        try {
            // Trap handlers run while exec waits; one that exits or fails ends the children too.
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    for (Thread t : pumps) t.join();
                    for (Process pr : procs) pr.waitFor();
                } catch (InterruptedException ignored) {
                    // Not interrupted by anyone.
                }
                done.complete(null);
            });
            try {
                in.awaitRunningAsync(done);
            } catch (TclException e) {
                endWithDescendants(procs);
                throw e;
            }
            for (Process pr : procs) {
                int code = pr.waitFor();
                if (code != 0) childError = childStatus(pr.pid(), code);
            }
            if (childError != null && childError.errorCode().toString().startsWith("CHILDKILLED")) in.awaitAsync(200);
        } catch (InterruptedException e) {
            endWithDescendants(procs);
            Thread.currentThread().interrupt();
            throw TclException.error("exec interrupted");
        }
        String out = TextCodec.decode(TclUtf8.INSTANCE, stdout.toByteArray(), 0, stdout.size());
        StringBuilder errText = new StringBuilder();
        for (ByteArrayOutputStream e : errs) errText.append(TextCodec.decode(TclUtf8.INSTANCE, e.toByteArray(), 0, e.size()));
        if (p.outChannel != null) {
            p.outChannel.write(out);
            p.outChannel.flush();
            out = "";
        } else {
            out = autoLineEnds(out);
        }
        if (p.errChannel != null) {
            p.errChannel.write(errText.toString());
            p.errChannel.flush();
        } else if (p.errToResult || !ignoreStderr) {
            out += autoLineEnds(errText.toString());
        } else {
            in.channels().stderr().write(errText.toString());
        }
        boolean stderrError = p.errChannel == null && !ignoreStderr && !p.errToResult && !errText.isEmpty();
        if (childError != null) {
            String ec = childError.errorCode().asList().get(0).toString();
            // A signal is always reported; a plain non-zero status only when nothing was on stderr.
            if (ec.equals("CHILDKILLED")) out += childError.result() + "\n";
            else if (!stderrError) out += childError.result();
        }
        if (!keepNewline && out.endsWith("\n")) out = out.substring(0, out.length() - 1);
        if (childError != null) {
            childError.setResult(Value.of(out));
            throw childError;
        }
        if (stderrError) throw TclException.error(out);
        return Value.of(out);
    }

    private static List<Process> start(List<ProcessBuilder> pbs) throws TclException {
        try {
            return pbs.size() == 1 ? List.of(pbs.get(0).start()) : ProcessBuilder.startPipeline(pbs);
        } catch (IOException e) {
            String prog = pbs.get(0).command().get(0);
            throw PosixError.of(e).error("couldn't execute \"" + prog + "\"");
        }
    }

    private static Thread pump(InputStream src, ByteArrayOutputStream dest) {
        return Thread.ofVirtual().start(() -> {
            try (src) {
                src.transferTo(dest);
            } catch (IOException ignored) {
                // The stream ends when the child does.
            }
        });
    }

    /**
     * Kills children and everything they started. The descendants are listed before anything is
     * killed: a killed shell's own child is reparented to init and could no longer be found.
     */
    private static void endWithDescendants(List<Process> procs) {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process pr : procs) {
            pr.toHandle().descendants().forEach(all::add);
            all.add(pr.toHandle());
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The error for a child's exit status. The JVM reports death by signal N as status 128+N, which
     * is read as a signal here (a child really exiting with 129..159 is reported as killed).
     */
    static TclException childStatus(long pid, int code) {
        if (code > 128 && code < 128 + SIGNALS.length) {
            String[] sig = SIGNALS[code - 128];
            TclException e = TclException.error("child killed: " + sig[1]);
            e.setErrorCode(Value.ofStrings(List.of("CHILDKILLED", Long.toString(pid), sig[0], sig[1])));
            return e;
        }
        TclException e = TclException.error("child process exited abnormally");
        e.setErrorCode(Value.ofStrings(List.of("CHILDSTATUS", Long.toString(pid), Integer.toString(code))));
        return e;
    }

    /** Linux signal numbers with Tcl's names and descriptions (Tcl_SignalId, Tcl_SignalMsg). */
    private static final String[][] SIGNALS = {
        {"", ""},
        {"SIGHUP", "hangup"}, {"SIGINT", "interrupt"}, {"SIGQUIT", "quit signal"}, {"SIGILL", "illegal instruction"},
        {"SIGTRAP", "trace trap"}, {"SIGABRT", "SIGABRT"}, {"SIGBUS", "bus error"}, {"SIGFPE", "floating-point exception"},
        {"SIGKILL", "kill signal"}, {"SIGUSR1", "user-defined signal 1"}, {"SIGSEGV", "segmentation violation"},
        {"SIGUSR2", "user-defined signal 2"}, {"SIGPIPE", "write on pipe with no readers"}, {"SIGALRM", "alarm clock"},
        {"SIGTERM", "software termination signal"}, {"SIGSTKFLT", "unknown signal"}, {"SIGCHLD", "child status changed"},
        {"SIGCONT", "continue after stop"}, {"SIGSTOP", "stop"}, {"SIGTSTP", "stop signal from tty"},
        {"SIGTTIN", "background tty read"}, {"SIGTTOU", "background tty write"}, {"SIGURG", "urgent I/O condition"},
        {"SIGXCPU", "exceeded CPU time limit"}, {"SIGXFSZ", "exceeded file size limit"}, {"SIGVTALRM", "virtual time alarm"},
        {"SIGPROF", "profiling timer expired"}, {"SIGWINCH", "window changed"}, {"SIGIO", "input/output possible on file"},
        {"SIGPWR", "power-fail restart"}, {"SIGSYS", "bad argument to system call"},
    };

    // ---- pipelines as channels ---------------------------------------------------------------------

    /** Per-interpreter: the processes behind each pipeline channel. */
    /** What the result reads is read as a Tcl channel reads input by default: CR LF and CR become LF. */
    private static String autoLineEnds(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static final class PipelineState {
        final Map<Channel, List<Process>> procs = new HashMap<>();
    }

    private static Map<Channel, List<Process>> pipelines(Interp in) {
        return in.extension(PipelineState.class, PipelineState::new).procs;
    }

    /** open "|cmd ...": a channel reading the pipeline's output and/or writing its input. */
    static Value openPipeline(Interp in, String command, String mode) throws TclException {
        boolean read = mode.startsWith("r") || mode.contains("+") || mode.contains("RDONLY") || mode.contains("RDWR");
        boolean write = mode.startsWith("w") || mode.startsWith("a") || mode.contains("+") || mode.contains("WRONLY") || mode.contains("RDWR");
        List<Value> words = Value.of(command).asList();
        Value[] argv = new Value[words.size() + 1];
        argv[0] = Value.of("open");
        for (int k = 0; k < words.size(); k++) argv[k + 1] = words.get(k);
        Pipeline p = parse(in, argv, 1);
        List<ProcessBuilder> pbs = builders(in, p);
        ProcessBuilder first = pbs.get(0);
        ProcessBuilder last = pbs.get(pbs.size() - 1);
        if (p.inFile != null) first.redirectInput(p.inFile.toFile());
        else if (!write) redirectStdin(in, first);
        if (p.outFile != null) last.redirectOutput(ProcessBuilder.Redirect.appendTo(p.outFile.toFile()));
        else if (!read) last.redirectOutput(in.channels().inherited(1));
        for (ProcessBuilder pb : pbs) {
            if (pb.redirectErrorStream()) continue;
            if (p.errFile != null) pb.redirectError(ProcessBuilder.Redirect.appendTo(p.errFile.toFile()));
            else pb.redirectError(in.channels().inherited(2));
        }
        if (p.errToResult) last.redirectErrorStream(true);
        List<Process> procs = start(pbs);
        Process firstP = procs.get(0);
        Process lastP = procs.get(procs.size() - 1);
        OutputStream os = write && first.redirectInput() == ProcessBuilder.Redirect.PIPE ? firstP.getOutputStream() : null;
        if (!write && first.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            try {
                if (p.inValue != null) firstP.getOutputStream().write(TextCodec.encode(TclUtf8.INSTANCE, p.inValue));
                firstP.getOutputStream().close();
            } catch (IOException ignored) {
                // The child exited early.
            }
        }
        InputStream is = read && last.redirectOutput() == ProcessBuilder.Redirect.PIPE ? lastP.getInputStream() : null;
        Channel ch = in.channels().add("file", is, os);
        pipelines(in).put(ch, procs);
        return Value.of(ch.name());
    }

    /** After close of a pipeline channel: waits for its children and reports an abnormal exit. */
    static void channelClosed(Interp in, Channel ch) throws TclException {
        List<Process> procs = pipelines(in).remove(ch);
        if (procs == null) return;
        TclException err = null;
        try {
            for (Process pr : procs) {
                int code = pr.waitFor();
                if (code != 0) err = childStatus(pr.pid(), code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (err != null) throw err;
    }
}
