package example;

import static io.jexpect.api.assertions.JexpectAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jexpect.api.ExpectSession;
import io.jexpect.api.Expected;
import io.jexpect.api.Match;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same program driven from Java through jexpect's fluent API. */
class EchoTest {
    @Test
    void echoesALineAndSaysGoodbye() {
        try (ExpectSession echo = ExpectSession.builder("../bin/echo_prompt.py").timeout(Duration.ofSeconds(10)).start()) {
            echo.expectExact("Enter text to echo: ");
            echo.sendLine("hello there");
            Match answer = echo.expectRegex("Echo: ([^\r\n]*)\r\n");
            assertEquals("hello there", answer.group(1));
            echo.expectExact("Enter text to echo: ");
            echo.sendLine("quit");
            assertFalse(echo.expectAny(Expected.exact("Goodbye."), Expected.EOF).isEof(), "said goodbye");
            echo.expectEof();
            assertTrue(echo.waitFor().succeeded());
        }
    }

    @Test
    void theSameWithAssertions() {
        try (ExpectSession echo = ExpectSession.builder("../bin/echo_prompt.py").timeout(Duration.ofSeconds(10)).start()) {
            assertThat(echo).printsExactly("Enter text to echo: ");
            echo.sendLine("hello there");
            assertThat(echo).printsExactly("Echo: hello there\r\n").printsExactly("Enter text to echo: ");
            echo.sendLine("quit");
            assertThat(echo).output().contains("Goodbye.");
            assertThat(echo).exitsWith(0);
        }
    }
}
