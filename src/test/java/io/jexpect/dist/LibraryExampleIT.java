package io.jexpect.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * examples/maven-library, a separate Maven project that depends on the installed jexpect artifact:
 * it inherits only ANTLR's runtime, and its output is its own (no JVM warning about native access
 * on JDK 25).
 */
class LibraryExampleIT {
    @Test
    void applicationInheritsOnlyAntlrAndJnaAndRunsWithoutJvmWarnings() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        String version = System.getProperty("jexpect.version");
        // What `mvn install` does for the jar and pom just built (this runs before the install phase).
        mvn("install:install-file", "-Dfile=" + System.getProperty("jexpect.jar"), "-DpomFile=" + project.resolve("pom.xml"));
        mvn("-f", project.resolve("examples/maven-library/pom.xml").toString(), "-Djexpect.version=" + version, "package");

        Path jar = project.resolve("examples/maven-library/target/jexpect-library-example.jar");
        assertThat(Files.list(jar.resolveSibling("lib")).map(p -> p.getFileName().toString()))
                .map(n -> n.replaceAll("-[0-9].*\\.jar$", ""))
                .containsExactlyInAnyOrder("jexpect", "antlr4-runtime");
        String[] r = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        assertThat(r[1]).isEmpty();
        assertThat(r[0]).isEqualTo("""
                spawning sh
                sh computed 42
                Tcl's regexp found abc
                """);
    }

    private static void mvn(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("mvn", "-q", "-B"));
        cmd.addAll(List.of(args));
        String[] r = run(cmd);
        assertThat(r[2]).as(String.join(" ", cmd) + "\n" + r[0] + r[1]).isEqualTo("0");
    }

    /** Returns stdout, stderr and the exit status. */
    private static String[] run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("out", ""), err = Files.createTempFile("err", "");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished: " + command).isTrue();
            return new String[] {Files.readString(out), Files.readString(err), String.valueOf(p.exitValue())};
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
