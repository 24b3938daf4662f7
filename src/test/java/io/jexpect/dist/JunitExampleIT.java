package io.jexpect.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * examples/maven-junit, a separate Maven project with jexpect as a test dependency: `mvn test` runs
 * its .exp files through the JUnit engine (each reported result a test case) beside its Java test.
 */
class JunitExampleIT {
    @Test
    void mvnTestRunsTheExpFilesAndTheJavaTest() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        String version = System.getProperty("jexpect.version");
        mvn("install:install-file", "-Dfile=" + System.getProperty("jexpect.jar"), "-DpomFile=" + project.resolve("pom.xml"));
        Path example = project.resolve("examples/maven-junit");
        mvn("-f", example.resolve("pom.xml").toString(), "-Djexpect.version=" + version, "clean", "test");

        Path reports = example.resolve("target/surefire-reports");
        List<String> cases = new ArrayList<>();
        try (var files = Files.list(reports)) {
            for (Path xml : files.filter(f -> f.getFileName().toString().endsWith(".xml")).toList()) {
                var m = java.util.regex.Pattern.compile("<testcase name=\"([^\"]*)\" classname=\"([^\"]*)\"")
                        .matcher(Files.readString(xml));
                while (m.find()) cases.add(m.group(2) + " > " + m.group(1));
            }
        }
        assertThat(cases).containsExactlyInAnyOrder(
                "src/test/exp/echo.exp > echoes hello",
                "src/test/exp/echo.exp > echoes two words",
                "src/test/exp/echo.exp > says goodbye",
                "src/test/exp/shell.exp > src/test/exp/shell.exp",
                "example.EchoTest > echoesALineAndSaysGoodbye",
                "example.EchoTest > theSameWithAssertions");
        assertThat(example.resolve("target/jexpect-transcripts/src/test/exp/echo.exp.log")).exists();
    }

    private static void mvn(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-q", "-B"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("mvn", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("finished: " + cmd).isTrue();
            assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + Files.readString(log)).isZero();
        } finally {
            Files.delete(log);
        }
    }
}
