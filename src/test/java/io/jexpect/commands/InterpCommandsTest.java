package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/** Expected values recorded from tclsh 8.6.13. */
class InterpCommandsTest {
    TclRunner tcl = new TclRunner();

    @Test
    void childInterpretersHaveTheirOwnState() throws Exception {
        assertThat(tcl.eval("interp create")).isEqualTo("interp0");
        assertThat(tcl.eval("interp create a")).isEqualTo("a");
        assertThat(tcl.eval("interp eval a {set x 1}; a eval {set x}")).isEqualTo("1");
        assertThat(tcl.eval("info exists x")).isEqualTo("0");
        assertThat(tcl.eval("list [interp exists a] [interp exists b] [interp slaves]")).isEqualTo("1 0 {a interp0}");
        assertThat(tcl.eval("interp eval a {proc p {} {return [info level]}; p}")).isEqualTo("1");
        assertThat(tcl.eval("catch {interp eval a {return -code break}}")).isEqualTo("3");
        assertThat(tcl.eval("list [catch {interp eval a break}] [catch {a eval continue}] [catch {a eval {return -code 7}}]"))
                .isEqualTo("3 4 7");
        assertThat(tcl.eval("interp create c1; c1 eval {interp create c2}; interp eval {c1 c2} {set q 7}")).isEqualTo("7");
        assertThat(tcl.eval("list [interp exists {c1 c2}] [interp slaves c1]")).isEqualTo("1 c2");
        assertThat(tcl.eval("interp delete a; interp exists a")).isEqualTo("0");
        assertThat(tcl.eval("rename c1 {}; interp exists c1")).isEqualTo("0");
    }

    @Test
    void cancelEndsTheRunningEvaluation() throws Exception {
        tcl.eval("interp create c; interp alias c stop {} interp cancel c; interp alias c stopu {} interp cancel -unwind c");
        assertThat(tcl.eval("""
                list [catch {c eval {set n 0; while 1 {incr n; if {$n == 5} stop}}} r o] $r [dict get $o -errorcode] \
                    $::errorInfo [c eval {set n}]""")).isEqualTo("""
                1 {eval canceled} {TCL CANCEL ICANCEL {eval canceled}} {eval canceled
                    while executing
                "stop"
                    invoked from within
                "c eval {set n 0; while 1 {incr n; if {$n == 5} stop}}"} 5""");
        // catch stops a cancellation, not an unwinding; neither does try, whose finally does not run.
        assertThat(tcl.eval("list [catch {c eval {catch {stop; incr n} rr; set rr}} r] $r [c eval {set n}]"))
                .isEqualTo("0 {eval canceled} 5");
        assertThat(tcl.eval("""
                list [catch {c eval {catch {stopu; incr n} rr; set rr}} r o] $r [dict get $o -errorcode] \
                    [catch {c eval {try {stopu} on error {m} {set m caught} finally {set fin 1}}} r] $r \
                    [c eval {info exists fin}] [c eval {set n}]"""))
                .isEqualTo("1 {eval unwound} {TCL CANCEL IUNWIND {eval unwound}} 1 {eval unwound} 0 5");
        // A result of its own; the current interpreter; an idle one fails its next evaluation.
        assertThat(tcl.eval("interp alias c stopm {} interp cancel c {custom msg}; list [catch {c eval {stopm; set n}} r] $r"))
                .isEqualTo("1 {custom msg}");
        assertThat(tcl.eval("list [catch {interp cancel; set y 1} r] $r [info exists y] [catch {while 1 {interp cancel}} r] $r"))
                .isEqualTo("1 {eval canceled} 0 1 {eval canceled}");
        assertThat(tcl.eval("interp cancel c; list [catch {c eval {set x 1}} r] $r [catch {c eval {set x 2}} r] $r"))
                .isEqualTo("1 {eval canceled} 0 2");
        assertThat(tcl.error("interp cancel nosuch")).startsWith("could not find interpreter \"nosuch\"");
        assertThat(tcl.error("interp cancel c a b")).startsWith("wrong # args: should be \"interp cancel ?-unwind? ?--? ?path? ?result?\"");
        assertThat(tcl.error("interp cancel -foo")).startsWith("bad option \"-foo\": must be -unwind or --");
    }

