package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Conformance of the array ensemble; expected output recorded from tclsh 8.6.13. */
class ArrayCommandsTest {
    private static final String SCRIPT = """
array set c {apple red banana yellow}
set c(lime) green
puts [array size c]|[lsort [array names c]]|[lsort [array names c *e]]|[array names c -exact lime]|[lsort [array names c -regexp {^[ab]}]]
puts [array get c banana]|[array exists c]|[array exists nope]|[array size nope]
array unset c b*; puts [lsort [array names c]]
array unset c; puts [array exists c]
set sc 1
foreach s {{array set sc {a 1}} {array set x {a}} {array names c -foo x} {array} {array frob}} {catch $s m; puts $m}
""";

    private static final String TCLSH_OUTPUT = """
3|apple banana lime|apple lime|lime|apple banana
banana yellow|1|0|0
apple lime
0
can't set "sc(a)": variable isn't array
list must have an even number of elements
bad option "-foo": must be -exact, -glob, or -regexp
wrong # args: should be "array subcommand ?arg ...?"
unknown or ambiguous subcommand "frob": must be anymore, donesearch, exists, get, names, nextelement, set, size, startsearch, statistics, or unset
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }

    @Test
    void searchesAndTheirErrorsMatchTclsh() throws Exception {
        assertThat(CoreScript.run("""
proc try_ {script} { if {[catch {uplevel 1 $script} m o]} { puts "E: $m | [dict get $o -errorcode]" } else { puts "ok: $m" } }
array set a {x 1}
try_ {array startsearch nosuch}
try_ {set x [array startsearch a]}
try_ {list [array anymore a $x] [array nextelement a $x] [array anymore a $x] [array nextelement a $x]}
try_ {array donesearch a $x; array nextelement a $x}
try_ {list [array startsearch a] [array startsearch a] [array donesearch a s-1-a] [array startsearch a]}
try_ {set a(y) 2; array nextelement a s-3-a}
try_ {set s [array startsearch a]; set a(x) 5; array nextelement a $s}
try_ {unset a(x); array anymore a $s}
try_ {array nextelement a bogus}
try_ {array nextelement a s-1-b}
try_ {array anym a}
try_ {array startsearch}
try_ {string len}
try_ {dict g}
try_ {array stat nosuch}
""")).isEqualTo("""
E: "nosuch" isn't an array | TCL LOOKUP ARRAY nosuch
ok: s-1-a
ok: 1 x 0 {}
E: couldn't find search "s-1-a" | TCL LOOKUP ARRAYSEARCH s-1-a
ok: s-1-a s-2-a {} s-3-a
E: couldn't find search "s-3-a" | TCL LOOKUP ARRAYSEARCH s-3-a
ok: x
E: couldn't find search "s-1-a" | TCL LOOKUP ARRAYSEARCH s-1-a
E: illegal search identifier "bogus" | TCL LOOKUP ARRAYSEARCH bogus
E: search identifier "s-1-b" isn't for variable "a" | TCL LOOKUP ARRAYSEARCH s-1-b
E: wrong # args: should be "array anymore arrayName searchId" | TCL WRONGARGS
E: wrong # args: should be "array startsearch arrayName" | TCL WRONGARGS
E: wrong # args: should be "string length string" | TCL WRONGARGS
E: wrong # args: should be "dict get dictionary ?key ...?" | TCL WRONGARGS
E: "nosuch" isn't an array | TCL LOOKUP ARRAY nosuch
""");
    }
}
