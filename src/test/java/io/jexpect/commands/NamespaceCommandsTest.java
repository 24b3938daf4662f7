package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Namespaces: eval, procs in namespaces, variable/global/upvar, import/export, path, unknown,
 * ensembles, rename across namespaces, info commands/procs/vars, tcl::mathop and tcl::mathfunc.
 * Expected output recorded from tclsh 8.6.13.
 */
class NamespaceCommandsTest {
    private static final String SCRIPT = """
catch {apply {{} {namespace current} zz}} e; puts $e
namespace eval a {}; puts [apply {{x} {list [namespace current] $x} a} 5]
namespace eval a {proc f {} {}}
catch {namespace eval a {variable x 1; proc g {} {set x 5; variable x; return $x}}; a::g} e; puts $e
catch {variable q::r 1} e; puts $e
catch {namespace upvar zz a b} e; puts $e
catch {namespace inscope zz {}} e; puts $e
catch {namespace children zz} e; puts $e
catch {namespace parent zz} e; puts $e
catch {namespace import zz::*} e; puts $e
namespace eval b {proc f {} {return bf}; namespace export f g*}
catch {namespace eval a {namespace import ::b::f}} e; puts $e
puts [namespace eval b {namespace export}]
namespace eval c {namespace import ::b::*; puts [namespace import]; puts [namespace origin f]; puts [f]}
catch {namespace origin zz} e; puts $e
namespace eval c {namespace forget ::b::f; puts [info commands f]}
catch {namespace path zz} e; puts $e
namespace eval d {variable q}; puts [info vars ::d::*]
catch {namespace ensemble create -command ::e -map {x ::f}} e; puts $e
namespace eval m { namespace export *; proc one {a} {return one$a}; proc two {} {return two}; namespace ensemble create }
puts [m one 1]; catch {m} e; puts $e; catch {m three} e; puts $e; catch {m one} e; puts $e
puts [m o 2]
puts [namespace ensemble exists m]
puts [namespace ensemble configure m]
namespace eval a {puts <[namespace unknown]>}
catch {namespace export a::b} e; puts $e
catch {namespace eval b {namespace import ::b::f}} e; puts $e
catch {namespace ensemble create -command ::m -foo 1} e; puts $e
catch {namespace ensemble configure set} e; puts $e
catch {namespace ensemble configure m -foo} e; puts $e
puts [namespace ensemble configure m -namespace]
namespace eval m {namespace ensemble create -command ::mm -map {a {::list A} b ::m::x} -prefixes 0}
puts [mm a 1]; catch {mm c} e; puts $e
namespace eval single {namespace export y; proc y {} {}; namespace ensemble create}
catch {single z} e; puts $e
proc p {} {set x 1; namespace which -variable x}; puts <[p]>
set ::x 1; puts <[p]>
namespace eval counter {
  variable n 0
  proc incr1 {} { variable n; incr n }
  proc get {} { variable n; return $n }
}
counter::incr1; counter::incr1; puts [counter::get]; puts $counter::n
proc outer {} { set v 10; catch {namespace eval ::counter { upvar 1 v w; set w 20 }} e; return $e }
puts [outer]
namespace eval pp { proc helper {} {return helped} }
namespace eval qq { namespace path ::pp; puts [helper]; puts [namespace path] }
namespace eval u { namespace unknown {apply {{args} {return "unk:$args"}}} ; puts [nosuch 1 2] }
puts [namespace which -command counter::get]
puts [namespace eval counter {namespace which get}]
namespace eval v { namespace upvar ::counter n m; puts $m }
proc ::counter::args2 {a {b 2} args} {return "$a $b $args"}
puts <[counter::args2 1]>
catch {counter::args2} e; puts $e
namespace eval w { global x; puts $x; proc gx {} {global x; return $x}; puts [gx] }
namespace eval t {namespace eval inner {proc who {} {return [namespace current]-[namespace parent]}}}
puts [t::inner::who]
puts [namespace qualifiers ::a::b::c]|[namespace tail ::]|[namespace qualifiers ::x]
namespace delete t; puts [namespace exists t]; catch {t::inner::who} e; puts $e
set cmd [namespace eval counter {namespace code {set n}}]; puts [eval $cmd]
puts [lsort [info procs ::counter::*]]
puts [lsort [info commands ::counter::*]]
puts [lsort [info vars ::counter::*]]
foreach t {{+ 0x10} {* 0x10} {+} {*} {- 5} {- 5 1 1} {/ 2} {/ 8 2 2} {** 2 3 2} {** 3} {** 0x10} {< 1 2 3} {< 3 2} {== 1 1.0} {eq a a} {ne a b} {in a {a b}} {! 0} {~ 5} {% 7 3} {<< 1 4} {& 12 10} {| 1 2} {^ 3 1} {+ a 1} {/ 1 0} {- a} {! a}} {
  set op [lindex $t 0]
  catch {tcl::mathop::$op {*}[lrange $t 1 end]} r; puts "$t -> $r"
}
puts [tcl::mathfunc::sqrt 16]; puts [tcl::mathfunc::max 1 5 3]
catch {tcl::mathfunc::sin} e; puts $e
namespace import ::tcl::mathop::*
puts [+ 1 2]
catch {** a} e; puts $e
namespace eval r {proc f {} {namespace current}}
rename r::f s::g; puts [s::g]|[namespace exists s]
catch {proc nosuch::f {} {}} e; puts $e
catch {rename nosuch zz} e; puts $e
catch {rename s::g set} e; puts $e
namespace eval ens {namespace export *; proc a {x y} {list $x $y}; namespace ensemble create -parameters p}
puts [ens P a 1]; catch {ens P a 1 2} e; puts $e; catch {ens P a} e; puts $e; catch {ens} e; puts $e
puts [info vars ::counter::n*]
namespace eval lv {variable a 1; variable b}; puts [lsort [info vars ::lv::*]]|[info exists lv::b]
namespace eval lv {puts [lsort [info vars {[ab]}]]}
""";

