package io.jexpect.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code jexpect test} and {@code jexpect report}: the batch runner and the merging of shards' reports. */
public final class HarnessCli {
    private final PrintStream out;
    private final PrintStream err;

    /**
     * The commands writing to the given streams (the jexpect command passes its stdout and stderr).
     *
     * @param out where progress, failures and the summary go
     * @param err where usage errors go
     */
    public HarnessCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static final String TEST_HELP = """
            usage: jexpect test [-j N] [--timeout SECONDS] [--junit-xml FILE] [--json FILE]
                                [--shard I/N] [--transcripts DIR] [--update-snapshots] PATH...
            Runs every .exp file under the given files and folders as tests, N at a time, each in
            an interpreter of its own (globals, procs, spawn ids, working directory, log files).
            A script's tests are the results it reports with DejaGnu's commands (pass, fail, xfail,
            kfail, unsupported …); a script that reports none is one test, passed when it ends with
            status 0. An error, a non-zero exit or the timeout adds a failed test named after the
            file, and every program the script spawned is ended.
              -j N               scripts at a time (default: the number of cores)
              --timeout SECONDS  how long one script may run (default 300)
              --junit-xml FILE   write JUnit XML (one testsuite per script, one testcase per test)
              --json FILE        write one JSON object per line and per test: file, name, result,
                                 status, message, duration, transcript
              --shard I/N        run only the I-th of N parts (1 <= I <= N) of the sorted file list;
                                 the parts are disjoint and the same on every machine
              --transcripts DIR  where each script's output goes (default jexpect-transcripts),
                                 and for a file with a failed test an asciinema v2 recording of
                                 its dialogue beside it (a.exp.log, a.exp.cast)
              --update-snapshots screen snapshot writes its golden files (__screens__/NAME.txt)
                                 instead of comparing the screen with them
            Prints a live progress line on a terminal (plain lines otherwise), the failed tests,
            and DejaGnu's summary (# of expected passes …). Exit status 0 only when nothing failed:
            PASS, XFAIL, KFAIL pass; FAIL, XPASS, KPASS, UNRESOLVED fail; UNTESTED, UNSUPPORTED skip.
            Merge the shards' --json files with jexpect report.
            """;

    static final String REPORT_HELP = """
            usage: jexpect report [--junit-xml FILE] [--json FILE] JSON...
            Merges the --json files of jexpect test runs (the shards of one suite) into one summary,
            and writes one JUnit XML and one JSON file for all of them, as one unsharded run would.
            Exit status 0 only when no test failed.
            """;

    /** {@code jexpect test …}; returns the exit status. */
    public int test(List<String> args) {
        Options o;
        try {
            o = Options.parse(args, true);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage(), TEST_HELP);
        }
        if (o.help) {
            out.print(TEST_HELP);
            return 0;
        }
        try {
            Map<String, Path> all = ScriptFiles.find(o.paths);
            Map<String, Path> mine = new LinkedHashMap<>();
            for (String name : o.shard.of(new ArrayList<>(all.keySet()))) mine.put(name, all.get(name));
            boolean live = System.console() != null && System.console().isTerminal();
            Progress progress = new Progress(out, live, mine.size());
            Set<Long> before = descendants();
            List<TestResult> results;
            try {
                results = SuiteRunner.run(mine, o.jobs, new ScriptRunner(o.timeout, o.transcripts, o.updateSnapshots), progress);
            } finally {
                progress.end();
                endChildrenStartedSince(before);
            }
            return finish(results, o);
        } catch (NoSuchFileException e) {
            err.println("jexpect test: no such file or directory: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("jexpect test: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** {@code jexpect report …}; returns the exit status. */
    public int report(List<String> args) {
        Options o;
        try {
            o = Options.parse(args, false);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage(), REPORT_HELP);
        }
        if (o.help) {
            out.print(REPORT_HELP);
            return 0;
        }
        if (o.paths.isEmpty()) return usage("which JSON files?", REPORT_HELP);
        List<TestResult> results = new ArrayList<>();
        try {
            for (String p : o.paths) results.addAll(JsonResults.read(Path.of(p)));
            // Shards hold disjoint files: grouped by file in name order, each file's tests in their order.
            results.sort(Comparator.comparing(TestResult::file));
            return finish(results, o);
        } catch (NoSuchFileException e) {
            err.println("jexpect report: no such file or directory: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("jexpect report: " + e.getMessage());
            return 2;
        }
    }

    private int finish(List<TestResult> results, Options o) throws IOException {
        if (o.junitXml != null) JunitXml.write(o.junitXml, results);
        if (o.json != null) JsonResults.write(o.json, results);
        out.print(Summary.text(results));
        out.flush();
        return Summary.anyFailed(results) ? 1 : 0;
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** A script's programs are ended with it; this catches what escaped (a detached background job). */
    private static void endChildrenStartedSince(Set<Long> before) {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid())).toList();
        left.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : left) {
            try {
                p.onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    private int usage(String why, String help) {
        err.println("jexpect: " + why);
        err.print(help);
        return 2;
    }

    /** The options of both commands. */
    private static final class Options {
        int jobs = Runtime.getRuntime().availableProcessors();
        Duration timeout = Duration.ofSeconds(300);
        Path junitXml, json;
        Path transcripts = Path.of("jexpect-transcripts");
        Shard shard = Shard.ALL;
        boolean help;
        boolean updateSnapshots;
        final List<String> paths = new ArrayList<>();

        static Options parse(List<String> args, boolean test) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--")) {
                    o.paths.addAll(args.subList(i + 1, args.size()));
                    break;
                }
                if (!a.startsWith("-") || a.equals("-")) {
                    o.paths.add(a);
                    continue;
                }
                String name = a, value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else if (a.startsWith("-j") && a.length() > 2) {
                    name = "-j";
                    value = a.substring(2);
                }
                switch (name) {
                    case "-h", "--help" -> o.help = true;
                    case "--update-snapshots" -> {
                        if (!test || value != null) throw new IllegalArgumentException("unknown option " + a);
                        o.updateSnapshots = true;
                    }
                    case "--junit-xml" -> o.junitXml = Path.of(value != null ? value : next(args, ++i, name));
                    case "--json" -> o.json = Path.of(value != null ? value : next(args, ++i, name));
                    case "-j", "--jobs", "--timeout", "--shard", "--transcripts" -> {
                        if (!test) throw new IllegalArgumentException("unknown option " + name);
                        String v = value != null ? value : next(args, ++i, name);
                        switch (name) {
                            case "--timeout" -> o.timeout = timeout(v);
                            case "--shard" -> o.shard = Shard.parse(v);
                            case "--transcripts" -> o.transcripts = Path.of(v);
                            default -> o.jobs = jobs(v);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (test && o.paths.isEmpty() && !o.help) throw new IllegalArgumentException("which files or folders?");
            return o;
        }

        private static String next(List<String> args, int i, String option) {
            if (i >= args.size()) throw new IllegalArgumentException("option " + option + " needs a value");
            return args.get(i);
        }

        private static Duration timeout(String v) {
            try {
                double s = Double.parseDouble(v);
                if (s > 0 && s < 1e9) return Duration.ofMillis(Math.round(s * 1000));
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--timeout wants a number of seconds > 0, not \"" + v + "\"");
        }

        private static int jobs(String v) {
            try {
                int n = Integer.parseInt(v);
                if (n >= 1) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("-j wants a number of scripts >= 1, not \"" + v + "\"");
        }
    }
}
