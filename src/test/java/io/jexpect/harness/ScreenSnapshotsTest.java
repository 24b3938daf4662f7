package io.jexpect.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.screen.ScreenSnapshot;
import io.jexpect.testing.Programs;
import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.jupiter.api.io.TempDir;

/**
 * screen snapshot: golden files beside the script, written when missing, compared otherwise (a
 * side-by-side diff on a difference), rewritten by {@code jexpect test --update-snapshots} or
 * JEXPECT_UPDATE_SNAPSHOTS=1; with dialog on a real pty, under jexpect test and as a plain script.
 */
class ScreenSnapshotsTest {
    @TempDir
    Path dir;

    private static final String MENU = """
            log_user 0
            set timeout 30
            spawn -screen dialog --menu Fruit 12 40 3 a Apple b Banana c Cherry
            expect -screen -stable 300 {*Cherry*<Cancel>*} {} timeout { error "no menu:\\n[screen text]" }
            puts [screen snapshot fruit -attrs]
            send "\\033OB"
            expect -screen -stable 300 {*} {}
            puts [screen snapshot down/fruit]
            send "\\033"
            expect eof
            """;

    @Test
    void goldenFilesAreWrittenThenComparedThenUpdated() throws Exception {
        Programs.assumeInstalled("dialog");
        Path script = dir.resolve("suite/ui/menu.exp");
        Files.createDirectories(script.getParent());
        Files.writeString(script, MENU);
        Path fruit = dir.resolve("suite/ui/__screens__/fruit.txt");
        Path down = dir.resolve("suite/ui/__screens__/down/fruit.txt");

        // Missing: written, and the test passes.
        Programs.Result first = run("test", "suite");
        assertThat(first.status()).as(first.out()).isZero();
        String golden = Files.readString(fruit);
        assertThat(golden.lines().toList().get(24)).isEqualTo("-- attributes --"); // after the 24 rows
        assertThat(golden).contains("Fruit", "a  Apple", "b  Banana", "<Cancel>", "\n-- attributes --\n").containsPattern("\\n\\d+: .*bg=blue");
        assertThat(Files.readString(down)).contains("b  Banana").doesNotContain("-- attributes --");

        // Present and equal: compared, nothing written.
        Programs.Result again = run("test", "suite");
        assertThat(again.status()).as(again.out()).isZero();
        assertThat(Files.readString(fruit)).isEqualTo(golden);

        // Different: the test fails with both sides shown, and the golden file stays.
        Files.writeString(fruit, golden.replace("Banana", "Bananas"));
        Programs.Result differs = run("test", "suite");
        assertThat(differs.status()).isEqualTo(1);
        assertThat(differs.out()).contains("screen snapshot \"fruit\" differs from " + fruit)
                .containsPattern("\\n *! +\\d+ .*Bananas.*\\| .*Banana ")
                .contains("expected").contains("| actual");
        assertThat(Files.readString(fruit)).contains("Bananas");

        // A plain run fails the same way, relative to the script's folder, not the current one.
        Programs.Result plain = run("suite/ui/menu.exp");
        assertThat(plain.status()).isEqualTo(1);
        assertThat(plain.err()).contains("differs from " + fruit);

        // --update-snapshots accepts the screen as it is now.
        Programs.Result update = run("test", "--update-snapshots", "suite");
        assertThat(update.status()).as(update.out()).isZero();
        assertThat(Files.readString(fruit)).isEqualTo(golden);

        // So does JEXPECT_UPDATE_SNAPSHOTS=1 for a plain run.
        Files.writeString(down, "stale\n");
        Programs.Result env = Programs.run(dir, Map.of("JEXPECT_UPDATE_SNAPSHOTS", "1"), Programs.jexpect("suite/ui/menu.exp"));
        assertThat(env.status()).as(env.err()).isZero();
        assertThat(env.out()).isEqualTo("written\nwritten\n");
        assertThat(env.err()).contains("screen snapshot: wrote " + down);
        assertThat(Files.readString(down)).contains("b  Banana");
    }

    @Test
    void theJunitEngineComparesAndUpdatesWhenConfiguredTo() throws Exception {
        Path script = dir.resolve("suite/bold.exp");
        Files.createDirectories(script.getParent());
        Files.writeString(script, """
                log_user 0
                spawn -screen sh -c {printf '\\033[1mbold\\033[0m plain\\n'; sleep 1}
                expect -screen "bold plain"
                screen snapshot bold -attrs
                """);
        Path golden = dir.resolve("suite/__screens__/bold.txt");
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, "stale\n");
        assertThat(engineRun(script, false)).isEqualTo(1);
        assertThat(Files.readString(golden)).isEqualTo("stale\n");
        assertThat(engineRun(script, true)).isZero();
        assertThat(Files.readString(golden)).startsWith("bold plain\n").contains("-- attributes --\n0: 0-3 bold\n");
        assertThat(engineRun(script, false)).isZero();
    }

    /** Runs the file through the JUnit Platform engine; returns how many tests failed. */
    private long engineRun(Path script, boolean update) {
        var request = LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectFile(script.toFile()))
                .filters(EngineFilter.includeEngines("jexpect"))
                .configurationParameter("jexpect.exp.transcripts", dir.resolve("transcripts").toString())
                .configurationParameter("jexpect.exp.updateSnapshots", Boolean.toString(update))
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        return summary.getSummary().getTotalFailureCount();
    }

    @Test
    void sideBySideMarksChangedAddedAndMissingLinesWithTwoLinesAround() {
        assertThat(ScreenSnapshot.sideBySide("1\n2\n3\n4\nold\n6\n7\n8\n9\ngone\n", "1\n2\n3\n4\nnew\n6\n7\n8\n9\n")).isEqualTo("""
                      expected | actual
                    ...
                    3 3        | 3
                    4 4        | 4
                !   5 old      | new
                    6 6        | 6
                    7 7        | 7
                    8 8        | 8
                    9 9        | 9
                <  10 gone     |
                """);
        assertThat(ScreenSnapshot.sideBySide("a\n", "a\nmore\n")).endsWith(">   2          | more\n");
    }

    @Test
    void badNamesAndUsageAreTclErrors() throws Exception {
        try (TclRunner tcl = new TclRunner()) {
            tcl.eval("log_user 0; spawn -screen -noecho true; expect eof");
            assertThat(tcl.error("screen snapshot")).startsWith("wrong # args: should be \"screen snapshot name ?-attrs? ?-i id?\" |");
            assertThat(tcl.error("screen snapshot ../up")).startsWith("bad snapshot name \"../up\": must be a relative name without .. |");
            assertThat(tcl.error("screen snapshot /abs")).startsWith("bad snapshot name \"/abs\"");
            assertThat(tcl.error("screen bogus")).startsWith("bad option \"bogus\": must be attrs, cursor, line, size, snapshot, or text |");
            tcl.eval("spawn -noecho true");
            assertThat(tcl.error("screen snapshot x")).contains("has no screen");
        }
    }

    private Programs.Result run(String... args) throws Exception {
        return Programs.run(dir, Map.of(), Programs.jexpect(args));
    }
}
