package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/** Expected values recorded from tclsh 8.6.13. */
class PrefixCommandTest {
    TclRunner tcl = new TclRunner();

    @Test
    void allLongestMatch() throws Exception {
        assertThat(tcl.eval("tcl::prefix all {apa bepa cepa apa2} ap")).isEqualTo("apa apa2");
        assertThat(tcl.eval("tcl::prefix longest {apa apb bepa} a")).isEqualTo("ap");
        assertThat(tcl.eval("tcl::prefix longest {apa apb bepa} x")).isEmpty();
        assertThat(tcl.eval("tcl::prefix match {apa bepa cepa} b")).isEqualTo("bepa");
        assertThat(tcl.eval("tcl::prefix m {apa} a")).isEqualTo("apa");
        assertThat(tcl.eval("tcl::prefix match -exact {apa bepa} apa")).isEqualTo("apa");
        assertThat(tcl.eval("tcl::prefix match -error {} {apa bepa} x")).isEmpty();
    }

    @Test
    void errorOptionsWorkAsReturnOptions() throws Exception {
        String script = """
proc t {script} { set c [catch {uplevel 1 $script} r o]; puts "$c <$r> [dict get $o -level] [dict get $o -code] [dict get $o -errorcode]" }
t {tcl::prefix match -error {-level 1} {apa bepa bear depa} be}
t {tcl::prefix match -error {-level 0} {apa bepa bear depa} be}
t {tcl::prefix match -error {-errorcode FOO} {apa bepa} x}
proc p {} { tcl::prefix match -error {-level 1} {-a -b -c} -x }
catch p r o
puts [dict get $o -errorinfo]
""";
        assertThat(tcl.run(script)).isEqualTo("""
2 <ambiguous option "be": must be apa, bepa, bear, or depa> 1 1 NONE
1 <ambiguous option "be": must be apa, bepa, bear, or depa> 0 1 NONE
2 <bad option "x": must be apa or bepa> 1 1 FOO
bad option "-x": must be -a, -b, or -c
    while executing
"p"
""");
    }

    @Test
    void errors() {
        assertThat(tcl.error("tcl::prefix match {apa bepa cepa} x")).isEqualTo(
                "bad option \"x\": must be apa, bepa, or cepa | TCL LOOKUP INDEX option x");
        assertThat(tcl.error("tcl::prefix match {apa apb} ap")).isEqualTo("ambiguous option \"ap\": must be apa or apb | TCL LOOKUP INDEX option ap");
        assertThat(tcl.error("tcl::prefix match -message wombat {apa bepa} x")).isEqualTo(
                "bad wombat \"x\": must be apa or bepa | TCL LOOKUP INDEX wombat x");
        assertThat(tcl.error("tcl::prefix match -error {-errorcode FOO -level 0} {apa bepa} x")).isEqualTo("bad option \"x\": must be apa or bepa | FOO");
        assertThat(tcl.error("tcl::prefix match {} x")).isEqualTo("bad option \"x\": no valid options | TCL LOOKUP INDEX option x");
        assertThat(tcl.error("tcl::prefix match -message {apa bepa} x")).isEqualTo("missing value for -message | TCL OPERATION NOARG");
        assertThat(tcl.error("tcl::prefix match -foo {apa bepa} x")).isEqualTo(
                "bad option \"-foo\": must be -error, -exact, or -message | TCL LOOKUP INDEX option -foo");
        assertThat(tcl.error("tcl::prefix all {apa bepa}")).isEqualTo("wrong # args: should be \"tcl::prefix all table string\" | TCL WRONGARGS");
        assertThat(tcl.error("tcl::prefix foo")).isEqualTo(
                "unknown or ambiguous subcommand \"foo\": must be all, longest, or match | TCL LOOKUP SUBCOMMAND foo");
    }
}
