package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.interp.TclException;
import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors Expect 5.45.4 raises for exp_continue, match_max and friends, and sleep; same words, same codes. */
class ExpectArgumentErrorsTest {
    private final TclRunner tcl = new TclRunner();

    @TempDir
    Path dir;

    @AfterEach
    void endChildren() {
        tcl.close();
    }

    @Test
    void badArgumentsAreErrorsWithExpectsWords() throws TclException {
        String o = tcl.run("""
                foreach c {exp_continue {exp_continue -continue_timer} {exp_continue foo} {match_max -5} {match_max -d -5}
                           {match_max -} {match_max -i} {match_max 0} {match_max -d 0} {remove_nulls -x} {sleep NaN}
                           {sleep} {sleep 1 2}} {
                    puts "$c: [catch $c m o] <$m> [expr {[dict exists $o -errorcode] ? [dict get $o -errorcode] : "-"}]"
                }
                match_max -d 77; puts [match_max -d]
                set t [clock milliseconds]; sleep ""; sleep -1; sleep -Inf; puts [expr {[clock milliseconds] - $t < 1000}]
                """);
        assertThat(o).isEqualTo("""
                exp_continue: -101 <> -
                exp_continue -continue_timer: -102 <> -
                exp_continue foo: 1 <usage: exp_continue [-continue_timer]
                > NONE
                match_max -5: 1 <bad flag "-5": must be -d or -i> TCL LOOKUP INDEX flag -5
                match_max -d -5: 1 <bad flag "-5": must be -d or -i> TCL LOOKUP INDEX flag -5
                match_max -: 1 <ambiguous flag "-": must be -d or -i> TCL LOOKUP INDEX flag -
                match_max -i: 1 <-i needs argument> NONE
                match_max 0: 1 <must be positive> NONE
                match_max -d 0: 1 <must be positive> NONE
                remove_nulls -x: 1 <bad flag "-x": must be -d or -i> TCL LOOKUP INDEX flag -x
                sleep NaN: 1 <floating point value is Not a Number> TCL VALUE DOUBLE NAN
                sleep: 1 <must have one arg: seconds> NONE
                sleep 1 2: 1 <must have one arg: seconds> NONE
                77
                1
                """);
    }

    @Test
    void expContinueOutsideExpectIsAnErrorAtTopLevel() throws Exception {
        Path f = dir.resolve("t.exp");
        Files.writeString(f, "puts a\nexp_continue\nputs b\n");
        try {
            tcl.interp.evalFile(f);
            throw new AssertionError("no error");
        } catch (TclException e) {
            assertThat(e.errorInfo()).isEqualTo("command returned bad code: -101\n    while executing\n\"exp_continue\"\n"
                    + "    (file \"" + f + "\" line 2)");
        }
        assertThat(tcl.run("")).isEqualTo("a\n");
    }

    @Test
    void expContinueStillLoopsInsideExpectOnARealProgram() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn sh -c {for i in 1 2 3; do echo line$i; done; sleep 5}
                set n 0
                expect {
                    -re {line(\\d)} { incr n; if {$expect_out(1,string) < 3} exp_continue }
                    timeout { puts timeout }
                }
                puts $n
                """);
        assertThat(o).isEqualTo("3\n");
    }

    /**
     * A closed spawn id's error names where the id came from, in Expect's words (expect_before
     * and its kin check the ids their cases are for); exp_configure -strictwrite takes a boolean.
     * Expected output from Expect 5.45.4.
     */
    @Test
    void closedSpawnIdsAndExpConfigureAsExpect() throws TclException {
        String o = tcl.run("""
                spawn -noecho sh -c "exit 0"
                set s $spawn_id
                expect eof
                spawn -noecho cat
                set t $spawn_id
                set spawn_id $s
                foreach c {{send x} {expect x} {close} {send -i $s x} {expect -i $s x} {close -i $s} {interact -i $s}
                           {exp_open -i $s} {exp_open} {interact} exp_configure {exp_configure -strictwrite}
                           {exp_configure -foo 1} {exp_configure -strictwrite x} {exp_configure -s 1 -strictwrite 0}
                           {expect_before} {expect_before x} {expect_before -i $s x} {expect_background x}
                           {expect_after -i $t x} {expect_after -i $t x -i $s y} {expect_after -i $t x y -i $s z}} {
                    puts "$c: [catch $c m o] <$m> [expr {[dict exists $o -errorcode] ? [dict get $o -errorcode] : "-"}]"
                }
                wait
                """);
        assertThat(o).isEqualTo("""
                send x: 1 <send: spawn id exp3 not open> NONE
                expect x: 1 <expect: spawn id exp3 not open> NONE
                close: 1 <spawn_id: spawn id exp3 not open> NONE
                send -i $s x: 1 <: spawn id exp3 not open> NONE
                expect -i $s x: 1 <: spawn id exp3 not open> NONE
                close -i $s: 1 <close: spawn id exp3 not open> NONE
                interact -i $s: 1 <: spawn id exp3 not open> NONE
                exp_open -i $s: 1 <exp_open: spawn id exp3 not open> NONE
                exp_open: 1 <spawn_id: spawn id exp3 not open> NONE
                interact: 1 <spawn_id: spawn id exp3 not open> NONE
                exp_configure: 1 <wrong # args: should be "exp_configure -strictwrite value"> TCL WRONGARGS
                exp_configure -strictwrite: 1 <wrong # args: should be "exp_configure -strictwrite value"> TCL WRONGARGS
                exp_configure -foo 1: 1 <bad option "-foo": must be -strictwrite> TCL LOOKUP INDEX option -foo
                exp_configure -strictwrite x: 1 <expected boolean value but got "x"> TCL VALUE NUMBER
                exp_configure -s 1 -strictwrite 0: 0 <> -
                expect_before: 1 <expect: spawn id exp3 not open> NONE
                expect_before x: 1 <expect: spawn id exp3 not open> NONE
                expect_before -i $s x: 1 <: spawn id exp3 not open> NONE
                expect_background x: 1 <expect: spawn id exp3 not open> NONE
                expect_after -i $t x: 0 <> -
                expect_after -i $t x -i $s y: 0 <> -
                expect_after -i $t x y -i $s z: 1 <: spawn id exp3 not open> NONE
                """);
    }
}
