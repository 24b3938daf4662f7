package io.jexpect.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.results.Outcome;
import io.jexpect.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DejaGnu's result commands as jexpect built-ins, compared with runtest on real Expect. */
class ResultCommandsTest {
    private static final Path SUITE = Path.of("src/test/resources/harness/dejagnu/testsuite").toAbsolutePath();
    private static final Pattern RESULT = Pattern.compile("^(PASS|FAIL|XPASS|XFAIL|KPASS|KFAIL|UNRESOLVED|UNTESTED|UNSUPPORTED): .*");
    private static final Pattern DIAGNOSTIC = Pattern.compile("^(ERROR|WARNING|NOTE): .*");

    @TempDir
    Path dir;

    private static List<String> lines(String text, Pattern keep) {
        return text.lines().filter(l -> keep.matcher(l).matches()).toList();
    }

    @Test
    void sameLinesAndCountsAsRuntestOnExpect() throws Exception {
        Programs.assumeInstalled("runtest");
        Programs.assumeInstalled("expect");
        Path suite = dir.resolve("testsuite");
        Programs.copyTree(SUITE, suite);
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Programs.Result dejagnu = Programs.run(runDir, Map.of("EXPECT", "expect"),
                List.of("runtest", "--tool", "results", "--srcdir", suite.toString(), "results.exp"));
        String sum = Files.readString(runDir.resolve("results.sum"));

        Programs.Result jx = Programs.run(dir, Map.of(),
                Programs.jexpect(suite.resolve("results.basic/results.exp").toString()));

        assertThat(jx.status()).as(jx.err()).isZero();
        // Results on stdout as runtest --all shows them; notes, warnings, errors on stderr, as runtest.
        assertThat(jx.out().lines().toList()).isEqualTo(lines(sum, RESULT)).hasSize(26);
        assertThat(jx.err().lines().toList()).isEqualTo(lines(sum, DIAGNOSTIC)).isEqualTo(lines(dejagnu.err(), DIAGNOSTIC));
        assertThat(jx.out()).contains("XPASS: four (PRMS PR123)\n", "KFAIL: five (PRMS: BUG9)\n",
                "UNRESOLVED: after perror\n", "PASS: group: prefixed\n");
        for (Outcome o : Outcome.values()) {
            long count = jx.out().lines().filter(l -> l.startsWith(o + ": ")).count();
            String summary = "# of " + o.summaryName();
            assertThat(sum).contains(summary + (summary.length() < 24 ? "\t\t" : "\t") + count + "\n");
        }
    }

    @Test
    void underRuntestDejaGnusOwnProcsReplaceTheBuiltins() throws Exception {
        Programs.assumeInstalled("runtest");
        Programs.assumeInstalled("expect");
        Path suite = dir.resolve("testsuite");
        Programs.copyTree(SUITE, suite);
        String[] sums = new String[2];
        int k = 0;
        for (String expect : List.of("expect", Programs.launcher(dir).toString())) {
            Path runDir = Files.createDirectories(dir.resolve("run" + k));
            Programs.run(runDir, Map.of("EXPECT", expect), List.of("runtest", "--tool", "results", "--srcdir", suite.toString()));
            // Less the lines that name the date and the folders.
            sums[k++] = Files.readString(runDir.resolve("results.sum")).lines()
                    .filter(l -> !l.startsWith("Test run by") && !l.startsWith("Using")).toList().toString();
        }
        assertThat(sums[1]).isEqualTo(sums[0]).contains("XPASS: four (PRMS PR123)", "FAIL: division (error)");
    }

    @Test
    void countersUsageErrorsAndProcsThatReplaceTheBuiltins() throws Exception {
        Files.writeString(dir.resolve("t.exp"), """
                pass a; pass b; fail c
                puts "$test_counts(PASS,count) $test_counts(FAIL,count) [info exists test_counts(XFAIL,count)]"
                puts [list [catch {pass} e] $e $::errorCode]
                puts [list [catch {kfail PR1} e] $e]
                log_file -noappend t.log
                note "to the log too"
                fail "in the log"
                log_file
                proc pass {msg} { puts "mine: $msg" }
                pass d
                """);
        Programs.Result r = Programs.run(dir, Map.of(), Programs.jexpect("t.exp"));
        assertThat(r.out()).isEqualTo("""
                PASS: a
                PASS: b
                FAIL: c
                2 1 0
                1 {wrong # args: should be "pass message"} {TCL WRONGARGS}
                1 {wrong # args: should be "kfail bugid message"}
                FAIL: in the log
                mine: d
                """);
        assertThat(r.err()).isEqualTo("NOTE: to the log too\n");
        assertThat(Files.readString(dir.resolve("t.log"))).isEqualTo("NOTE: to the log too\nFAIL: in the log\n");
        assertThat(r.status()).isZero();
    }
}
