package io.jexpect.expect;

import io.jexpect.commands.EventLoop;
import io.jexpect.commands.OptionTable;
import io.jexpect.commands.ProcessId;
import io.jexpect.commands.WorkingDirectory;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rest of Expect: sleep, match_max, remove_nulls, stty, system, exp_version, timestamp, exit. */
final class MiscCommands {
    private MiscCommands() {}

    static void install(Interp in) {
        in.register("sleep", MiscCommands::sleep);
        in.register("exp_sleep", MiscCommands::sleep);
        in.register("match_max", MiscCommands::matchMax);
        in.register("exp_match_max", MiscCommands::matchMax);
        in.register("remove_nulls", MiscCommands::removeNulls);
        in.register("exp_remove_nulls", MiscCommands::removeNulls);
        in.register("parity", MiscCommands::parity);
        in.register("exp_parity", MiscCommands::parity);
        in.register("close_on_eof", MiscCommands::closeOnEof);
        in.register("exp_close_on_eof", MiscCommands::closeOnEof);
        // Expect's deprecated getpid: this process's pid, whatever the arguments.
        in.register("getpid", (i, a) -> Value.of(ProcessId.of(i)));
        in.register("exp_getpid", (i, a) -> Value.of(ProcessId.of(i)));
        in.register("stty", MiscCommands::stty);
        in.register("exp_stty", MiscCommands::stty);
        in.register("system", MiscCommands::system);
        in.register("exp_system", MiscCommands::system);
        in.register("exp_version", MiscCommands::version);
        in.register("timestamp", MiscCommands::timestamp);
        in.register("exp_timestamp", MiscCommands::timestamp);
        in.register("exp_configure", MiscCommands::configure);
        in.register("exit", MiscCommands::exit);
        in.register("exp_exit", MiscCommands::exit);
    }

    /** exp_configure -strictwrite bool: whether a failed write to a spawned program is an error (Expect's default: no). */
    private static Value configure(Interp in, Value[] a) throws TclException {
        if (a.length < 3 || a.length % 2 == 0) throw TclException.wrongArgs(a, 1, "-strictwrite value");
        for (int i = 1; i < a.length; i += 2) {
            OptionTable.lookup(a[i], "option", "-strictwrite");
            ExpectState.of(in).strictWrite = a[i + 1].asBoolean();
        }
        return Value.EMPTY;
    }

    private static Value sleep(Interp in, Value[] a) throws TclException {
        if (a.length != 2) throw TclException.error("must have one arg: seconds");
        // Expect takes an empty word as no wait; NaN is Tcl_GetDoubleFromObj's error; Inf is forever.
        double seconds = a[1].toString().isEmpty() ? 0 : a[1].asDouble();
        if (Double.isNaN(seconds)) throw TclException.error("floating point value is Not a Number", "TCL", "VALUE", "DOUBLE", "NAN");
        long now = System.nanoTime();
        long end = now + (seconds > 1e9 ? Long.MAX_VALUE / 2 : Math.max(0, Math.round(seconds * 1000)) * 1_000_000L);
        EventLoop events = EventLoop.of(in);
        while (end - System.nanoTime() > 0) {
            // Timers (after) and signal traps fire during sleep, as Expect's sleep runs the event loop.
            events.runDue();
            events.waitUntil(end);
        }
        return Value.EMPTY;
    }

    /** The arguments of match_max, remove_nulls, parity, close_on_eof: [-d] [-i id] [value]. */
    private record Setting(boolean dflt, String explicitId, Value value) {
        /** The spawn id concerned: the -i one, else the current one. */
        String id(ExpectState st) {
            return explicitId != null ? explicitId : st.currentName();
        }

        /** As Expect: flags (unique prefixes of -d and -i) until the first word without a "-", the value. */
        static Setting parse(Value[] a) throws TclException {
            boolean dflt = false;
            String id = null;
            int i = 1;
            for (; i < a.length && a[i].toString().startsWith("-"); i++) {
                String opt = a[i].toString();
                boolean d = "-d".startsWith(opt), id1 = "-i".startsWith(opt);
                if (d == id1) {
                    throw TclException.error((d ? "ambiguous" : "bad") + " flag \"" + opt + "\": must be -d or -i",
                            "TCL", "LOOKUP", "INDEX", "flag", opt);
                }
                if (d) {
                    dflt = true;
                } else {
                    if (++i >= a.length) throw TclException.error("-i needs argument");
                    id = a[i].toString();
                }
            }
            return new Setting(dflt, id, i < a.length ? a[i] : null);
        }
    }