    @Test
    void errorsCrossIntoTheParent() throws Exception {
        tcl.eval("interp create a");
        assertThat(tcl.error("interp eval a {error boom}")).isEqualTo("boom | NONE");
        assertThat(tcl.eval("catch {interp eval a {error boom}} m o; dict get $o -errorinfo"))
                .isEqualTo("boom\n    while executing\n\"error boom\"\n    invoked from within\n\"interp eval a {error boom}\"");
        assertThat(tcl.error("interp eval b {set x}")).isEqualTo("could not find interpreter \"b\" | TCL LOOKUP INTERP b");
        assertThat(tcl.error("interp create a")).isEqualTo("interpreter named \"a\" already exists, cannot create | NONE");
        assertThat(tcl.error("interp create {x y}")).isEqualTo("could not find interpreter \"x\" | TCL LOOKUP INTERP x");
        assertThat(tcl.error("interp foo")).isEqualTo("bad option \"foo\": must be alias, aliases, bgerror, cancel, children, create, "
                + "debug, delete, eval, exists, expose, hide, hidden, issafe, invokehidden, limit, marktrusted, recursionlimit, "
                + "slaves, share, target, or transfer | TCL LOOKUP INDEX option foo");
        assertThat(tcl.error("a foo")).isEqualTo("bad option \"foo\": must be alias, aliases, bgerror, debug, eval, expose, hide, "
                + "hidden, issafe, invokehidden, limit, marktrusted, or recursionlimit | TCL LOOKUP INDEX option foo");
    }

    @Test
    void aliases() throws Exception {
        tcl.eval("interp create a");
        assertThat(tcl.eval("interp alias a foo {} list 1")).isEqualTo("foo");
        assertThat(tcl.eval("list [interp alias a foo] [interp aliases a] [a eval foo 2] [interp target a foo]"))
                .isEqualTo("{list 1} foo {1 2} {}");
        assertThat(tcl.eval("interp alias {} lst {} list x; lst y")).isEqualTo("x y");
        assertThat(tcl.eval("interp alias {} ll {} lappend; set l {}; ll l 1; ll l 2")).isEqualTo("1 2");
        assertThat(tcl.eval("interp alias {} lst {}; interp aliases")).isEqualTo("ll");
        assertThat(tcl.error("interp alias {} bad {} nosuch; bad")).isEqualTo("invalid command name \"nosuch\" | TCL LOOKUP COMMAND nosuch");
        assertThat(tcl.error("interp alias a nosuch {}")).isEqualTo("alias \"nosuch\" not found | TCL LOOKUP ALIAS nosuch");
        assertThat(tcl.error("interp target a nosuch")).isEqualTo("alias \"nosuch\" in path \"a\" not found | TCL LOOKUP ALIAS nosuch");
        assertThat(tcl.eval("a alias hello list hi; a eval hello")).isEqualTo("hi");
    }

    @Test
    void safeInterpretersHideCommands() throws Exception {
        assertThat(tcl.eval("interp create -safe s")).isEqualTo("s");
        assertThat(tcl.eval("list [interp issafe s] [interp issafe] [interp eval s {info commands exec}]")).isEqualTo("1 0 {}");
        assertThat(tcl.error("interp eval s {open /etc/passwd}")).isEqualTo("invalid command name \"open\" | TCL LOOKUP COMMAND open");
        tcl.eval("interp hide s set");
        assertThat(tcl.error("interp eval s {set a 2}")).isEqualTo("invalid command name \"set\" | TCL LOOKUP COMMAND set");
        assertThat(tcl.eval("interp invokehidden s set a 3")).isEqualTo("3");
        assertThat(tcl.eval("interp expose s set; interp eval s {set a}")).isEqualTo("3");
        assertThat(tcl.error("interp expose s nosuch")).isEqualTo("unknown hidden command \"nosuch\" | TCL LOOKUP HIDDENTOKEN nosuch");
        assertThat(tcl.eval("interp recursionlimit s 500")).isEqualTo("500");
        assertThat(tcl.error("interp recursionlimit s 0")).isEqualTo("recursion limit must be > 0 | TCL OPERATION INTERP BADLIMIT");
    }

