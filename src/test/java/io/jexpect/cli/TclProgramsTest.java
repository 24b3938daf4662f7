package io.jexpect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Tcl programs run unmodified on jexpect: Tcl's own library (init.tcl's procedures,
 * packages and Tcl modules from disk), a tcltest file, tcllib's packages, and a DejaGnu tool
 * suite under runtest. Each prints what tclsh (for DejaGnu: expect) prints on the same machine;
 * .ci/run installs tcl, tcllib, expect and dejagnu so that none is skipped there.
 */
class TclProgramsTest {
    @TempDir
    Path dir;

    private static final Path PROGRAMS = Path.of("src/test/resources/programs");

    private record Result(String out, int status) {}

    private static Result run(Path cwd, Map<String, String> env, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(out, p.exitValue());
    }

    /** A jexpect launcher for this build, for programs that start it themselves (runtest's $EXPECT). */
    private Path launcher() throws IOException {
        Path l = dir.resolve("jexpect-launcher");
        Files.writeString(l, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xss16m -Xrs -cp '"
                + System.getProperty("java.class.path") + "' io.jexpect.cli.Main \"$@\"\n");
        l.toFile().setExecutable(true);
        return l;
    }

    private static void assumeInstalled(String program) {
        boolean found = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
        assumeTrue(found, program + " is not installed");
    }

    /** Runs a program under tclsh and under jexpect, each in a fresh folder; returns both outputs. */
    private String[] underBoth(String script) throws Exception {
        assumeInstalled("tclsh");
        Path source = PROGRAMS.resolve(script).toAbsolutePath();
        Path a = Files.createDirectories(dir.resolve("tclsh"));
        Path b = Files.createDirectories(dir.resolve("jexpect"));
        Path copyA = Files.copy(source, a.resolve(script));
        Path copyB = Files.copy(source, b.resolve(script));
        Result tcl = run(a, Map.of(), List.of("tclsh", copyA.getFileName().toString()));
        Result jx = run(b, Map.of(), List.of(launcher().toString(), copyB.getFileName().toString()));
        assertThat(jx.status()).as(jx.out()).isEqualTo(tcl.status());
        return new String[] {tcl.out(), jx.out()};
    }

    @Test
    void tclLibraryPackagesAndModulesAsTclsh() throws Exception {
        String[] out = underBoth("library.tcl");
        assertThat(out[1]).isEqualTo(out[0]);
        assertThat(out[1]).contains("hello, world from ::greet\n0.3\nmodule 0.3\n");
    }

    @Test
    void tcllibPackagesAsTclsh() throws Exception {
        assumeInstalled("tclsh");
        assumeTrue(run(dir, Map.of(), List.of("sh", "-c", "echo 'puts [package require json]' | tclsh")).status() == 0,
                "tcllib is not installed");
        String[] out = underBoth("tcllib.tcl");
        assertThat(out[1]).isEqualTo(out[0]);
        assertThat(out[1]).contains("CMDLINE USAGE\n", "a b,c d\n", "900150983CD24FB0D6963F7D28E17F72\n", "{0 2 4} {0 1 2}\n",
                "> a\n> b\n", "4.0 1.0 10.0 5 ");
    }

    /**
     * A tenth of tcllib's packages (every tenth name of the system's tcllib), each required in a
     * fresh child interpreter: the same ones load, and fail, as under tclsh.
     */
    @Test
    void tcllibSampleLoadsAsUnderTclsh() throws Exception {
        assumeInstalled("tclsh");
        assumeTrue(run(dir, Map.of(), List.of("sh", "-c", "echo 'puts [package require json]' | tclsh")).status() == 0,
                "tcllib is not installed");
        String[] out = underBoth("tcllib-sweep.tcl");
        assertThat(out[1]).isEqualTo(out[0]);
        String loaded = out[0].lines().filter(l -> l.startsWith("loaded: ")).findFirst().orElseThrow();
        assertThat(loaded.split(" ")).hasSizeGreaterThan(20);
    }

    @Test
    void tcltestFileAsTclsh() throws Exception {
        String[] out = underBoth("tcltest.tcl");
        assertThat(out[1]).isEqualTo(out[0]);
        assertThat(out[1]).contains("==== t-1.2 fails on purpose FAILED", "==== t-2.8 setup error FAILED", "Total\t22\tPassed\t14\tSkipped\t1\tFailed\t7");
    }

    /**
     * DejaGnu's runtest with real Expect and with EXPECT pointing at jexpect, on a tool suite of
     * four test files (a tool init file driving a real program, every result kind, remote_exec,
     * remote_spawn, its file helpers, the dg framework GCC uses): .sum, .log and output agree line
     * for line but for dates and durations.
     */
    @Test
    void dejagnuToolSuiteAsExpect() throws Exception {
        assumeInstalled("runtest");
        assumeInstalled("expect");
        String suite = PROGRAMS.resolve("dejagnu/testsuite").toAbsolutePath().toString();
        List<String> runtest = List.of("runtest", "--tool", "mytool", "--srcdir", suite);
        Path a = Files.createDirectories(dir.resolve("expect"));
        Path b = Files.createDirectories(dir.resolve("jexpect"));
        Result expect = run(a, Map.of(), runtest);
        Result jexpect = run(b, Map.of("EXPECT", launcher().toString()), runtest);
        String sum = undated(Files.readString(a.resolve("mytool.sum")));
        assertThat(undated(Files.readString(b.resolve("mytool.sum")))).isEqualTo(sum);
        assertThat(undated(jexpect.out())).isEqualTo(undated(expect.out()));
        // The .log too: DejaGnu's own verbose lines, what the programs said, the spawn echoes.
        assertThat(undated(Files.readString(b.resolve("mytool.log")).replace(b.toString(), "RUN")))
                .isEqualTo(undated(Files.readString(a.resolve("mytool.log")).replace(a.toString(), "RUN")));
        assertThat(jexpect.status()).isEqualTo(expect.status()).isEqualTo(1);
        assertThat(sum).contains("PASS: add small\n", "FAIL: add wrong on purpose\n", "XFAIL: known broken add\n",
                "KFAIL: kernel bug (PRMS: PR123)\n", "NOTE: a note for the log\n", "UNSUPPORTED: no widgets here\n",
                "UNTESTED: future feature\n", "PASS: remote_exec echo\n", "XPASS: unexpectedly passing (PRMS PR42)\n",
                "KPASS: known bug fixed (PRMS PR77)\n", "UNRESOLVED: after perror\n", "PASS: remote_expect ping\n",
                "PASS: remote_exec with input file\n", "PASS: find\n", "XFAIL: mytool.dg/good.t  (test for errors, line 5)\n",
                "FAIL: mytool.dg/excess.t (test for excess errors)\n", "UNSUPPORTED: mytool.dg/skipped.t\n",
                "# of expected passes\t\t22\n");
    }

    /** The run's dates and durations are all that may differ between two runs. */
    private static String undated(String s) {
        return s.replaceAll("(?m)^(Test run by .* on |runtest completed at ).*$", "$1DATE")
                .replaceAll("(?m)^(testcase .* completed in )\\d+ seconds$", "$1N seconds");
    }
}
