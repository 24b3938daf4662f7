package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jexpect.interp.TclException;
import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Expect commands driving real programs on real pseudo-terminals, through the interpreter. */
class ExpectCommandsTest {
    private TclRunner tcl = new TclRunner();

    @TempDir
    Path dir;

    @AfterEach
    void endChildren() {
        tcl.close();
    }

    @Test
    void spawnEchoesItsLineAndSendExpectRoundTrips() throws TclException {
        String o = tcl.run("""
                spawn cat
                send "hello\\r"
                expect "hello\\r\\n"
                expect "hello\\r\\n"
                puts "\\n<$expect_out(buffer)>"
                """);
        assertThat(o).isEqualTo("spawn cat\r\nhello\r\nhello\r\n\n<hello\r\n>\n");
    }

    /**
     * One expect's searchers live across exp_continue (they remember what they ruled out): a nested
     * expect on the same id consuming part of the buffer, and match_max changed in an action, leave
     * every later match as Expect 5.45.4 finds it.
     */
    @Test
    void exp_continueKeepsItsSearchersCorrectAcrossNestedExpectAndMatchMax() throws TclException {
        String o = tcl.run("""
                log_user 0
                set timeout 5
                set stty_init -echo
                spawn -noecho cat
                set seen {}
                send "A1\\r"
                expect {
                    -re {B(\\d)\\r\\n} {
                        lappend seen B$expect_out(1,string)
                        set n $expect_out(1,string)
                        if {$n < 4} { send "..B[incr n]\\r" } else { send "C:x\\rtail\\rEND\\r" }
                        exp_continue
                    }
                    "A?\\r\\n" {
                        lappend seen A
                        send "noise\\rB1\\r"
                        expect -ex "noise\\r\\n"
                        lappend seen nested
                        match_max 100
                        exp_continue
                    }
                    -ex "C:" { lappend seen C; exp_continue }
                    "*tail\\r\\n" { lappend seen tail:[string length $expect_out(buffer)]; exp_continue }
                    -ex END { lappend seen END }
                    timeout { lappend seen TIMEOUT }
                }
                puts $seen
                """);
        assertThat(o).isEqualTo("A nested B1 B2 B3 B4 C tail:9 END\n");
    }

    /**
     * An expect called again with the same words (a loop, a proc) reuses its parsed arguments and
     * plan only while they still hold: expect_before changed, a pattern from a variable after a
     * flag (-ex, -re, a bad regex failing on its own call), a keyword from a variable (eof, then a
     * glob), a spawn id closed and a new program spawned. As Expect 5.45.4.
     */
    @Test
    void expectCallsWithTheSameWordsSeeEachCallsOwnState() throws TclException {
        String o = tcl.run("""
                log_user 0
                set timeout 1
                set stty_init -echo
                spawn -noecho cat
                set seen {}
                proc look {} { global seen; expect "zz" { lappend seen zz } timeout { lappend seen timeout } }
                send "q\r"
                expect_before "q" { lappend seen before }
                look
                expect_before
                send "zz\r"
                look
                foreach p {one two three} {
                    send "$p\r"
                    expect -ex "$p\r\n" { lappend seen $p } timeout { lappend seen timeout }
                }
                foreach p {h.llo (bad} {
                    send "hello\r"
                    if {[catch {expect -re $p { lappend seen re:$p } timeout { lappend seen timeout }}]} { lappend seen error:$p }
                }
                send "more\r"
                foreach k {eof more} {
                    expect $k { lappend seen kw:$k } timeout { lappend seen timeout:$k }
                }
                close
                wait
                spawn -noecho cat
                send "zz\r"
                look
                puts $seen
                """);
        assertThat(o).isEqualTo("before zz one two three re:h.llo error:(bad timeout:eof kw:more zz\n");
    }

