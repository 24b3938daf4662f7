package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Conformance of the dict ensemble; expected output recorded from tclsh 8.6.13. */
class DictCommandsTest {
    private static final String SCRIPT = """
set d [dict create a 1 b 2 a 3]
puts $d|[dict get $d a]|[dict size $d]|[dict exists $d b]|[dict exists $d z]
puts [dict keys $d]|[dict values $d]|[dict keys {ab 1 cd 2} a*]
dict set d c x y 1; puts $d|[dict get $d c x y]
dict unset d c; puts $d
dict incr d a 5; dict lappend d l p q; dict append d s ab cd; puts $d
puts [dict merge {a 1 b 2} {b 3 c 4}]|[dict remove {a 1 b 2} a]|[dict replace {a 1} b 2 a 0]
puts [dict filter {a 1 b 2 c 3} key a c]|[dict filter {a 1 b 2} value 2]
dict for {k v} {x 1 y 2} { puts -nonewline "$k=$v " }; puts ""
puts [dict map {k v} {x 1 y 2} {list $v $k}]
set p {name Bob age 30}
dict with p { set age 31; set extra 1 }
puts $p
dict update p name n { set n "Bob Jr" }
puts $p
foreach s {{dict get {a 1} b} {dict get {a 1 b}} {dict foo} {dict for {k} {} {}} {dict create a} {dict filter {a 1} foo}} {catch $s m; puts $m}
catch {dict get {a {b}c}} m; puts "$m|$::errorCode"
catch {dict size {a "b}} m; puts "$m|$::errorCode"
puts <[dict merge { a b c d }]|[dict merge { a b c d } {}]|[dict merge { a b c d } {a b}]>
set arr(x) 1; catch {dict incr arr a} m; puts $m
set a {b {c d}}; dict with a b { set a {} }; puts <$a>
""";

    private static final String TCLSH_OUTPUT = """
a 3 b 2|3|2|1|0
a b|3 2|ab
a 3 b 2 c {x {y 1}}|1
a 3 b 2
a 8 b 2 l {p q} s abcd
a 1 b 3 c 4|b 2|a 0 b 2
a 1 c 3|b 2
x=1 y=2\s
x {1 x} y {2 y}
name Bob age 31
name {Bob Jr} age 31
key "b" not known in dictionary
missing value to go with key
unknown or ambiguous subcommand "foo": must be append, create, exists, filter, for, get, incr, info, keys, lappend, map, merge, remove, replace, set, size, unset, update, values, or with
must have exactly two variable names
wrong # args: should be "dict create ?key value ...?"
bad filterType "foo": must be key, script, or value
dict element in braces followed by "c" instead of space|TCL VALUE DICTIONARY JUNK
unmatched open quote in dict|TCL VALUE DICTIONARY QUOTE
< a b c d | a b c d |a b c d>
can't set "arr": variable is array
<>
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
