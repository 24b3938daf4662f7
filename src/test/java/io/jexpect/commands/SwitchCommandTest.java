package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** switch. Expected outputs recorded from tclsh 8.6.13. */
class SwitchCommandTest {
    @Test
    void switchModesOptionsAndTraces() throws Exception {
        String script = """
proc t {script} { if {[catch {uplevel 1 $script} r]} { puts "ERR $r" } else { puts "<$r>" } }
t {switch}
t {switch a}
t {switch -foo a {a b}}
t {switch -exact -glob a {a b}}
t {switch -matchvar m a {a b}}
t {switch a {}}
t {switch a {a}}
t {switch a {a - }}
t {switch a {a b # c}}
t {switch a a {concat 1} b}
t {switch -x {-x {concat hi}}}
t {switch -regexp -matchvar m -indexvar ix abc {(a)(x)? {list $m $ix}}}
t {switch -regexp -matchvar m -indexvar ix abc {^$ {} default {list $m $ix}}}
t {switch -regexp -indexvar ix abc {x* {set ix}}}
t {switch -nocase ABC {abc {concat yes}}}
t {switch -glob -nocase ABC {a* {concat yes}}}
t {switch -g a {a {concat g}}}
t {switch -- default {default {concat d}}}
t {switch default {default {concat d} x {concat x}}}
t {switch x {default {concat d} x {concat x}}}
t {switch -regexp a {( {}}}
t {switch "a b" {"a b" {concat spaced}}}
t {switch a {a {error boom}}}
t {catch {switch a a {error boom2}}; set errorInfo}
t {switch -exact}
t {switch -- }
t {switch a "\\{"}
foreach word {apple banana cherry date elderberry fig 42 7x} {
    switch -- $word {
        apple { set r "exact apple" }
        banana -
        cherry { set r "banana or cherry" }
        default {
            switch -glob -- $word {
                d* { set r "glob d*" }
                *rr* { set r "glob *rr*" }
                default {
                    switch -regexp -- $word {
                        {^\\d+$} { set r "regexp digits" }
                        {^[a-z]+$} { set r "regexp letters" }
                        default { set r "nothing matched" }
                    }
                }
            }
        }
    }
    puts "$word: $r"
}
proc p {x} {
    switch -glob $x [list a* {return A} b* {return B}]
    return none
}
puts [p abc][p bcd][p cde]
catch {switch a a {
    set y 1
    error boom
}}
puts $errorInfo
""";
        String tclsh = """
ERR wrong # args: should be "switch ?-option ...? string ?pattern body ...? ?default body?"
ERR wrong # args: should be "switch ?-option ...? string ?pattern body ...? ?default body?"
ERR bad option "-foo": must be -exact, -glob, -indexvar, -matchvar, -nocase, -regexp, or --
ERR bad option "-glob": -exact option already found
ERR -matchvar option requires -regexp option
ERR wrong # args: should be "switch ?-option ...? string {?pattern body ...? ?default body?}"
ERR extra switch pattern with no body
ERR no body specified for pattern "a"
ERR invalid command name "b"
ERR extra switch pattern with no body
<hi>
<{a a {}} {{0 0} {0 0} {-1 -1}}>
<{} {}>
<{-1 -1}>
<yes>
<yes>
<g>
<d>
<d>
<x>
ERR couldn't compile regular expression pattern: parentheses () not balanced
<spaced>
ERR boom
<boom2
    while executing
"error boom2"
    ("a" arm line 1)
    invoked from within
"switch a a {error boom2}">
ERR wrong # args: should be "switch ?-option ...? string ?pattern body ...? ?default body?"
ERR wrong # args: should be "switch ?-option ...? string ?pattern body ...? ?default body?"
ERR unmatched open brace in list
apple: exact apple
banana: banana or cherry
cherry: banana or cherry
date: glob d*
elderberry: glob *rr*
fig: regexp letters
42: regexp digits
7x: nothing matched
ABnone
boom
    while executing
"error boom"
    ("a" arm line 3)
    invoked from within
"switch a a {
    set y 1
    error boom
}"
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }
}
