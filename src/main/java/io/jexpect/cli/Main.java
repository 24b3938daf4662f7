package io.jexpect.cli;

import io.jexpect.Jexpect;
import io.jexpect.harness.HarnessCli;
import io.jexpect.commands.ProcessId;
import io.jexpect.commands.WorkingDirectory;
import io.jexpect.engine.SignalSource;
import io.jexpect.expect.ExpectCommands;
import io.jexpect.interp.Interp;
import io.jexpect.interp.ScriptFile;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code jexpect} command, a drop-in for {@code expect}:
 * {@code jexpect [-dinN] [-c cmds] [[-f|-b] file] [-v] [--] [script | -] [args...]}.
 */
public final class Main {
    static final String VERSION = "5.45.4";

    private final List<String> commands = new ArrayList<>();
    private String scriptFile;
    private boolean byLine;
    private boolean interactive;
    private boolean debug;
    private boolean userRc = true;
    private boolean systemRc = true;
    private final List<String> scriptArgs = new ArrayList<>();
    private boolean usedTerminal;
    private final Invocation invocation;
    private final PrintStream out;
    private final PrintStream err;

    private Main(Invocation invocation) {
        this.invocation = invocation;
        this.out = invocation.out();
        this.err = invocation.err();
    }

    public static void main(String[] args) {
        Main main = new Main(Invocation.ofProcess());
        int status = main.run(args);
        if (main.usedTerminal) System.exit(status); // JLine's shutdown hooks restore the terminal
        // run() has ended every program and flushed every channel. System.exit would look up the
        // JDK's Runtime.exit logger first, which opens every jar on the class path to search for a
        // logging service: tens of milliseconds for nothing at the end of every script.
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }

    /**
     * Runs the jexpect command for another process than this JVM (the resident server's client);
     * returns the exit status. The caller ends the interpreter's programs if the run is stopped.
     */
    public static int run(String[] args, Invocation invocation) {
        int status = new Main(invocation).run(args);
        invocation.out().flush();
        return status;
    }

    int run(String[] args) {
        // The subcommands; a script that is named test, report or record runs as ./test and so on.
        if (args.length > 0 && (args[0].equals("test") || args[0].equals("report"))) {
            HarnessCli harness = new HarnessCli(out, err);
            List<String> rest = List.of(args).subList(1, args.length);
            return args[0].equals("test") ? harness.test(rest) : harness.report(rest);
        }
        if (args.length > 0 && args[0].equals("record")) {
            return new Recorder(out, err).run(List.of(args).subList(1, args.length));
        }
        Integer early = parseArgs(args);
        if (early != null) return early;
        // The native signal handlers load while the interpreter is built.
        CompletableFuture<? extends SignalSource> signals = invocation.signals().get();
        Interp interp = invocation.environment() == null ? Jexpect.newInterpreter(invocation.channels().get())
                : Jexpect.newInterpreter(invocation.channels().get(), invocation.environment());
        if (invocation.directory() != null) WorkingDirectory.set(interp, invocation.directory());
        if (invocation.pid() != 0) ProcessId.set(interp, invocation.pid());
        if (invocation.terminal() != null) ExpectCommands.userTerminal(interp, invocation.terminal());
        invocation.started().accept(interp);
        // In this JVM's own run only: the resident server ends a script's programs itself.
        if (invocation.ownProcess()) Runtime.getRuntime().addShutdownHook(new Thread(interp::shutdown, "jexpect-shutdown"));
        CompletableFuture<?> traps = ExpectCommands.installProcessTraps(interp, signals);
        int status = 0;
        try {
            setArgv(interp);
            // As in Expect, the script starts with its default traps in place (where the machine
            // allows native handlers; otherwise the JVM's own handling stays).
            traps.exceptionally(e -> null).join();
            for (String c : commands) {
                try {
                    interp.eval(c);
                } catch (TclException e) {
                    if (e.exitStatus() != null) throw e;
                    // As in Expect, an error in -c is reported but does not fail the run.
                    if (e.isError()) err.print(e.errorInfo() + "\r\n"); // Expect ends it with CR LF
                }
            }
            sourceRcFiles(interp);
            if (scriptFile != null) {
                runScript(interp);
            } else if (!interactive && commands.isEmpty() && !invocation.stdinIsTerminal().getAsBoolean()) {
                // As Expect does: no script, no -c and a redirected stdin, which is then the script.
                runByLine(interp, new InputStreamReader(invocation.in(), StandardCharsets.UTF_8));
            } else if (interactive || commands.isEmpty()) {
                usedTerminal = invocation.ownProcess();
                status = new Repl(interp, invocation.in(), invocation.ownProcess()).run();
            }
        } catch (TclException e) {
            if (e.exitStatus() != null) {
                status = e.exitStatus();
            } else if (e.isError()) {
                interp.channels().flushAll();
                err.print(e.errorInfo() + "\r\n"); // Expect ends it with CR LF
                if (e.location() != null) err.println("jexpect: " + e.location());
                status = 1;
            }
        } catch (RuntimeException | StackOverflowError e) {
            interp.channels().flushAll();
            err.println("jexpect: internal error: " + e);
            if (debug) e.printStackTrace();
            status = 1;
        }
        interp.shutdown();
        err.flush();
        return status;
    }

