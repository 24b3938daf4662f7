package io.jexpect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every entry point of {@link ExpectSession}, on real programs on real pseudo-terminals. */
class ExpectSessionTest {
    @Test
    void fluentSessionDrivesARealProgram() {
        try (ExpectSession s = ExpectSession.spawn("python3", "-q", "-i")) {
            s.expect(">>> ");
            s.sendLine("6*7");
            assertThat(s.expectRegex("\n(\\d+)\r\n").group(1)).isEqualTo("42");
            Match m = s.expectAny(Expected.exact("never"), Expected.exact(">>> "));
            assertThat(m.index()).isEqualTo(1);
            s.sendLine("exit(3)");
            s.expectEof();
            assertThat(s.waitFor().exitCode()).isEqualTo(3);
        }
    }

    @Test
    void eofIsAnAlternativeWithWhatWasLeftAsBefore() {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "echo one; echo two")) {
            Match m = s.expectAny(Expected.exact("never"), Expected.EOF, Expected.TIMEOUT);
            assertThat(m.isEof()).isTrue();
            assertThat(m.isTimeout()).isFalse();
            assertThat(m.index()).isEqualTo(1);
            assertThat(m.before()).isEqualTo("one\r\ntwo\r\n");
            assertThat(m.text()).isEmpty();
            assertThat(m.session()).isSameAs(s);
        }
    }

    @Test
    void timeoutIsAnAlternativeAndLeavesTheOutputBuffered() {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "echo partial; sleep 10")) {
            s.expectExact("par"); // the output has arrived
            long t0 = System.nanoTime();
            Match m = s.expectAny(Duration.ofMillis(300), Expected.exact("complete"), Expected.TIMEOUT);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(m.isTimeout()).isTrue();
            assertThat(m.index()).isEqualTo(1);
            assertThat(m.before()).isEqualTo("tial\r\n");
            assertThat(ms).isBetween(250L, 5000L);
            assertThat(s.expectExact("tial").before()).isEmpty();
        }
    }

    @Test
    void anUnlistedTimeoutThrowsWithTheUnmatchedOutputAfterThePerCallDuration() {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "echo partial; sleep 10")) {
            s.timeout(Duration.ofSeconds(60));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> s.expectAny(Duration.ofMillis(400), Expected.glob("complete")))
                    .isInstanceOf(ExpectException.class).hasMessageContaining("partial")
                    .satisfies(e -> assertThat(((ExpectException) e).unmatched()).isEqualTo("partial\r\n"));
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(350L, 10_000L);
        }
    }

    @Test
    void anUnlistedEofThrows() {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "echo bye")) {
            assertThatThrownBy(() -> s.expect("never")).isInstanceOf(ExpectException.class)
                    .hasMessageContaining("eof").hasMessageContaining("bye");
        }
    }

    @Test
    void matchGivesBeforeTextAndImmutableGroups() {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "echo header; echo name=joe age=42; echo tail")) {
            Match m = s.expectRegex("name=(\\w+) age=(\\d+)( x)?");
            assertThat(m.before()).isEqualTo("header\r\n");
            assertThat(m.text()).isEqualTo("name=joe age=42");
            assertThat(m.buffer()).isEqualTo("header\r\nname=joe age=42");
            assertThat(m.group(1)).isEqualTo("joe");
            assertThat(m.group(2)).isEqualTo("42");
            assertThat(m.group(3)).isNull();
            assertThat(m.group(9)).isNull();
            assertThat(m.groups()).startsWith("name=joe age=42", "joe", "42");
            assertThatThrownBy(() -> m.groups().add("x")).isInstanceOf(UnsupportedOperationException.class);
            // The next match's before starts where this one ended.
            assertThat(s.expectExact("tail").before()).isEqualTo("\r\n");
        }
    }

    @Test
    void globExactAndNocaseAlternatives() {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "echo 'Hello [World]'")) {
            Match m = s.expectAny(Expected.exactIgnoringCase("HELLO ["), Expected.glob("*World*"));
            assertThat(m.index()).isZero();
            assertThat(m.text()).isEqualTo("Hello [");
            assertThat(s.expectAny(Expected.regexIgnoringCase("world(.)")).group(1)).isEqualTo("]");
        }
        assertThatThrownBy(() -> Expected.regex("(")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pidIsAliveKillAndExitStatus() {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "echo ready; exec sleep 30")) {
            s.expect("ready");
            assertThat(ProcessHandle.of(s.pid())).isPresent();
            assertThat(s.isAlive()).isTrue();
            assertThat(s.exitStatus()).isEmpty();
            assertThat(s.kill("TERM")).isTrue();
            ExitStatus st = s.waitFor(Duration.ofSeconds(10)).orElseThrow();
            assertThat(st.killedBySignal()).isTrue();
            assertThat(st.signalName()).isEqualTo("SIGTERM");
            assertThat(st.signal()).isEqualTo(15);
            assertThat(s.isAlive()).isFalse();
            assertThat(s.exitStatus()).contains(st);
            assertThat(s.kill(9)).isFalse();
        }
        assertThatThrownBy(() -> ExpectSession.spawn("true").kill("NOPE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interruptSendsCtrlCWhichTheTerminalTurnsIntoSigint() {
        try (ExpectSession s = ExpectSession.spawn("cat")) {
            s.sendLine("x");
            s.expect("x\r\nx\r\n");
            s.interrupt();
            ExitStatus st = s.waitFor(Duration.ofSeconds(10)).orElseThrow();
            assertThat(st.signalName()).isEqualTo("SIGINT");
        }
    }

    @Test
    void sendControlAndSendEof() {
        try (ExpectSession s = ExpectSession.spawn("python3", "-q", "-c",
                "import sys; data = sys.stdin.read(); print('got', len(data), repr(data))")) {
            s.send("ab");
            s.sendControl('d'); // ends the line "ab" without a newline
            s.sendLine("c");
            s.sendEof();
            assertThat(s.expectRegex("got (\\d+) '([^']*)'").group(2)).isEqualTo("abc\\n");
            s.expectEof();
            assertThat(s.waitFor().succeeded()).isTrue();
        }
        assertThatThrownBy(() -> ExpectSession.spawn("true").sendControl('1')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onPipesSendEofClosesTheProgramsStdin() {
        try (ExpectSession s = ExpectSession.builder("python3", "-c",
                "import sys; data = sys.stdin.read(); print('got', repr(data), flush=True); print('err', file=sys.stderr)")
                .pipes().start()) {
            s.send("ab\u0004"); // on a pipe Ctrl-D is just a byte
            s.sendLine("c");
            s.sendEof();
            assertThat(s.expectRegex("got '([^']*)'\n").group(1)).isEqualTo("ab\\x04c\\n");
            assertThat(s.expectEof()).isEqualTo("err\n");
            assertThat(s.waitFor().succeeded()).isTrue();
            assertThatThrownBy(() -> s.send("late")).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("input is closed");
            assertThat(s.windowSize()).containsExactly(0, 0);
        }
    }

    @Test
    void setWindowSizeReachesTheProgram() {
        try (ExpectSession s = ExpectSession.builder("sh", "-c",
                "stty size; trap 'stty size' WINCH; echo ready; while :; do sleep 0.05; done").windowSize(24, 80).start()) {
            s.expect("24 80");
            s.expect("ready");
            s.setWindowSize(33, 111);
            s.expect("33 111");
            assertThat(s.windowSize()).containsExactly(33, 111);
        }
    }

    @Test
    void observersSeeTrafficAndLogToKeepsTheOutput() {
        StringBuilder log = new StringBuilder();
        List<String> sent = new ArrayList<>();
        StringBuilder received = new StringBuilder();
        try (ExpectSession s = ExpectSession.builder("cat").logTo(log).start()) {
            s.observe(new SessionObserver() {
                @Override
                public void sent(String text) {
                    sent.add(text);
                }

                @Override
                public void received(String text) {
                    synchronized (received) {
                        received.append(text);
                    }
                }
            });
            s.sendLine("ping");
            s.expect("ping\r\nping\r\n");
            s.sendEof();
            s.expectEof();
        }
        assertThat(sent).containsExactly("ping\r", "\u0004");
        assertThat(log.toString()).isEqualTo("ping\r\nping\r\n");
        synchronized (received) {
            assertThat(received.toString()).isEqualTo("ping\r\nping\r\n");
        }
    }

    @Test
    void aTimedTranscriptHasBothDirectionsLineByLine() {
        StringBuilder transcript = new StringBuilder();
        try (ExpectSession s = ExpectSession.builder("cat").observe(SessionObserver.transcript(transcript)).start()) {
            s.sendLine("ping");
            s.expect("ping\r\nping\r\n");
            s.send("\u001b[A");
            s.expectExact("^[[A");
        }
        List<String> lines = transcript.toString().lines().toList();
        StringBuilder received = new StringBuilder();
        long previous = 0;
        for (String line : lines) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[ *(\\d+)\\.(\\d{3})] ([<>]) \"(.*)\"").matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            long ms = Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2));
            assertThat(ms).isGreaterThanOrEqualTo(previous);
            previous = ms;
            if (m.group(3).equals("<")) received.append(m.group(4));
        }
        assertThat(lines.getFirst()).endsWith("> \"ping\\r\"");
        assertThat(lines).filteredOn(l -> l.contains("> ")).hasSize(2).last().asString().endsWith("> \"\\u001b[A\"");
        assertThat(received.toString()).isEqualTo("ping\\r\\nping\\r\\n^[[A");
    }

    @Test
    void ansiFilterStripsEscapesEvenWhenSplitAcrossReads() {
        StringBuilder raw = new StringBuilder();
        try (ExpectSession s = ExpectSession.builder("sh", "-c",
                "printf '\\033[1;31mred\\033[0m \\033]0;title\\007plain A\\033'; sleep 0.3; printf '[32mB\\033(B\\n'")
                .filter(OutputFilter.stripAnsi()).logTo(raw).start()) {
            assertThat(s.expectExact("red plain AB").before()).isEmpty();
            assertThat(s.expectEof()).isEqualTo("\r\n");
        }
        assertThat(raw.toString()).contains("\u001b[1;31m", "\u001b]0;title\u0007");
    }

    @Test
    void nonPrintableFilter() {
        try (ExpectSession s = ExpectSession.builder("printf", "a\\007b\\033c\\tz\\n")
                .filter(OutputFilter.removeNonPrintable()).start()) {
            assertThat(s.expectEof()).isEqualTo("abc\tz\r\n");
        }
    }

    @Test
    void aProgramThatCannotStartIsAnUncheckedIoError() {
        assertThatThrownBy(() -> ExpectSession.spawn("/nonexistent/program"))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}
