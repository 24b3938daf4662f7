package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.screen.VirtualTerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 reads the recording");
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
        // Python's json module reads every line; the output events, concatenated, are what the terminal got.
        Process p = new ProcessBuilder("python3", "-c", """
                import json, sys
                lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
                h = json.loads(lines[0])
                assert h["version"] == 2 and h["width"] == 80 and h["height"] == 24, h
                assert h["env"]["TERM"] == "xterm-256color" and isinstance(h["timestamp"], int), h
                events = [json.loads(l) for l in lines[1:]]
                times = [e[0] for e in events]
                assert times == sorted(times) and all(e[1] in ("o", "i") for e in events), events
                sys.stdout.write(json.dumps([e[2] for e in events if e[1] == "i"]) + "\\n")
                sys.stdout.write("".join(e[2] for e in events if e[1] == "o"))
                """, dir.resolve("rec.cast").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        int nl = out.indexOf('\n');
        assertThat(out.substring(0, nl)).isEqualTo("[\" \", \"/77\\r\"]");
        VirtualTerminal replay = new VirtualTerminal(24, 80);
        replay.feed(out.substring(nl + 1));
        assertThat(replay.text()).isEqualTo(shown).contains("77\n78");
    }
}
