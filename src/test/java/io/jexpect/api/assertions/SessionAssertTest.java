package io.jexpect.api.assertions;

import static io.jexpect.api.assertions.JexpectAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jexpect.api.ExpectSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The session assertions on real programs on real pseudo-terminals, passing and failing. */
class SessionAssertTest {
    @Test
    void aDialogueReadsAsAssertions() {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "printf 'login: '; read u; echo \"welcome $u\"; echo bye; exit 3")) {
            assertThat(s).isAlive().prints("login: ");
            s.sendLine("joe");
            assertThat(s).printsMatching("welcome (\\w+)\r\n").output().isEqualTo("bye\r\n");
            assertThat(s).exitsWith(3);
        }
    }

    @Test
    void aMissingTextFailsWithWhatTheProgramPrinted() {
        try (ExpectSession s = ExpectSession.builder("sh", "-c", "echo 'almost ready'; sleep 10").timeout(Duration.ofMillis(500)).start()) {
            assertThatThrownBy(() -> assertThat(s).printsExactly("ready!"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to print\n  exact ready!\nwithin PT0.5S, but: timeout after 500 ms; unmatched output: \"almost ready\\r\\n\"");
            assertThatThrownBy(() -> assertThat(s).exitsWith(0)).hasMessageContaining("to end within PT0.5S but it is still running");
            assertThatThrownBy(() -> assertThat(s).output()).hasMessageContaining("to end its output within PT0.5S");
        }
    }

    @Test
    void endingsAreChecked() {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "exit 2")) {
            assertThatThrownBy(() -> assertThat(s).exitsWith(0))
                    .hasMessageContaining("to exit with status 0 but it ended with ExitStatus[exitCode=2");
            assertThatThrownBy(() -> assertThat(s).isAlive()).hasMessageContaining("to be running but it ended");
        }
        try (ExpectSession s = ExpectSession.spawn("sleep", "30")) {
            s.kill("TERM");
            assertThat(s).isKilledBy("TERM");
            assertThatThrownBy(() -> assertThat(s).isKilledBy("KILL")).hasMessageContaining("to be killed by SIGKILL");
            assertThatThrownBy(() -> assertThat(s).prints("x")).hasMessageContaining("but: eof before a match");
        }
        assertThat("plain AssertJ still works").startsWith("plain");
    }
}
