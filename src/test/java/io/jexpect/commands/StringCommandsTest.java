package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The string ensemble, subst, index syntax and glob matching. Expected outputs recorded from tclsh 8.6.13. */
class StringCommandsTest {
    @Test
    void stringSubcommandsAndErrors() throws Exception {
        String script = """
proc t {script} { if {[catch {uplevel 1 $script} r]} { puts "ERR $r" } else { puts "<$r>" } }
t {string foo}
t {string len abc}
t {string}
t {string is foo x}
t {string is integer 4294967295}
t {string is integer 4294967296}
t {string is integer -4294967295}
t {string is integer -2147483649}
t {string is wideinteger 9223372036854775808}
t {string is integer -failindex v 12a3}
t {set v}
t {string is integer -failindex v " 12 "}
t {string is integer -failindex v " 12 x"}
t {set v}
t {string is double -failindex v 1.5e}
t {set v}
t {string is alpha -failindex v ab1c}
t {set v}
t {string is integer -failindex v ""}
t {set v}
t {string is alpha -strict -failindex v ""}
t {set v}
t {string is integer 0x1F}
t {string is double 1e400}
t {string is double .5}
t {string is double 1.}
t {string is double nan}
t {string is boolean yes}
t {string is true -strict ""}
t {string is true on}
t {string is false 0}
t {string is list {a {b}}}
t {string is list "a \\{"}
t {string is list -failindex v "a \\{"}
t {set v}
t {string index abc}
t {string range abc 1}
t {string repeat ab -2}
t {string repeat ab x}
t {string map {a} abc}
t {string map -nocase {A x} abcA}
t {string compare -length 2 abc abd}
t {string compare -nocase ABC abd}
t {string compare -length x abc abd}
t {string compare -foo abc abd}
t {string equal -length 2 abc abd}
t {string first}
t {string wordstart "hello world" 7}
t {string wordend "hello world" 7}
t {string bytelength "a\\u00e9\\u4e00\\0"}
t {string totitle "hELLO wORLD" 3}
t {string toupper "hello" 1 2}
t {string trim "  x  " ""}
t {string replace abcdef 2 1 X}
t {string replace abcdef -1 1 X}
t {string replace abcdef 4 end}
t {string is digit -strict x y}
t {string is}
t {string is alpha}
t {string match}
t {string match -nocas a a}
t {string match -foo a a}
t {string last b abcb 2}
t {string first b abcb end-1}
t {string is space "  \\t"}
t {string is xdigit 0aF}
t {string is wordchar a_1}
t {string is ascii \\u00e9}
t {string is upper AB}
t {string is lower aB}
t {string map {a 1 b} x}
t {string range abcdef -5 200}
t {string index abc 1.5}
t {string tolower ABC x}
t {string reverse}
t {string cat}
t {string length}
t {string is control "\\x01"}
t {string is graph "a b"}
t {string is print "a b"}
t {string is punct "!,"}
t {string is entier 99999999999999999999999}
t {string is double -failindex v "1.5 x"}
t {set v}
t {string is integer -failindex v "x"}
t {set v}
t {string is integer -failindex v "1 2"}
t {set v}
t {string is integer -failindex v "99999999999"}
t {set v}
t {string is boolean -failindex v "maybe"}
t {set v}
t {string is true -failindex v "no"}
t {set v}
t {string is double -failindex v "1e5x"}
t {set v}
t {string is double -failindex v "0x"}
t {set v}
t {string is dict {a b}}
t {string trimleft "xxhixx" x}
t {string first "" abc}
t {string last "" abc}
t {string map {"" x a y} aa}
t {string equal -length -1 abc abd}
t {string compare -length 0 abc abd}
t {string compare abc}
t {string equal a}
t {string map}
t {string repeat}
t {string replace}
t {string tolower}
t {string trim}
t {string wordend}
t {string bytelength}
t {string last}
t {string totitle}
t {subst -foo x}
t {subst}
t {set a 5; subst -nocommands {$a [b] \\t}}
t {subst -novariables {$a [set a] \\x41}}
t {subst -nobackslashes {$a \\x41}}
t {subst -nov -noc {$a}}
t {string is integer -failindex}
t {string compare -length}
t {string compare -length 2 -nocase ABC abd}
t {string is integer " 12 "}
t {string is double " 1.5 "}
t {string is double -strict inf}
t {string is integer +5}
""";
        String tclsh = """
ERR unknown or ambiguous subcommand "foo": must be bytelength, cat, compare, equal, first, index, is, last, length, map, match, range, repeat, replace, reverse, tolower, totitle, toupper, trim, trimleft, trimright, wordend, or wordstart
<3>
ERR wrong # args: should be "string subcommand ?arg ...?"
ERR bad class "foo": must be alnum, alpha, ascii, control, boolean, digit, double, entier, false, graph, integer, list, lower, print, punct, space, true, upper, wideinteger, wordchar, or xdigit
<1>
<0>
<1>
<1>
<1>
<0>
<2>
<1>
<0>
<4>
<0>
<3>
<0>
<2>
<1>
<2>
<0>
<0>
<1>
<1>
<1>
<1>
<1>
<1>
<0>
<1>
<1>
<1>
<0>
<0>
<2>
ERR wrong # args: should be "string index string charIndex"
ERR wrong # args: should be "string range string first last"
<>
ERR expected integer but got "x"
ERR char map list unbalanced
<xbcx>
<0>
<-1>
ERR expected integer but got "x"
ERR bad option "-foo": must be -nocase or -length
<1>
ERR wrong # args: should be "string first needleString haystackString ?startIndex?"
<6>
<11>
<8>
<hELLO wORLD>
<hELlo>
<  x  >
<abcdef>
<Xcdef>
<abcd>
ERR bad option "x": must be -strict or -failindex
ERR wrong # args: should be "string is class ?-strict? ?-failindex var? str"
ERR wrong # args: should be "string is class ?-strict? ?-failindex var? str"
ERR wrong # args: should be "string match ?-nocase? pattern string"
<1>
ERR bad option "-foo": must be -nocase
<1>
<3>
<1>
<1>
<1>
<0>
<1>
<0>
ERR char map list unbalanced
<abcdef>
ERR bad index "1.5": must be integer?[+-]integer? or end?[+-]integer?
ERR bad index "x": must be integer?[+-]integer? or end?[+-]integer?
ERR wrong # args: should be "string reverse string"
<>
ERR wrong # args: should be "string length string"
<1>
<0>
<1>
<1>
<1>
<0>
<4>
<0>
<0>
<0>
<2>
<0>
<-1>
<0>
<0>
<0>
<0>
<0>
<3>
<0>
<1>
ERR bad class "dict": must be alnum, alpha, ascii, control, boolean, digit, double, entier, false, graph, integer, list, lower, print, punct, space, true, upper, wideinteger, wordchar, or xdigit
<hixx>
<-1>
<-1>
<yy>
<0>
<0>
ERR wrong # args: should be "string compare ?-nocase? ?-length int? string1 string2"
ERR wrong # args: should be "string equal ?-nocase? ?-length int? string1 string2"
ERR wrong # args: should be "string map ?-nocase? charMap string"
ERR wrong # args: should be "string repeat string count"
ERR wrong # args: should be "string replace string first last ?string?"
ERR wrong # args: should be "string tolower string ?first? ?last?"
ERR wrong # args: should be "string trim string ?chars?"
ERR wrong # args: should be "string wordend string index"
ERR wrong # args: should be "string bytelength string"
ERR wrong # args: should be "string last needleString haystackString ?startIndex?"
ERR wrong # args: should be "string totitle string ?first? ?last?"
ERR bad option "-foo": must be -nobackslashes, -nocommands, or -novariables
ERR wrong # args: should be "subst ?-nobackslashes? ?-nocommands? ?-novariables? string"
<5 [b] 	>
<$a 5 A>
<5 \\x41>
<$a>
<0>
ERR wrong # args: should be "string compare ?-nocase? ?-length int? string1 string2"
<0>
<1>
<1>
<1>
<1>
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }

    @Test
    void indicesAndGlobPatterns() throws Exception {
        String script = """
foreach i {end end-1 2+1 x end-x " 3" "3 " 0x10 1e2 end--1 end+1 -1 010 "end -1" 5-2 +3 end-0x2 " end" "end- 1" "end-1 " "1--2" "-1+2" "1 + 2" "1+ 2" " 1+2 " "end+-1" "end-+1" "99999999999999999999" "end-99999999999999999999" "1+2+3" "0b11" "true" "e" "en" ""} {
  puts "<$i> => [catch {string index abcdefghijklmnopqrstuvwxyz $i} r] $r"
}
foreach {p s} {{[\\]]} "]" {[\\]]} "\\\\" {a\\\\} a {a\\\\} "a\\\\" {[a-} a {[a} a {[a} ab {[z-a]} m {[^a]} b {[^a]} ^ {a[]b} a]b {*[} a {\\*} * {\\*} x {[]]} ] {[]a]} a  {[a-]} - {[a-]} ] {[A-z]} _ *a*b* xxaxxbxx *?b ab a*b*c abbbc ?? a ** "" "" "" "*" abc {a\\\\} "a\\\\" "a\\\\" "a\\\\"} {
  puts "<$p> <$s> [string match $p $s] [string match -nocase $p $s]"
}
""";
        String tclsh = """
