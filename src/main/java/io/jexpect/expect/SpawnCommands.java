package io.jexpect.expect;

import io.jexpect.commands.WorkingDirectory;
import io.jexpect.engine.ExitStatus;
import io.jexpect.engine.Session;
import io.jexpect.engine.SpawnException;
import io.jexpect.engine.SpawnOptions;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.TclUtf8;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starting and ending programs: spawn, close, wait, exp_pid. */
final class SpawnCommands {
    private SpawnCommands() {}

    static void install(Interp in) {
        in.register("spawn", SpawnCommands::spawn);
        in.register("exp_spawn", SpawnCommands::spawn);
        // Expect's close also closes Tcl channels (close $fileId), so keep the core one to delegate to.
        io.jexpect.interp.TclCommand channelClose = in.command("close");
        io.jexpect.interp.TclCommand close = (i, a) -> {
            if (a.length >= 2 && !a[1].toString().startsWith("-") && channelClose != null) return channelClose.call(i, a);
            return close(i, a);
        };
        in.register("close", close);
        in.register("exp_close", close);
        in.register("wait", SpawnCommands::waitCmd);
        in.register("exp_wait", SpawnCommands::waitCmd);
        in.register("exp_pid", SpawnCommands::expPid);
    }

    /** Expect's spawn flags, in the order its "bad flag" message lists them. */
    private static final String[] FLAGS = {"-console", "-ignore", "-leaveopen", "-noecho", "-nottycopy", "-nottyinit", "-open", "-pty"};

    private static Value spawn(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        boolean echo = true, pty = true, closeChannel = false, screen = false;
        String channel = null;
        List<String> ignored = new ArrayList<>();
        int i = 1;
        for (; i < a.length; i++) {
            String opt = a[i].toString();
            if (!opt.startsWith("-")) break;
            // jexpect's own: -pipes, -screen, and -- before a program whose name starts with "-".
            if (opt.equals("--")) {
                i++;
                break;
            }
            if (opt.equals("-pipes")) {
                pty = false;
                continue;
            }
            if (opt.equals("-screen")) {
                screen = true;
                continue;
            }
            switch (FLAGS[io.jexpect.commands.OptionTable.lookup(a[i], "flag", FLAGS)]) {
                case "-noecho" -> echo = false;
                case "-ignore" -> {
                    if (++i >= a.length) throw TclException.error("usage: -ignore signal");
                    ignored.add(Integer.toString(signalNumber(a[i].toString())));
                }
                case "-open", "-leaveopen" -> {
                    if (++i >= a.length) throw TclException.error("usage: -open file-identifier");
                    channel = a[i].toString();
                    closeChannel = opt.startsWith("-o");
                }
                default -> {} // -console, -nottycopy, -nottyinit, -pty: nothing to do on a fresh pty
            }
        }
        if (channel != null) {
            if (i < a.length) throw TclException.error("usage: -[leave]open [fileXX]");
            if (echo) st.logOutput("spawn [open ...]\r\n");
            return spawnChannel(in, st, channel, closeChannel);
        }
        if (i >= a.length) throw TclException.error("usage: spawn [spawn-args] program [program-args]");
        List<String> command = new ArrayList<>();
        for (int k = i; k < a.length; k++) command.add(a[k].toString());
        if (echo) {
            // Expect echoes the command as written, flags included.
            StringBuilder line = new StringBuilder("spawn");
            for (int k = 1; k < a.length; k++) line.append(' ').append(a[k]);
            st.logOutput(line.append("\r\n").toString());
        }
        List<String> argv = command;
        if (!ignored.isEmpty()) {
            if (!executable(in, command.get(0))) {
                throw TclException.error("couldn't execute \"" + command.get(0) + "\": no such file or directory");
            }
            // Ignored dispositions survive exec: a shell sets them, then becomes the program (same pid).
            // Its script is constant; the signal numbers and the command travel only as arguments.
            argv = new ArrayList<>(List.of("/bin/sh", "-c",
                    "while [ \"$1\" != -- ]; do trap '' \"$1\"; shift; done; shift; exec \"$@\"", "sh"));
            argv.addAll(ignored);
            argv.add("--");
            argv.addAll(command);
        }
        Map<String, String> env = environment(in);
        io.jexpect.screen.ScreenTap tap = null;
        if (screen) {
            if (!pty) throw TclException.error("spawn: -screen needs a terminal, not -pipes");
            // The program draws for the terminal we emulate, at the size it starts with (stty_init may change it).
            env.put("TERM", ScreenCommand.TERM);
            tap = new io.jexpect.screen.ScreenTap(ScreenCommand.ROWS, ScreenCommand.COLUMNS);
        }
        SpawnOptions opts = new SpawnOptions(argv, env, WorkingDirectory.of(in), pty, sttyInit(in),
                screen ? ScreenCommand.ROWS : 0, screen ? ScreenCommand.COLUMNS : 0, TclUtf8.INSTANCE);
        SpawnOutput output = new SpawnOutput(tap, st.defaultStripAnsi);
        Session s;
        try {
            s = st.engine().spawn(opts, output);
        } catch (SpawnException e) {
            if (e.errorCode().isEmpty()) throw TclException.error(e.getMessage());
            throw TclException.error(e.getMessage(), e.errorCode().toArray(String[]::new));
        } catch (IOException e) {
            throw TclException.error(e.getMessage() == null ? "couldn't execute \"" + command.get(0) + "\"" : e.getMessage());
        }
        if (tap != null) tap.attach(s);
        SpawnId id = st.register(s);
        id.output = output;
        in.setVar("spawn_id", Value.of(id.name));
        if (s.slaveName() != null) in.setVar("spawn_out", "slave,name", Value.of(s.slaveName()));
        return Value.of(s.pid());
    }

