package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * tcl::unsupported::timerate: its usage and argument errors, compiling first, its traces, result
 * format, max-count, break/continue/return in the script, and -overhead. Expected output recorded
 * from tclsh 8.6.13 (only what does not depend on the machine's speed).
 */
class TimeRateCommandTest {
    private static final String SCRIPT = """
namespace import ::tcl::unsupported::timerate
foreach s {
    {timerate}
    {timerate a b c d}
    {timerate a b c}
    {timerate a b}
    {timerate -overhead b {} a b}
    {timerate -overhead 1}
    {timerate "foreach a {c d e} \\{" -12456}
    {timerate {error foo} 1}
} {
    puts [catch $s m]|$m
}
puts $::errorInfo
puts [regexp {^\\d+(?:\\.\\d+)? \\ws/# 1 # \\d+(?:\\.\\d+)? #/sec \\d+(?:\\.\\d+)? net-ms$} [timerate {} 0]]
puts [timerate {} 0 0]
puts [lindex [timerate {} 1000 5] 2]
puts [lrange [timerate {break}] 2 3]
puts [lrange [timerate {continue; error unexpected} 1000 10] 2 3]
set m1 [timerate -overhead 1e6 {after 2} 100 1]
puts [list [lindex $m1 0] [lrange $m1 1 5]]
set x 0
proc r1 {} {upvar x x; timerate {incr x; return "r1"; incr x} 1000 10}
puts [list [r1] $x]
set m [timerate {after 1} 20]
puts [expr {[lindex $m 2] >= 1 && [lindex $m 6] >= 20}]
""";

    private static final String TCLSH_OUTPUT = """
1|wrong # args: should be "timerate ?-direct? ?-calibrate? ?-overhead double? command ?time ?max-count??"
1|wrong # args: should be "timerate ?-direct? ?-calibrate? ?-overhead double? command ?time ?max-count??"
1|expected integer but got "b"
1|expected integer but got "b"
1|expected floating-point number but got "b"
1|wrong # args: should be "timerate ?-direct? ?-calibrate? ?-overhead double? command ?time ?max-count??"
1|missing close-brace
1|foo
foo
    while executing
"error foo"
    invoked from within
"timerate {error foo} 1"
1
0 µs/# 0 # 0 #/sec 0 net-ms
5
1 #
10 #
0.000000 {µs/# 1 # 1000000 #/sec}
r1 1
1
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