    /** Each of two expects with the same words runs its action as its own command's word: info frame tells their lines. */
    @Test
    void anActionIsTheWordOfItsOwnExpectCall() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn -noecho cat
                set seen {}
                send x
                expect x { lappend seen [dict get [info frame 0] line] }
                send x
                expect x { lappend seen [dict get [info frame 0] line] }
                puts $seen
                """);
        assertThat(o).isEqualTo("5 7\n");
    }

    /**
     * exp_continue as an action's last command ends the action without an exception; everywhere
     * else it unwinds as a code: a nested expect's exp_continue leaves the outer action's end alone,
     * catch, eval, if, a proc and an execution trace see the code, a syntax error after it is not
     * reached (outputs as Expect 5.45.4's).
     */
    @Test
    void exp_continueEndsAnActionOrUnwindsAsItsCode() throws TclException {
        String o = tcl.run("""
                log_user 0
                set timeout 5
                spawn -noecho printf "a1\\nb1\\nc1\\nd1\\n"
                set out {}
                expect {
                    -re {a1\r\n} {
                        lappend out outer-a
                        expect {
                            -re {b1\r\n} { lappend out inner-b; exp_continue }
                            -re {c1\r\n}
                        }
                        lappend out after-inner
                    }
                    -re {d1\r\n} { lappend out outer-d; exp_continue }
                }
                puts "1: $out"
                expect eof; wait
                spawn -noecho printf "x\\ny\\n"
                set out {}
                expect -re {x\r\n} { lappend out [catch {exp_continue} r] $r; lappend out after-catch }
                puts "2: $out"
                expect eof; wait
                proc again {} { exp_continue }
                proc leave {args} { global out; lappend out [lrange $args 1 2] }
                spawn -noecho printf "p\\nq\\nr\\ns\\nt\\nu\\n"
                set out {}
                expect {
                    -re {p\r\n} { lappend out p; eval exp_continue }
                    -re {q\r\n} { lappend out q; if {1} { exp_continue } }
                    -re {r\r\n} { lappend out r; again }
                    -re {s\r\n} { lappend out s; trace add execution exp_continue leave leave; exp_continue }
                    -re {t\r\n} { lappend out t; trace remove execution exp_continue leave leave; exp_continue -continue_timer }
                    -re {u\r\n} { set x result-u }
                }
                puts "3: $out"
                expect eof; wait
                spawn -noecho printf "e\\nf\\n"
                set out {}
                set body "lappend out e; exp_continue\\n\\{"
                puts "4: [catch {expect -re {e\r\n} $body -re {f\r\n} {lappend out f}} m] $m $out"
                expect eof; wait
                puts "5: [catch {exp_continue} m] $m"
                """);
        assertThat(o).isEqualTo("1: outer-a inner-b after-inner\n2: -101 {} after-catch\n"
                + "3: p q r s {-101 {}} t\n4: 0 e f e f\n5: -101 \n");
    }

    /**
     * exp_continue at the end of the branch an if (the action's last command) takes ends the action
     * as it does at the action's own end, through elseif, else, then and nested ifs; anywhere else
     * in or after the branch, in a catch or under an execution trace it unwinds as its code
     * (outputs as Expect 5.45.4's).
     */
    @Test
    void exp_continueAtTheEndOfAnIfBranch() throws TclException {
        String o = tcl.run("""
                log_user 0
                set timeout 5
                proc leave {args} { global out; lappend out [lrange $args 1 2] }
                spawn -noecho printf "a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\n"
                set out {}
                set n 0
                expect {
                    -re {a\r\n} { lappend out a; if {0} { lappend out no } elseif {1} { exp_continue } else { lappend out no } }
                    -re {b\r\n} { lappend out b; if {0} { lappend out no } else { if {[incr n]} then { exp_continue } } }
                    -re {c\r\n} { lappend out c; if {1} { exp_continue; lappend out never } }
                    -re {d\r\n} { lappend out d; if {1} { exp_continue }; lappend out never-d }
                    -re {e\r\n} { lappend out e; lappend out [catch { if {1} { exp_continue } } r]; exp_continue }
                    -re {f\r\n} { lappend out f; trace add execution exp_continue leave leave; if {1} { exp_continue } }
                    -re {g\r\n} { lappend out g; trace remove execution exp_continue leave leave; if 1 "exp_continue -continue_timer" }
                    -re {h\r\n} { lappend out h; if {1} {} }
                }
                puts $out
                expect eof; wait
                """);
        assertThat(o).isEqualTo("a b c d e -101 f {-101 {}} g h\n");
    }

    /** Flags as Expect 5.45.4 reads them (unique prefixes, its errors); the echo shows the command as written. */
    @Test
    void spawnFlagsAndEchoAsExpect() throws TclException {
        String o = tcl.run("""
                proc t {s} {if {[catch {uplevel 1 $s} e]} {puts "ERR $e"} else {puts ok}}
                t {spawn -nottyinit -console echo b; expect eof}
                t {spawn -ign HUP echo c; expect eof}
                t {spawn - echo a}
                t {spawn -no echo a}
                t {spawn -bogus echo d}
                t {spawn -leaveopen}
                set f [open /dev/null]
                t {spawn -open $f extra args}
                t {spawn -ignore HUP -open $f -noecho}
                t {spawn -noecho -ignore HUP}
                """);
        String flags = "must be -console, -ignore, -leaveopen, -noecho, -nottycopy, -nottyinit, -open, or -pty\n";
        assertThat(o).isEqualTo("spawn -nottyinit -console echo b\r\nb\r\nok\n"
                + "spawn -ign HUP echo c\r\nc\r\nok\n"
                + "ERR ambiguous flag \"-\": " + flags
                + "ERR ambiguous flag \"-no\": " + flags
                + "ERR bad flag \"-bogus\": " + flags
                + "ERR usage: -open file-identifier\n"
                + "ERR usage: -[leave]open [fileXX]\n"
                + "ok\n"
                + "ERR usage: spawn [spawn-args] program [program-args]\n");
    }

    @Test
    void firstPatternInListOrderWinsAndBufferIsConsumedToTheMatch() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn sh -c "echo alpha beta gamma; sleep 5"
                sleep 0.3
                expect {
                    "gamma" { puts "gamma won" }
                    "alpha" { puts "alpha won" }
                }
                puts "buffer=<$expect_out(buffer)>"
                """);
        assertThat(o).isEqualTo("gamma won\nbuffer=<alpha beta gamma>\n");
    }

    @Test
    void regexCapturesIndicesAndTclSemantics() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn sh -c "echo abc width=42; sleep 5"
                expect -indices -re {(a|ab)(c)? width=(\\d+)\\r\\n}
                puts "$expect_out(1,string) $expect_out(3,string) $expect_out(3,start) $expect_out(3,end)"
                """);
        assertThat(o).isEqualTo("ab 42 10 11\n");
    }

    @Test
    void timeoutLeavesExpectOutUntouchedAndRespectsTheDeadline() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn sh -c "echo first; sleep 5"
                expect "first"
                set t0 [clock milliseconds]
                expect -timeout 0.5 "never" { puts matched } timeout { puts timed-out }
                set ms [expr {[clock milliseconds] - $t0}]
                puts "[expr {$ms >= 450 && $ms < 3000}] <$expect_out(0,string)>"
                """);
        assertThat(o).isEqualTo("timed-out\n1 <first>\n");
    }

    @Test
    void eofClosesTheSpawnIdButWaitStillWorks() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn sh -c "echo bye; exit 7"
                expect eof
                puts "<$expect_out(buffer)>"
                puts [catch {send x} m]:$m
                puts [lrange [wait] 2 end]
                """);
        assertThat(o).matches("(?s)<bye\r\n>\n1:send: spawn id exp\\d+ not open\n0 7\n");
    }

    @Test
    void closeHangsUpAndWaitReportsTheSignal() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn cat
                close
                puts [lrange [wait] 2 end]
                """);
        assertThat(o).isEqualTo("0 0 CHILDKILLED SIGHUP hangup\n");
    }

    @Test
    void expContinueAndExpectBeforeAfter() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn sh -c "for i in 1 2 3; do echo line\\$i; done; read x; echo ERROR; read x; echo done; sleep 5"
                # Each part comes once the one before was seen (one read of all would see ERROR first).
                expect_before "ERROR" { puts "before saw an error"; send "go\\r"; exp_continue }
                set n 0
                expect {
                    -re {line\\d\\r\\n} { if {[incr n] == 3} { send "go\\r" }; exp_continue }
                    "done" { puts "lines: $n" }
                }
                """);
        assertThat(o).isEqualTo("before saw an error\nlines: 3\n");
    }

    @Test
    void severalSpawnIdsInOneExpect() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn sh -c "read x; echo slow; sleep 5"
                set a $spawn_id
                spawn sh -c "echo fast; sleep 5"
                set b $spawn_id
                expect -i [list $a $b] -re {(slow|fast)\\r\\n} { puts "$expect_out(1,string) [expr {$expect_out(spawn_id) eq $b}]" }
                send -i $a "go\\r"
                expect -i $a "slow" { puts "then slow" }
                """);
        assertThat(o).isEqualTo("fast 1\nthen slow\n");
    }

    @Test
    void fullBufferHandsOverTheOldestText() throws TclException {
        String o = tcl.run("""
                log_user 0
                match_max 100
                spawn -noecho sh -c "printf '%01000d' 0; printf END; sleep 5"
                set total 0
                expect {
                    full_buffer { incr total [string length $expect_out(buffer)]; exp_continue }
                    END { incr total [string length $expect_out(buffer)] }
                }
                puts $total
                """);
        assertThat(o).isEqualTo("1003\n");
    }

    @Test
    void utf8SplitAcrossWritesIsNeverBroken() throws TclException {
        // Each byte of "héllo wörld ✓" is written separately, with pauses between them.
        String o = tcl.run("""
                log_user 0
                spawn -noecho python3 -c "import sys,time\\nfor b in 'héllo wörld ✓'.encode():\\n    sys.stdout.buffer.write(bytes(\\[b\\])); sys.stdout.flush(); time.sleep(0.005)\\nprint()"
                expect -re {h.llo w.rld (.)\\r\\n}
                puts "$expect_out(0,string)|$expect_out(1,string)"
                """);
        assertThat(o).isEqualTo("héllo wörld ✓\r\n|✓\n");
    }

    @Test
    void regexpsCountAnEmojiAsTwoCharactersAsExpectDoes() throws TclException {
        // Expect 5.45.4 on Tcl 8.6: a character beyond U+FFFF is two UTF-16 units, "." matches one.
        String o = tcl.run("""
                log_user 0
                spawn -noecho printf "x\\\\360\\\\237\\\\230\\\\200y\\\\n"
                expect -re {x.y} { puts "x.y" } -re {x..y} { puts "x..y [string length $expect_out(0,string)]" }
                spawn -noecho printf "x\\\\360\\\\237\\\\230\\\\200y\\\\n"
                expect -indices -re {(.)y} { puts "$expect_out(1,start) $expect_out(1,end) [string length $expect_out(buffer)]" }
                """);
        assertThat(o).isEqualTo("x..y 4\n2 2 4\n");
    }

    @Test
    void sendAndExpectReadAndWriteUtf8AsExpectDoes() throws TclException {
        // Expect 5.45.4: a lone surrogate goes out as its 3-byte form; bytes that start no
        // character come in as the characters of the same value, a 3-byte surrogate as itself.
        String o = tcl.run("""
                log_user 0
                set e [encoding convertfrom utf-8 \\xF0\\x9F\\x98\\x80]
                spawn -noecho sh -c {stty raw -echo; head -c 11 | od -An -tx1}
                send "a$e[string index $e 0]b\\u00e9"
                expect -re {[0-9a-f ]+\\r?\\n} { puts [string trim $expect_out(0,string)] }
                spawn -noecho printf "\\\\355\\\\240\\\\275z\\\\377\\\\300z\\\\n"
                expect -re {(.*)z(.*)z} {
                    foreach g {1 2} { puts "[string length $expect_out($g,string)] [binary encode hex [encoding convertto utf-8 $expect_out($g,string)]]" }
                }
                """);
        assertThat(o).isEqualTo("61 f0 9f 98 80 ed a0 bd 62 c3 a9\n1 eda0bd\n2 c3bfc380\n");
    }

    @Test
    void logFileRecordsTheDialogue() throws Exception {
        Path log = dir.resolve("session.log");
        tcl.run("log_file " + log + "\nspawn -noecho sh -c \"echo logged; sleep 5\"\nexpect logged\nsend_log \"note\\n\"\nlog_file\n");
        assertThat(Files.readString(log)).isEqualTo("logged\r\nnote\n");
    }

    @Test
    void twoHundredSessionsAliveAtOnce() throws TclException {
        String o = tcl.run("""
                log_user 0
                for {set i 0} {$i < 200} {incr i} {
                    spawn -noecho sh -c "echo ready$i; sleep 30"
                    lappend ids $spawn_id
                }
                set n 0
                foreach id $ids {
                    expect -i $id -re {ready\\d+} { incr n }
                }
                puts $n
                """);
        assertThat(o).isEqualTo("200\n");
    }

    @Test
    void expectWithoutSpawnReadsStdin() throws TclException {
        tcl = new TclRunner("yes\n");
        String o = tcl.run("expect_user -re {(\\w+)\\n} { puts \"user said $expect_out(1,string)\" }");
        assertThat(o).isEqualTo("user said yes\n");
    }

    @Test
    void interactWithPipedStdinPassesItThroughAndReturns() throws Exception {
        // As in Expect: at the end of piped input interact returns and the user's side (stdin
        // and stdout) is closed; the program got the input.
        Path file = dir.resolve("got.txt");
        tcl = new TclRunner("through\n");
        assertThatThrownBy(() -> tcl.run("spawn -noecho sh -c \"read line; echo got:\\$line > " + file + "; sleep 5\"\n"
                + "interact\n"
                + "puts back\n")).hasMessage("error writing \"stdout\": bad file number");
        long end = System.nanoTime() + 10_000_000_000L;
        while (!(Files.exists(file) && Files.readString(file).endsWith("\n")) && System.nanoTime() < end) Thread.sleep(20);
        assertThat(Files.readString(file)).isEqualTo("got:through\n");
    }

    @Test
    void afterTimersFireWhileExpectAndSleepWait() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn -noecho sh -c "read x; echo done; sleep 5"
                after 200 {puts tick1; send "go\\r"}
                expect done { puts matched }
                after 200 {puts tick2}
                sleep 0.6
                puts end
                """);
        assertThat(o).isEqualTo("tick1\nmatched\ntick2\nend\n");
    }

    @Test
    void trapRunsItsScriptWhenTheSignalArrives() throws TclException {
        String o = tcl.run("""
                trap {puts "caught [trap -name]"; set caught 1} SIGUSR2
                log_user 0
                spawn -noecho sh -c "sleep 0.3; kill -USR2 [pid]; echo sent; sleep 5"
                expect sent
                for {set i 0} {$i < 100 && ![info exists caught]} {incr i} { sleep 0.05 }
                trap SIG_DFL SIGUSR2
                """);
        assertThat(o).isEqualTo("caught USR2\n");
    }

    @Test
    void trapFormsAndErrorsAreExpects() throws TclException {
        // Each line as Expect 5.45.4 prints it for the same script.
        String o = tcl.run("""
                foreach c {trap {trap -number} {trap -name} {trap -max} {trap -code} {trap foo} {trap foo bar baz}
                        {trap -code x} {trap x 0} {trap x 65} {trap x SIGKILL} {trap x STOP} {trap x ALRM} {trap x SEGV}
                        {trap x sigusr1} {trap x 0x10} {trap x CLD} {trap -name x} {trap -foo x USR1} {trap x {}}
                        {trap -code -interp x USR1} {trap USR1} {trap 10} {trap { 10abc}} {trap SIG_IGN {HUP 12}}
                        {trap SIGUSR2} {trap SIG_DFL 1} {trap HUP} {trap y {USR1 BAD USR2}} {trap USR1} {trap QUIT}
                        {trap x "\\{"}} {
                    set r [catch $c m]; puts "$c -> $r <$m>"
                }
                trap SIG_DFL {USR1 USR2}
                """);
        String usage = "usage: trap [command or SIG_DFL or SIG_IGN] {list of signals}";
        assertThat(o).isEqualTo(String.join("\n",
                "trap -> 1 <" + usage + ">", "trap -number -> 1 <no signal in progress>",
                "trap -name -> 1 <no signal in progress>", "trap -max -> 1 <no signal in progress>",
                "trap -code -> 1 <" + usage + ">", "trap foo -> 1 <invalid signal foo>",
                "trap foo bar baz -> 1 <" + usage + ">", "trap -code x -> 1 <invalid signal x>",
                "trap x 0 -> 1 <invalid signal 0>", "trap x 65 -> 1 <invalid signal 65>",
                "trap x SIGKILL -> 1 <cannot trap SIGKILL>", "trap x STOP -> 1 <cannot trap SIGSTOP>",
                "trap x ALRM -> 1 <cannot trap SIGALRM>", "trap x SEGV -> 1 <cannot trap SIGSEGV>",
                "trap x sigusr1 -> 1 <invalid signal sigusr1>", "trap x 0x10 -> 1 <invalid signal 0x10>",
                "trap x CLD -> 1 <invalid signal CLD>", "trap -name x -> 1 <" + usage + ">",
                "trap -foo x USR1 -> 1 <" + usage + ">", "trap x {} -> 0 <>", "trap -code -interp x USR1 -> 0 <>",
                "trap USR1 -> 0 <x>", "trap 10 -> 0 <x>", "trap { 10abc} -> 0 <x>", "trap SIG_IGN {HUP 12} -> 0 <>",
                "trap SIGUSR2 -> 0 <SIG_IGN>", "trap SIG_DFL 1 -> 0 <>", "trap HUP -> 0 <SIG_DFL>",
                "trap y {USR1 BAD USR2} -> 1 <invalid signal BAD>", "trap USR1 -> 0 <y>", "trap QUIT -> 0 <SIG_DFL>",
                "trap x \"\\{\" -> 1 <unmatched open brace in list>", ""));
    }

    @Test
    void trapHandlerErrorsAreBackgroundErrors() throws TclException {
        // Without -code a handler's error goes to bgerror (the interrupted command goes on); with
        // -code it becomes the command's own error; break is reported as Expect words it.
        String o = tcl.run("""
                proc bgerror m {puts "bg: [string map [list "\\r" <CR> "\\n" <LF>] $m]"; incr ::reported}
                set reported 0
                trap {error boom} SIGUSR1
                exec sh -c "sleep 0.3; kill -USR1 [pid]" &
                for {set i 0} {$i < 400 && $reported < 1} {incr i} { sleep 0.05 }
                trap {break} SIGUSR1
                exec sh -c "sleep 0.3; kill -USR1 [pid]" &
                for {set i 0} {$i < 400 && $reported < 2} {incr i} { sleep 0.05 }
                trap -code {error boom2} SIGUSR1
                puts [catch {exec kill -USR1 [pid]; for {set i 0} {$i < 200} {incr i} { after 50 }; puts notreached} m]<$m>
                trap SIG_DFL SIGUSR1
                """);
        assertThat(o).isEqualTo("bg: boom\nbg: return value = 3 for trap SIGUSR1, action break<CR><LF>\n1<boom2>\n");
    }

    @Test
    void starOnAnEmptyBufferMatchesAtOnce() throws TclException {
        // Expect tries the patterns before reading: "*" and -re ".*" match the empty buffer.
        String o = tcl.run("""
                log_user 0
                spawn -noecho cat
                set t0 [clock milliseconds]
                expect "*" { puts "glob <$expect_out(buffer)>" }
                expect -re ".*" { puts "re <$expect_out(buffer)>" }
                puts [expr {[clock milliseconds] - $t0 < 3000}]
                """);
        assertThat(o).isEqualTo("glob <>\nre <>\n1\n");
    }

    @Test
    void sttyOnASpawnedProgramsTerminal() throws TclException {
        String o = tcl.run("""
                log_user 0
                spawn -noecho cat
                stty -echo < $spawn_out(slave,name)
                send "secret\r"
                expect "secret\r\n"
                set timeout 0.5
                expect -re ".+" { puts "echoed!" } timeout { puts "no echo" }
                """);
        assertThat(o).isEqualTo("no echo\n");
    }

    @Test
    void missingProgramFailsAtOnce() {
        assertThatThrownBy(() -> tcl.run("spawn /nonexistent/prog"))
                .hasMessage("couldn't execute \"/nonexistent/prog\": no such file or directory");
    }

    @Test
    void badExpectFlag() {
        assertThatThrownBy(() -> tcl.run("spawn -noecho cat; expect -foo bar")).hasMessageStartingWith("bad flag \"-foo\"");
    }
}