    /**
     * Expect's exp_string_to_signal: a number as sscanf("%d") reads it (leading blanks, a sign,
     * trailing junk), else a name from Tcl_SignalId with or without its "SIG", case-sensitive.
     */
    private static int signalNumber(String s) throws TclException {
        var m = java.util.regex.Pattern.compile("^[ \\t\\n\\v\\f\\r]*([+-]?[0-9]+)").matcher(s);
        if (m.find()) {
            String digits = m.group(1);
            long n = digits.length() > 11 ? -1 : Long.parseLong(digits);
            if (n > 0 && n < NSIG) return (int) n;
        } else {
            for (int sig = 1; sig < NSIG; sig++) {
                String name = io.jexpect.engine.Signals.name(sig);
                if (s.equals(name) || s.equals(name.substring(3))) return sig;
            }
        }
        throw TclException.error("usage: -ignore " + s + ": unknown signal name");
    }

    /** Linux's NSIG: signals are 1..64. */
    private static final int NSIG = 65;

    /** spawn -open/-leaveopen: a spawn id over a Tcl channel (a file, a pipeline from open "|cmd"). */
    private static Value spawnChannel(Interp in, ExpectState st, String name, boolean closeWithId) throws TclException {
        var ch = in.channels().get(name);
        Session s = st.engine().wrap(ch.input(), ch.output(), TclUtf8.INSTANCE, name);
        SpawnId id = st.register(s);
        if (closeWithId) {
            id.onClose = () -> {
                try {
                    ch.close();
                    in.channels().remove(name);
                } catch (TclException ignored) {
                    // Closing our side of a channel that already failed: nothing left to do.
                }
            };
        }
        in.setVar("spawn_id", Value.of(id.name));
        return Value.ZERO; // Expect answers 0 for a spawn id without a process
    }