    private void runScript(Interp interp) throws TclException {
        if (scriptFile.equals("-")) {
            // As Expect does, standard input is read and run command by command.
            runByLine(interp, new InputStreamReader(invocation.in(), StandardCharsets.UTF_8));
            return;
        }
        Path p = WorkingDirectory.of(interp).resolve(scriptFile); // the client's directory in the resident server
        if (byLine) {
            if (!Files.isReadable(p)) {
                err.println("couldn't read file \"" + scriptFile + "\": no such file or directory");
                throw TclException.exit(1);
            }
            try (Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                runByLine(interp, in);
            } catch (IOException e) {
                throw TclException.error("couldn't read file \"" + scriptFile + "\": " + e.getMessage());
            }
            return;
        }
        String text;
        try {
            text = ScriptFile.read(p, scriptFile, ScriptFile.systemEncoding());
        } catch (TclException e) {
            err.println(e.getMessage());
            throw TclException.exit(1);
        }
        interp.evalFileText(scriptFile, p, text);
    }

    /** Expect's -b (and stdin): each command runs as soon as its last line has been read. */
    private static void runByLine(Interp interp, Reader reader) throws TclException {
        BufferedReader in = new BufferedReader(reader);
        StringBuilder pending = new StringBuilder();
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line != null) pending.append(line).append('\n');
            if (line != null && !Repl.complete(interp, pending.toString())) continue;
            try {
                interp.eval(pending.toString());
            } catch (TclException e) {
                if (e.code() != TclException.RETURN) throw e;
                return;
            }
            pending.setLength(0);
            if (line == null) return;
        }
    }

    /**
     * As Expect does after the -c commands: {@code $exp_library/expect.rc} unless -N, then
     * {@code ~/.expect.rc} (or {@code $DOTDIR/.expect.rc}) unless -n, each when it exists.
     */
    private void sourceRcFiles(Interp interp) throws TclException {
        List<Path> rcs = new ArrayList<>();
        Value library = interp.getGlobalOrNull("exp_library");
        if (systemRc && library != null) rcs.add(Path.of(library.toString(), "expect.rc"));
        Value dotDir = interp.getGlobalOrNull("env(DOTDIR)");
        Value homeDir = interp.getGlobalOrNull("env(HOME)");
        String home = dotDir != null ? dotDir.toString() : homeDir != null ? homeDir.toString() : System.getProperty("user.home");
        if (userRc) rcs.add(Path.of(home, ".expect.rc"));
        for (Path rc : rcs) {
            if (!Files.isRegularFile(rc)) continue;
            try {
                interp.evalFile(rc);
            } catch (TclException e) {
                if (!e.isError()) throw e;
                err.print("error executing file: " + rc + "\r\n" + e.getMessage() + "\r\n");
                throw TclException.exit(1);
            }
        }
    }

    private void setArgv(Interp interp) throws TclException {
        interp.setGlobal("argv", Value.ofStrings(scriptArgs));
        interp.setGlobal("argc", Value.of(scriptArgs.size()));
        interp.setGlobal("argv0", Value.of(scriptFile != null ? scriptFile : "jexpect"));
        // As in Expect, -d is "exp_internal 1" from the start (plus Java causes of internal errors).
        if (debug) interp.eval("exp_internal 1");
    }

    /**
     * Parses options as Expect's getopt does ("-dn" is "-d -n", "-cputs" is "-c puts"); returns an
     * exit status when the run should stop here (-v, --help, a bad option).
     */
    private Integer parseArgs(String[] args) {
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (a.equals("--")) { i++; break; }
            if (!a.startsWith("-") || a.equals("-")) break;
            if (a.equals("--help")) return help();
            if (a.equals("--version")) return version();
            for (int k = 1; k < a.length(); k++) {
                char flag = a.charAt(k);
                String value = null;
                if ("cfbD".indexOf(flag) >= 0) {
                    if (k + 1 < a.length()) value = a.substring(k + 1);
                    else if (i + 1 < args.length) value = args[++i];
                    else return usage("option -" + flag + " needs an argument");
                    k = a.length();
                }
                switch (flag) {
                    case 'c' -> commands.add(value);
                    case 'f', 'b' -> {
                        scriptFile = value;
                        byLine = flag == 'b';
                    }
                    case 'd' -> debug = true;
                    case 'D' -> {
                        if (!value.equals("0") && !value.equals("1")) return usage("-D argument must be 0 or 1");
                        err.println("jexpect: -D " + value + " ignored: Expect's interactive debugger is not implemented");
                    }
                    case 'i' -> interactive = true;
                    case 'n' -> userRc = false;
                    case 'N' -> systemRc = false;
                    case 'v' -> {
                        return version();
                    }
                    case 'h' -> {
                        return help();
                    }
                    default -> {
                        return usage("unknown option -" + flag);
                    }
                }
            }
            i++;
        }
        if (scriptFile == null && i < args.length && !interactive) {
            scriptFile = args[i++];
        }
        // Expect drops the first "--" after the script name and keeps later ones.
        if (i < args.length && args[i].equals("--")) i++;
        for (; i < args.length; i++) scriptArgs.add(args[i]);
        return null;
    }

    private int version() {
        out.println("expect version " + VERSION + " (jexpect " + Version.JEXPECT + ")");
        return 0;
    }

    private int help() {
        out.print(HELP);
        return 0;
    }

    private int usage(String why) {
        err.println("jexpect: " + why);
        err.print(HELP);
        return 1;
    }

    static final String HELP = """
            usage: jexpect [-dinN] [-c cmds] [[-f|-b] file] [-v] [--] [script | -] [args ...]
                   jexpect test [options] PATH...     run .exp files as tests (jexpect test --help)
                   jexpect report [options] JSON...   merge jexpect test's JSON reports
                   jexpect record [-o FILE] CMD...    record a session as a script (jexpect record --help)
                   jexpect --server start|status|stop [--all]
                                                      resident servers (JEXPECT_RESIDENT=1; --server --help)
              -c cmds   run cmds before the script (may be repeated)
              -d        diagnostics: exp_internal 1, and Java causes of internal errors
              -f file   read the script from file
              -b file   read the script from file command by command, as for standard input
              -i        interactive prompt (the default without a script or -c when stdin
                        is a terminal; a redirected stdin is read as the script)
              -n        do not source ~/.expect.rc ($DOTDIR/.expect.rc when DOTDIR is set)
              -N        do not source $exp_library/expect.rc
              -D 0|1    accepted for Expect's debugger, which jexpect does not have (says so)
              -v        print Expect's and jexpect's versions and exit (also --version)
              -         read the script from standard input
            The script sees its arguments in argv, their number in argc, its name in argv0.
            """;
}
