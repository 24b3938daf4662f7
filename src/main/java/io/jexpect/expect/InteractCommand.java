package io.jexpect.expect;

import io.jexpect.engine.Case;
import io.jexpect.engine.ExpectResult;
import io.jexpect.engine.Expecter;
import io.jexpect.engine.Pattern;
import io.jexpect.engine.Session;
import io.jexpect.engine.UserTerminal;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * interact: connects the user and a spawned program. What the user types goes to the program
 * (unless it matches a pattern, which runs an action), what the program writes goes to stdout.
 * On a terminal the user's side is put in raw mode for the duration; with piped stdin it simply
 * passes the input through and returns at its end.
 */
final class InteractCommand {
    private InteractCommand() {}

    static void install(Interp in) {
        in.register("interact", InteractCommand::interact);
        in.register("exp_interact", InteractCommand::interact);
        in.register("inter_return", (i, a) -> { throw TclException.ret(Value.EMPTY, 2, TclException.OK); });
        in.register("exp_inter_return", in.command("inter_return"));
    }

    /**
     * One interact pattern: on the user's input, or (after -o) on the program's output.
     * {@code echo}: the user sees the pattern's characters as typed (they are not sent on);
     * {@code nobuffer}: they are also sent on to the program; {@code reset}: the action runs with
     * the terminal in its original mode.
     */
    private record Hook(String pattern, boolean regex, boolean output, boolean echo, boolean nobuffer,
                        boolean reset, Value body) {}

