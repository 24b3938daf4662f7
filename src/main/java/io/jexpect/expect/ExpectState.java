package io.jexpect.expect;

import io.jexpect.commands.InterpEngine;
import io.jexpect.engine.Engine;
import io.jexpect.engine.Pattern;
import io.jexpect.engine.Session;
import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.TclUtf8;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Expect side of one interpreter: spawn ids, logging switches, expect_before/after, exit handlers. */
final class ExpectState {
    static final String USER_ID = "exp0";
    static final String ERROR_ID = "exp2";
    static final String TTY_ID = "exp1";
    static final double DEFAULT_TIMEOUT = 10;

    final Interp interp;
    private volatile Engine engine;
    private final Map<String, SpawnId> ids = new LinkedHashMap<>();
    private int nextId = 3;
    boolean logUser = true;
    /** exp_configure -strictwrite: a write the system refuses is an error (else ignored, Expect 5.41's way). */
    boolean strictWrite;
    final Transcript transcript = new Transcript();
    final Diagnostics diagnostics;
    /** ExpectCommands.onSend's listener, or null. */
    java.util.function.Consumer<String> sendListener;
    /** The user's terminal (stty, interact's raw mode, send_tty): the controlling one, or a resident server's client's. */
    java.io.File userTerminal = io.jexpect.engine.UserTerminal.CONTROLLING;
    /** expect_before and expect_after cases, each bound to the spawn ids current when declared. */
    final List<BoundCase> before = new ArrayList<>();
    final List<BoundCase> after = new ArrayList<>();
    /** expect_background cases, tried by the event loop. */
    final List<BoundCase> background = new ArrayList<>();
    /** The ids a foreground expect is reading: expect_background leaves them alone meanwhile. */
    java.util.Set<String> busy = java.util.Set.of();
    /** Bumped when expect_before/after change, so a running expect rebuilds its case list. */
    int tableVersion;
    /** The latest expect calls' arguments and plans, for the calls that follow with the same words. */
    final PlanCache plans = new PlanCache();
    final List<Value> exitHandlers = new ArrayList<>();
    private final Map<String, Pattern.Regex> regexCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern.Regex> e) {
            return size() > 256;
        }
    };
    int defaultMatchMax = 2000;
    /** parity -d: whether new spawns keep the high bit (Expect's default 1). */
    boolean defaultParity = true;
    /** strip_ansi -d: whether new spawns get their escape sequences removed (default 0). */
    boolean defaultStripAnsi;
    /** screen snapshot writes its golden files instead of comparing (jexpect test --update-snapshots). */
    boolean updateSnapshots;

    record BoundCase(CaseSpec spec, List<String> ids) {}

    ExpectState(Interp interp) {
        this.interp = interp;
        this.diagnostics = new Diagnostics(interp);
    }

    static ExpectState of(Interp interp) {
        // Looked up several times a turn: no lambda made for each look.
        ExpectState st = interp.extension(ExpectState.class);
        return st != null ? st : interp.extension(ExpectState.class, () -> new ExpectState(interp));
    }

    /** The engine starts on first use, so scripts that spawn nothing never load the pty library. */
    Engine engine() {
        if (engine == null) {
            engine = InterpEngine.of(interp);
            engine.setDefaultMatchMax(defaultMatchMax);
        }
        return engine;
    }

    boolean engineStarted() {
        return engine != null;
    }

    SpawnId register(Session session) {
        String name = "exp" + nextId++;
        SpawnId id = new SpawnId(name, session, false);
        session.setParity(defaultParity);
        ids.put(name, id);
        id.channel = SpawnChannel.open(interp, id);
        return id;
    }

    /** The virtual terminal of a session spawned with -screen, or null. */
    io.jexpect.screen.VirtualTerminal screenOf(Session s) {
        for (SpawnId id : ids.values()) {
            if (id.session == s) return id.output == null || id.output.screen == null ? null : id.output.screen.terminal();
        }
        return null;
    }

    /** The id is gone (waited for, given to exp_open, its channel closed): so is its channel. */
    void forget(SpawnId id) {
        if (id.user) return;
        ids.remove(id.name);
        if (id.channel != null && interp.channels().remove(id.name)) id.channel = null;
    }

    /** Tcl's close on exp0 or exp2: the user's id is closed from now on. */
    void userChannelClosed(String name) {
        SpawnId id = ids.get(name);
        if (id != null) id.closed = true;
    }

    /** Looks up a spawn id by name, creating the user ids on first use. */
    SpawnId lookup(String name) throws TclException {
        SpawnId id = ids.get(name);
        if (id == null && name.equals(USER_ID)) id = userId();
        if (id == null && name.equals(ERROR_ID)) id = errorId();
        if (id == null && name.equals(TTY_ID) && hasTty()) id = ttyId();
        if (id == null) throw TclException.error("can not find channel named \"" + name + "\"");
        return id;
    }

    /** Whether {@code id} is still the one its name gives. */
    boolean isCurrent(SpawnId id) {
        return ids.get(id.name) == id;
    }

    /** Like lookup, but also fails for a closed id given with -i, as send/expect do (": spawn id exp4 not open"). */
    SpawnId open(String name) throws TclException {
        return open(name, "");
    }

    /**
     * Like lookup, but also fails for a closed id, with Expect's words for who looked: "send" or
     * "expect" for the id in spawn_id, "spawn_id" for close's, interact's or exp_open's, "close"
     * or "exp_open" for their -i id, "" for other -i lists ("send: spawn id exp4 not open").
     */
    SpawnId open(String name, String whoAsks) throws TclException {
        SpawnId id = lookup(name);
        if (id.closed) throw TclException.error(whoAsks + ": spawn id " + name + " not open");
        return id;
    }

    /** The spawn id in effect: the spawn_id variable (local, then global), else the user's. */
    SpawnId current() throws TclException {
        String name = currentName();
        return lookup(name);
    }

    String currentName() {
        Value v = interp.getVarOrNull("spawn_id");
        if (v == null) v = interp.getGlobalOrNull("spawn_id");
        return v == null ? USER_ID : v.toString();
    }

    private SpawnId userId() {
        Channel stdout = interp.channels().stdout();
        Session s = engine().wrap(interp.channels().stdin().input(), new ChannelStream(stdout),
                TclUtf8.INSTANCE, "user");
        SpawnId id = new SpawnId(USER_ID, s, true);
        id.channel = userChannel(USER_ID);
        ids.put(USER_ID, id);
        return id;
    }

    /** Whether this process has a controlling terminal (Expect defines tty_spawn_id only then). */
    static boolean hasTty() {
        try {
            new java.io.RandomAccessFile("/dev/tty", "rw").close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private SpawnId ttyId() throws TclException {
        try {
            Session s = engine().wrap(new java.io.FileInputStream("/dev/tty"), new java.io.FileOutputStream("/dev/tty"),
                    TclUtf8.INSTANCE, "tty");
            SpawnId id = new SpawnId(TTY_ID, s, true);
            ids.put(TTY_ID, id);
            return id;
        } catch (IOException e) {
            throw TclException.error("can not find channel named \"" + TTY_ID + "\"");
        }
    }

    private SpawnId errorId() {
        Session s = engine().wrap(null, new ChannelStream(interp.channels().stderr()), TclUtf8.INSTANCE, "error");
        SpawnId id = new SpawnId(ERROR_ID, s, true);
        id.channel = userChannel(ERROR_ID);
        ids.put(ERROR_ID, id);
        return id;
    }

    private Channel userChannel(String name) {
        try {
            return interp.channels().get(name);
        } catch (TclException closed) {
            return null;
        }
    }

    boolean isUserSession(Session s) {
        SpawnId user = ids.get(USER_ID);
        return user != null && user.session == s;
    }

    /** The timeout in ms: the timeout variable, local first, then global; -1 means forever. */
    long timeoutMillis() throws TclException {
        Value v = interp.getVarOrNull("timeout");
        if (v == null) v = interp.getGlobalOrNull("timeout");
        double secs = v == null ? DEFAULT_TIMEOUT : lenientSeconds(v);
        return secs < 0 ? -1 : Math.round(secs * 1000);
    }

    private static final java.util.regex.Pattern LEADING_INTEGER = java.util.regex.Pattern.compile("^\\s*([-+]?\\d+)");

    /** Expect reads the timeout with atoi: "" or "abc" is 0, "12abc" is 12. Fractions are ours. */
    static double lenientSeconds(Value v) {
        Number n = v.numberOrNull();
        if (n != null) return n.doubleValue();
        java.util.regex.Matcher m = LEADING_INTEGER.matcher(v.toString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    Pattern.Regex regex(String source, boolean nocase) throws TclException {
        String key = (nocase ? "i:" : "c:") + source;
        Pattern.Regex r = regexCache.get(key);
        if (r == null) {
            try {
                r = Pattern.regex(source, nocase);
            } catch (IllegalArgumentException e) {
                throw TclException.error("couldn't compile regular expression pattern: " + e.getMessage());
            }
            regexCache.put(key, r);
        }
        return r;
    }

    /** Whether {@link #logOutput} would write the program's output anywhere. */
    boolean logsOutput() {
        return logUser || transcript.takesOutput(false);
    }

    /** Output the user sees: stdout when log_user is on, and the transcript. */
    void logOutput(String text) throws TclException {
        if (logUser) {
            Channel out = interp.channels().stdout();
            out.write(text);
        }
        transcript.record(text, logUser);
    }

    /** Ends every spawned program now, from any thread (a signal's death). */
    void endPrograms() {
        Engine e = engine;
        if (e != null) e.shutdownAll();
    }

    /** Ends every spawned program (exit, end of script, uncaught error). */
    void shutdown() {
        InterpEngine.close(interp);
        transcript.close();
        diagnostics.close();
    }

    /** Lets a session write through an interpreter channel, so its output keeps its place among puts. */
    static final class ChannelStream extends OutputStream {
        private final Channel channel;

        ChannelStream(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            OutputStream out = channel.output();
            if (out == null) throw new IOException("channel closed");
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            OutputStream out = channel.output();
            if (out != null) out.flush();
        }
    }
}
