package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.screen.VirtualTerminal;
import io.jexpect.testing.Asciicasts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** log_file -cast: an asciinema v2 recording that a JSON reader accepts and that replays to the same screen. */
class CastRecordingTest {
    private final Interp interp = Jexpect.newInterpreter(new Channels(
            new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream()));

    @TempDir
    Path dir;

    @AfterEach
    void endChildren() {
        interp.shutdown();
    }

    @Test
    void aRecordedLessSessionReplaysToTheSameScreen() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/less")), "less is not installed");
        Files.writeString(dir.resolve("nums.txt"),
                IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
        String shown = interp.eval("""
                log_user 0
                set timeout 20
                cd %s
                log_file -cast rec.cast
                spawn -noecho -screen less nums.txt
                expect -screen -re {nums.txt\\s*$}
                send " "
                expect -screen -stable 300 -re {^24\\n}
                send "/77\\r"
                expect -screen -stable 300 -re {^77\\n}
                set shown [screen text]
                log_file
                set shown
                """.formatted(dir)).toString();
        Asciicasts.Recording rec = Asciicasts.read(dir.resolve("rec.cast"));
        assertThat(rec.header()).isEqualTo("80x24 xterm-256color");
        assertThat(rec.inputs()).isEqualTo("[\" \", \"/77\\r\"]");
        VirtualTerminal replay = new VirtualTerminal(24, 80);
        replay.feed(rec.output());
        assertThat(replay.text()).isEqualTo(shown).contains("77\n78");
    }
}
