package io.jexpect.interp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/**
 * subst as Tcl runs it: the text is parsed first, a syntax error is raised after the substitutions
 * before it (complete commands of an unclosed bracket included); break, continue and return inside
 * a command substitution. Also the parse errors of a script that info complete sees. Expected
 * output recorded from tclsh 8.6.13.
 */
class SubstTest {
    private static final String SCRIPT = """
proc try {script} { list [catch {uplevel 1 $script} m] $m }
puts [try {subst {foo [break; bogus code] bar}}]
puts [try {subst {foo [continue; bogus code] bar}}]
puts [try {subst {foo [return x; bogus code] bar}}]
puts [try {subst {foo [return -code 5 x] bar}}]
puts [try {subst {foo $v([break]) bar}}]
puts [try {subst {foo [return {x} ; set a {}"" ; stuff] bar}}]
puts [try {subst {foo [break ; set a {}"" ; stuff] bar}}]
puts [try {subst {[set x 1;break;incr x][set y $x]}}]
set n 0; puts [try {subst "\\[incr n;"}]$n
set n 0; puts [try {subst "\\[incr n"}]$n
set n 0; puts [try {subst "\\[incr n; set m \\"x\\] y"}]$n
set s "a \\$\\{x b"; puts [try {subst $s}]
puts [try {subst {a $x(b c}}]
puts [try {subst {[set z {]}]}}]
puts [try {subst {[set z "]"]}}]
puts [try {subst {[set z 1 ;# ]
]}}]
puts [try {subst -no x}]
set s "set x \\$\\{foo"; puts [try $s]
set s "subst foo\\[set \\$\\{foo]"; puts [try $s]
puts [info complete "abc\\\\\\n"][info complete "set a \\\\\\\\\\n"][info complete "#c\\\\\\n"][info complete \\\\\\n][info complete "x \\${ y"]
""";

    private static final String TCLSH_OUTPUT = """
0 {foo }
0 {foo  bar}
0 {foo x bar}
0 {foo x bar}
0 {foo }
1 {extra characters after close-brace}
0 {foo }
0 {}
1 {missing close-bracket}1
1 {missing close-bracket}0
1 {missing "}1
1 {missing close-brace for variable name}
1 {missing )}
0 \\]
0 \\]
0 1
1 {ambiguous option "-no": must be -nobackslashes, -nocommands, or -novariables}
1 {missing close-brace for variable name}
1 {missing close-brace for variable name}
01000
""";

    @Test
    void matchesTclsh() throws Exception {
        try (TclRunner tcl = new TclRunner()) {
            assertThat(tcl.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
        }
    }
}
