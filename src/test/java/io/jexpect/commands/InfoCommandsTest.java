package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Conformance of info, rename and time; expected output recorded from tclsh 8.6.13. */
class InfoCommandsTest {
    private static final String SCRIPT = """
proc p {a {b 2} args} { return [info level 0]|[info level]|[info locals] }
puts [p 1 x y]
puts [info args p]|[info body p]|[info default p b v]$v|[info default p a v]<$v>
puts [info exists p]|[info exists tcl_version_x]|[info commands lsor*]|[info procs p]
puts [info complete "set x \\{"]|[info complete "set x 1"]|[info tclversion]|[info patchlevel]
proc q {} {}; rename q r; puts [info procs r]; rename r ""; puts <[info procs r]>
puts [string match {* microseconds per iteration} [time {set x 1}]]
foreach s {{rename nope x} {rename set list} {info args set} {info level 5} {info default p zz v} {info frob} {time}} {catch $s m; puts $m}
""";

    private static final String TCLSH_OUTPUT = """
p 1 x y|1|a b args
a b args| return [info level 0]|[info level]|[info locals] |12|0<>
0|0|lsort|p
0|1|8.6|8.6.13
r
<>
1
can't rename "nope": command doesn't exist
can't rename to "list": command already exists
"set" isn't a procedure
bad level "5"
procedure "p" doesn't have an argument "zz"
unknown or ambiguous subcommand "frob": must be args, body, class, cmdcount, commands, complete, coroutine, default, errorstack, exists, frame, functions, globals, hostname, level, library, loaded, locals, nameofexecutable, object, patchlevel, procs, script, sharedlibextension, tclversion, or vars
wrong # args: should be "time command ?count?"
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