    /** match_max [-d] [-i id] [size]: without a spawn yet, it is the default for new spawns. */
    private static Value matchMax(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        Setting set = Setting.parse(a);
        boolean noSpawnYet = in.getVarOrNull("spawn_id") == null && in.getGlobalOrNull("spawn_id") == null;
        if (set.dflt() || (noSpawnYet && set.explicitId() == null)) {
            if (set.value() == null) return Value.of(st.defaultMatchMax);
            st.defaultMatchMax = positive(set.value());
            if (st.engineStarted()) st.engine().setDefaultMatchMax(st.defaultMatchMax);
            return Value.EMPTY;
        }
        SpawnId sid = st.lookup(set.id(st));
        if (set.value() == null) return Value.of(sid.session.buffer().matchMax());
        sid.session.buffer().setMatchMax(positive(set.value()));
        return Value.EMPTY;
    }

    private static int positive(Value v) throws TclException {
        int n = v.asInt();
        if (n <= 0) throw TclException.error("must be positive");
        return n;
    }

    private static Value removeNulls(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        Setting set = Setting.parse(a);
        if (set.dflt()) {
            if (set.value() == null) return Value.of(st.engine().defaultRemoveNulls());
            st.engine().setDefaultRemoveNulls(set.value().asBoolean());
            return Value.EMPTY;
        }
        SpawnId sid = st.lookup(set.id(st));
        if (set.value() == null) return Value.of(sid.session.buffer().removeNulls());
        sid.session.buffer().setRemoveNulls(set.value().asBoolean());
        return Value.EMPTY;
    }

    /** parity [-d] [-i id] [0|1]: 0 strips the high bit of what the program writes. */
    private static Value parity(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        Setting set = Setting.parse(a);
        if (set.dflt()) {
            if (set.value() == null) return Value.of(st.defaultParity);
            st.defaultParity = set.value().asBoolean();
            return Value.EMPTY;
        }
        SpawnId sid = st.lookup(set.id(st));
        if (set.value() == null) return Value.of(sid.session.parity());
        sid.session.setParity(set.value().asBoolean());
        return Value.EMPTY;
    }

    /** close_on_eof [-i id] [0|1]: whether eof closes the spawn id (default 1). */
    private static Value closeOnEof(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        Setting set = Setting.parse(a);
        SpawnId sid = st.lookup(set.id(st));
        if (set.value() == null) return Value.of(sid.closeOnEof);
        sid.closeOnEof = set.value().asBoolean();
        return Value.EMPTY;
    }