    /** Whether a program name resolves as execvp would resolve it (PATH unless it has a '/'). */
    private static boolean executable(Interp in, String program) throws TclException {
        if (program.indexOf('\0') >= 0) return false;
        if (program.contains("/")) return java.nio.file.Files.isExecutable(WorkingDirectory.resolve(in, program));
        Value path = in.getGlobalOrNull("env(PATH)");
        for (String dir : (path == null ? "/usr/bin:/bin" : path.toString()).split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir.isEmpty() ? "." : dir, program))) return true;
        }
        return false;
    }

    /** The program's environment is the interpreter's env array (scripts may change it). */
    static Map<String, String> environment(Interp in) {
        Map<String, Value> env = in.arrayView("env");
        Map<String, String> out = new HashMap<>();
        if (env == null) return out;
        env.forEach((k, v) -> out.put(k, v.toString()));
        for (String k : System.getenv().keySet()) if (!out.containsKey(k)) out.put(k, null);
        return out;
    }

    private static List<String> sttyInit(Interp in) throws TclException {
        Value v = in.getGlobalOrNull("stty_init");
        List<String> out = new ArrayList<>();
        if (v != null) for (Value w : v.asList()) out.add(w.toString());
        return out;
    }

    /** Parses "-i id" and flags common to close/wait/exp_pid; returns the id name. */
    private static String idOption(ExpectState st, Value[] a, List<String> flags) throws TclException {
        String id = null;
        for (int i = 1; i < a.length; i++) {
            String opt = a[i].toString();
            if (opt.equals("-i") && i + 1 < a.length) id = a[++i].toString();
            else flags.add(opt);
        }
        return id == null ? st.currentName() : id;
    }

    private static Value close(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        List<String> flags = new ArrayList<>();
        String name = idOption(st, a, flags);
        for (String f : flags) {
            if (!f.equals("-slave") && !f.equals("-onexec") && !f.equals("0") && !f.equals("1")) {
                throw TclException.error("usage: close [-slave] [-onexec 0|1] [-i spawn_id]");
            }
        }
        boolean fromVariable = flags.size() == a.length - 1; // no -i id among the words
        SpawnId id = st.open(name, fromVariable ? "spawn_id" : "close");
        id.closed = true;
        if (!id.user) id.session.close();
        if (id.onClose != null) id.onClose.run();
        // Expect's closed descriptor: the channel stays until wait, blocking, refusing writes.
        if (id.channel != null && !id.user) id.channel.setBlocking(true);
        return Value.EMPTY;
    }

    private static Value waitCmd(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        List<String> flags = new ArrayList<>();
        String name = idOption(st, a, flags);
        boolean nowait = flags.contains("-nowait");
        SpawnId id = st.lookup(name);
        if (id.user) throw TclException.error("wait: spawn id " + name + " has no process to wait for");
        if (id.session.pid() < 0) {
            // spawn -open: nothing to reap; a closed id is gone, an open one stays (Expect's way).
            if (id.closed) st.forget(id);
            return Value.ofList(List.of(Value.ZERO, Value.of(name), Value.ZERO, Value.ZERO));
        }
        ExitStatus status;
        if (nowait) {
            Optional<ExitStatus> now = id.session.exitStatusNow();
            st.forget(id);
            if (now.isEmpty()) return Value.ofList(List.of(Value.of(id.session.pid()), Value.of(name), Value.ZERO, Value.ZERO));
            status = now.get();
        } else {
            try {
                status = id.session.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TclException.error("wait interrupted");
            }
            st.forget(id);
        }
        List<Value> out = new ArrayList<>(List.of(Value.of(status.pid()), Value.of(name), Value.ZERO));
        if (status.killedBySignal()) {
            out.addAll(List.of(Value.ZERO, Value.of("CHILDKILLED"), Value.of(status.signalName()), Value.of(status.signalMessage())));
        } else {
            out.add(Value.of(status.exitCode()));
        }
        return Value.ofList(out);
    }

    private static Value expPid(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        String name = idOption(st, a, new ArrayList<>());
        return Value.of(st.lookup(name).session.pid());
    }
}