    /** interp debug -frame: a one-way switch, as in Tcl; usage errors name the path or the child. */
    @Test
    void debugFrame() throws Exception {
        tcl.eval("interp create s");
        assertThat(tcl.eval("list [interp debug {}] [interp debug {} -frame] [interp debug {} -frame 1] [interp debug {}]"))
                .isEqualTo("{-frame 0} 0 1 {-frame 1}");
        assertThat(tcl.eval("list [interp debug {} -fr 0] [interp debug {}] [s debug -frame yes] [s debug]"))
                .isEqualTo("1 {-frame 1} 1 {-frame 1}");
        assertThat(tcl.error("interp debug {} -foo")).isEqualTo("bad debug option \"-foo\": must be -frame | TCL LOOKUP INDEX {debug option} -foo");
        assertThat(tcl.error("interp debug {} -frame x")).startsWith("expected boolean value but got \"x\"");
        assertThat(tcl.error("interp debug s -frame 1 2")).startsWith("wrong # args: should be \"interp debug path ?-frame ?bool??\"");
        assertThat(tcl.error("s debug -frame 1 2")).startsWith("wrong # args: should be \"s debug ?-frame ?bool??\"");
        assertThat(tcl.error("interp recursionlimit s 1 2")).startsWith("wrong # args: should be \"interp recursionlimit path ?newlimit?\"");
        assertThat(tcl.error("interp bgerror s 1 2")).startsWith("wrong # args: should be \"interp bgerror path ?cmdPrefix?\"");
    }

