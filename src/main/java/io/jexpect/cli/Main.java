package io.jexpect.cli;

import io.jexpect.api.Jexpect;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code jexpect} command, a drop-in for {@code expect}:
 * {@code jexpect [-c cmds] [-d] [-f file] [-i] [-v] [--] [script | -] [args...]}.
 */
public final class Main {
    static final String VERSION = "5.45.4";

    private final List<String> commands = new ArrayList<>();
    private String scriptFile;
    private boolean interactive;
    private boolean debug;
    private final List<String> scriptArgs = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new Main().run(args));
    }

    int run(String[] args) {
        Integer early = parseArgs(args);
        if (early != null) return early;
        Interp interp = Jexpect.newInterpreter();
        Runtime.getRuntime().addShutdownHook(new Thread(interp::shutdown, "jexpect-shutdown"));
        int status = 0;
        try {
            setArgv(interp);
            for (String c : commands) {
                try {
                    interp.eval(c);
                } catch (TclException e) {
                    if (e.exitStatus() != null) throw e;
                    // As in Expect, an error in -c is reported but does not fail the run.
                    if (e.isError()) System.err.print(e.errorInfo() + "\r\n"); // Expect ends it with CR LF
                }
            }
            if (scriptFile != null) {
                runScript(interp);
            } else if (interactive || commands.isEmpty()) {
                status = new Repl(interp).run();
            }
        } catch (TclException e) {
            if (e.exitStatus() != null) {
                status = e.exitStatus();
            } else if (e.isError()) {
                interp.channels().flushAll();
                System.err.print(e.errorInfo() + "\r\n"); // Expect ends it with CR LF
                if (e.location() != null) System.err.println("jexpect: " + e.location());
                status = 1;
            }
        } catch (RuntimeException | StackOverflowError e) {
            interp.channels().flushAll();
            System.err.println("jexpect: internal error: " + e);
            if (debug) e.printStackTrace();
            status = 1;
        }
        interp.shutdown();
        System.err.flush();
        return status;
    }

    private void runScript(Interp interp) throws TclException {
        if (scriptFile.equals("-")) {
            String text;
            try {
                InputStream in = System.in;
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw TclException.error("couldn't read stdin: " + e.getMessage());
            }
            interp.evalFileText("-", text);
            return;
        }
        Path p = Path.of(scriptFile);
        if (!Files.isReadable(p)) {
            System.err.println("couldn't read file \"" + scriptFile + "\": no such file or directory");
            throw TclException.exit(1);
        }
        interp.evalFile(p);
    }

    private void setArgv(Interp interp) throws TclException {
        interp.setGlobal("argv", Value.ofStrings(scriptArgs));
        interp.setGlobal("argc", Value.of(scriptArgs.size()));
        interp.setGlobal("argv0", Value.of(scriptFile != null ? scriptFile : "jexpect"));
        // As in Expect, -d is "exp_internal 1" from the start (plus Java causes of internal errors).
        if (debug) interp.eval("exp_internal 1");
    }

    /** Parses options; returns an exit status when the run should stop here (-v, --help, bad option). */
    private Integer parseArgs(String[] args) {
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (a.equals("--")) { i++; break; }
            if (!a.startsWith("-") || a.equals("-")) break;
            switch (a) {
                case "-c" -> {
                    if (++i >= args.length) return usage("-c needs an argument");
                    commands.add(args[i]);
                }
                case "-f" -> {
                    if (++i >= args.length) return usage("-f needs an argument");
                    scriptFile = args[i];
                }
                case "-d" -> debug = true;
                case "-D" -> i++;
                case "-i" -> interactive = true;
                case "-b", "-n", "-N" -> {}
                case "-v" -> {
                    System.out.println("expect version " + VERSION + " (jexpect)");
                    return 0;
                }
                case "-h", "--help" -> {
                    System.out.print(HELP);
                    return 0;
                }
                default -> {
                    return usage("unknown option " + a);
                }
            }
            i++;
        }
        if (scriptFile == null && i < args.length && !interactive) {
            scriptFile = args[i++];
        } else if (scriptFile == null && i < args.length && interactive) {
            // -i with extra words: they are arguments.
        }
        // Expect drops the first "--" after the script name and keeps later ones.
        if (i < args.length && args[i].equals("--")) i++;
        for (; i < args.length; i++) scriptArgs.add(args[i]);
        return null;
    }

    private static int usage(String why) {
        System.err.println("jexpect: " + why);
        System.err.print(HELP);
        return 1;
    }

    static final String HELP = """
            usage: jexpect [-c cmds] [-d] [-f file] [-i] [-v] [--] [script | -] [args ...]
              -c cmds   run cmds before the script (may be repeated)
              -d        diagnostics: exp_internal 1, and Java causes of internal errors
              -f file   read the script from file
              -i        interactive prompt (the default without a script)
              -v        print the version and exit
              -         read the script from standard input
            The script sees its arguments in argv, their number in argc, its name in argv0.
            """;
}
