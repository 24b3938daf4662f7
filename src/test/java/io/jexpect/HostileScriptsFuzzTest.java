package io.jexpect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hundred scripts mutated from the examples, the benchmarks and small Tcl/Expect programs
 * (seeded, so every run tries the same ones), each run in its own interpreter with a time bound.
 * None may show Java text (a class name, a stack trace) in anything it prints, none may hang
 * where Expect ends, and no program any of them started may outlive the run.
 */
class HostileScriptsFuzzTest {
    private static final long SEED = 20261201L;
    private static final int SCRIPTS = 300;
    private static final long BOUND_MS = 8_000;

    @TempDir
    Path dir;

    private final String mark = "jexpect-fuzz-" + UUID.randomUUID();

    /** What one script did: everything it printed, or why it is a failure. */
    private record Outcome(Path script, String printed, String failure, boolean timedOut) {}

    @Test
    void mutatedScriptsShowNoJavaTextNoHangAndLeaveNothing() throws Exception {
        Files.createSymbolicLink(dir.resolve("bin"), Path.of("examples", "bin").toAbsolutePath());
        List<String> corpus = corpus();
        Random rnd = new Random(SEED);
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream jvmOutput = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(jvmOutput, true, StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        List<Outcome> outcomes = new ArrayList<>();
        System.setOut(capture);
        System.setErr(capture);
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (int i = 0; i < SCRIPTS; i++) {
                String text = mutate(corpus.get(rnd.nextInt(corpus.size())), new Random(rnd.nextLong()));
                Path file = dir.resolve("fuzz" + i + ".exp");
                Files.writeString(file, text);
                running.add(pool.submit(() -> run(file, text)));
            }
            for (Future<Outcome> f : running) outcomes.add(f.get(10 * BOUND_MS, TimeUnit.MILLISECONDS));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            pool.shutdownNow();
        }
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.failure != null && !o.timedOut) failures.add(o.script + ": " + o.failure);
            if (o.timedOut && expectEndsWithin(o.script)) failures.add(o.script + ": " + o.failure + ", where Expect ends");
        }
        String jvm = jvmOutput.toString(StandardCharsets.UTF_8);
        if (hasJavaText(jvm)) failures.add("the JVM printed: " + excerpt(jvm));
        assertThat(failures).isEmpty();
        assertNothingLeft();
    }

    // ---- running one script -------------------------------------------------------------------

    private Outcome run(Path file, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Interp in = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(new byte[0]), out, out));
        String failure = null;
        boolean timedOut = false;
        try {
            in.setVar("env", "TMPDIR", Value.of(dir.toString()));
            in.eval(PRELUDE);
            in.setGlobal("argv", Value.of("1"));
            in.setGlobal("argc", Value.of(1));
            in.setGlobal("argv0", Value.of(file.toString()));
            in.setVar("env", "JEXPECT_FUZZ_MARK", Value.of(mark));
            ExecutorService one = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fuzz-script");
                t.setDaemon(true);
                return t;
            });
            Future<String> f = one.submit(() -> {
                try {
                    in.evalFileText(file.toString(), text);
                    return "";
                } catch (TclException e) {
                    return e.isError() ? e.errorInfo() : "";
                }
            });
            String errorInfo;
            try {
                errorInfo = f.get(BOUND_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                timedOut = true;
                failure = "still running after " + BOUND_MS + " ms";
                in.postAsync(i -> {
                    throw TclException.exit(124);
                });
                try {
                    errorInfo = f.get(5, TimeUnit.SECONDS);
                } catch (TimeoutException stuck) {
                    failure += " and did not stop when asked";
                    errorInfo = "";
                }
            } catch (java.util.concurrent.ExecutionException e) {
                failure = "Java failure escaped: " + e.getCause();
                errorInfo = "";
            } finally {
                one.shutdownNow();
            }
            String printed = out.toString(StandardCharsets.UTF_8) + errorInfo;
            if (failure == null && hasJavaText(printed)) failure = "Java text in its output: " + excerpt(printed);
            return new Outcome(file, printed, failure, timedOut);
        } catch (Throwable e) {
            return new Outcome(file, "", "Java failure escaped: " + e, false);
        } finally {
            in.shutdown();
        }
    }

    private static boolean hasJavaText(String s) {
        return s.contains("java.") || s.contains("Exception") || s.contains("at io.jexpect");
    }

    private static String excerpt(String s) {
        Matcher m = java.util.regex.Pattern.compile("java\\.|Exception|at io\\.jexpect").matcher(s);
        int at = m.find() ? m.start() : 0;
        return s.substring(Math.max(0, at - 300), Math.min(s.length(), at + 300));
    }

    /** The oracle for a script jexpect did not finish: does Expect finish it within the bound? */
    private boolean expectEndsWithin(Path script) throws Exception {
        Path oracle = dir.resolve("oracle-" + script.getFileName());
        Files.writeString(oracle, PRELUDE + "\nsource " + script + "\n");
        ProcessBuilder pb = new ProcessBuilder("expect", oracle.toString(), "1").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("oracle.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("JEXPECT_FUZZ_MARK", mark);
        pb.environment().put("TMPDIR", dir.toString());
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException noExpect) {
            return false; // without the oracle, a slow script is not known to be a hang
        }
        boolean ended = p.waitFor(BOUND_MS, TimeUnit.MILLISECONDS);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return ended;
    }

    /**
     * Mutations can turn a harmless line into a harmful one, so both jexpect and the oracle run
     * each script confined: programs from a short list only, files changed only in the run's
     * folder, no signal handlers, no way to rename the guards away.
     */
    private static final String PRELUDE = """
            # The fuzz run's confinement: programs from a short list only, files changed only under TMPDIR.
            set ::_fuzz_ok {cat echo true false sleep ls nproc tr sort wc}
            proc _fuzz_check {words} {
                set program 1
                foreach w $words {
                    if {[regexp {^[0-9]?[<>]|^<|^>} $w]} { if {![string match *<* $w]} { error "not written here: $w" } }
                    if {$program} {
                        if {[string match -* $w]} continue
                        set p [string trimleft $w |&]
                        if {$p ni $::_fuzz_ok && ![string match $::env(TMPDIR)/bin/* $p]} { error "not run here: $w" }
                        set program 0
                    } elseif {[string index $w 0] eq "|"} {
                        set p [string trimleft $w |&]
                        if {$p eq ""} { set program 1 } elseif {$p ni $::_fuzz_ok} { error "not run here: $w" }
                    }
                }
            }
            foreach _c {exec spawn exp_spawn file open} { catch {rename $_c _fuzz_$_c} }
            proc exec args { _fuzz_check $args; uplevel 1 [list _fuzz_exec {*}$args] }
            proc spawn args { _fuzz_check $args; uplevel 1 [list _fuzz_spawn {*}$args] }
            proc exp_spawn args { _fuzz_check $args; uplevel 1 [list _fuzz_spawn {*}$args] }
            proc file args {
                if {[lindex $args 0] in {delete rename copy link mkdir attributes mtime atime}} { error "not changed here" }
                uplevel 1 [list _fuzz_file {*}$args]
            }
            proc open {name args} {
                if {[string index $name 0] eq "|"} { _fuzz_check [string range $name 1 end] }
                if {[llength $args] && [lindex $args 0] ne "r" && ![string match $::env(TMPDIR)/* [_fuzz_file normalize $name]]} {
                    error "not written here: $name"
                }
                uplevel 1 [list _fuzz_open $name {*}$args]
            }
            foreach _c {cd trap exp_trap system exp_system fork exp_fork overlay exp_overlay disconnect exp_disconnect interp load rename} {
                proc $_c args { error "not here" }
            }
            unset _c
            """;

    private void assertNothingLeft() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!marked().isEmpty() && System.nanoTime() < end) Thread.sleep(100);
        assertThat(marked()).as("programs left running").isEmpty();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> !c.endsWith("/java")).orElse(true)).toList())
                .as("children of the test run").isEmpty();
    }

    /** Live processes (not zombies) that inherited this run's mark. */
    private List<String> marked() throws Exception {
        List<String> out = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                if (!d.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
                try {
                    String env = Files.readString(d.resolve("environ"), StandardCharsets.ISO_8859_1);
                    String stat = Files.readString(d.resolve("stat"));
                    boolean zombie = stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
                    if (env.contains("JEXPECT_FUZZ_MARK=" + mark) && !zombie) out.add(d.getFileName() + " " + stat);
                } catch (Exception vanished) {
                    // Gone while we looked.
                }
            }
        }
        return out;
    }

    // ---- the scripts --------------------------------------------------------------------------

    /** The examples and benchmarks (short timeouts, so a wait lasts a second), and small programs. */
    private static List<String> corpus() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (String f : List.of("examples/hello.exp", "examples/list_directory.exp", "examples/echo_until_quit.exp",
                "examples/random_echo.exp", "examples/terminate_long_running.exp", "bench/roundtrip.exp",
                "bench/spawns.exp", "bench/tcl_loop.tcl", "bench/empty.exp")) {
            String text = Files.readString(Path.of(f));
            text = text.replaceAll("set timeout \\d+", "set timeout 1");
            seeds.add(text);
        }
        seeds.addAll(PROGRAMS);
        return seeds;
    }

    private static final List<String> PROGRAMS = List.of("""
            proc f {a {b 2} args} { upvar 1 x y; set y [expr {$a + $b}]; return [llength $args] }
            set x 0
            puts [f 1 2 3 4]; puts $x
            catch {f} m; puts $m
            """, """
            puts [string map {a b} [string toupper abc]]
            puts [string range abcdef 2 end-1]
            puts [format "%5.2f|%-4s|%x|%c" 3.14159 ab 255 65]
            puts [string index abc 9999999999999]
            puts [string repeat ab 3][string reverse xyz][string is integer -strict 12]
            """, """
            set l [lsort -integer {5 3 9 1}]
            puts [lrange $l 1 end]; puts [lsearch -all $l 9]; puts [lindex $l end-1]
            set d [dict create a 1 b 2]
            dict incr d a
            dict for {k v} $d { puts "$k=$v" }
            puts [join [split a,b,c ,] -]; puts [lreplace {a b c} 1 1 x y]
            """, """
            regexp {(\\w+)@(\\w+)} "x@y" m u h
            puts "$u $h"
            puts [regsub -all {[aeiou]} banana _]
            puts [regexp -all -inline {\\d+} a1b22c333]
            switch -regexp -- abc { {^a} {puts starts} default {puts other} }
            """, """
            puts [clock format 0 -gmt 1]
            puts [clock scan 2004-00-00 -format %Y-%m-%d -gmt 1]
            puts [clock add 0 1 day -gmt 1]
            puts [expr {2**10 + 7 / 2.0 - (3 % 2) << 1}]
            puts [expr {max(1, 2.5) + abs(-3) + int(7.9) + wide(1) + entier(2.5)}]
            """, """
            for {set i 0} {$i < 5} {incr i} { if {$i % 2} continue; lappend r $i }
            puts $r
            set j 0
            while {[incr j] < 3} {}
            foreach {a b} {1 2 3 4} { puts "$a$b" }
            switch -glob abc { a* {puts yes} default {puts no} }
            """, """
            try { error boom {} {MY CODE} } trap {MY} {m o} { puts "trapped $m" } finally { puts done }
            catch {error inner} m opts
            puts [dict get $opts -errorcode]
            proc g {} { return -code break }
            catch g r; puts $r
            """, """
            log_user 0
            spawn cat
            send "hello\\r"
            expect -re {hello\\r\\n} {puts got} timeout {puts late}
            close
            wait
            """, """
            set timeout 1
            spawn sleep 3
            expect eof {puts eof} timeout {puts timeout}
            close
            wait
            """, """
            after 50 {set done 1}
            vwait done
            puts $done
            after cancel [after 10000 {puts never}]
            update
            """, """
            array set a {x 1 y 2}
            puts [lsort [array names a]]; puts [info exists a(x)]
            puts [llength [info commands lsor*]]
            set v 3
            puts [subst {$v [expr {$v*2}] \\t}]
            eval {puts [list a b]}
            uplevel #0 {set g 1}
            """, """
            scan "12 abc" "%d %s" n w
            puts "$n $w"
            set f [open $env(TMPDIR)/data.txt w]
            puts $f "line one\\nline two"
            close $f
            set f [open $env(TMPDIR)/data.txt]
            while {[gets $f line] >= 0} { puts [string length $line] }
            close $f
            """, """
            spawn echo alpha beta
            expect {
                -re {(\\w+) (\\w+)} { puts "$expect_out(1,string)-$expect_out(2,string)"; exp_continue }
                eof { puts end }
            }
            wait
            """);

    /** Whole commands that used to crash, hang or leak Java text. */
    private static final List<String> HOSTILE = List.of(
            "regexp {($|^X)*} {}", "regexp {[z-a]} x", "regexp {(^(?!aa)(?!bb))+} aabbcc",
            "regexp {((((a)*)*)*)*} aaaaaaaaaaaaaaaaaaaaaaaaaaab", "clock scan -9223372036854775809 -format %s",
            "clock scan 2004-00-00 -format %Y-%m-%d", "clock format 0x8000000000000000", "clock format 99999999999999999",
            "format %.99999f 1", "expr {3**268435456}", "string index abc 9999999999999",
            "expr [string repeat ( 20000]1[string repeat ) 20000]", "expr [string repeat - 20000]1",
            "eval [string repeat {[} 2000]set x 1[string repeat {]} 2000]", "lindex {a b} end+1",
            "string repeat x -1", "lrange {a b c} 0 9999999999999", "incr x 0x8000000000000000", "set x(",
            "array set a {1}", "dict get {a 1} b", "lsort -integer {a b}", "expr {1/0}", "expr {1.0/0}",
            "format %d 1e309", "expect -re {c$x} {puts no} timeout {}", "send_user [format %c 0]",
            "binary format i* {1 2}", "after -1 {}", "lappend", "proc p {{a}} {}; p", "info level -1");

    private static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", "$", "\\", ";", "\n", "(", ")",
            "{*}", "#", " ", "0x8000000000000000", "-9223372036854775809", "9999999999999", "1e309", "NaN", "-1",
            "0", "end+1", "%.99999f", "\\x00", "\\u", "$::", "::", "-", "*", "?", "%s%s%n", "\\\n");

    static String mutate(String s, Random r) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        int ops = 1 + r.nextInt(4);
        for (int k = 0; k < ops; k++) {
            int at = r.nextInt(lines.size());
            String line = lines.get(at);
            switch (r.nextInt(7)) {
                case 0 -> { // delete a few characters
                    if (line.isEmpty()) break;
                    int from = r.nextInt(line.length());
                    lines.set(at, line.substring(0, from) + line.substring(Math.min(line.length(), from + 1 + r.nextInt(5))));
                }
                case 1 -> { // insert a token
                    int pos = r.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, pos) + TOKENS.get(r.nextInt(TOKENS.size())) + line.substring(pos));
                }
                case 2 -> lines.add(at, line);
                case 3 -> {
                    if (lines.size() > 1) lines.remove(at);
                }
                case 4 -> {
                    int other = r.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 5 -> {
                    String h = HOSTILE.get(r.nextInt(HOSTILE.size()));
                    lines.add(at, r.nextBoolean() ? h : "catch {" + h + "} msg; puts $msg");
                }
                default -> { // one word in place of another from the same script
                    Matcher words = java.util.regex.Pattern.compile("\\w+").matcher(s);
                    List<String> all = new ArrayList<>();
                    while (words.find()) all.add(words.group());
                    Matcher here = java.util.regex.Pattern.compile("\\w+").matcher(line);
                    List<int[]> spans = new ArrayList<>();
                    while (here.find()) spans.add(new int[] {here.start(), here.end()});
                    if (spans.isEmpty() || all.isEmpty()) break;
                    int[] w = spans.get(r.nextInt(spans.size()));
                    lines.set(at, line.substring(0, w[0]) + all.get(r.nextInt(all.size())) + line.substring(w[1]));
                }
            }
        }
        return String.join("\n", lines);
    }
}
