package io.jexpect.expect;

import io.jexpect.commands.WorkingDirectory;
import io.jexpect.engine.ProcessImage;
import io.jexpect.engine.SpawnException;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * overlay replaces jexpect with another program, as in Expect. fork and disconnect cannot be had in
 * a JVM: a forked child keeps only the calling thread (the JVM's own threads, the collector's among
 * them, would be gone), and disconnect only detaches a forked child. Each says so in a Tcl error,
 * after Expect's own usage checks.
 */
final class ProcessImageCommands {
    private ProcessImageCommands() {}

    static void install(Interp in) {
        in.register("fork", (i, a) -> {
            if (a.length != 1) throw TclException.error("usage: fork");
            throw TclException.error("fork: not possible in jexpect: the JVM cannot fork itself (the child would keep "
                    + "only the calling thread); start another program with spawn or exec instead", "JEXPECT", "UNSUPPORTED", "fork");
        });
        in.register("exp_fork", in.command("fork"));
        in.register("disconnect", (i, a) -> {
            if (a.length != 1) throw TclException.error("usage: disconnect");
            throw TclException.error("disconnect: not possible in jexpect: it detaches a forked child, and the JVM "
                    + "cannot fork; start jexpect detached instead (setsid, nohup, or &)", "JEXPECT", "UNSUPPORTED", "disconnect");
        });
        in.register("exp_disconnect", in.command("disconnect"));
        in.register("overlay", ProcessImageCommands::overlay);
        in.register("exp_overlay", in.command("overlay"));
    }

    /** overlay [-# spawn_id]... [-] program [args]: -N id makes the id descriptor N; - names it "-program". */
    private static Value overlay(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        Map<Integer, Integer> fds = new LinkedHashMap<>();
        boolean dashName = false;
        int k = 1;
        while (k < a.length && a[k].toString().startsWith("-")) {
            if (a[k].toString().equals("-")) {
                dashName = true;
                k++;
                continue;
            }
            int to = -integer(a[k++]);
            if (k >= a.length) throw TclException.error("overlay -# requires additional argument");
            fds.put(to, descriptor(st, a[k++]));
        }
        if (k >= a.length) throw TclException.error("need program name");
        List<String> argv = new ArrayList<>();
        for (int i = k; i < a.length; i++) argv.add(a[i].toString());
        in.channels().flushAll();
        try {
            ProcessImage.replace(argv, (dashName ? "-" : "") + argv.getFirst(), fds, SpawnCommands.environment(in),
                    WorkingDirectory.of(in));
        } catch (SpawnException e) {
            // Expect's words, its "\r\n" included.
            throw TclException.error("execvp(overlay): " + e.getMessage() + "\r\n", e.errorCode().toArray(new String[0]));
        }
        throw new AssertionError("replace returns only by failing");
    }

    /** Tcl_GetIntFromObj, with its errorCode. */
    private static int integer(Value v) throws TclException {
        try {
            return v.asInt();
        } catch (TclException e) {
            throw TclException.error(e.getMessage(), "TCL", "VALUE", "INTEGER");
        }
    }

    /**
     * The descriptor a spawn id reads. Expect (whose spawn id expN is descriptor N) takes the number;
     * here N names the spawn id expN, except 0-2, jexpect's own stdin, stdout and stderr.
     */
    private static int descriptor(ExpectState st, Value id) throws TclException {
        String name = id.toString();
        if (!name.startsWith("exp")) {
            int n = integer(id);
            if (n >= 0 && n <= 2) return n;
            name = "exp" + n;
        }
        // The user's ids are jexpect's own descriptors (looking them up would start reading stdin).
        if (name.equals(ExpectState.USER_ID)) return 0;
        if (name.equals(ExpectState.TTY_ID)) return 1;
        if (name.equals(ExpectState.ERROR_ID)) return 2;
        int fd = st.lookup(name).session.descriptor();
        if (fd >= 0) return fd;
        throw TclException.error("overlay: spawn id " + name + " is a Tcl channel, not a program's terminal");
    }
}
