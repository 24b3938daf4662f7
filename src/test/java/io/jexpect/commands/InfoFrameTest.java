package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * info frame (TIP 280): levels, and where each running command's text came from: text built at
 * run time, proc and lambda bodies, a sourced file; expected output recorded from tclsh 8.6.13.
 */
class InfoFrameTest {
    private static final String SCRIPT = """
proc reduce {frame} {
    set cmd [dict get $frame cmd]
    if {[regexp \\n $cmd]} {
	dict set frame cmd \\
	    [string range [lindex [split $cmd \\n] 0] 0 end-4]
    }
    if {[dict exists $frame file]} {
	dict set frame file \\
	    [file tail [dict get $frame file]]
    }
    return $frame
}
interp create i
puts [list [i eval {info frame}] [i eval {eval {info frame}}] [i eval {eval info frame}]]
puts [i eval {	set script {info frame}
		eval $script}]
proc RunTest {script} { uplevel 1 $script }
puts [RunTest {eval info frame 0}]
set body {set flag 0
    set a c
    set res [info frame 0]} ;# line 3!
puts [RunTest {namespace eval foo $body; return $foo::res}]
puts [RunTest {if 1 $body; return $res}]
puts [RunTest {if 1 then $body; return $res}]
puts [RunTest {set flag 1; while {$flag} $body; return $res}]
puts [RunTest {foreach var val $body; return $res}]
puts [RunTest {set flag 1; for {} {$flag} {} $body; return $res}]
puts [RunTest {eval $body; return $res}]
namespace eval foo {}
set x foo
switch -exact -- $x [list foo {
    proc ::foo::bar {} {info frame 0}
}]
puts [reduce [foo::bar]]
namespace {*}"eval\\nfoo\\n{proc bar {} {info frame 0}}\\n"
puts [reduce [foo::bar]]
proc foo::bar {} {
    set flag 1
    if {*}"\\n{1}\\n{info frame 0}"
}
puts [reduce [foo::bar]]
set body {
    eval
    foo
    {proc bar {} {
	info frame 0
    }}
}
namespace {*}$body
puts [reduce [foo::bar]]
set body {
    {$flag}
    {info frame 0}
}
proc foo::bar {} {
    global body ; set flag 1
    if {*}$body
}
puts [reduce [foo::bar]]
set lambda {
    {x y}
    {info frame 0}
}
puts [reduce [apply $lambda 0 0]]
    proc probe {} {
	return [dict get [info frame -1] line]
    }
    set body {
	set cmd probe
	$cmd
    }
    proc demo {} $body
puts [demo]
proc top {} {list [info frame] [catch {info frame 5} m] $m [catch {info frame 1 2} m] $m}
puts [top]
proc linenumber {} {dict get [info frame -1] line}
puts [apply {{} {apply {n {
	set e {}
	dict for {a b} {c {d {e {f g}}}} {
	    dict for {h i} $b {
		dict update i e j {
		    dict update j f k {
			return [expr {$n - [linenumber]}]
		    }
		}
	    }
	}
    }} [linenumber]}}]
set exprsBody {
    expr {"a" ne
        [set ::x [info frame 0]]}
    lappend ::x [expr {
        [info frame]}]
}
proc exprs {} $exprsBody
exprs
puts $x
""";

