package io.jexpect.results;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * DejaGnu's result commands as built-ins: {@code pass}, {@code fail}, {@code xpass}, {@code xfail},
 * {@code kpass}, {@code kfail}, {@code unresolved}, {@code untested}, {@code unsupported},
 * {@code setup_xfail}/{@code clear_xfail}, {@code setup_kfail}/{@code clear_kfail}, {@code note},
 * {@code warning}, {@code perror}, {@code set_warning_threshold}/{@code get_warning_threshold}.
 *
 * <p>They follow {@code framework.exp}: the same lines ({@code PASS: msg}, {@code XFAIL: msg (PRMS 12)}),
 * the same global state ({@code xfail_flag}, {@code kfail_prms}, {@code warncnt}, {@code errcnt},
 * {@code prms_id}, {@code bug_id}, {@code pf_prefix}, {@code test_counts(PASS,count)} …), so a result
 * after {@code perror} (or a third {@code warning}) is UNRESOLVED as under {@code runtest}. Under
 * {@code runtest} DejaGnu defines these as procs, which simply replace the built-ins.
 */
public final class ResultCommands {
    private final List<ResultListener> listeners = new CopyOnWriteArrayList<>();

    private ResultCommands() {}

    /** Adds the result commands to an interpreter. */
    public static void install(Interp in) {
        in.register("pass", (i, a) -> passOrFail(i, a, Outcome.PASS, Outcome.XPASS, Outcome.KPASS));
        in.register("fail", (i, a) -> passOrFail(i, a, Outcome.FAIL, Outcome.XFAIL, Outcome.KFAIL));
        in.register("xpass", (i, a) -> record(i, Outcome.XPASS, oneMessage(a)));
        in.register("xfail", (i, a) -> record(i, Outcome.XFAIL, oneMessage(a)));
        in.register("kpass", (i, a) -> known(i, a, Outcome.KPASS));
        in.register("kfail", (i, a) -> known(i, a, Outcome.KFAIL));
        in.register("unresolved", (i, a) -> record(i, Outcome.UNRESOLVED, oneMessage(a)));
        in.register("untested", (i, a) -> record(i, Outcome.UNTESTED, oneMessage(a)));
        in.register("unsupported", (i, a) -> record(i, Outcome.UNSUPPORTED, oneMessage(a)));
        in.register("setup_xfail", (i, a) -> setupExpectedFailure(i, a, "xfail"));
        in.register("setup_kfail", (i, a) -> setupExpectedFailure(i, a, "kfail"));
        in.register("clear_xfail", (i, a) -> clearExpectedFailure(i, a, "xfail"));
        in.register("clear_kfail", (i, a) -> clearExpectedFailure(i, a, "kfail"));
        in.register("note", (i, a) -> {
            output(i, "NOTE: " + oneMessage(a));
            return Value.EMPTY;
        });
        in.register("warning", (i, a) -> diagnostic(i, a, "warncnt", "WARNING: "));
        in.register("perror", (i, a) -> diagnostic(i, a, "errcnt", "ERROR: "));
        in.register("set_warning_threshold", (i, a) -> {
            if (a.length != 2) throw TclException.wrongArgs(a, 1, "threshold");
            i.setGlobal("warning_threshold", a[1]);
            return Value.EMPTY;
        });
        in.register("get_warning_threshold", (i, a) -> {
            if (a.length != 1) throw TclException.wrongArgs(a, 1, "");
            return Value.of(global(i, "warning_threshold", "3"));
        });
    }

    /** Makes {@code listener} hear every result the scripts in {@code interp} report from now on. */
    public static void addListener(Interp interp, ResultListener listener) {
        interp.extension(ResultCommands.class, ResultCommands::new).listeners.add(listener);
    }

    private static Value passOrFail(Interp in, Value[] a, Outcome plain, Outcome ifXfail, Outcome ifKfail)
            throws TclException {
        String message = oneMessage(a);
        Outcome o = flag(in, "kfail_flag") ? ifKfail : flag(in, "xfail_flag") ? ifXfail : plain;
        return record(in, o, message);
    }

    private static Value known(Interp in, Value[] a, Outcome outcome) throws TclException {
        if (a.length != 3) throw TclException.wrongArgs(a, 1, "bugid message");
        in.setGlobal("kfail_flag", Value.ONE);
        in.setGlobal("kfail_prms", a[1]);
        return record(in, outcome, a[2].toString());
    }

    private static String oneMessage(Value[] a) throws TclException {
        if (a.length != 2) throw TclException.wrongArgs(a, 1, "message");
        return a[1].toString();
    }

