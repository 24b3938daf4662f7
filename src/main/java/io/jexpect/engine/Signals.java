package io.jexpect.engine;

/** Linux signal numbers with Tcl's names and Tcl_SignalMsg texts (checked against expect 5.45.4). */
public final class Signals {
    public static final int SIGHUP = 1, SIGINT = 2, SIGKILL = 9, SIGTERM = 15, SIGCONT = 18;

    private static final String[] NAMES = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP",
        "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE",
        "SIGALRM", "SIGTERM", null, "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN",
        "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO",
        "SIGPWR", "SIGSYS"};
    private static final String[] MESSAGES = {null, "hangup", "interrupt", "quit signal",
        "illegal instruction", "trace trap", "SIGABRT", "bus error", "floating-point exception",
        "kill signal", "user-defined signal 1", "segmentation violation", "user-defined signal 2",
        "write on pipe with no readers", "alarm clock", "software termination signal", null,
        "child status changed", "continue after stop", "stop", "stop signal generated from keyboard",
        "background tty read", "background tty write", "urgent I/O condition",
        "exceeded CPU time limit", "exceeded file size limit", "virtual time alarm",
        "profiling timer expired", "window changed", "input/output possible on file",
        "power-fail restart", "bad argument to system call"};

    private Signals() {
    }

    /** Tcl_SignalId: e.g. "SIGKILL"; "unknown signal" for numbers Tcl does not know. */
    public static String name(int sig) {
        return sig > 0 && sig < NAMES.length && NAMES[sig] != null ? NAMES[sig] : "unknown signal";
    }

    /** Tcl_SignalMsg: e.g. "kill signal". */
    public static String message(int sig) {
        return sig > 0 && sig < MESSAGES.length && MESSAGES[sig] != null ? MESSAGES[sig] : "unknown signal";
    }

    /** The number for a name such as "SIGTERM" or "TERM", or -1. */
    public static int number(String name) {
        String n = name.startsWith("SIG") ? name : "SIG" + name;
        for (int i = 1; i < NAMES.length; i++) if (n.equals(NAMES[i])) return i;
        return -1;
    }
}
