package io.jexpect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jexpect.engine.Pattern;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiTest {
    @Test
    void fluentSessionDrivesARealProgram() {
        try (ExpectSession s = ExpectSession.spawn("python3", "-q", "-i")) {
            s.expect(">>> ");
            s.sendLine("6*7");
            assertThat(s.expectRegex("\n(\\d+)\r\n").group(1)).isEqualTo("42");
            ExpectSession.Match m = s.expectAny(Pattern.exact("never"), Pattern.exact(">>> "));
            assertThat(m.index()).isEqualTo(1);
            s.sendLine("exit(3)");
            s.expectEof();
            assertThat(s.waitFor().exitCode()).isEqualTo(3);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void timeoutReportsTheUnmatchedOutput() throws Exception {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "echo partial; sleep 5")) {
            s.timeout(Duration.ofMillis(300));
            assertThatThrownBy(() -> s.expect("complete")).isInstanceOf(ExpectSession.ExpectException.class)
                    .hasMessageContaining("partial");
        }
    }

    @Test
    void javaCommandsAreCallableFromScripts() throws TclException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Interp interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));
        interp.register("twice", (in, argv) -> Value.of(argv[1].toString().repeat(2)));
        interp.eval("puts [twice ab]");
        interp.shutdown();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abab\n");
    }
}