    /**
     * interp's subcommands check their argument count before they look the path up, and a
     * child's own command takes no extra words after issafe, hidden, aliases or marktrusted.
     */
    @Test
    void usageErrorsComeBeforeThePathIsLookedUp() throws Exception {
        assertThat(tcl.run("""
proc t {s} { if {[catch {uplevel 1 $s} r o]} { puts "$s => $r | [dict get $o -errorcode]" } else { puts "$s => <$r>" } }
foreach sub {issafe hidden aliases marktrusted bgerror debug recursionlimit expose hide invokehidden limit share cancel} {
    foreach args {{} {s 1} {s 1 2 3} {nosuch 1 2 3}} {
        if {$sub eq "cancel" && $args eq ""} continue
        catch {interp delete s}; interp create s
        t "interp $sub $args"
    }
    if {$sub ni {share cancel}} { t "s $sub 1 2 3" }
}
t {interp invokehidden s -foo x}
""")).isEqualTo("""
interp issafe  => <0>
interp issafe s 1 => wrong # args: should be "interp issafe ?path?" | TCL WRONGARGS
interp issafe s 1 2 3 => wrong # args: should be "interp issafe ?path?" | TCL WRONGARGS
interp issafe nosuch 1 2 3 => wrong # args: should be "interp issafe ?path?" | TCL WRONGARGS
s issafe 1 2 3 => wrong # args: should be "s issafe" | TCL WRONGARGS
interp hidden  => <>
interp hidden s 1 => wrong # args: should be "interp hidden ?path?" | TCL WRONGARGS
interp hidden s 1 2 3 => wrong # args: should be "interp hidden ?path?" | TCL WRONGARGS
interp hidden nosuch 1 2 3 => wrong # args: should be "interp hidden ?path?" | TCL WRONGARGS
s hidden 1 2 3 => wrong # args: should be "s hidden" | TCL WRONGARGS
interp aliases  => <>
interp aliases s 1 => wrong # args: should be "interp aliases ?path?" | TCL WRONGARGS
interp aliases s 1 2 3 => wrong # args: should be "interp aliases ?path?" | TCL WRONGARGS
interp aliases nosuch 1 2 3 => wrong # args: should be "interp aliases ?path?" | TCL WRONGARGS
s aliases 1 2 3 => wrong # args: should be "s aliases" | TCL WRONGARGS
interp marktrusted  => wrong # args: should be "interp marktrusted path" | TCL WRONGARGS
interp marktrusted s 1 => wrong # args: should be "interp marktrusted path" | TCL WRONGARGS
interp marktrusted s 1 2 3 => wrong # args: should be "interp marktrusted path" | TCL WRONGARGS
interp marktrusted nosuch 1 2 3 => wrong # args: should be "interp marktrusted path" | TCL WRONGARGS
s marktrusted 1 2 3 => wrong # args: should be "s marktrusted" | TCL WRONGARGS
interp bgerror  => wrong # args: should be "interp bgerror path ?cmdPrefix?" | TCL WRONGARGS
interp bgerror s 1 => <1>
interp bgerror s 1 2 3 => wrong # args: should be "interp bgerror path ?cmdPrefix?" | TCL WRONGARGS
interp bgerror nosuch 1 2 3 => wrong # args: should be "interp bgerror path ?cmdPrefix?" | TCL WRONGARGS
s bgerror 1 2 3 => wrong # args: should be "s bgerror ?cmdPrefix?" | TCL WRONGARGS
interp debug  => wrong # args: should be "interp debug path ?-frame ?bool??" | TCL WRONGARGS
interp debug s 1 => bad debug option "1": must be -frame | TCL LOOKUP INDEX {debug option} 1
interp debug s 1 2 3 => wrong # args: should be "interp debug path ?-frame ?bool??" | TCL WRONGARGS
interp debug nosuch 1 2 3 => wrong # args: should be "interp debug path ?-frame ?bool??" | TCL WRONGARGS
s debug 1 2 3 => wrong # args: should be "s debug ?-frame ?bool??" | TCL WRONGARGS
interp recursionlimit  => wrong # args: should be "interp recursionlimit path ?newlimit?" | TCL WRONGARGS
interp recursionlimit s 1 => <1>
interp recursionlimit s 1 2 3 => wrong # args: should be "interp recursionlimit path ?newlimit?" | TCL WRONGARGS
interp recursionlimit nosuch 1 2 3 => wrong # args: should be "interp recursionlimit path ?newlimit?" | TCL WRONGARGS
s recursionlimit 1 2 3 => wrong # args: should be "s recursionlimit ?newlimit?" | TCL WRONGARGS
interp expose  => wrong # args: should be "interp expose path hiddenCmdName ?cmdName?" | TCL WRONGARGS
interp expose s 1 => unknown hidden command "1" | TCL LOOKUP HIDDENTOKEN 1
interp expose s 1 2 3 => wrong # args: should be "interp expose path hiddenCmdName ?cmdName?" | TCL WRONGARGS
interp expose nosuch 1 2 3 => wrong # args: should be "interp expose path hiddenCmdName ?cmdName?" | TCL WRONGARGS
s expose 1 2 3 => wrong # args: should be "s expose hiddenCmdName ?cmdName?" | TCL WRONGARGS
interp hide  => wrong # args: should be "interp hide path cmdName ?hiddenCmdName?" | TCL WRONGARGS
interp hide s 1 => unknown command "1" | TCL LOOKUP COMMAND 1
interp hide s 1 2 3 => wrong # args: should be "interp hide path cmdName ?hiddenCmdName?" | TCL WRONGARGS
interp hide nosuch 1 2 3 => wrong # args: should be "interp hide path cmdName ?hiddenCmdName?" | TCL WRONGARGS
s hide 1 2 3 => wrong # args: should be "s hide cmdName ?hiddenCmdName?" | TCL WRONGARGS
interp invokehidden  => wrong # args: should be "interp invokehidden path ?-namespace ns? ?-global? ?--? cmd ?arg ..?" | TCL WRONGARGS
interp invokehidden s 1 => invalid hidden command name "1" | TCL LOOKUP HIDDENTOKEN 1
interp invokehidden s 1 2 3 => invalid hidden command name "1" | TCL LOOKUP HIDDENTOKEN 1
interp invokehidden nosuch 1 2 3 => could not find interpreter "nosuch" | TCL LOOKUP INTERP nosuch
s invokehidden 1 2 3 => invalid hidden command name "1" | TCL LOOKUP HIDDENTOKEN 1
interp limit  => wrong # args: should be "interp limit path limitType ?-option value ...?" | TCL WRONGARGS
interp limit s 1 => bad limit type "1": must be commands or time | TCL LOOKUP INDEX {limit type} 1
interp limit s 1 2 3 => bad limit type "1": must be commands or time | TCL LOOKUP INDEX {limit type} 1
interp limit nosuch 1 2 3 => could not find interpreter "nosuch" | TCL LOOKUP INTERP nosuch
s limit 1 2 3 => bad limit type "1": must be commands or time | TCL LOOKUP INDEX {limit type} 1
interp share  => wrong # args: should be "interp share srcPath channelId destPath" | TCL WRONGARGS
interp share s 1 => wrong # args: should be "interp share srcPath channelId destPath" | TCL WRONGARGS
interp share s 1 2 3 => wrong # args: should be "interp share srcPath channelId destPath" | TCL WRONGARGS
interp share nosuch 1 2 3 => wrong # args: should be "interp share srcPath channelId destPath" | TCL WRONGARGS
interp cancel s 1 => <>
interp cancel s 1 2 3 => wrong # args: should be "interp cancel ?-unwind? ?--? ?path? ?result?" | TCL WRONGARGS
interp cancel nosuch 1 2 3 => wrong # args: should be "interp cancel ?-unwind? ?--? ?path? ?result?" | TCL WRONGARGS
interp invokehidden s -foo x => bad option "-foo": must be -global, -namespace, or -- | TCL LOOKUP INDEX option -foo
""");
    }
}
