package io.jexpect.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.screen.VirtualTerminal;
import io.jexpect.testing.Asciicasts;
import io.jexpect.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jexpect test keeps an asciinema v2 recording of every file with a failed test beside its
 * transcript (whatever log_file the script does), and none for a file that passed.
 */
class FailedTestRecordingsTest {
    @TempDir
    Path dir;

    @Test
    void aFailedFileLeavesACastThatReplaysItsDialogue() throws Exception {
        String greeter = "spawn -noecho sh -c {printf 'name? '; read n; printf '\\033[1mhello %s\\033[0m\\n' \"$n\"; sleep 1}\n"
                + "expect \"name? \"\nsend \"bob\\r\"\n";
        write("suite/passes.exp", greeter + "expect \"hello bob\"\npass greeting\n");
        // log_file on and off does not touch the harness's recording; log_user 0 neither.
        write("suite/fails.exp", "log_user 0\nlog_file -noappend own.log\n" + greeter
                + "log_file\nexpect \"hello bob\"\nsend_user \"checked\\n\"\nfail greeting\n");
        write("suite/errs.exp", "spawn true\nexpect eof\nnosuchcommand\n");
        Programs.Result r = Programs.run(dir, Map.of(), Programs.jexpect("test", "--transcripts", "tr", "suite"));
        assertThat(r.status()).as(r.out()).isEqualTo(1);
        Path tr = dir.resolve("tr/suite");
        assertThat(tr.resolve("passes.exp.log")).exists();
        assertThat(tr.resolve("passes.exp.cast")).doesNotExist();
        assertThat(tr.resolve("errs.exp.cast")).exists();

        Asciicasts.Recording rec = Asciicasts.read(tr.resolve("fails.exp.cast"));
        assertThat(rec.header()).isEqualTo("80x24 xterm-256color");
        assertThat(rec.inputs()).isEqualTo("[\"bob\\r\"]");
        VirtualTerminal screen = new VirtualTerminal(24, 80);
        screen.feed(rec.output());
        assertThat(screen.text()).startsWith("name? bob\nhello bob\nchecked\n").contains("FAIL: greeting");
        assertThat(screen.attributes(1, 0)).containsEntry("bold", "1");
    }

    private void write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
