package io.jexpect.expect;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.commands.WorkingDirectory;
import io.jexpect.screen.ScreenSnapshot;
import io.jexpect.screen.ScreenTap;
import io.jexpect.screen.VirtualTerminal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * screen text|line N|cursor|attrs ROW COL|size ?-i id?: reading the virtual terminal of a program
 * started with {@code spawn -screen}; screen snapshot NAME ?-attrs? ?-i id?: comparing it with a
 * golden file; and strip_ansi ?-d? ?-i id? ?0|1?.
 */
final class ScreenCommand {
    /** What a -screen program is told it runs on, and the size it starts with unless stty_init says otherwise. */
    static final String TERM = "xterm-256color";
    static final int ROWS = 24, COLUMNS = 80;
    /** Set (not to 0) in the environment, it makes screen snapshot write its golden files. */
    static final String UPDATE_VARIABLE = "JEXPECT_UPDATE_SNAPSHOTS";

    private ScreenCommand() {}

    static void install(Interp in) {
        in.register("screen", ScreenCommand::screen);
        in.register("strip_ansi", ScreenCommand::stripAnsi);
    }

    private static Value screen(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "option ?arg ...?");
        ExpectState st = ExpectState.of(in);
        String sub = a[1].toString();
        String id = null;
        boolean withAttrs = false;
        List<Value> args = new ArrayList<>();
        for (int i = 2; i < a.length; i++) {
            if (a[i].toString().equals("-i") && i + 1 < a.length) id = a[++i].toString();
            else if (sub.equals("snapshot") && a[i].toString().equals("-attrs")) withAttrs = true;
            else args.add(a[i]);
        }
        int want = switch (sub) {
            case "text", "cursor", "size" -> 0;
            case "line", "snapshot" -> 1;
            case "attrs" -> 2;
            default -> throw TclException.error("bad option \"" + sub + "\": must be attrs, cursor, line, size, snapshot, or text");
        };
        if (args.size() != want) {
            String usage = switch (sub) {
                case "line" -> "line row ?-i id?";
                case "attrs" -> "attrs row column ?-i id?";
                case "snapshot" -> "snapshot name ?-attrs? ?-i id?";
                default -> sub + " ?-i id?";
            };
            throw TclException.wrongArgs(a, 1, usage);
        }
        SpawnId sid = st.lookup(id != null ? id : st.currentName());
        ScreenTap tap = tapOf(sid);
        if (!sid.closed) tap.sync();
        VirtualTerminal vt = tap.terminal();
        return switch (sub) {
            case "text" -> Value.of(vt.text());
            case "cursor" -> pair(vt.cursor()[0], vt.cursor()[1]);
            case "size" -> pair(vt.rows(), vt.columns());
            case "line" -> Value.of(vt.line(index(args.get(0), "row", vt.rows())));
            case "snapshot" -> snapshot(in, st, args.get(0).toString(), ScreenSnapshot.of(vt, withAttrs));
            default -> {
                Map<String, String> attrs = vt.attributes(index(args.get(0), "row", vt.rows()),
                        index(args.get(1), "column", vt.columns()));
                List<Value> out = new ArrayList<>();
                attrs.forEach((k, v) -> {
                    out.add(Value.of(k));
                    out.add(Value.of(v));
                });
                yield Value.ofList(out);
            }
        };
    }

    /**
     * Compares the screen with {@code __screens__/NAME.txt} beside the running script (the current
     * folder without one); writes it when missing or when updating. Returns matched or written; a
     * difference is an error that shows both side by side.
     */
    private static Value snapshot(Interp in, ExpectState st, String name, String actual) throws TclException {
        if (name.isEmpty() || name.startsWith("/") || List.of(name.split("/")).contains("..")) {
            throw TclException.error("bad snapshot name \"" + name + "\": must be a relative name without ..");
        }
        String script = in.scriptFile();
        Path dir = script == null || script.isEmpty() ? WorkingDirectory.of(in)
                : WorkingDirectory.resolve(in, script).toAbsolutePath().getParent();
        Path golden = dir.resolve("__screens__").resolve(name + ".txt");
        Map<String, Value> env = in.arrayView("env");
        Value flag = env == null ? null : env.get(UPDATE_VARIABLE);
        boolean update = st.updateSnapshots || flag != null && !flag.toString().isEmpty() && !flag.toString().equals("0");
        ScreenSnapshot.Result r;
        try {
            r = ScreenSnapshot.check(golden, actual, update);
        } catch (IOException e) {
            throw TclException.error("screen snapshot: cannot use " + golden + ": " + e.getMessage());
        }
        return switch (r.outcome()) {
            case MATCHED -> Value.of("matched");
            case WRITTEN -> {
                in.channels().stderr().write("screen snapshot: wrote " + golden + "\n");
                yield Value.of("written");
            }
            case MISMATCH -> throw TclException.error("screen snapshot \"" + name + "\" differs from " + golden
                    + " (run with " + UPDATE_VARIABLE + "=1 or jexpect test --update-snapshots to accept it):\n" + r.diff());
        };
    }

    private static Value pair(int a, int b) {
        return Value.ofList(List.of(Value.of(a), Value.of(b)));
    }

    private static int index(Value v, String what, int size) throws TclException {
        int n = v.asInt();
        if (n < 0 || n >= size) throw TclException.error(what + " " + n + " out of range 0.." + (size - 1));
        return n;
    }

    /** The terminal of a -screen spawn id; a Tcl error for any other id. */
    static VirtualTerminal screenOf(SpawnId id) throws TclException {
        return tapOf(id).terminal();
    }

    private static ScreenTap tapOf(SpawnId id) throws TclException {
        if (id.output == null || id.output.screen == null) {
            throw TclException.error("spawn id " + id.name + " has no screen (spawn it with -screen)");
        }
        return id.output.screen;
    }

    /** strip_ansi [-d] [-i id] [0|1]: remove escape sequences from what expect sees of new output. */
    private static Value stripAnsi(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        boolean dflt = false;
        String id = null;
        Value value = null;
        for (int i = 1; i < a.length; i++) {
            String opt = a[i].toString();
            if (opt.equals("-d")) dflt = true;
            else if (opt.equals("-i") && i + 1 < a.length) id = a[++i].toString();
            else if (value == null) value = a[i];
            else throw TclException.wrongArgs(a, 1, "?-d? ?-i id? ?0|1?");
        }
        if (dflt) {
            if (value == null) return Value.of(st.defaultStripAnsi);
            st.defaultStripAnsi = value.asBoolean();
            return Value.EMPTY;
        }
        SpawnId sid = st.lookup(id != null ? id : st.currentName());
        if (sid.output == null) throw TclException.error("strip_ansi: spawn id " + sid.name + " is not a spawned program");
        if (value == null) return Value.of(sid.output.strips());
        sid.output.setStrip(value.asBoolean());
        return Value.EMPTY;
    }
}
