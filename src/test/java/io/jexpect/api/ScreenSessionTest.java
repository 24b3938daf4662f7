package io.jexpect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jexpect.screen.VirtualTerminal;
import io.jexpect.testing.Asciicasts;
import io.jexpect.testing.Asleep;
import io.jexpect.testing.Programs;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API's screens: session.screen(), screen alternatives with stable waits, casts; on real programs on ptys. */
class ScreenSessionTest {
    private static final Duration STILL = Duration.ofMillis(300);

    @TempDir
    Path dir;

    @Test
    void aDialogMenuIsDrivenByWhatIsOnTheScreen() throws Exception {
        Programs.assumeInstalled("dialog");
        try (ExpectSession s = ExpectSession.builder("dialog", "--menu", "Fruit", "12", "40", "3", "a", "Apple", "b", "Banana", "c", "Cherry")
                .screen().timeout(Duration.ofSeconds(20)).start()) {
            Match m = s.expectAny(Expected.screen("*Cherry*<Cancel>*").stable(STILL));
            Screen screen = s.screen();
            assertThat(m.buffer()).isEqualTo(screen.text()).contains("┌", "Fruit", "a  Apple", "b  Banana");
            assertThat(screen.rows()).isEqualTo(24);
            assertThat(screen.columns()).isEqualTo(80);
            assertThat(screen.lines()).hasSize(24);
            int row = screen.lines().indexOf(screen.lines().stream().filter(l -> l.contains("a  Apple")).findFirst().orElseThrow());
            int col = screen.line(row).indexOf("Apple");
            // dialog shows the selection in white on blue, the other items in black on white
            assertThat(screen.cell(row, col)).isEqualTo(new Screen.Cell("A", 1, "white", "blue", true, false, false, false, false, false, false, false));
            assertThat(screen.cell(row + 1, col).background()).isEqualTo("white");
            s.send("\u001bOB"); // Down, as xterm sends it in application mode
            // Only the colours change: wait for them (a still screen may be from before the key).
            long end = System.nanoTime() + 20_000_000_000L;
            while (!(s.screen().cell(row, col).background().equals("white") && s.screen().cell(row + 1, col).background().equals("blue"))
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            s.expectAny(Expected.screen("*").stable(STILL));
            assertThat(s.screen().cell(row, col).background()).isEqualTo("white");
            assertThat(s.screen().cell(row + 1, col).background()).isEqualTo("blue");
            // dialog parks the cursor on the label of its OK button
            Screen.Position cursor = s.screen().cursor();
            assertThat(s.screen().line(cursor.row()).substring(cursor.column())).startsWith("OK  >");
            s.sendLine("");
            s.expectEof();
            assertThat(s.waitFor().exitCode()).isZero();
        }
    }

    @Test
    void lessFollowsAResizeAndScreenAndStreamAlternativesMix() throws Exception {
        Programs.assumeInstalled("less");
        Files.writeString(dir.resolve("nums.txt"), IntStream.rangeClosed(1, 200).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
        try (ExpectSession s = ExpectSession.builder("less", "nums.txt").directory(dir).screen().start()) {
            s.expectAny(Expected.screenRegex("nums.txt\\s*$"));
            assertThat(s.screen().line(22)).isEqualTo("23");
            assertThat(s.screen().cell(23, 0).inverse()).isTrue(); // the prompt is in reverse video
            // The stream alternative is listed first but the screen's comes true: its index says so.
            Match m = s.expectAny(Expected.exact("never printed"), Expected.screenExact("\n23\n"));
            assertThat(m.index()).isEqualTo(1);
            Asleep.await(s.pid()); // less loses a SIGWINCH that comes as it draws (see Asleep)
            s.setWindowSize(30, 100);
            s.expectAny(Expected.screenRegex("(?n)^29$").stable(STILL));
            Screen screen = s.screen();
            assertThat(screen.rows()).isEqualTo(30);
            assertThat(screen.columns()).isEqualTo(100);
            assertThat(screen.alternateScreen()).isTrue();
            s.send("q");
            s.expectEof();
        }
    }

    @Test
    void screenAlternativesNeedAScreen() {
        try (ExpectSession s = ExpectSession.spawn("cat")) {
            assertThatThrownBy(s::screen).isInstanceOf(IllegalStateException.class).hasMessageContaining("has no screen");
            assertThatThrownBy(() -> s.expectAny(Expected.screen("*"))).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> Expected.exact("x").stable(STILL)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ExpectSession.builder("cat").pipes().screen().start()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void grepsColoursAreStrippedForPatternsAndKeptOnTheScreen() {
        try (ExpectSession s = ExpectSession.builder("sh", "-c", "echo 'a needle here' | grep --color=always needle")
                .filter(OutputFilter.stripAnsi()).screen().start()) {
            assertThat(s.expectExact("a needle here\r\n").before()).isEmpty();
            s.expectEof();
            assertThat(s.screen().cell(0, 2).foreground()).isNotEqualTo("default"); // grep's match colour
            assertThat(s.screen().cell(0, 0).foreground()).isEqualTo("default");
        }
    }

    @Test
    void anAsciicastReplaysToTheSameScreen() throws Exception {
        Programs.assumeInstalled("less");
        Files.writeString(dir.resolve("nums.txt"), IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
        StringWriter cast = new StringWriter();
        String shown;
        try (ExpectSession s = ExpectSession.builder("less", "nums.txt").directory(dir).screen()
                .observe(SessionObserver.asciicast(cast, 80, 24)).start()) {
            s.expectAny(Expected.screenRegex("nums.txt\\s*$"));
            s.send("/77\r");
            s.expectAny(Expected.screenRegex("^77\\n").stable(STILL));
            shown = s.screen().text();
        }
        Path file = dir.resolve("less.cast");
        Files.writeString(file, cast.toString());
        Asciicasts.Recording rec = Asciicasts.read(file);
        assertThat(rec.header()).isEqualTo("80x24 xterm-256color");
        assertThat(rec.inputs()).isEqualTo("[\"/77\\r\"]");
        VirtualTerminal replay = new VirtualTerminal(24, 80);
        replay.feed(rec.output());
        assertThat(replay.text()).isEqualTo(shown).contains("77\n78");
    }
}