    private static Value interact(Interp in, Value[] argv) throws TclException {
        ExpectState st = ExpectState.of(in);
        List<Value> args = new ArrayList<>();
        if (argv.length == 2 && ExpectArgs.looksBraced(argv[1].toString())) {
            for (var c : in.parser().parse(argv[1].toString()).commands()) for (var w : c.words()) args.add(in.word(w));
        } else {
            for (int i = 1; i < argv.length; i++) args.add(argv[i]);
        }
        String procId = st.currentName();
        String whoAsks = "spawn_id"; // Expect's word for a closed id: its source
        List<Hook> hooks = new ArrayList<>();
        // eof before -o is the user's end of input; after -o, the program's.
        Value userEofBody = null, procEofBody = null, timeoutBody = null;
        long timeoutMs = -1;
        boolean output = false, regex = false, echo = false, nobuffer = false, reset = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).toString();
            switch (a) {
                case "-o" -> output = true;
                case "-u", "-i" -> {
                    procId = args.get(++i).toString();
                    whoAsks = "";
                }
                case "-re" -> regex = true;
                case "-echo" -> echo = true;
                case "-nobuffer" -> nobuffer = true;
                case "-reset" -> reset = true;
                case "-ex", "-indices", "-iread", "-iwrite", "--" -> {}
                case "eof" -> {
                    Value body = i + 1 < args.size() ? args.get(++i) : null;
                    if (output) procEofBody = body;
                    else userEofBody = body;
                }
                case "timeout" -> {
                    timeoutMs = Math.round(args.get(++i).asDouble() * 1000);
                    timeoutBody = i + 1 < args.size() ? args.get(++i) : null;
                }
                default -> {
                    hooks.add(new Hook(a, regex, output, echo, nobuffer, reset, i + 1 < args.size() ? args.get(++i) : null));
                    regex = false;
                    echo = false;
                    nobuffer = false;
                    reset = false;
                }
            }
        }
        SpawnId proc = st.open(procId, whoAsks);
        SpawnId user = st.lookup(ExpectState.USER_ID);
        String saved = UserTerminal.makeRaw(st.userTerminal);
        try {
            return loop(in, st, proc, user, hooks, userEofBody, procEofBody, timeoutBody, timeoutMs, saved);
        } finally {
            UserTerminal.restore(st.userTerminal, saved);
        }
    }

    private static Value loop(Interp in, ExpectState st, SpawnId proc, SpawnId user, List<Hook> hooks,
                              Value userEofBody, Value procEofBody, Value timeoutBody, long timeoutMs,
                              String ttyMode) throws TclException {
        Pattern any = st.regex(".+", false);
        StringBuilder pending = new StringBuilder();
        List<Session> sessions = new ArrayList<>(List.of(proc.session));
        if (!user.closed) sessions.add(user.session);
        List<Case> cases = new ArrayList<>(List.of(
                new Case(any, List.of(proc.session), true),
                new Case(any, List.of(user.session), true),
                new Case(new Pattern.Eof(), List.of(), true),
                new Case(new Pattern.Timeout(), List.of(), true)));
        while (true) {
            ExpectResult r;
            try {
                r = new Expecter().expect(sessions, cases, timeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TclException.error("interact interrupted");
            }
            switch (r.outcome()) {
                case TIMEOUT -> {
                    if (timeoutBody != null) {
                        Value v = run(in, timeoutBody);
                        if (v != null) return v;
                    }
                }
                case EOF -> {
                    if (r.session() == user.session) {
                        // The user's input ended (piped stdin ran out): Expect closes user_spawn_id
                        // (stdin and stdout) unless close_on_eof 0, then runs the eof action or returns.
                        sendThrough(proc, pending);
                        if (user.closeOnEof) {
                            user.closed = true;
                            in.channels().stdout().hangUp();
                        }
                        return userEofBody == null ? Value.EMPTY : orEmpty(run(in, userEofBody));
                    }
                    st.logOutput(r.buffer());
                    proc.closed = true;
                    proc.session.close();
                    return procEofBody == null ? Value.EMPTY : orEmpty(run(in, procEofBody));
                }
                default -> {
                    String text = r.buffer();
                    if (r.session() == proc.session) {
                        st.logOutput(text);
                        in.channels().stdout().flush();
                        for (Hook h : hooks) {
                            if (h.output() && matches(st, h, text)) {
                                Value v = run(in, h, ttyMode);
                                if (v != null) return v;
                            }
                        }
                    } else {
                        pending.append(text);
                        Value v = userInput(in, st, proc, hooks, pending, ttyMode);
                        if (v != null) return v;
                    }
                }
            }
        }
    }

    /** Sends typed input through, holding back a tail that may still become a pattern. */
    private static Value userInput(Interp in, ExpectState st, SpawnId proc, List<Hook> hooks, StringBuilder pending,
                                   String ttyMode) throws TclException {
        for (Hook h : hooks) {
            if (h.output()) continue;
            int[] span = find(st, h, pending);
            if (span == null) continue;
            String matched = pending.substring(span[0], span[1]);
            write(proc, pending.substring(0, span[0]));
            if (h.nobuffer()) write(proc, matched);
            if (h.echo()) echo(in, matched);
            pending.delete(0, span[1]);
            in.setVar("interact_out", "0,string", Value.of(matched));
            Value v = run(in, h, ttyMode);
            if (v != null) return v;
            return userInput(in, st, proc, hooks, pending, ttyMode);
        }
        int hold = 0;
        for (Hook h : hooks) {
            if (h.output() || h.regex() || h.nobuffer()) continue;
            for (int k = Math.min(h.pattern().length() - 1, pending.length()); k > hold; k--) {
                if (h.pattern().startsWith(pending.substring(pending.length() - k))) { hold = k; break; }
            }
        }
        write(proc, pending.substring(0, pending.length() - hold));
        pending.delete(0, pending.length() - hold);
        return null;
    }

    /** Where a hook's pattern is in the text: {start, end}, or null. */
    private static int[] find(ExpectState st, Hook h, CharSequence text) throws TclException {
        if (h.regex()) {
            int[] m = io.jexpect.commands.TclRegex.exec(io.jexpect.commands.TclRegex.compile(st.interp, h.pattern(), 0), text, 0, false);
            return m == null ? null : new int[] {m[0], m[1]};
        }
        int at = text.toString().indexOf(h.pattern());
        return at < 0 ? null : new int[] {at, at + h.pattern().length()};
    }

    private static void echo(Interp in, String text) throws TclException {
        in.channels().stdout().write(text);
        in.channels().stdout().flush();
    }

    private static boolean matches(ExpectState st, Hook h, CharSequence text) throws TclException {
        return find(st, h, text) != null;
    }

    private static void sendThrough(SpawnId proc, StringBuilder pending) throws TclException {
        write(proc, pending.toString());
        pending.setLength(0);
    }

    private static void write(SpawnId proc, String text) throws TclException {
        if (text.isEmpty()) return;
        try {
            proc.session.send(text);
        } catch (IOException e) {
            throw TclException.error("write to spawn id " + proc.name + " failed: " + e.getMessage());
        }
    }

    /** Runs a hook's action; with -reset, in the terminal mode from before interact. */
    private static Value run(Interp in, Hook h, String ttyMode) throws TclException {
        if (!h.reset() || ttyMode == null) return run(in, h.body());
        File tty = ExpectState.of(in).userTerminal;
        UserTerminal.restore(tty, ttyMode);
        try {
            return run(in, h.body());
        } finally {
            UserTerminal.makeRaw(tty);
        }
    }

    /** Runs an action; a return in it ends interact (its value, or "" when null is returned: go on). */
    private static Value run(Interp in, Value body) throws TclException {
        if (body == null) return null;
        try {
            in.evalAction(body);
            return null;
        } catch (TclException e) {
            if (e.code() == TclException.RETURN && e.returnLevel() <= 1) return e.result();
            if (e.code() == TclException.BREAK) return Value.EMPTY;
            if (e.code() == TclException.CONTINUE) return null;
            throw e;
        }
    }

    private static Value orEmpty(Value v) {
        return v == null ? Value.EMPTY : v;
    }
}
