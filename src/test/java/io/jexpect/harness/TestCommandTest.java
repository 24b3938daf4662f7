package io.jexpect.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.api.ExpectSession;
import io.jexpect.testing.Programs;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jexpect test} and {@code jexpect report} as a user runs them (a fresh JVM each) on a folder
 * of 50 scripts: passing, failing, xfail, unsupported, hanging past the timeout, ending in an error.
 */
class TestCommandTest {
    private static final int TIMEOUT_SECONDS = 10;

    @TempDir
    Path dir;

    /** Writes the 50 scripts; returns the files that record the pids of programs that must be ended. */
    private List<Path> generateSuite(Path suite) throws Exception {
        List<Path> pidFiles = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            // Every fifth one talks to a real program on a pty.
            String body = i % 5 == 0
                    ? "spawn cat\nsend \"ping\\r\"\nexpect {\n  \"ping\\r\\n\" { pass \"cat echoes\" }\n  timeout { fail \"cat echoes\" }\n}\npass \"second\"\nclose\nwait\n"
                    : "pass \"first of " + i + "\"\npass \"second of " + i + "\"\n";
            write(suite.resolve("pass/p" + i + ".exp"), body);
        }
        for (int i = 1; i <= 10; i++) write(suite.resolve("plain/n" + i + ".exp"), "set x [expr {6 * 7}]\nputs \"plain $x\"\n");
        for (int i = 1; i <= 5; i++) write(suite.resolve("fail/f" + i + ".exp"), "pass \"fine\"\nfail \"broken " + i + "\"\n");
        for (int i = 1; i <= 5; i++) write(suite.resolve("xfail/x" + i + ".exp"), "setup_xfail \"*-*-*\" \"PR" + i + "\"\nfail \"known " + i + "\"\n");
        for (int i = 1; i <= 4; i++) write(suite.resolve("unsupported/u" + i + ".exp"), "unsupported \"no widget " + i + "\"\n");
        for (int i = 1; i <= 3; i++) {
            Path pids = dir.resolve("pids" + i);
            pidFiles.add(pids);
            // A spawned program, a background job and a busy loop: the timeout must end all of them.
            write(suite.resolve("hang/h" + i + ".exp"), """
                    spawn sleep 1000
                    set f [open %s w]
                    puts $f [exp_pid]
                    puts $f [exec sleep 1001 &]
                    close $f
                    pass "started"
                    while 1 { catch { expect -timeout 1 nothing } }
                    """.formatted(pids));
        }
        for (int i = 1; i <= 3; i++) write(suite.resolve("error/e" + i + ".exp"), "pass \"before\"\nproc boom {} { error \"boom " + i + "\" }\nboom\n");
        return pidFiles;
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Programs.Result jexpect(String... args) throws Exception {
        return Programs.run(dir, Map.of(), Programs.jexpect(args));
    }

    @Test
    void fiftyScriptsCountsJunitXmlShardsMergedAndNothingLeftBehind() throws Exception {
        List<Path> pidFiles = generateSuite(dir.resolve("suite"));
        String timeout = String.valueOf(TIMEOUT_SECONDS);

        // The unsharded run and the three shards at once, as a CI matrix would run them.
        CompletableFuture<Programs.Result> whole = CompletableFuture.supplyAsync(() -> call(
                "test", "-j", "4", "--timeout", timeout, "--junit-xml", "all.xml", "--json", "all.json", "--transcripts", "tr-all", "suite"));
        List<CompletableFuture<Programs.Result>> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String n = String.valueOf(i);
            shards.add(CompletableFuture.supplyAsync(() -> call("test", "-j", "2", "--timeout", timeout, "--shard", n + "/3",
                    "--json", "shard" + n + ".json", "--transcripts", "tr-shard", "suite")));
        }
        Programs.Result all = whole.get();

        String summary = """

                \t\t=== jexpect test Summary ===

                # of expected passes\t\t61
                # of unexpected failures\t8
                # of expected failures\t\t5
                # of unresolved testcases\t3
                # of unsupported tests\t\t4
                """;
        assertThat(all.out()).as(all.err()).endsWith(summary);
        assertThat(all.status()).isEqualTo(1);
        assertThat(all.out()).contains("FAIL  suite/fail/f1.exp  1 passed, 1 failed", "      FAIL: broken 1",
                "FAIL  suite/hang/h2.exp  1 passed, 1 failed", "FAIL: suite/hang/h2.exp: killed after the 10 s timeout",
                "UNRESOLVED: suite/error/e3.exp: boom 3", "ok    suite/pass/p5.exp  2 passed", "ok    suite/plain/n1.exp  1 passed");

