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
    void elementsAreListedInTheOrderOfTclsHashTable() throws Exception {
        // Growth from 4 to 16 buckets, a removed and re-added element, non-ASCII keys and a NUL.
        assertThat(CoreScript.run("""
array set a {z 1 b 2 a 3 q 4 c 5 x 6}
puts [array names a]
puts [array get a]
for {set i 0} {$i < 40} {incr i} {set big(k$i) $i}
unset big(k7) big(k20); set big(k7) again; set big(é) 1; set big(\\u0000) nul;
foreach k [array names big] {lappend out [expr {$k eq "é" ? "E" : $k eq "\\u0000" ? "N" : $k}]}
puts $out
set s [array startsearch big]; set first {}; while {[array anymore big $s]} {lappend first [array nextelement big $s]}; puts [expr {$first eq [array names big]}]
puts [array statistics big]
""")).isEqualTo("""
x q a b z c
x 6 q 4 a 3 b 2 z 1 c 5
N k23 k24 k25 k26 k0 E k27 k1 k10 k28 k2 k11 k30 k29 k12 k3 k31 k13 k4 k32 k14 k5 k33 k15 k6 k7 k34 k16 k35 k17 k8 k36 k18 k9 k37 k19 k38 k21 k39 k22
1
41 entries in table, 16 buckets
number of buckets with 0 entries: 0
number of buckets with 1 entries: 2
number of buckets with 2 entries: 5
number of buckets with 3 entries: 7
number of buckets with 4 entries: 2
number of buckets with 5 entries: 0
number of buckets with 6 entries: 0
number of buckets with 7 entries: 0
number of buckets with 8 entries: 0
number of buckets with 9 entries: 0
number of buckets with 10 or more entries: 0
average search distance for entry: 1.9
""");
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