    /** DejaGnu's record_test. */
    private static Value record(Interp in, Outcome outcome, String message) throws TclException {
        String prefix = in.getGlobalOrNull("pf_prefix") == null ? null : in.getGlobalOrNull("pf_prefix").toString();
        if (prefix != null) message = concat(prefix, " ", message);
        // Too many warnings or any error: the test's output cannot be trusted.
        long warnings = number(global(in, "warncnt", "0")), errors = number(global(in, "errcnt", "0"));
        long warnMax = number(global(in, "warning_threshold", "3")), errMax = number(global(in, "perror_threshold", "1"));
        if (warnMax > 0 && warnings >= warnMax || errMax > 0 && errors >= errMax) outcome = Outcome.UNRESOLVED;
        count(in, outcome);

        String prmsId = global(in, "prms_id", "0");
        String xfailPrms = global(in, "xfail_prms", "0"), kfailPrms = global(in, "kfail_prms", "0");
        String prms = switch (outcome) {
            case PASS, FAIL -> set(prmsId) ? prmsId : null;
            case XPASS, XFAIL -> set(xfailPrms) ? xfailPrms : null;
            case KPASS -> set(kfailPrms) ? kfailPrms : null;
            case KFAIL -> set(kfailPrms) ? ": " + kfailPrms : null;
            case UNTESTED, UNRESOLVED, UNSUPPORTED ->
                flag(in, "kfail_flag") && set(kfailPrms) ? kfailPrms
                        : flag(in, "xfail_flag") && set(xfailPrms) ? xfailPrms
                        : set(prmsId) ? prmsId : null;
        };
        String shown = message;
        // KFAIL's "(PRMS: id)" is DejaGnu's own spelling.
        if (prms != null) shown = concat(shown, "\t(PRMS" + (prms.startsWith(":") ? prms : " " + prms) + ")");
        String bugId = global(in, "bug_id", "0");
        if (set(bugId)) shown = concat(shown, "\t(BUG " + bugId + ")");
        String line = outcome + ": " + shown;
        output(in, line);

        ResultCommands state = in.extension(ResultCommands.class, ResultCommands::new);
        for (ResultListener l : state.listeners) l.reported(outcome, message, line);

        // Ready for the next test (prms_id and bug_id are the test driver's to reset).
        for (String v : List.of("warncnt", "errcnt", "xfail_flag", "kfail_flag", "xfail_prms", "kfail_prms")) {
            in.setGlobal(v, Value.ZERO);
        }
        return Value.EMPTY;
    }

    private static void count(Interp in, Outcome outcome) throws TclException {
        for (String which : List.of(",count", ",total")) {
            String key = outcome + which;
            Value old = in.varExists("test_counts(" + key + ")") ? in.getVar("test_counts", key) : Value.ZERO;
            in.setVar("test_counts", key, Value.of(old.asLong() + 1));
        }
    }

    /** setup_xfail / setup_kfail: a bug id (no '-') and target triplet patterns that the target matches. */
    private static Value setupExpectedFailure(Interp in, Value[] a, String kind) throws TclException {
        in.setGlobal(kind + "_prms", Value.ZERO);
        for (int k = 1; k < a.length; k++) {
            String arg = a[k].toString();
            if (!arg.isEmpty() && arg.indexOf('-') < 0) {
                in.setGlobal(kind + "_prms", a[k]);
            } else if (TargetTriplet.matches(in, arg)) {
                in.setGlobal(kind + "_flag", Value.ONE);
            }
        }
        if (kind.equals("kfail") && !set(global(in, "kfail_prms", "0"))) {
            diagnostic(in, new Value[] {Value.of("perror"), Value.of("Attempt to set a kfail without specifying bug tracking id")},
                    "errcnt", "ERROR: ");
        }
        return Value.EMPTY;
    }

    private static Value clearExpectedFailure(Interp in, Value[] a, String kind) throws TclException {
        for (int k = 1; k < a.length; k++) {
            String arg = a[k].toString();
            if (io.jexpect.commands.GlobMatch.matches("*-*-*", arg) && TargetTriplet.matches(in, arg)) {
                in.setGlobal(kind + "_flag", Value.ZERO);
                in.setGlobal(kind + "_prms", Value.ZERO);
            }
        }
        return Value.EMPTY;
    }

    /** warning / perror {message ?count?}: counts toward the threshold that makes the next result UNRESOLVED. */
    private static Value diagnostic(Interp in, Value[] a, String counter, String label) throws TclException {
        if (a.length > 2) {
            in.setGlobal(counter, a[2]);
        } else {
            in.setGlobal(counter, Value.of(number(global(in, counter, "0")) + 1));
        }
        output(in, label + (a.length > 1 ? a[1].toString() : ""));
        in.unsetVar("::errorInfo");
        return Value.EMPTY;
    }

    /**
     * DejaGnu's clone_output without the summary file: every result to standard output (as runtest
     * --all shows them), notes, warnings and errors to standard error; both also go to log_file.
     */
    private static void output(Interp in, String line) throws TclException {
        String first = line.strip().split("[ \t]", 2)[0];
        String command = switch (first) {
            case "ERROR:", "WARNING:", "NOTE:" -> "send_error";
            default -> "send_user";
        };
        in.invoke(new Value[] {Value.of(command), Value.of("--"), Value.of(line + "\n")});
    }

    private static String global(Interp in, String name, String otherwise) {
        Value v = in.getGlobalOrNull(name);
        return v == null ? otherwise : v.toString();
    }

    private static boolean flag(Interp in, String name) throws TclException {
        Value v = in.getGlobalOrNull(name);
        return v != null && v.asBoolean();
    }

    /** DejaGnu's {@code $id != 0}: an id is set unless it is the number 0. */
    private static boolean set(String id) {
        Value v = Value.of(id.strip());
        return v.numberOrNull() == null ? !id.isEmpty() : v.numberOrNull().doubleValue() != 0;
    }

    private static long number(String s) throws TclException {
        return Value.of(s).asLong();
    }

    /** Tcl's concat: each part trimmed, the non-empty ones joined by one space. */
    private static String concat(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            String t = p.strip();
            if (t.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(t);
        }
        return sb.toString();
    }
}