    private static final String TCLSH_OUTPUT = """
1 2 2
2
type eval line 1 cmd {info frame 0} proc ::RunTest
type eval line 3 cmd {info frame 0} level 0
type eval line 3 cmd {info frame 0} proc ::RunTest
type eval line 3 cmd {info frame 0} proc ::RunTest
type eval line 3 cmd {info frame 0} proc ::RunTest
type eval line 3 cmd {info frame 0} proc ::RunTest
type eval line 3 cmd {info frame 0} proc ::RunTest
type eval line 3 cmd {info frame 0} proc ::RunTest
type proc line 1 cmd {info frame 0} proc ::foo::bar level 0
type proc line 1 cmd {info frame 0} proc ::foo::bar level 0
type eval line 1 cmd {info frame 0} proc ::foo::bar level 0
type proc line 2 cmd {info frame 0} proc ::foo::bar level 0
type eval line 1 cmd {info frame 0} proc ::foo::bar level 0
type proc line 1 cmd {info frame 0} lambda {
    {x y}
    {info frame 0}
} level 0
3
2 1 {bad level "5"} 1 {wrong # args: should be "info frame ?number?"}
5
type proc line 2 cmd {info frame 0} proc ::exprs level 0 2
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }

    @Test
    void aSourcedFileIsTheSourceOfItsCommandsAndOfTheProcBodiesItGivesLiterally(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("frames.tcl");
        Files.writeString(file, """
                proc p {} {
                    info frame 0
                }
                set body {info frame 0}
                proc q {} $body
                if 1 {
                    set r [info frame 0]
                }
                list [p] [q] $r
                """);
        try (TclRunner tcl = new TclRunner()) {
            assertThat(tcl.eval("source " + file)).isEqualTo(
                    "{type source line 2 file " + file + " cmd {info frame 0} proc ::p level 0}"
                    + " {type proc line 1 cmd {info frame 0} proc ::q level 0}"
                    + " {type source line 7 file " + file + " cmd {info frame 0} level 0}");
        }
    }

    /**
     * TIP 280's continuation lines: a backslash-newline folded into a space inside a braced (or
     * quoted) word still counts as a line when that word runs as a script, in proc bodies, eval of
     * the literal or of a variable holding it, after append; errorLine counts only real newlines.
     */
    @Test
    void foldedBackslashNewlinesStillCountAsLinesInInfoFrame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("continued.tcl");
        Files.writeString(file, """
                proc p {} {
                    set a 1
                    set b [list "\\
                [dict get [info frame 0] line]"]
                    set c \\
                      2
                    lappend b [dict get [info frame 0] line]
                }
                set s {
                    set x \\
                       1
                    dict get [info frame 0] line
                }
                set t $s
                append t "\\n# appended"
                proc r {} {
                    set x 1 ;\\
                    error \\
                	foo
                }
                catch r m o
                set r [list [p] [eval {
                    set x \\
                       1
                    dict get [info frame 0] line
                }] [eval $s] [eval $t] [eval [string trim $s]] [dict get $o -errorline] [eval "set x \\\\
                    1\\ndict get \\[info frame 0\\] line"] [eval "\\\\
                    dict get \\[info frame 0\\] line"]]
                lappend r [eval "set x \\
                    1\\ndict get \\[info frame 0\\] line"] [eval "set x \\
                    1\\nlindex \\[dict get \\[info frame 0\\] line\\] [set y 0]"]
                """);
        try (TclRunner tcl = new TclRunner()) {
            assertThat(tcl.eval("source " + file)).isEqualTo("{{ 4} 7} 25 4 4 2 1 28 28 31 2");
        }
    }

    /**
     * A lambda given literally has its body where it is written (Tcl's SetLambdaFromAny counts the
     * lines through the list); a {*} word of plain text is expanded when the command is parsed,
     * its elements literal words on their own lines (Tcl_ParseCommand), so a body among them is
     * located too.
     */
    @Test
    void literalLambdasAndLiteralExpansionsKeepTheirPlaceInTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lambdas.tcl");
        Files.writeString(file, """
                proc linenumber {} {dict get [info frame -1] line}
                proc f {} {
                    apply {n {
                	dict set foo {*}{
                	} [return [list $n [linenumber]]] val
                    }} [linenumber]
                }
                set r [list [f]]
                lappend r [apply {{} {
                    foreach x y {*}{
                    } {return [linenumber]}
                }}]
                set l {{} {linenumber}}
                lappend r [apply $l]
                namespace {*}{
                    eval
                    foo
                    {proc bar {} {info frame 0}}
                }
                lappend r [dict get [foo::bar] line] [list {*}{a {b c}} {*}"d e" {*}{f\\ g}]
                """);
        try (TclRunner tcl = new TclRunner()) {
            assertThat(tcl.eval("source " + file)).isEqualTo("{6 5} 11 1 18 {a {b c} d e {f g}}");
        }
    }

    /**
     * Run as the main script (as tclsh runs a file): subst's command substitutions are located in
     * its literal text when Tcl compiles subst (in a proc or eval body), else count from the text's
     * first line; switch's arm bodies given in one literal list are located through that list, with
     * the continuation lines inside them.
     */
    @Test
    void substAndSwitchBodiesAreLocatedAsTclCompilesThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("located.tcl");
        Files.writeString(file, """
                proc l {} {return [dict get [info frame -1] line]}
                proc p {} {
                    set r {}
                    lappend r [subst {[l]}]
                    lappend r [subst {a
                [l]}]
                    lappend r [subst {[
                l]}]
                    set e {}
                    lappend r [subst {$e
                [l] [l]}]
                    lappend r [subst {\\
                [l]}]
                    lappend r [subst -novariables {[l]}]
                    set s {[l]}
                    lappend r [subst $s]
                }
                puts [p]
                puts [subst {[l]}]
                puts [subst {
                [l]}]
                eval {
                  puts [subst {x
                [l]}]
                }
                set x foo
                switch -exact -- $x {
                    foo {
                	proc ::bar {} {info frame 0}
                	puts "top [l]"
                    }
                }
                puts [dict get [bar] line]
                proc a {value} {
                    switch -regexp -- $value {
                	^key     { list \\
                		       [l] }
                	\\t       { list \\
                		       [l] }
                	{[0-9]*} { list \\
                		       [l] }
                    }
                }
                puts "[a key] [a 1alpha]"
                proc b {value} {
                    switch -exact -- $value \\
                	key { list [l] } \\
                	xxx { list [l] }
                }
                puts [b key]
                set arms {
                    k { list [l] }
                }
                puts [switch k $arms]
                proc c {} {
                    set arms {
                	k { list [l] }
                    }
                    switch k $arms
                }
                puts [c]
                switch -regexp -- {key    } { \\

                	^key     { puts [list direct \\
                		       [l]] }
                	\\t###    { }
                        {[0-9]*} { }
                    }
                eval {
                    switch k {
                	k { puts "ev [l]" }
                    }
                }
                set s {
                    switch k {
                	k { puts "ev2 [l]" }
                    }
                }
                eval $s
                """);
        try (TclRunner tcl = new TclRunner()) {
            tcl.interp.evalFile(file);
            assertThat(tcl.stdout()).isEqualTo("""
                4 {a
                6} 8 {
                11 11} { 13} 14 1
                1

                2
                x
                24
                top 30
                29
                37 41
                47
                1
                1
                direct 65
                ev 71
                ev2 3
                    """);
        }
    }

    /**
     * Which literal words a script is found among (Tcl's TclArgumentGet): those of commands run
     * directly (the main script) and the words of the command evaluating it (eval, namespace eval,
     * catch), but those of compiled code only after interp debug -frame 1, and uplevel finds only
     * those; interp eval passes its invoker on to the child, and a script found nowhere counts as
     * on interp eval's own line.
     */
    @Test
    void scriptsAreFoundAmongTheLiteralWordsTclKeeps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lit.tcl");
        Files.writeString(file, """
                proc abra {script} { uplevel 1 $script }
                proc reduce {frame} { dict unset frame file; return $frame }
                proc t {} {
                    uplevel 1 {
                	info frame 0
                    }
                }
                puts [t]
                proc t2 {} {
                    eval {
                	info frame 0
                    }
                }
                puts [t2]
                proc t3 {} {
                    namespace eval ::x {
                	info frame 0
                    }
                }
                puts [t3]
                proc t4 {} {
                    uplevel #0 {
                	info frame 0
                    }
                }
                puts [t4]
                puts [uplevel #0 {
                	info frame 0
                    }]
                proc t5 {} {
                    catch {
                	info frame 0
                    } r
                    set r
                }
                puts [t5]
                proc t {} {
                    abra {
                	info frame 0
                    }
                }
                puts [t]
                puts [abra {
                	info frame 0
                }]
                eval {
                  puts [abra {
                	info frame 0
                  }]
                }
                interp debug {} -frame 1
                proc t6 {} {
                    abra {
                	info frame 0
                    }
                }
                puts [t6]
                interp create sub
                interp alias sub reduce {} reduce
                puts [interp eval sub {
                	proc etrace {} {
                	    set res {}
                	    set level [info frame]
                	    while {$level} {
                		lappend res [list $level [reduce [info frame $level]]]
                		incr level -1
                	    }
                	    return $res
                	}
                	join [lrange [uplevel \\#0 {
                	    set y DL.
                	    etrace
                	}] 0 2] \\n
                    }]
                puts [sub eval {info frame 0}]
                puts [sub eval "info frame 0"]
                set s {info frame 0}
                puts [sub eval $s]
                proc p {} {
                  sub eval {
                    list [info frame 0] \\
                      [info frame 0]
                  }
                }
                puts [p]
                """);
        try (TclRunner tcl = new TclRunner()) {
            tcl.interp.evalFile(file);
            assertThat(tcl.stdout()).isEqualTo("""
                type eval line 2 cmd {info frame 0} proc ::t
                type source line 11 file /tmp/ifp/lit.tcl cmd {info frame 0} proc ::t2 level 0
                type source line 17 file /tmp/ifp/lit.tcl cmd {info frame 0} level 0
                type eval line 2 cmd {info frame 0} proc ::t4
                type source line 28 file /tmp/ifp/lit.tcl cmd {info frame 0} level 0
                type source line 32 file /tmp/ifp/lit.tcl cmd {info frame 0} proc ::t5 level 0
                type eval line 2 cmd {info frame 0} proc ::abra
                type source line 44 file /tmp/ifp/lit.tcl cmd {info frame 0} proc ::abra
                type eval line 2 cmd {info frame 0} proc ::abra
                type source line 54 file /tmp/ifp/lit.tcl cmd {info frame 0} proc ::abra
                3 {type source line 65 cmd {info frame $level} proc ::etrace level 0}
                2 {type eval line 3 cmd etrace level 1}
                1 {type source line 70 cmd {uplevel \\#0 {
                	    set y DL.
                	    etrace
                	}} level 1}
                type source line 75 file /tmp/ifp/lit.tcl cmd {info frame 0} level 0
                type source line 76 file /tmp/ifp/lit.tcl cmd {info frame 0} level 0
                type source line 78 file /tmp/ifp/lit.tcl cmd {info frame 0} level 0
                {type source line 81 file /tmp/ifp/lit.tcl cmd {info frame 0} level 0} {type source line 82 file /tmp/ifp/lit.tcl cmd {info frame 0} level 0}
                    """.replace("/tmp/ifp/lit.tcl", file.toString()));
        }
    }

    /**
     * TclOO method bodies: info frame names the method and its class or object, a method defined
     * in a file is located at the line of its defining command's fourth word (constructors are
     * not); getbytecode adds initiallinenumber and sourcefile for bodies so located.
     */
    @Test
    void methodsAndBytecodeDescriptionsKnowWhereTheirBodiesWereWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("oo3.tcl");
        Files.writeString(file, """
                oo::class create foo {
                    method bar {} {
                	info frame 0
                    }
                    constructor {} {
                	set ::c [info frame 0]
                    }
                }
                puts [[foo new] bar]
                puts $::c
                oo::object create o
                oo::objdefine o {method m {} {info frame 0}}
                puts [o m]
                proc p {} {}
                puts [dict get [tcl::unsupported::getbytecode proc p] initiallinenumber]
                puts [dict get [tcl::unsupported::getbytecode method foo bar] initiallinenumber]
                puts [dict get [tcl::unsupported::getbytecode objmethod o m] initiallinenumber]
                puts [dict get [tcl::unsupported::getbytecode lambda {{} {
                  set x 1}}] initiallinenumber]
                puts [dict exists [tcl::unsupported::getbytecode script {set x 1}] initiallinenumber]
                oo::class create foo3 {
                    method bar {} {
                	info frame 0
                    }
                }
                oo::define foo3 method baz {} {info frame 0}
                set b {info frame 0}
                oo::define foo3 method q {} $b
                set l {{} {}}
                foreach x [list [foo3 new] bar [foo3 new] baz [foo3 new] q] {}
                set f [foo3 new]
                puts [$f bar]
                puts [$f baz]
                puts [$f q]
                rename foo3 foo4
                puts [$f bar]
                puts [dict exists [tcl::unsupported::getbytecode lambda $l] sourcefile]
                puts [dict exists [tcl::unsupported::getbytecode method foo4 q] sourcefile]
                eval [list proc chew {} {}]
                puts [dict exists [tcl::unsupported::getbytecode proc chew] sourcefile]
                proc Proc {n a b} { tailcall proc $n $a $b }
                Proc chew2 {} {}
                puts [dict get [tcl::unsupported::getbytecode proc chew2] initiallinenumber]
                """);
        try (TclRunner tcl = new TclRunner()) {
            tcl.interp.evalFile(file);
            assertThat(tcl.stdout()).isEqualTo("""
                type source line 3 file /tmp/ifp/oo3.tcl cmd {info frame 0} method bar class ::foo level 0
                type proc line 2 cmd {info frame 0} method <constructor> class ::foo level 0
                type source line 12 file /tmp/ifp/oo3.tcl cmd {info frame 0} method m object ::o level 0
                14
                2
                12
                18
                0
                type source line 23 file /tmp/ifp/oo3.tcl cmd {info frame 0} method bar class ::foo3 level 0
                type source line 26 file /tmp/ifp/oo3.tcl cmd {info frame 0} method baz class ::foo3 level 0
                type source line 28 file /tmp/ifp/oo3.tcl cmd {info frame 0} method q class ::foo3 level 0
                type source line 23 file /tmp/ifp/oo3.tcl cmd {info frame 0} method bar class ::foo4 level 0
                1
                1
                0
                42
                    """.replace("/tmp/ifp/oo3.tcl", file.toString()));
        }
    }

    /** A command substitution in an array index in subst's text is located as the text's other commands. */
    @Test
    void substLocatesCommandsInArrayIndices(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("index.tcl");
        Files.writeString(file, """
                proc p {} {
                    unset -nocomplain a
                    set a(4) YES;  set a(3) 3; set a(5) 5
                    lappend r [subst {$a([dict get [info frame 0] line])}]
                    set a(\\n7) YES;  set a(\\n6) 6; set a(\\n8) 8
                    lappend r [subst {$a(
                [dict get [info frame 0] line])}]
                    lappend r [expr {[dict get [info frame 0] line] +
                        [dict get [info frame 0] line]}]
                }
                puts [p]
                set a(1) x
                puts [subst {$a([dict get [info frame 0] line])}]
                """);
        try (TclRunner tcl = new TclRunner()) {
            tcl.interp.evalFile(file);
            assertThat(tcl.stdout()).isEqualTo("YES YES 16\nx\n");
        }
    }
}
