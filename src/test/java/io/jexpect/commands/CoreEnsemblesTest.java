package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * string, dict, info … are namespace ensembles over ::tcl::NAME::SUB commands, as in Tcl 8.6:
 * callable directly, with their own usage errors, and extensible through namespace ensemble
 * configure (as tcllib's dicttool extends dict). Expected output from tclsh 8.6.13.
 */
class CoreEnsemblesTest {
    @Test
    void matchesTclsh() throws Exception {
        assertThat(CoreScript.run("""
puts [tcl::string::reverse abc]|[::tcl::dict::get {a 1} a]|[tcl::dict::map {k v} {a 1 b 2} {incr v}]
set d {a 1}; tcl::dict::lappend d a 2; tcl::dict::incr d b; puts $d
foreach c {{tcl::dict::lappend} {::tcl::dict::for} {tcl::string::is} {dict lap} {tcl::info::level 1 2} {string rev} {::tcl::namespace::current x}} {
    catch $c m; puts $m
}
foreach c {string dict info namespace array chan file binary clock encoding zlib} {puts "$c [namespace ensemble exists $c]"}
puts [namespace ensemble configure dict -namespace]
puts [dict get [namespace ensemble configure string -map] reverse]
proc ::tcl::dict::getnull {dictionary args} {
    if {[exists $dictionary {*}$args]} {get $dictionary {*}$args}
}
namespace ensemble configure dict -map [dict replace [namespace ensemble configure dict -map] getnull ::tcl::dict::getnull]
puts <[dict getnull {a 1} b]>[dict getnull {a 1} a]|[dict get {a {b 2}} a b]
catch {dict lap} m; puts $m
catch {dict bogus} m; puts $m
namespace eval e {proc foobar {a} {}; namespace export foobar; namespace ensemble create}
catch {e foo} m; puts $m
rename ::tcl::string::length {}
catch {string length abc} m; puts $m
""")).isEqualTo("""
cba|1|a 2 b 3
a {1 2} b 1
wrong # args: should be "tcl::dict::lappend dictVarName key ?value ...?"
wrong # args: should be "::tcl::dict::for {keyVarName valueVarName} dictionary script"
wrong # args: should be "tcl::string::is class ?-strict? ?-failindex var? str"
wrong # args: should be "dict lappend dictVarName key ?value ...?"
wrong # args: should be "tcl::info::level ?number?"
wrong # args: should be "string reverse string"
wrong # args: should be "::tcl::namespace::current"
string 1
dict 1
info 1
namespace 1
array 1
chan 1
file 1
binary 1
clock 1
encoding 1
zlib 0
::tcl::dict
::tcl::string::reverse
<>1|2
wrong # args: should be "dict lappend dictVarName key ?value ...?"
unknown or ambiguous subcommand "bogus": must be append, create, exists, filter, for, get, getnull, incr, info, keys, lappend, map, merge, remove, replace, set, size, unset, update, values, or with
wrong # args: should be "e foobar a"
invalid command name "::tcl::string::length"
""");
    }

    /**
     * The ensembles Tcl names by their namespace (binary's nested encode and decode, tcl::prefix,
     * TclOO's InfoObject and InfoClass), and usage errors of a core ensemble reached through an
     * alias or another ensemble. Expected output from tclsh 8.6.13.
     */
    @Test
    void namespaceNamedEnsemblesMatchTclsh() throws Exception {
        assertThat(CoreScript.run("""
foreach e {::tcl::binary::encode ::tcl::binary::decode ::tcl::prefix ::oo::InfoObject} {
    puts "$e [namespace ensemble exists $e] [namespace ensemble configure $e -namespace] [namespace ensemble configure $e -prefixes]"
}
puts [dict keys [namespace ensemble configure ::oo::InfoClass -map]]
puts [::tcl::binary::encode::hex abc]|[::tcl::binary::decode hex 616263]|[::tcl::prefix::longest {aa ab b} a]|[::oo::InfoClass::superclasses ::oo::class]
foreach c {{::tcl::binary::encode::hex} {::tcl::binary::encode he abc} {::tcl::binary::decode::base64 -strict a b}
        {::tcl::prefix::all {aa ab b}} {::oo::InfoObject::isa mixin x} {::oo::InfoClass::methods ::oo::class -foo}
        {interp alias {} s2 {} string length; s2} {namespace ensemble create -command ens -map {e ::tcl::binary::encode}; ens e hex}} {
    catch $c m; puts $m
}
rename ::tcl::binary::encode::hex {}
catch {binary encode hex abc} m; puts $m
puts [binary decode hex 41]
""")).isEqualTo("""
::tcl::binary::encode 1 ::tcl::binary 0
::tcl::binary::decode 1 ::tcl::binary 0
::tcl::prefix 1 ::tcl::prefix 1
::oo::InfoObject 1 ::oo::InfoObject 1
call constructor definition destructor filters forward instances methods methodtype mixins subclasses superclasses variables
616263|abc|a|::oo::object
wrong # args: should be "::tcl::binary::encode::hex data"
unknown subcommand "he": must be base64, hex, or uuencode
wrong # args: should be "::tcl::binary::decode::base64 ?options? data"
wrong # args: should be "::tcl::prefix::all table string"
wrong # args: should be "::oo::InfoObject::isa mixin objName className"
bad option "-foo": must be -all, -localprivate, or -private
wrong # args: should be "s2 string"
wrong # args: should be "ens e hex data"
invalid command name "::tcl::binary::encode::hex"
A
""");
    }
}
