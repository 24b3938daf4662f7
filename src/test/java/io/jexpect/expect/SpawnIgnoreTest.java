package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.interp.TclException;
import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spawn -ignore: names checked against the signal table as Expect does, and no shell text built from them. */
class SpawnIgnoreTest {
    private final TclRunner tcl = new TclRunner();

    @TempDir
    Path dir;

    @AfterEach
    void endChildren() {
        tcl.close();
    }

    @BeforeEach
    void inTheTemporaryDirectory() throws TclException {
        tcl.interp.setVar("dir", io.jexpect.interp.Value.of(dir.toString()));
        tcl.eval("cd $dir");
    }

    @Test
    void shellTextInASignalNameIsAnUnknownSignalAndRunsNothing() throws Exception {
        Path x = dir.resolve("x");
        Files.writeString(x, "#!/bin/sh\ntouch RAN\n");
        x.toFile().setExecutable(true);
        String o = tcl.run("""
                foreach s {{HUP;>PWNED} {HUP;./x} {HUP `./x`} {$(./x)} FOO hup 0 65 -1 {}} {
                    catch {spawn -noecho -ignore $s true} e
                    puts $e
                }
                after 300
                puts [glob -nocomplain PWNED RAN]
                """);
        assertThat(o).isEqualTo("""
                usage: -ignore HUP;>PWNED: unknown signal name
                usage: -ignore HUP;./x: unknown signal name
                usage: -ignore HUP `./x`: unknown signal name
                usage: -ignore $(./x): unknown signal name
                usage: -ignore FOO: unknown signal name
                usage: -ignore hup: unknown signal name
                usage: -ignore 0: unknown signal name
                usage: -ignore 65: unknown signal name
                usage: -ignore -1: unknown signal name
                usage: -ignore : unknown signal name

                """);
        assertThat(dir.resolve("PWNED")).doesNotExist();
        assertThat(dir.resolve("RAN")).doesNotExist();
    }

    @Test
    void namesWithOrWithoutSigAndNumbersAreIgnoredByTheProgramItself() throws Exception {
        // SigIgn is a hex mask: bit n-1 for signal n. HUP=1, INT=2, USR1=10, TERM=15, 34 (a real-time one).
        String o = tcl.run("""
                log_user 0
                set pid [spawn -ignore HUP -ignore SIGINT -ignore 10 -ignore { 15x} -ignore 34 sh -c {echo PID=$$; grep SigIgn /proc/self/status}]
                expect -re {PID=(\\d+)}
                set child $expect_out(1,string)
                expect -re {SigIgn:\\s*([0-9a-f]+)}
                puts [expr {$pid == $child}]
                set mask 0x$expect_out(1,string)
                puts [format %x [expr {$mask & 0x200004203}]]
                """);
        assertThat(o).isEqualTo("1\n200004203\n");
    }

    @Test
    void programArgumentsThatLookLikeTheHelpersSeparatorReachTheProgram() throws Exception {
        String o = tcl.run("""
                log_user 0
                spawn -ignore HUP printf {<%s>} -- {$1} {;x}
                expect eof
                puts $expect_out(buffer)
                """);
        assertThat(o).isEqualTo("<-->\u003c$1><;x>\n");
    }
}
