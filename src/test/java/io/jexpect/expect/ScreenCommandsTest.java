package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.testing.Asleep;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spawn -screen, expect -screen, screen … and strip_ansi, driving real full-screen programs on real ptys. */
class ScreenCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Interp interp = Jexpect.newInterpreter(new Channels(
            new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));

    @TempDir
    Path dir;

    @BeforeEach
    void quiet() throws TclException {
        interp.eval("log_user 0; set timeout 20; cd " + dir);
        // `see PATTERN`: expect -screen, failing the test on a timeout
        interp.eval("""
                proc see {args} {
                    uplevel 1 [list expect -screen {*}$args {} timeout [list error "screen never showed $args:\n[screen text]"]]
                }""");
        // `until CONDITION`: for a key whose effect is only in the cursor or the colours; a still
        // screen proves nothing there (the program may not have read the key yet).
        interp.eval("""
                proc until {condition} {
                    for {set i 0} {$i < 1000} {incr i} {
                        if {[uplevel 1 [list expr $condition]]} return
                        after 20
                    }
                    error "never came true: $condition\n[screen text]"
                }""");
    }

    @AfterEach
    void endChildren() {
        interp.shutdown();
    }

    private String eval(String script) throws TclException {
        return interp.eval(script).toString();
    }

    private static boolean installed(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, program))) return true;
        }
        return false;
    }

    private void numbers(int n) throws IOException {
        Files.writeString(dir.resolve("nums.txt"),
                IntStream.rangeClosed(1, n).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
    }

    @Test
    void lessPagesSearchesAndQuitsAsAPersonSeesIt() throws Exception {
        assumeTrue(installed("less"), "less is not installed");
        numbers(200);
        eval("spawn -screen less nums.txt; see -re {nums.txt\\s*$}");
        assertThat(eval("screen size")).isEqualTo("24 80");
        assertThat(eval("screen line 0")).isEqualTo("1");
        assertThat(eval("screen line 22")).isEqualTo("23");
        assertThat(eval("screen attrs 23 0")).contains("char n", "inverse 1"); // the prompt is in reverse video
        assertThat(eval("screen cursor")).isEqualTo("23 8");

        eval("send \" \"; see -re {^24\\n}");
        assertThat(eval("screen line 22")).isEqualTo("46");
        assertThat(eval("screen line 23")).isEqualTo(":");
        assertThat(eval("screen cursor")).isEqualTo("23 1");

        eval("send G; see \"*200\\n(END)\"");
        assertThat(eval("screen line 0")).isEqualTo("178");
        assertThat(eval("screen line 22")).isEqualTo("200");

        eval("send g; see -re {^1\\n2\\n}; send \"/150\\r\"; see -re {^150\\n}");
        assertThat(eval("screen attrs 0 0")).contains("inverse 1"); // the match is highlighted
        assertThat(eval("screen line 1")).isEqualTo("151");

        eval("send q; expect eof");
        assertThat(eval("screen text")).doesNotContain("150"); // back on the normal screen
    }

    @Test
    void aResizeReachesTheProgramAndTheScreen() throws Exception {
        assumeTrue(installed("less"), "less is not installed");
        numbers(200);
        eval("spawn -screen less nums.txt; see -re {nums.txt\\s*$}");
        // Each dimension (stty makes a SIGWINCH for each) while less waits for keys: less loses one
        // that comes as it draws (see Asleep).
        eval(Asleep.PROC + "asleep [exp_pid]; stty rows 30 < $spawn_out(slave,name)");
        eval("asleep [exp_pid]; stty columns 100 < $spawn_out(slave,name)");
        eval("see -re {^1\\n.*\\n29\\n:$}"); // less got SIGWINCH and repainted 30 rows
        assertThat(eval("screen size")).isEqualTo("30 100");
        assertThat(eval("screen line 28")).isEqualTo("29");
        assertThat(eval("screen cursor")).isEqualTo("29 1");
        eval("send q; expect eof");
    }

    @Test
    void sttyInitSetsTheStartingSize() throws Exception {
        eval("set stty_init {rows 10 columns 40}; spawn -screen sh -c {stty size; sleep 5}; see \"10 40\"");
        assertThat(eval("screen size")).isEqualTo("10 40");
    }

    @Test
    void vimEditsAndTheScreenFollowsEachKey() throws Exception {
        assumeTrue(installed("vim") || installed("vi"), "vim is not installed");
        String vim = installed("vim") ? "vim" : "vi";
        Files.writeString(dir.resolve("f.txt"), "alpha\nbeta\ngamma\n");
        eval("spawn -screen " + vim + " -u NONE -i NONE -N --cmd {set ttimeoutlen=20} f.txt; see -re {^alpha\\n.*\"f.txt\" 3L}");
        assertThat(eval("screen line 0")).isEqualTo("alpha");
        assertThat(eval("screen line 3")).isEqualTo("~");
        assertThat(eval("screen cursor")).isEqualTo("0 0");
        eval("send j; until {[screen cursor] eq {1 0}}");
        assertThat(eval("screen cursor")).isEqualTo("1 0");
        eval("send \"A wide 中文 done\"; see {*beta wide 中文 done*-- INSERT --}");
        eval("send \\033; see -re {done\\ngamma\\n(~\\n)+$}"); // the mode line is cleared
        assertThat(eval("screen line 1")).isEqualTo("beta wide 中文 done");
        assertThat(eval("screen cursor")).isEqualTo("1 18"); // on the last character; the two wide ones take 4 columns
        eval("send dd; see -re {^alpha\\ngamma\\n~}");
        eval("send \":wq\\r\"; expect eof");
        assertThat(Files.readString(dir.resolve("f.txt"))).isEqualTo("alpha\ngamma\n");
    }

    @Test
    void dialogMenuIsDrivenByWhatIsOnTheScreen() throws Exception {
        assumeTrue(installed("dialog"), "dialog is not installed");
        eval("spawn -screen dialog --menu Fruit 12 40 3 a Apple b Banana c Cherry");
        eval("see -stable 200 {*Cherry*<Cancel>*}");
        assertThat(eval("screen text")).contains("┌", "Fruit", "a  Apple", "b  Banana");
        int row = Integer.parseInt(eval("lsearch -regexp [split [screen text] \\n] {a  Apple}"));
        int col = Integer.parseInt(eval("string first Apple [screen line " + row + "]"));
        // dialog shows the selection in white on blue, the other items in black on white
        assertThat(eval("dict get [screen attrs " + row + " " + col + "] bg")).isEqualTo("blue");
        assertThat(eval("dict get [screen attrs " + (row + 1) + " " + col + "] bg")).isEqualTo("white");
        // Down, as xterm sends it in application mode
        eval("send \"\\033OB\"; until {[dict get [screen attrs " + row + " " + col + "] bg] eq {white}"
                + " && [dict get [screen attrs " + (row + 1) + " " + col + "] bg] eq {blue}}");
        assertThat(eval("dict get [screen attrs " + row + " " + col + "] bg")).isEqualTo("white");
        assertThat(eval("dict get [screen attrs " + (row + 1) + " " + col + "] bg")).isEqualTo("blue");
        eval("send \"\\r\"; expect eof");
        // dialog writes the chosen tag where its cursor was, over its OK button (xterm shows the same)
        assertThat(eval("screen text")).contains("<  bK  >");
        assertThat(eval("lindex [wait] 3")).isEqualTo("0");
    }

    @Test
    void screenAndStreamPatternsMixInOneExpect() throws Exception {
        eval("spawn -screen sh -c {printf 'one\\033[1;1Htwo'; sleep 5}");
        String r = eval("""
                expect {
                    -ex onetwo {set r stream}
                    -screen two {set r screen}
                    timeout {set r timeout}
                }""");
        assertThat(r).isEqualTo("screen"); // "onetwo" never appears on the screen, "two" overwrote "one"
        assertThat(eval("set expect_out(0,string)")).isEqualTo("two");
        assertThat(eval("set expect_out(buffer)")).startsWith("two\n");
        eval("spawn -screen sh -c {printf 'hello'; sleep 5}");
        assertThat(eval("expect -screen world {set r screen} hello {set r stream}")).isEqualTo("stream");
        assertThat(eval("expect -timeout 1 -screen nothing {set r screen} timeout {set r timeout}"))
                .isEqualTo("timeout");
    }

    @Test
    void stableWaitsUntilTheProgramStopsRepainting() throws Exception {
        eval("spawn -screen sh -c {for i in 1 2 3 4 5; do printf \"\\rstep $i\"; sleep 0.2; done; sleep 5}");
        long t0 = System.nanoTime();
        eval("see -stable 600 {step*}");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(eval("screen line 0")).isEqualTo("step 5");
        assertThat(ms).isGreaterThanOrEqualTo(1300); // five steps 200 ms apart, then 600 ms still
    }

    @Test
    void stripAnsiRemovesColoursFromLsAndGrep() throws Exception {
        Files.createDirectory(dir.resolve("adir"));
        Files.writeString(dir.resolve("plain"), "needle in a haystack\n");
        eval("spawn ls --color=always -d adir; expect -re {adir.*\\n}");
        assertThat(eval("set expect_out(buffer)")).contains("\033[");
        eval("strip_ansi 1; spawn ls --color=always -d adir");
        assertThat(eval("strip_ansi")).isEqualTo("0"); // per spawn id, like match_max
        eval("strip_ansi -d 1; spawn ls --color=always -d adir");
        assertThat(eval("strip_ansi")).isEqualTo("1");
        eval("expect eof");
        assertThat(eval("set expect_out(buffer)")).isEqualTo("adir\r\n");
        eval("spawn grep --color=always needle plain; expect -re {\\r\\n}");
        assertThat(eval("set expect_out(buffer)")).isEqualTo("needle in a haystack\r\n");
        eval("strip_ansi -d 0; spawn grep --color=always needle plain; expect -re {\\r\\n}");
        assertThat(eval("set expect_out(buffer)")).contains("\033[");
    }

    @Test
    void errorsAreTclErrors() throws Exception {
        eval("spawn sh -c {sleep 5}");
        assertThatThrownBy(() -> eval("screen text"))
                .hasMessage("spawn id exp3 has no screen (spawn it with -screen)");
        assertThatThrownBy(() -> eval("expect -screen x"))
                .hasMessage("spawn id exp3 has no screen (spawn it with -screen)");
        assertThatThrownBy(() -> eval("spawn -screen -pipes cat"))
                .hasMessage("spawn: -screen needs a terminal, not -pipes");
        eval("spawn -screen cat");
        assertThatThrownBy(() -> eval("screen")).hasMessage("wrong # args: should be \"screen option ?arg ...?\"");
        assertThatThrownBy(() -> eval("screen pixels")).hasMessage("bad option \"pixels\": must be attrs, cursor, line, size, snapshot, or text");
        assertThatThrownBy(() -> eval("screen line")).hasMessage("wrong # args: should be \"screen line row ?-i id?\"");
        assertThatThrownBy(() -> eval("screen line 24")).hasMessage("row 24 out of range 0..23");
        assertThatThrownBy(() -> eval("screen attrs 0 x")).hasMessage("expected integer but got \"x\"");
        assertThat(eval("catch {screen line -1} m; set m")).isEqualTo("row -1 out of range 0..23");
    }
}
