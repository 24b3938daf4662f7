package io.jexpect.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.api.ExpectSession;
import io.jexpect.api.Expected;
import io.jexpect.api.Match;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An example of testing an interactive program from JUnit through the Java API: examples/bin/echo_prompt.py
 * prompts "Enter text to echo: ", answers "Echo: LINE" and says "Goodbye." on "quit".
 */
class EchoPromptTest {
    private static final String PROMPT = "Enter text to echo: ";

    private ExpectSession echo;

    @BeforeEach
    void start() {
        echo = ExpectSession.builder("examples/bin/echo_prompt.py").timeout(Duration.ofSeconds(10)).start();
        echo.expectExact(PROMPT);
    }

    @AfterEach
    void stop() {
        echo.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "two words", "  spaces  around  ", "* and [brackets]"})
    void echoesEachLine(String line) {
        echo.sendLine(line);
        // The terminal echoes what we type; the program's answer follows on its own line.
        Match answer = echo.expectRegex("Echo: ([^\r\n]*)\r\n");
        assertThat(answer.before()).isEqualTo(line + "\r\n");
        assertThat(answer.group(1)).isEqualTo(line);
        echo.expectExact(PROMPT);
    }

    @Test
    void quitSaysGoodbyeAndExitsZero() {
        echo.sendLine("quit");
        Match m = echo.expectAny(Expected.exact("Goodbye."), Expected.EOF);
        assertThat(m.isEof()).as("said goodbye before ending").isFalse();
        echo.expectEof();
        assertThat(echo.waitFor().succeeded()).isTrue();
    }

    @Test
    void endOfInputEndsItQuietly() {
        echo.sendEof();
        assertThat(echo.expectEof()).isEmpty();
        assertThat(echo.waitFor().exitCode()).isZero();
    }
}