<end> => 0 z
<end-1> => 0 y
<2+1> => 0 d
<x> => 1 bad index "x": must be integer?[+-]integer? or end?[+-]integer?
<end-x> => 1 bad index "end-x": must be integer?[+-]integer? or end?[+-]integer?
< 3> => 0 d
<3 > => 0 d
<0x10> => 0 q
<1e2> => 1 bad index "1e2": must be integer?[+-]integer? or end?[+-]integer?
<end--1> => 0\s
<end+1> => 0\s
<-1> => 0\s
<010> => 0 i
<end -1> => 1 bad index "end -1": must be integer?[+-]integer? or end?[+-]integer?
<5-2> => 0 d
<+3> => 0 d
<end-0x2> => 0 x
< end> => 1 bad index " end": must be integer?[+-]integer? or end?[+-]integer?
<end- 1> => 1 bad index "end- 1": must be integer?[+-]integer? or end?[+-]integer?
<end-1 > => 0 y
<1--2> => 0 d
<-1+2> => 0 b
<1 + 2> => 1 bad index "1 + 2": must be integer?[+-]integer? or end?[+-]integer?
<1+ 2> => 1 bad index "1+ 2": must be integer?[+-]integer? or end?[+-]integer?
< 1+2 > => 0 d
<end+-1> => 0 y
<end-+1> => 0 y
<99999999999999999999> => 1 bad index "99999999999999999999": must be integer?[+-]integer? or end?[+-]integer?
<end-99999999999999999999> => 1 bad index "end-99999999999999999999": must be integer?[+-]integer? or end?[+-]integer?
<1+2+3> => 1 bad index "1+2+3": must be integer?[+-]integer? or end?[+-]integer?
<0b11> => 0 d
<true> => 1 bad index "true": must be integer?[+-]integer? or end?[+-]integer?
<e> => 0 z
<en> => 0 z
<> => 1 bad index "": must be integer?[+-]integer? or end?[+-]integer?
<[\\]]> <]> 0 0
<[\\]]> <\\> 0 0
<a\\\\> <a> 0 0
<a\\\\> <a\\> 1 1
<[a-> <a> 0 0
<[a> <a> 1 1
<[a> <ab> 0 0
<[z-a]> <m> 1 1
<[^a]> <b> 0 0
<[^a]> <^> 1 1
<a[]b> <a]b> 0 0
<*[> <a> 0 0
<\\*> <*> 1 1
<\\*> <x> 0 0
<[]]> <]> 0 0
<[]a]> <a> 0 0
<[a-]> <-> 0 0
<[a-]> <]> 1 1
<[A-z]> <_> 1 0
<*a*b*> <xxaxxbxx> 1 1
<*?b> <ab> 1 1
<a*b*c> <abbbc> 1 1
<??> <a> 0 0
<**> <> 1 1
<> <> 1 1
<*> <abc> 1 1
<a\\\\> <a\\> 1 1
<a\\> <a\\> 0 0
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }

    @Test
    void charactersBeyondTheBmp() throws Exception {
        // Tcl 8.6 reads \U beyond U+FFFF as U+FFFD; trim and split keep a real surrogate pair whole.
        String script = """
puts [list [string is graph -fail v "0123abc!@#\\$\\u0100\\UE0100\\UE01EF "] $v]
puts [list [string is alpha \\U10400] [string is print \\U1F602]]
puts [string index "\\U1F602a" end]
puts [string trim "\\uD83D\\uDE02Hello\\uD83D\\uDE02" \\uD93D\\uDE02]
puts [split "a\\U01f4a9b" {}]
""";
        assertThat(CoreScript.run(script)).isEqualTo("0 14\n0 1\na\n\uD83D\uDE02Hello\uD83D\uDE02\na \uFFFD b\n");
    }

    @Test
    void trimsTclsDefaultSet() throws Exception {
        String script = """
set out {}
for {set i 0} {$i < 0x10000} {incr i} { if {[string trim "a[format %c $i]"] ne "a[format %c $i]"} { lappend out [format %04X $i] } }
puts $out
""";
        assertThat(CoreScript.run(script)).isEqualTo("0000 0009 000A 000B 000C 000D 0020 0085 00A0 1680 180E 2000 2001 2002 2003 2004 2005 2006"
                + " 2007 2008 2009 200A 200B 2028 2029 202F 205F 2060 3000 FEFF\n");
    }

    @Test
    void argumentChecksAsTcl() throws Exception {
        String script = """
foreach c {{string compare -length 10 -nocase str1 str2 str3} {string is alpha -failin str} {string is alpha -failin var -strict str more} {string is al str} {string is list -strict {}} {string is alpha -strict {}} {string is list -strict -failindex v {}} {string compare -nocase a b c} {string is bogus x}} {
  puts "[catch $c m] $m | $::errorCode"
}
""";
        String tclsh = """
1 wrong # args: should be "string compare ?-nocase? ?-length int? string1 string2" | TCL WRONGARGS
1 wrong # args: should be "string is alpha ?-strict? ?-failindex var? str" | TCL WRONGARGS
1 wrong # args: should be "string is class ?-strict? ?-failindex var? str" | TCL WRONGARGS
1 ambiguous class "al": must be alnum, alpha, ascii, control, boolean, digit, double, entier, false, graph, integer, list, lower, print, punct, space, true, upper, wideinteger, wordchar, or xdigit | TCL LOOKUP INDEX class al
0 1 | TCL LOOKUP INDEX class al
0 0 | TCL LOOKUP INDEX class al
0 1 | TCL LOOKUP INDEX class al
1 bad option "a": must be -nocase or -length | TCL LOOKUP INDEX option a
1 bad class "bogus": must be alnum, alpha, ascii, control, boolean, digit, double, entier, false, graph, integer, list, lower, print, punct, space, true, upper, wideinteger, wordchar, or xdigit | TCL LOOKUP INDEX class bogus
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }
}
