package io.jexpect.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The engine driven through the JUnit Platform Launcher, as Maven, Gradle and IDEs drive it. */
class ExpTestEngineTest {
    @TempDir
    Path dir;

    /** Every event the platform reports, one line each. */
    private final List<String> events = new ArrayList<>();

    private List<String> run(Path transcripts, String timeout, DiscoverySelector... selectors) {
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).filters(includeEngines("jexpect"))
                .configurationParameter("jexpect.exp.timeout", timeout)
                .configurationParameter("jexpect.exp.transcripts", transcripts.toString())
                .configurationParameter("jexpect.exp.directory", dir.resolve("suite").toString())
                .build();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier t) {
                if (t.getParentId().isPresent()) events.add("start " + t.getDisplayName());
            }

            @Override
            public void executionSkipped(TestIdentifier t, String reason) {
                events.add("skip " + t.getDisplayName() + ": " + reason);
            }

            @Override
            public void executionFinished(TestIdentifier t, TestExecutionResult r) {
                if (t.getParentId().isEmpty()) return;
                events.add(r.getStatus() + " " + t.getDisplayName()
                        + r.getThrowable().map(e -> ": " + e.getMessage().lines().findFirst().orElse("")).orElse(""));
            }

            @Override
            public void reportingEntryPublished(TestIdentifier t, ReportEntry entry) {
                entry.getKeyValuePairs().forEach((k, v) -> events.add("entry " + t.getDisplayName() + " " + k + "=" + v));
            }

            @Override
            public void fileEntryPublished(TestIdentifier t, FileEntry file) {
                events.add("file " + t.getDisplayName() + " " + file.getPath());
            }

            @Override
            public void testPlanExecutionStarted(TestPlan plan) {
            }
        });
        return events;
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve("suite").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void filesAreContainersAndReportedResultsAreTestsWithTheIssuesStatusMapping() throws Exception {
        Path results = write("results.exp", """
                pass "one"
                fail "two"
                setup_xfail "*-*-*"
                fail "three"
                unsupported "four"
                untested "five"
                pass "one"
                """);
        Path quiet = write("quiet.exp", "set x 1\n");
        Path status = write("status.exp", "puts {about to fail}\nexit 3\n");
        Path error = write("error.exp", "proc p {} {nosuchcommand}\np\n");
        Path tr = dir.resolve("transcripts");
        List<String> ev = run(tr, "30", selectDirectory(dir.resolve("suite").toFile()));
        String e = error.toString(), q = quiet.toString(), r = results.toString(), s = status.toString();
        Path statusLog = tr.resolve(s.substring(1) + ".log");
        Path errorLog = tr.resolve(e.substring(1) + ".log");
        assertThat(ev).containsExactly(
                "start " + e,
                "start " + e,
                "entry " + e + " transcript=" + errorLog,
                "file " + e + " " + errorLog,
                "file " + e + " " + ScriptRunner.castOf(errorLog),
                "FAILED " + e + ": UNRESOLVED: " + e + ": invalid command name \"nosuchcommand\"",
                "SUCCESSFUL " + e,
                "start " + q,
                "start " + q,
                "SUCCESSFUL " + q,
                "SUCCESSFUL " + q,
                "start " + r,
                "start one",
                "SUCCESSFUL one",
                "start two",
                "entry two transcript=" + tr.resolve(r.substring(1) + ".log"),
                "file two " + tr.resolve(r.substring(1) + ".log"),
                "file two " + tr.resolve(r.substring(1) + ".cast"),
                "FAILED two: FAIL: two",
                "start three",
                "entry three note=XFAIL: three",
                "SUCCESSFUL three",
                "skip four: UNSUPPORTED: four",
                "skip five: UNTESTED: five",
                "start one #2",
                "SUCCESSFUL one #2",
                "SUCCESSFUL " + r,
                "start " + s,
                "start " + s,
                "entry " + s + " transcript=" + statusLog,
                "file " + s + " " + statusLog,
                "file " + s + " " + ScriptRunner.castOf(statusLog),
                "FAILED " + s + ": FAIL: " + s + ": exit status 3",
                "SUCCESSFUL " + s);
        // Recordings are kept for files with a failed test only.
        assertThat(tr.resolve(q.substring(1) + ".cast")).doesNotExist();
        assertThat(Files.readString(statusLog)).matches("# \\Q" + s + "\\E started \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\n"
                + "\\[ {3}\\d\\.\\d{3}] about to fail\n");
    }

    @Test
    void oneFileOrOneResultIsSelectedByItsUniqueId() throws Exception {
        Path f = write("pick.exp", "pass a\nfail b\npass c\n");
        write("other.exp", "pass other\n");
        UniqueId file = UniqueId.forEngine("jexpect").append("file", f.toString());
        List<String> ev = run(dir.resolve("tr"), "30", selectUniqueId(file.append("result", "c")));
        assertThat(ev).containsExactly("start " + f, "start c", "SUCCESSFUL c", "SUCCESSFUL " + f);
        events.clear();
        ev = run(dir.resolve("tr"), "30", selectUniqueId(file));
        assertThat(ev).filteredOn(s -> s.startsWith("start")).containsExactly("start " + f, "start a", "start b", "start c");
        events.clear();
        ev = run(dir.resolve("tr"), "30", selectUniqueId(file.append("result", "gone")));
        assertThat(ev).containsExactly("start " + f, "start gone",
                "FAILED gone: " + f + " did not report \"gone\" this time", "SUCCESSFUL " + f);
    }

    @Test
    void aClasspathScanRunsTheConfiguredDirectoryAndAFileSelectorOneFile() throws Exception {
        Path a = write("a.exp", "pass a\n");
        Path b = write("sub/b.exp", "pass b\n");
        write("notes.txt", "not a test\n");
        assertThat(run(dir.resolve("tr"), "30", selectClass(ExpTestEngineTest.class)))
                .containsExactly("start " + a, "start a", "SUCCESSFUL a", "SUCCESSFUL " + a,
                        "start " + b, "start b", "SUCCESSFUL b", "SUCCESSFUL " + b);
        events.clear();
        assertThat(run(dir.resolve("tr"), "30", selectFile(b.toFile())))
                .containsExactly("start " + b, "start b", "SUCCESSFUL b", "SUCCESSFUL " + b);
    }

    @Test
    void aHangingFileIsStoppedAtItsTimeoutAndItsProgramsEnded() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path f = write("hang.exp", """
                pass "before"
                spawn sh -c {trap '' HUP TERM; exec sleep 100}
                set f [open {%s} w]; puts $f [exp_pid]; close $f
                expect -timeout -1 never
                """.formatted(pidFile));
        long t0 = System.nanoTime();
        List<String> ev = run(dir.resolve("tr"), "6", selectFile(f.toFile()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ev).contains("SUCCESSFUL before", "FAILED " + f + ": FAIL: " + f + ": killed after the 6 s timeout");
        assertThat(ms).isBetween(5900L, 40_000L);
        assertThat(pidFile).as(ev.toString()).exists();
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(goneWithin(pid, 5000)).as("spawned pid " + pid + " ended").isTrue();
    }

    /** Gone, or a zombie left for its new parent to reap. */
    private static boolean goneWithin(long pid, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) return true;
            } catch (java.io.IOException e) {
                return true;
            }
            if (System.nanoTime() > end) return false;
            Thread.sleep(20);
        }
    }
}
