package io.jexpect.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.results.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimedTranscriptTest {
    private static final Pattern STAMPED = Pattern.compile("\\[ *(\\d+)\\.(\\d{3})] (.*)", Pattern.DOTALL);

    @Test
    void theTranscriptHasWhatWasSentAndReceivedEachLineWithItsTime(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("login.exp");
        Files.writeString(script, """
                spawn -noecho sh -c {printf 'login: '; read x; echo "welcome $x"}
                expect "login: "
                send "joe\\r"
                expect "welcome joe\\r\\n"
                puts done
                """);
        List<TestResult> results = new ScriptRunner(Duration.ofSeconds(30), dir.resolve("tr")).run(script, "login.exp", r -> { });
        assertThat(results).extracting(TestResult::outcome).containsExactly(Outcome.PASS);

        List<String> lines = Files.readString(results.getFirst().transcript()).lines().toList();
        assertThat(lines.getFirst()).matches("# login.exp started \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
        List<String> texts = new ArrayList<>();
        long previous = 0;
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = STAMPED.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            long ms = Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2));
            assertThat(ms).isGreaterThanOrEqualTo(previous).isLessThan(30_000);
            previous = ms;
            texts.add(m.group(3));
        }
        // The prompt's line is ended before the send's line, and the echo follows it.
        assertThat(texts).hasSize(5);
        assertThat(texts.get(0)).isEqualTo("login: ");
        assertThat(texts.get(1)).matches("send: sending \"joe\\\\r\" to \\{ exp\\d+ }");
        assertThat(texts.subList(2, 5)).containsExactly("joe", "welcome joe", "done");
    }
}