    /**
     * stty on the user's terminal (or, with "< device", on that terminal, e.g. a spawned
     * program's $spawn_out(slave,name)). Runs the system's stty so every mode it knows works.
     */
    private static Value stty(Interp in, Value[] a) throws TclException {
        File input = ExpectState.of(in).userTerminal;
        List<String> args = new ArrayList<>();
        for (int i = 1; i < a.length; i++) {
            String w = a[i].toString();
            if (w.equals("<") && i + 1 < a.length) input = WorkingDirectory.resolve(in, a[++i].toString()).toFile();
            else if (w.startsWith("<") && w.length() > 1) input = WorkingDirectory.resolve(in, w.substring(1)).toFile();
            else args.add(w);
        }
        // A shell opens the device, not the JVM: a JVM leading a session without a controlling
        // terminal would otherwise acquire a spawned program's pty as its own.
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "exec stty \"$@\" < \"$0\"", input.getPath()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) {
                // Without a terminal (CI, pipes) there is nothing to configure: Expect ignores it too.
                if (!input.exists() || out.contains("Inappropriate ioctl") || out.contains("No such device")
                        || out.contains("cannot open") || out.contains("No such device or address")) {
                    return Value.EMPTY;
                }
                throw TclException.error("stty: " + out.strip());
            }
            return Value.of(out.endsWith("\n") ? out.substring(0, out.length() - 1) : out);
        } catch (IOException e) {
            return Value.EMPTY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TclException.error("stty interrupted");
        }
    }

    /** system: sh -c on the joined arguments, with the user's terminal; not logged. */
    private static Value system(Interp in, Value[] a) throws TclException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < a.length; i++) sb.append(i > 1 ? " " : "").append(a[i]);
        in.channels().flushAll();
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", sb.toString()).inheritIO()
                .redirectOutput(in.channels().inherited(1)).redirectError(in.channels().inherited(2))
                .directory(WorkingDirectory.of(in).toFile());
        ProcessBuilder.Redirect stdin = in.channels().inheritedInput(in.channels().stdin());
        if (stdin != null) pb.redirectInput(stdin);
        // The script's env array, as exec and spawn give it.
        SpawnCommands.environment(in).forEach((k, v) -> {
            if (v == null) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        try {
            int rc = pb.start().waitFor();
            if (rc != 0) {
                TclException e = TclException.error("child process exited abnormally");
                e.setErrorCode(Value.ofStrings(List.of("CHILDSTATUS", "0", String.valueOf(rc))));
                throw e;
            }
            return Value.EMPTY;
        } catch (IOException e) {
            throw TclException.error("couldn't execute \"/bin/sh\": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TclException.error("system interrupted");
        }
    }

    private static Value version(Interp in, Value[] a) throws TclException {
        String mine = "5.45.4";
        if (a.length == 1) return Value.of(mine);
        boolean exit = a[1].toString().equals("-exit");
        String want = a[a.length - 1].toString();
        String[] w = want.split("\\.");
        String[] m = mine.split("\\.");
        boolean ok = w[0].equals(m[0]) && (w.length < 2 || Integer.parseInt(w[1]) <= Integer.parseInt(m[1]));
        if (ok) return Value.EMPTY;
        String msg = a[0] + " requires Expect version " + want + " but using " + mine;
        if (exit) {
            in.channels().stderr().write(msg + "\n");
            throw TclException.exit(1);
        }
        throw TclException.error(msg);
    }

    /** timestamp [-seconds n] [-gmt] [-format fmt]: without -format, the seconds. */
    private static Value timestamp(Interp in, Value[] a) throws TclException {
        String format = null;
        Value seconds = Value.of(System.currentTimeMillis() / 1000);
        boolean gmt = false;
        for (int i = 1; i < a.length; i++) {
            switch (a[i].toString()) {
                case "-format" -> format = a[++i].toString();
                case "-seconds" -> seconds = a[++i];
                case "-gmt" -> gmt = true;
                default -> throw TclException.error("usage: timestamp [-seconds n] [-gmt] [-format fmt]");
            }
        }
        if (format == null) return seconds;
        List<Value> cmd = new ArrayList<>(List.of(Value.of("clock"), Value.of("format"), seconds, Value.of("-format"), Value.of(format)));
        if (gmt) cmd.addAll(List.of(Value.of("-gmt"), Value.ONE));
        return in.invoke(cmd.toArray(new Value[0]));
    }

    /** exit [-onexit [handler]] [-noexit] [status]: runs exit handlers, then ends every spawned program. */
    private static Value exit(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        int status = 0;
        boolean noexit = false;
        for (int i = 1; i < a.length; i++) {
            String opt = a[i].toString();
            if (opt.equals("-onexit")) {
                if (i + 1 >= a.length) return st.exitHandlers.isEmpty() ? Value.EMPTY : st.exitHandlers.get(st.exitHandlers.size() - 1);
                st.exitHandlers.add(a[++i]);
                return Value.EMPTY;
            } else if (opt.equals("-noexit")) {
                noexit = true;
            } else {
                status = a[i].asInt();
            }
        }
        runExitHandlers(in, st);
        if (noexit) return Value.EMPTY;
        throw TclException.exit(status);
    }

    static void runExitHandlers(Interp in, ExpectState st) {
        List<Value> handlers = new ArrayList<>(st.exitHandlers);
        st.exitHandlers.clear();
        for (Value h : handlers) {
            try {
                in.evalGlobal(h);
            } catch (TclException ignored) {
                // An exit handler's error does not stop the exit.
            }
        }
    }
}
