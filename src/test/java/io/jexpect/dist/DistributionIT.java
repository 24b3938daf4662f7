package io.jexpect.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution as a user gets it: unpacked in a temporary folder, a script run with
 * bin/jexpect, as a {@code #!/usr/bin/env jexpect} program with bin/ on PATH, and with
            log_user 0
 * {@code java -jar} (no flags: the output must carry no JVM warning).
 */
class DistributionIT {
    @TempDir
    Path dir;

    record Result(String out, String err, int status) {}

    /** Spawns a program (calls into libc), matches, and uses a regex character class. */
    static final String SCRIPT = """
            #!/usr/bin/env jexpect
            log_user 0
            spawn -noecho sh -c "echo hi there"
            expect "hi there"
            puts "got <$expect_out(0,string)> [regexp -inline {[[:alpha:]]+} "42 abc"] argv=$argv"
            """;
    static final String OUTPUT = "got <hi there> abc argv=a {b c}\n";

    @Test
    void unpackedArchiveRunsScriptsThroughBinJexpectShebangAndJavaJar() throws Exception {
        Path home = unpack();
        Path script = dir.resolve("s.exp");
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(run(List.of(home.resolve("bin/jexpect").toString(), "s.exp", "a", "b c"), Map.of()))
                .isEqualTo(new Result(OUTPUT, "", 0));

        String path = home.resolve("bin") + ":" + System.getenv("PATH");
        assertThat(run(List.of("./s.exp", "a", "b c"), Map.of("PATH", path))).isEqualTo(new Result(OUTPUT, "", 0));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertThat(run(List.of(java, "-jar", home.resolve("jexpect.jar").toString(), "s.exp", "a", "b c"), Map.of()))
                .isEqualTo(new Result(OUTPUT, "", 0));

        Result version = run(List.of(home.resolve("bin/jexpect").toString(), "-v"), Map.of());
        assertThat(version.out()).isEqualTo("expect version 5.45.4 (jexpect " + System.getProperty("jexpect.version") + ")\n");

        StartupCache.awaitTrained(home.resolve("lib"));
        assertThat(run(List.of(home.resolve("bin/jexpect").toString(), "s.exp", "a", "b c"), Map.of()))
                .isEqualTo(new Result(OUTPUT, "", 0));
    }

    @Test
    void residentModeRunsFromTheUnpackedArchive() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v cc").start().waitFor() == 0, "no C compiler");
        Path home = unpack();
        Files.writeString(dir.resolve("s.exp"), SCRIPT);
        String jexpect = home.resolve("bin/jexpect").toString();
        Map<String, String> resident = Map.of("JEXPECT_RESIDENT", "1", "JEXPECT_RESIDENT_DIR", dir.resolve("sockets").toString());
        try {
            // The first run compiles the client (bin/jexpect-client.c into lib/) and starts the server.
            assertThat(run(List.of(jexpect, "s.exp", "a", "b c"), resident)).isEqualTo(new Result(OUTPUT, "", 0));
            assertThat(home.resolve("lib/jexpect-client")).isExecutable();
            assertThat(run(List.of(jexpect, "s.exp", "a", "b c"), resident)).isEqualTo(new Result(OUTPUT, "", 0));
            assertThat(run(List.of(jexpect, "--server", "status"), resident).out()).contains("2 served");
        } finally {
            run(List.of(jexpect, "--server", "stop"), resident);
        }
    }

    /**
     * Under an address-space limit (ulimit -v) bin/jexpect sizes the JVM to fit: the JVM's defaults
     * failed even under 4 GB (16 MB stacks for ~25 threads, 64 MB malloc arenas, 1 GB of class
     * space). Memory running out is then a Tcl error; a limit below the JVM's needs is said as such.
     * Limited runs start no start-up cache training (it reserves 3 GB), so none outlives the test.
     */
    @Test
    void fitsAnAddressSpaceLimitOrSaysItCannot() throws Exception {
        Path home = unpack();
        Files.writeString(dir.resolve("m.exp"), """
                log_user 0
                spawn -noecho sh -c "echo ready"
                expect ready
                set l [lrepeat 10000000 ""]
                puts [catch {lsort $l} m]|$m|$::errorCode
                unset l
                puts [exec echo still here]
                lrepeat 100000000 x
                """);
        String jexpect = home.resolve("bin/jexpect").toString();
        // About 120 MB of heap is left in 600 MB: the list (40 MB) fits, sorting it (120 MB more) does not.
        Result limited = run(List.of("bash", "-c", "ulimit -v 600000; exec \"$0\" m.exp", jexpect), Map.of());
        assertThat(limited.out()).isEqualTo("1|no enough memory to proccess sort of 10000000 items|TCL MEMORY\nstill here\n");
        assertThat(limited.err()).startsWith("unable to alloc memory (the heap's limit is ")
                .contains(" MB)\n    while executing\n\"lrepeat 100000000 x\"");
        assertThat(limited.status()).isEqualTo(1);

        Files.writeString(dir.resolve("s.exp"), "puts [llength [lsort [lrepeat 1000 x]]]\n");
        assertThat(run(List.of("bash", "-c", "ulimit -v 4000000; exec \"$0\" s.exp", jexpect), Map.of()))
                .isEqualTo(new Result("1000\n", "", 0));

        Result tooSmall = run(List.of("bash", "-c", "ulimit -v 200000; exec \"$0\" s.exp", jexpect), Map.of());
        assertThat(tooSmall.err()).startsWith("jexpect: the address-space limit (ulimit -v 200000) is below what the JVM needs: about ")
                .endsWith(" kB of it the JDK's module image\n");
        assertThat(List.of(tooSmall.out(), tooSmall.status())).containsExactly("", 1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
    }

    @Test
    void zipHoldsWhatTheTarballHolds() throws Exception {
        TreeSet<String> tar = new TreeSet<>(List.of(run(List.of("tar", "tzf", System.getProperty("jexpect.dist")), Map.of())
                .out().split("\n")));
        TreeSet<String> zip = new TreeSet<>();
        try (ZipFile z = new ZipFile(System.getProperty("jexpect.zip"))) {
            z.stream().forEach(e -> zip.add(e.getName()));
        }
        tar.removeIf(n -> n.endsWith("/"));
        zip.removeIf(n -> n.endsWith("/"));
        assertThat(zip).isEqualTo(tar);
        String top = "jexpect-" + System.getProperty("jexpect.version") + "/";
        assertThat(tar).contains(top + "bin/jexpect", top + "bin/find-java.sh", top + "bin/jexpect-client.c", top + "jexpect.jar",
                top + "README.md", top + "LICENSE", top + "lib/antlr4-runtime-" + jar(tar, "lib/antlr4-runtime-"));
    }

    @Test
    void javaJarNextToTargetLibWorksAsBuilt() throws Exception {
        Path script = dir.resolve("s.exp");
        Files.writeString(script, SCRIPT);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertThat(run(List.of(java, "-jar", System.getProperty("jexpect.jar"), "s.exp", "a", "b c"), Map.of()))
                .isEqualTo(new Result(OUTPUT, "", 0));
    }

    private static String jar(TreeSet<String> names, String prefix) {
        return names.stream().filter(n -> n.contains(prefix)).findFirst().orElse(prefix + "?")
                .replaceAll(".*" + prefix, "");
    }

    private Path unpack() throws Exception {
        Path into = Files.createDirectories(dir.resolve("unpacked"));
        assertThat(run(List.of("tar", "xzf", System.getProperty("jexpect.dist"), "-C", into.toString()), Map.of()).status())
                .isZero();
        try (var entries = Files.list(into)) {
            return entries.findFirst().orElseThrow();
        }
    }

    private Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.environment().put("HOME", dir.toString());
        Path out = Files.createTempFile(dir, "out", ""), err = Files.createTempFile(dir, "err", "");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + command).isTrue();
        return new Result(Files.readString(out), Files.readString(err), p.exitValue());
    }
}
