package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.interp.TclException;
import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/**
 * Input that used to reach Java's failures or unbounded work: each is a Tcl error in Tcl's words
 * that catch sees, or Tcl's result, and comes back at once. Expected texts recorded from tclsh 8.6.13.
 */
class HostileInputTest {
    private final TclRunner tcl = new TclRunner();

    @Test
    void regexTheEnginePortCannotHandle() throws Exception {
        assertThat(tcl.error("regexp {[z-a]} x")).isEqualTo(
                "couldn't compile regular expression pattern: invalid character range | REGEXP REG_ERANGE {invalid character range}");
        assertThat(tcl.error("regexp {a[b-a]} x")).startsWith("couldn't compile regular expression pattern: invalid character range");
        assertThat(tcl.eval("regexp {[a-a]} a")).isEqualTo("1");
        assertThat(tcl.eval("regexp {[\\]-a]} ^")).isEqualTo("1");
        // Patterns that can never match are no match in Tcl, for every command that matches.
        assertThat(tcl.eval("list [regexp {c$x} abc] [regsub -all {c$x} abc Y] [lsearch -regexp {abc} {c$x}]"))
                .isEqualTo("0 abc -1");
        assertThat(tcl.eval("switch -regexp abc {c$x} {set r yes} default {set r no}")).isEqualTo("no");
        assertThat(tcl.eval("regexp -about {c$x}")).isEqualTo("0 REG_UIMPOSSIBLE");
        // The tcl-regex port could not build this one (an "Impossible arc"); it matches empty, as in Tcl.
        assertThat(tcl.eval("catch {regexp {($|^X)*} {}}")).isEqualTo("0");
    }

    @Test
    void regexWorkIsBounded() throws Exception {
        // Loops whose body can match empty through an anchor and a lookahead: Tcl 8.6 breaks the
        // constraint loop, where tcl-regex compiled for ever (answers from tclsh 8.6.13).
        assertThat(tcl.eval("list [regexp {(^(?!aa)(?!bb))+} aabbcc] [regexp {(^|(?!a))*} x]")).isEqualTo("0 1");
        // Bounded repetition, and loops without both kinds of constraint.
        assertThat(tcl.eval("regexp {(^(?!aa)(?!bb)){1,3}} aabbcc")).isEqualTo("0");
        assertThat(tcl.eval("regexp {((?!aa)(?!bb))+} aabbcc")).isEqualTo("1");
        assertThat(tcl.eval("regexp {(^x(?!a))+} xb")).isEqualTo("1");
        assertThat(tcl.eval("regexp {((((a)*)*)*)*} [string repeat a 40]b")).isEqualTo("1");
        assertThat(tcl.eval("regexp -expanded {( ^ [#] (?!a) )+ # (^(?!a))+ in a comment} #b")).isEqualTo("1");
    }

    @Test
    void integersAtThe32And64BitEdges() throws Exception {
        // Tcl_GetIntFromObj on a 64-bit machine: [-UINT_MAX, UINT_MAX] wraps to 32 bits, beyond is too large.
        String tooLarge = "integer value too large to represent | ARITH IOVERFLOW {integer value too large to represent}";
        for (String n : new String[] {"2**63", "2**64-1", "-2**63", "(-2)**32", "4294967296", "-4294967296"}) {
            assertThat(tcl.error("lrepeat [expr {" + n + "}] a")).isEqualTo(tooLarge);
            assertThat(tcl.error("string repeat x [expr {" + n + "}]")).isEqualTo(tooLarge);
            assertThat(tcl.error("interp recursionlimit {} [expr {" + n + "}]")).isEqualTo(tooLarge);
        }
        assertThat(tcl.error("lrepeat [expr {2**31}] a")).startsWith("bad count \"-2147483648\": must be integer >= 0");
        assertThat(tcl.error("lrepeat 4294967295 a")).startsWith("bad count \"-1\": must be integer >= 0");
        assertThat(tcl.error("lrepeat -2147483649 a")).startsWith("max length of a Tcl list (536870909 elements) exceeded");
        assertThat(tcl.eval("list [string repeat x 4294967295] [string repeat x -4294967294]")).isEqualTo("{} xx");
        assertThat(tcl.eval("lrepeat -4294967295 a")).isEqualTo("a");
        assertThat(tcl.error("interp recursionlimit {} 4294967295")).startsWith("recursion limit must be > 0");
    }

