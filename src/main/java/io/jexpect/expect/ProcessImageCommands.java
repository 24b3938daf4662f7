package io.jexpect.expect;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;

/**
 * fork, disconnect and overlay change the jexpect process itself. A JVM cannot do that: fork keeps
 * only the calling thread (the JVM's own threads would be gone in the child), and exec would drop
 * the JVM without its shutdown work. Each says so in a Tcl error, after Expect's own usage checks.
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
            throw TclException.error("disconnect: not possible in jexpect: the JVM cannot fork itself into the "
                    + "background; start jexpect detached instead (setsid, nohup, or &)", "JEXPECT", "UNSUPPORTED", "disconnect");
        });
        in.register("exp_disconnect", in.command("disconnect"));
        in.register("overlay", (i, a) -> {
            int k = 1;
            while (k < a.length && a[k].toString().startsWith("-") && !a[k].toString().equals("--")) k += 2;
            if (k < a.length && a[k].toString().equals("--")) k++;
            if (k >= a.length) throw TclException.error("need program name");
            throw TclException.error("overlay: not possible in jexpect: the JVM cannot replace itself with another "
                    + "program; use spawn or exec instead", "JEXPECT", "UNSUPPORTED", "overlay");
        });
        in.register("exp_overlay", in.command("overlay"));
    }
}