        // JUnit XML: valid against the schema, one testsuite per script, the right counts.
        String xml = Files.readString(dir.resolve("all.xml"));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/harness/junit.xsd").toFile())
                .newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<testsuites name=\"jexpect test\" tests=\"81\" failures=\"11\" errors=\"0\" skipped=\"4\"");
        assertThat(count(xml, "<testsuite ")).isEqualTo(50);
        assertThat(xml).contains("<testsuite name=\"suite/xfail/x2.exp\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\"",
                "<testcase name=\"known 2\" classname=\"suite.xfail.x2\"", "<system-out>XFAIL: known 2 (PRMS PR2)</system-out>",
                "<skipped message=\"UNSUPPORTED: no widget 3\"/>",
                "<failure message=\"FAIL: broken 4\" type=\"FAIL\">FAIL: broken 4</failure>",
                "<testcase name=\"suite/plain/n7.exp\" classname=\"suite.plain.n7\"",
                "<failure message=\"UNRESOLVED: suite/error/e1.exp: boom 1\" type=\"UNRESOLVED\">");
        // The JSON: one object per test.
        List<String> json = Files.readAllLines(dir.resolve("all.json"));
        assertThat(json).hasSize(81);
        assertThat(json).anySatisfy(l -> assertThat(l).startsWith(
                "{\"file\":\"suite/fail/f3.exp\",\"name\":\"broken 3\",\"result\":\"FAIL\",\"status\":\"failed\",\"message\":\"FAIL: broken 3\",\"duration\":"));

        // Three disjoint shards that together are the suite; their merged report is the unsharded one.
        List<String> shardFiles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Programs.Result r = shards.get(i).get();
            assertThat(r.err()).isEmpty();
            shardFiles.add("shard" + (i + 1) + ".json");
        }
        List<String> files = new ArrayList<>();
        for (String f : shardFiles) {
            Files.readAllLines(dir.resolve(f)).stream().map(l -> l.replaceFirst("^\\{\"file\":\"([^\"]+)\".*", "$1"))
                    .distinct().forEach(files::add);
        }
        assertThat(files).hasSize(50).doesNotHaveDuplicates();
        List<String> reportArgs = new ArrayList<>(List.of("report", "--junit-xml", "merged.xml", "--json", "merged.json"));
        reportArgs.addAll(shardFiles);
        Programs.Result merged = jexpect(reportArgs.toArray(String[]::new));
        assertThat(merged.out()).isEqualTo(summary);
        assertThat(merged.status()).isEqualTo(1);
        assertThat(withoutTimes(Files.readString(dir.resolve("merged.xml"))).replace("tr-shard", "tr-all")).isEqualTo(withoutTimes(xml));

        // Every program the hanging scripts started has been ended.
        for (Path pids : pidFiles) {
            for (String pid : Files.readAllLines(pids)) {
                assertThat(ProcessHandle.of(Long.parseLong(pid.strip())).map(ProcessHandle::isAlive).orElse(false))
                        .as("pid %s from %s", pid, pids).isFalse();
            }
        }
        // Transcripts hold what each script printed, each line with its time.
        assertThat(Files.readString(dir.resolve("tr-all/suite/plain/n3.exp.log")))
                .matches("# suite/plain/n3\\.exp started \\S+\n\\[ {3}\\d\\.\\d{3}] plain 42\n");
    }

    @Test
    void dejagnuScriptsGiveRuntestsLinesAndCounts() throws Exception {
        Programs.assumeInstalled("runtest");
        Programs.assumeInstalled("expect");
        Path suite = dir.resolve("testsuite");
        Programs.copyTree(Path.of("src/test/resources/harness/dejagnu/testsuite").toAbsolutePath(), suite);
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Programs.run(runDir, Map.of("EXPECT", "expect"), List.of("runtest", "--tool", "results", "--srcdir", suite.toString()));
        String sum = Files.readString(runDir.resolve("results.sum"));

        Programs.Result r = jexpect("test", "--json", "results.json", "testsuite/results.basic");
        List<String> lines = Files.readAllLines(dir.resolve("results.json")).stream()
                .map(l -> l.replaceFirst(".*\"message\":\"([^\"]*)\".*", "$1")).toList();
        List<String> expected = sum.lines().filter(l -> l.matches("^(PASS|FAIL|XPASS|XFAIL|KPASS|KFAIL|UNRESOLVED|UNTESTED|UNSUPPORTED): .*"))
                .toList();
        assertThat(lines).isEqualTo(expected).hasSize(32);
        String counts = r.out().substring(r.out().indexOf("# of"));
        assertThat(sum.strip()).endsWith(counts.strip());
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void liveProgressLineOnATerminal() throws Exception {
        write(dir.resolve("t/a.exp"), "pass one\n");
        write(dir.resolve("t/b.exp"), "fail two\n");
        StringBuilder shell = new StringBuilder("cd '" + dir + "' && exec");
        for (String word : Programs.jexpect("test", "-j", "1", "t")) shell.append(" '").append(word).append("'");
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", shell.toString())) {
            s.timeout(Duration.ofSeconds(120));
            String shown = s.expectEof();
            assertThat(shown).contains(
                    "\r\033[K[0/2] 0 passed, 0 failed, 0 skipped  t/a.exp",
                    "\r\033[K[1/2] 1 passed, 0 failed, 0 skipped  t/b.exp",
                    "\r\033[KFAIL  t/b.exp  0 passed, 1 failed  (",
                    "      FAIL: two\r\n\r\033[K[2/2] 1 passed, 1 failed, 0 skipped  \r\033[K\r\n\t\t=== jexpect test Summary ===")
                    .doesNotContain("t/a.exp  1 passed");
            assertThat(s.waitFor().exitCode()).isEqualTo(1);
        }
    }

    @Test
    void helpAndUsage() throws Exception {
        Programs.Result test = jexpect("test", "--help");
        assertThat(test.out()).startsWith("usage: jexpect test [-j N] [--timeout SECONDS]").contains("--shard I/N");
        assertThat(jexpect("report", "--help").out()).startsWith("usage: jexpect report [--junit-xml FILE] [--json FILE] JSON...");
        Programs.Result bad = jexpect("test", "--shard", "4/3", "x");
        assertThat(bad.err()).startsWith("jexpect: --shard wants I/N with 1 <= I <= N, not \"4/3\"\nusage: jexpect test");
        assertThat(bad.status()).isEqualTo(2);
        Programs.Result missing = jexpect("test", "nowhere");
        assertThat(missing.err()).isEqualTo("jexpect test: no such file or directory: nowhere\n");
        assertThat(missing.status()).isEqualTo(2);
    }

    private Programs.Result call(String... args) {
        try {
            return jexpect(args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static String withoutTimes(String xml) {
        return xml.replaceAll(" time=\"[0-9.]+\"", "");
    }
}