    @Test
    void loweringTheRecursionLimitBelowTheCurrentDepth() throws Exception {
        assertThat(tcl.eval("""
                proc f {n} {if {$n} {f [incr n -1]} else {interp recursionlimit {} 3}}
                list [catch {f 5} r] $r $::errorCode [interp recursionlimit {}] [interp recursionlimit {} 1000]"""))
                .isEqualTo("1 {falling back due to new recursion limit} {TCL RECURSION} 3 1000");
    }

    @Test
    void clockOutOfRange() throws Exception {
        assertThat(tcl.error("clock scan -9223372036854775809 -format %s"))
                .isEqualTo("integer value too large to represent | CLOCK integervalueTooLarge");
        assertThat(tcl.eval("clock scan -9223372036854775808 -format %s")).isEqualTo("-9223372036854775808");
        assertThat(tcl.error("clock format 0x8000000000000000")).isEqualTo("integer value too large to represent | NONE");
        assertThat(tcl.eval("clock format 99999999999999999 -gmt 1")).isEqualTo("Fri Jan 07 09:46:39 GMT 5645357");
        assertThat(tcl.error("clock format 99999999999999999999 -gmt 1"))
                .isEqualTo("integer value too large to represent | ARITH IOVERFLOW {integer value too large to represent}");
        // Fields out of range carry over, as in Tcl.
        assertThat(tcl.eval("clock scan 2004-00-00 -format %Y-%m-%d -gmt 1")).isEqualTo("1070150400");
        assertThat(tcl.eval("clock scan 2004-13-32 -format %Y-%m-%d -gmt 1")).isEqualTo("1107216000");
        assertThat(tcl.eval("clock scan 2004-02-31 -format %Y-%m-%d -gmt 1")).isEqualTo("1078185600");
        assertThat(tcl.eval("clock scan 2004-400 -format %Y-%j -gmt 1")).isEqualTo("1107388800");
        assertThat(tcl.eval("clock scan {2004-01-01 25:61:61} -format {%Y-%m-%d %H:%M:%S} -gmt 1")).isEqualTo("1073008921");
    }

    @Test
    void hugePrecision() throws Exception {
        assertThat(tcl.eval("string length [format %.999999f 1]")).isEqualTo("1000001");
        assertThat(tcl.eval("string range [format %.2000f 0.1] 0 30")).isEqualTo("0.10000000000000000555111512312");
        assertThat(tcl.eval("string trimright [format %.2000f 0.1] 0")).hasSize(57);
    }

    @Test
    void exponentTooLarge() throws Exception {
        assertThat(tcl.error("expr {3**268435456}")).isEqualTo("exponent too large | NONE");
        assertThat(tcl.error("expr {2**(2**64)}")).isEqualTo("exponent too large | NONE");
        assertThat(tcl.error("expr {2**(-2**64)}")).isEqualTo("exponent too large | NONE");
        assertThat(tcl.eval("list [expr {1**268435456}] [expr {(-1)**268435457}] [expr {0**(2**64)}] [expr {3**-268435456}]"))
                .isEqualTo("1 -1 0 0");
    }

    @Test
    void deepNestingIsATclError() throws Exception {
        String limit = "too many nested evaluations (infinite loop?) | TCL LIMIT STACK";
        assertThat(tcl.error("expr [string repeat ( 100000]1[string repeat ) 100000]")).isEqualTo(limit);
        assertThat(tcl.error("expr [string repeat - 100000]1")).isEqualTo(limit);
        // Tcl compiles a nest of brackets before running it, and says so; recursion through one bracket is an evaluation.
        assertThat(tcl.error("eval [string repeat {[} 10000]set x 1[string repeat {]} 10000]"))
                .isEqualTo("too many nested compilations (infinite loop?) | TCL LIMIT STACK");
        assertThat(tcl.error("eval \"set y 1; [string repeat {[} 2000]set x 1[string repeat {]} 2000]\"; set y"))
                .isEqualTo("too many nested compilations (infinite loop?) | TCL LIMIT STACK");
        assertThat(tcl.error("proc r {} {set x [r]}; r")).isEqualTo(limit);
        assertThat(tcl.eval("expr [string repeat ( 200]1[string repeat ) 200]")).isEqualTo("1");
        assertThat(tcl.eval("expr [string repeat - 201]1")).isEqualTo("-1");
        // catch sees it, and the interpreter goes on.
        assertThat(tcl.eval("catch {expr [string repeat - 100000]1} m; set m")).startsWith("too many nested evaluations");
        assertThat(tcl.eval("expr {1 + 1}")).isEqualTo("2");
    }

