package io.jexpect.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.Processes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A session the program never closes: its child, deaf to SIGHUP and SIGTERM, still ends with the JVM. */
class JvmExitTest {
    /** The forgetful program: spawns, prints the child's pid, and returns from main without closing. */
    public static void main(String[] args) {
        ExpectSession s = ExpectSession.spawn("sh", "-c", "trap '' HUP TERM; echo ready; exec sleep 60");
        s.expect("ready");
        System.out.println(s.pid());
    }

    @Test
    void aNeverClosedSessionsProgramEndsAtJvmExit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), JvmExitTest.class.getName()))
                .redirectErrorStream(true).start();
        String firstLine;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            firstLine = r.readLine();
            assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(jvm.exitValue()).isZero();
        long pid = Long.parseLong(firstLine.trim());
        assertThat(Processes.goneWithin(pid, 5000)).as("pid " + pid + " ended").isTrue();
    }
}
