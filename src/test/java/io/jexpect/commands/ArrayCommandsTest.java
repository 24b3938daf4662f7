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
}
