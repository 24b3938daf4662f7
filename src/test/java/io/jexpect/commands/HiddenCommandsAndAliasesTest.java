package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * interp hide/expose refuse namespaces as Tcl does; an alias into a deleted interpreter goes with
 * it; return and break at the target's level #0 end as at a script's outermost level. Expected
 * output recorded from tclsh 8.6.13.
 */
class HiddenCommandsAndAliasesTest {
    private static final String SCRIPT = """
interp create c
c eval {namespace eval ns {proc p {} {}}; proc q {} {}; proc r {} {return 27}}
puts [catch {c hide ns::p} m]$m
puts [catch {c hide ns::p x} m]$m
puts [catch {c hide q} m]$m|[c hidden]
puts [catch {c expose q ::ns::q} m]$m|[c hidden]
interp alias {} localP c r
puts [localP]
interp delete c
puts [catch {localP} m]$m
interp create child
interp alias {} foo child return
puts [list [catch foo m] $m]
interp alias {} foo2 child return -code break
puts [list [catch foo2 m] $m]
interp delete child
interp create child
interp alias {} foo child break
puts [list [catch foo m] $m $::errorInfo]
interp alias {} foo child return -code 6
puts [list [catch foo m] $m]
interp alias {} foo child return -level 2 -code 3
puts [list [catch foo m] $m]
interp delete child
""";

    private static final String TCLSH_OUTPUT = """
1cannot use namespace qualifiers in hidden command token (rename)
1can only hide global namespace commands (use rename then hide)
0|q
1cannot expose to a namespace (use expose to toplevel, then rename)|q
27
1invalid command name "localP"
0 {}
1 {invoked "break" outside of a loop}
1 {invoked "break" outside of a loop} {invoked "break" outside of a loop
    invoked from within
"foo"}
1 {command returned bad code: 6}
1 {command returned bad code: 2}
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }
}