    @Test
    void indexBeyondThirtyTwoBitsIsBadAsInTcl86() throws Exception {
        String bad = "\": must be integer?[+-]integer? or end?[+-]integer? | TCL VALUE INDEX";
        assertThat(tcl.error("string index abc 9999999999999")).isEqualTo("bad index \"9999999999999" + bad);
        assertThat(tcl.error("lindex {a b} 4294967296")).isEqualTo("bad index \"4294967296" + bad);
        assertThat(tcl.error("lrange {a b c} end+4294967296 end")).isEqualTo("bad index \"end+4294967296" + bad);
        assertThat(tcl.error("string range abc 0 0x100000000")).isEqualTo("bad index \"0x100000000" + bad);
        // Up to 32 bits, a number is taken modulo 2^32, and so is a sum.
        assertThat(tcl.eval("list [string index abc 4294967295+1] [lindex {a b} -4294967295] [lrange {a b c} 2147483648 end]"
                + " [lrange {a b c} end-2147483648 end] [string index abc 2147483647+1] [lindex {a b} end-0xffffffff]"))
                .isEqualTo("a b {a b c} {a b c} {} {}");
    }

    @Test
    void nulInAFileNameIsATclAnswer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        tcl.eval("cd {" + dir + "}; close [open a w]; file mkdir d");
        // Recorded from tclsh 8.6.13: the system call sees a name it refuses, never the file "a".
        assertThat(tcl.eval("list [file exists a\0b] [file isfile a\0b] [file isdirectory d\0] [file readable a\0b]"))
                .isEqualTo("0 0 0 0");
        assertThat(tcl.error("cd d\0b")).isEqualTo(
                "couldn't change working directory to \"d\0b\": invalid argument | POSIX EINVAL {invalid argument}");
        assertThat(tcl.error("open a\0b")).isEqualTo("couldn't open \"a\0b\": filename is invalid on this platform | NONE");
        assertThat(tcl.error("open a\0b w")).isEqualTo("couldn't open \"a\0b\": filename is invalid on this platform | NONE");
        assertThat(tcl.error("source a\0b")).isEqualTo("couldn't read file \"a\0b\": invalid argument | POSIX EINVAL {invalid argument}");
        assertThat(tcl.error("file stat a\0b s")).isEqualTo("could not read \"a\0b\": invalid argument | POSIX EINVAL {invalid argument}");
        assertThat(tcl.error("glob a\0b")).isEqualTo("no files matched glob pattern \"a\0b\" | TCL OPERATION GLOB NOMATCH");
        assertThat(tcl.eval("glob -nocomplain -directory d\0 *")).isEmpty();
        assertThat(tcl.eval("pwd")).isEqualTo(dir.toString());
    }

    @Test
    void javaFailureInsideACommandIsATclError() throws Exception {
        tcl.interp.register("boom", (in, argv) -> {
            throw new IllegalStateException("the widget is not ready");
        });
        tcl.interp.register("npe", (in, argv) -> {
            String s = null;
            return io.jexpect.interp.Value.of(s.length());
        });
        tcl.interp.register("recurse", new io.jexpect.interp.TclCommand() {
            @Override
            public io.jexpect.interp.Value call(io.jexpect.interp.Interp in, io.jexpect.interp.Value[] argv) throws TclException {
                return call(in, argv);
            }
        });
        assertThat(tcl.error("boom")).isEqualTo("the widget is not ready | JAVA java.lang.IllegalStateException");
        assertThat(tcl.eval("catch npe m; set m")).isEqualTo("internal error in \"npe\"");
        assertThat(tcl.eval("catch recurse m; set m")).isEqualTo("too many nested evaluations (infinite loop?)");
        assertThat(tcl.eval("catch {boom} m opts; dict get $opts -errorinfo")).isEqualTo(
                "the widget is not ready\n    while executing\n\"boom\"");
    }
}