    private static final String TCLSH_OUTPUT = """
namespace "::zz" not found
::a 5
variable "x" already exists
can't define "q::r": parent namespace doesn't exist
namespace "zz" not found in "::"
namespace "zz" not found in "::"
namespace "zz" not found in "::"
namespace "zz" not found in "::"
unknown namespace in import pattern "zz::*"
can't import command "f": already exists
f g*
f
::b::f
bf
invalid command name "zz"

namespace "zz" not found in "::"
::d::q
::e
one1
wrong # args: should be "m subcommand ?arg ...?"
unknown or ambiguous subcommand "three": must be one, or two
wrong # args: should be "m one a"
one2
1
-map {} -namespace ::m -parameters {} -prefixes 1 -subcommands {} -unknown {}
<>
invalid export pattern "a::b": pattern can't specify a namespace
import pattern "::b::f" tries to import from namespace "b" into itself
bad option "-foo": must be -command, -map, -parameters, -prefixes, -subcommands, or -unknown
"set" is not an ensemble command
bad option "-foo": must be -map, -namespace, -parameters, -prefixes, -subcommands, or -unknown
::m
A 1
unknown subcommand "c": must be a, or b
unknown or ambiguous subcommand "z": must be y
<>
<::x>
2
2
bad variable name "w": can't create namespace variable that refers to procedure variable
helped
::pp
unk:nosuch 1 2
::counter::get
::counter::get
2
<1 2 >
wrong # args: should be "counter::args2 a ?b? ?arg ...?"
1
1
::t::inner-::t
::a::b||
0
invalid command name "t::inner::who"
2
::counter::args2 ::counter::get ::counter::incr1
::counter::args2 ::counter::get ::counter::incr1
::counter::n
+ 0x10 -> 16
* 0x10 -> 16
+ -> 0
* -> 1
- 5 -> -5
- 5 1 1 -> 3
/ 2 -> 0.5
/ 8 2 2 -> 2
** 2 3 2 -> 512
** 3 -> 3
** 0x10 -> 0x10
< 1 2 3 -> 1
< 3 2 -> 0
== 1 1.0 -> 1
eq a a -> 1
ne a b -> 1
in a {a b} -> 1
! 0 -> 1
~ 5 -> -6
% 7 3 -> 1
<< 1 4 -> 16
& 12 10 -> 8
| 1 2 -> 3
^ 3 1 -> 2
+ a 1 -> can't use non-numeric string as operand of "+"
/ 1 0 -> divide by zero
- a -> can't use non-numeric string as operand of "-"
! a -> can't use non-numeric string as operand of "!"
4.0
5
not enough arguments for math function "sin"
3
can't use non-numeric string as operand of "**"
::s|1
can't create procedure "nosuch::f": unknown namespace
can't rename "nosuch": command doesn't exist
can't rename to "set": command already exists
P 1
wrong # args: should be "ens P a y"
wrong # args: should be "ens P a y"
wrong # args: should be "ens p subcommand ?arg ...?"
::counter::n
::lv::a ::lv::b|0
a b
""";

    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run(SCRIPT)).isEqualTo(TCLSH_OUTPUT);
    }

    /** A namespace deleted while code runs in it dies (unfindable) and is torn down when that code ends. */
    @Test
    void namespaceDeletedWhileRunningDiesAfter() throws Exception {
        assertThat(CoreScript.run("""
namespace eval test_ns_var {
    variable result
    namespace eval subns { variable foo 2 }
    upvar 0 subns::foo foo
    lappend result [catch {set foo} msg] $msg
    namespace delete subns
    lappend result [catch {set foo 3} msg] $msg
    lappend result [catch {set foo(3) 3} msg] $msg
    namespace delete [namespace current]
    set result
}
puts [namespace exists test_ns_var]
namespace eval a {
    variable v 1
    proc p {} {return p}
    trace add variable v unset {apply {args {puts "unset $args"}}}
    namespace delete ::a
    puts [namespace exists ::a]|[namespace current]|$v|[p]|[info commands p]
    namespace eval ::a { variable w 2 }
    puts [namespace exists ::a]|[info vars ::a::*]
}
puts [namespace exists ::a]|[info vars ::a::*]
proc ::a::q {} {namespace delete ::a; return [namespace current]|[namespace exists ::a]}
puts [::a::q]|[namespace exists ::a]
""")).isEqualTo("""
0
0|::a|1|p|p
1|::a::w
unset ::a::v {} unset
1|::a::w
::a|0|0
""");
    }

    /** A namespace's commands and children list in the order of Tcl's hash tables, as arrays do. */
    @Test
    void commandsAndChildrenInTclHashOrder() throws Exception {
        assertThat(CoreScript.run("""
namespace eval test_ns_basic { namespace export p; proc p {} {return 42} }
namespace eval test_ns_basic2 { namespace import ::test_ns_basic::*; proc callP {} { p } }
puts [info commands test_ns_basic2::*]
namespace eval n { foreach c {alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu} { proc $c {} {} } }
puts [info commands n::*]
puts [info procs n::*]
namespace eval m { foreach c {a b c d e f g h i j k l m n o} { namespace eval $c {} } }
puts [namespace children m]
rename n::beta {}
puts [info commands n::*]
array set a {x 1 y 2 zz 3 q 4}
puts [array names a]
""")).isEqualTo("""
::test_ns_basic2::callP ::test_ns_basic2::p
::n::delta ::n::gamma ::n::zeta ::n::iota ::n::kappa ::n::alpha ::n::theta ::n::lambda ::n::epsilon ::n::eta ::n::mu ::n::beta
::n::delta ::n::gamma ::n::zeta ::n::iota ::n::kappa ::n::alpha ::n::theta ::n::lambda ::n::epsilon ::n::eta ::n::mu ::n::beta
::m::a ::m::b ::m::c ::m::d ::m::e ::m::f ::m::g ::m::h ::m::i ::m::j ::m::k ::m::l ::m::m ::m::n ::m::o
::n::delta ::n::gamma ::n::zeta ::n::iota ::n::kappa ::n::alpha ::n::theta ::n::lambda ::n::epsilon ::n::eta ::n::mu
zz x q y
""");
    }
}
