package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Characters beyond U+FFFF, as Tcl 8.6.13 and Expect 5.45.4 treat them here (Tcl built with 16-bit
 * characters): mostly as two UTF-16 units, with the few exceptions tclsh makes. Each expected
 * output was recorded from tclsh 8.6.13; hex shows the UTF-8 of results holding lone surrogates.
 */
class NonBmpCharactersTest {
    private static final String PRELUDE = """
proc hex {s} { binary encode hex [encoding convertto utf-8 $s] }
set e [encoding convertfrom utf-8 \\xF0\\x9F\\x98\\x80]
set f [encoding convertfrom utf-8 \\xF0\\x9F\\x98\\x81]
set D [encoding convertfrom utf-8 \\xF0\\x90\\x90\\x80]
set d [encoding convertfrom utf-8 \\xF0\\x90\\x90\\xA8]
set h [string index $e 0]
set s "a${e}b"
""";

    private static String run(String script) throws Exception {
        return CoreScript.run(PRELUDE + script);
    }

    @Test
    void indicesCountUtf16Units() throws Exception {
        // Tcl 8.6.13 here is built with 16-bit characters: an emoji read from UTF-8 is two of
        // them, a surrogate pair, for every index.
        assertThat(run("""
puts [list [string length $e] [string length $s] [string bytelength $s] [hex [string index $s 1]] [hex [string range $s 1 2]]]
puts [list [string first b $s] [string last $e "$s$s"] [hex [string reverse $s]] [hex [string replace $s 1 1 X]]]
puts [list [string wordend "ab ${D}${D}c" 3] [string wordstart "ab ${e}${e}c" 4] [hex [string trimright "x$f$e" $e]] [hex [string trim "$f a $f" $e]]]
puts [list [llength [split $s ""]] [string compare $e \\uE000] [hex [lsort [list $e \\uFFFF \\uE000 a]]] [hex [string toupper $d]]]
""")).isEqualTo("""
2 4 8 eda0bd f09f9880
3 5 62f09f988061 6158edb88062
4 4 78f09f9881 f09f9881206120f09f9881
3 -1 6120f09f988020ee808020efbfbf f09090a8
""");
    }

    @Test
    void backslashUBeyondTheBmpIsTheReplacementCharacter() throws Exception {
        // \U (and format %c) beyond U+FFFF give U+FFFD, so string length of \U10000 is 1 and
        // string.test's utf16 constraint is false, as under tclsh.
        assertThat(run("""
puts [list [string length \\U10000] [hex \\U1F600] [hex \\U1F602a] [hex \\U0000FFFF] [string length \\U110000]]
puts [list [hex [subst {\\U1F600}]] [hex [lindex {\\U1F600 x} 0]] [expr {"\\U1F600" eq "\\uFFFD"}]]
puts [list [hex [format %c 0x1F600]] [hex [format %c 0xD83D]] [hex [format %c 0xFFFF]] [hex [format %c -1]]]
""")).isEqualTo("""
1 efbfbd efbfbd61 efbfbf 2
efbfbd efbfbd 1
efbfbd eda0bd efbfbf efbfbd
""");
    }

    @Test
    void stringIsClassifiesEachUnit() throws Exception {
        // Half of a surrogate pair is in no class (as compiled code in a proc sees it; Tcl's
        // uncompiled form classifies a pair as its code point modulo 0x10000).
        assertThat(run("""
foreach c {alnum alpha ascii control graph lower print punct space upper wordchar} {
  lappend r $c [string is $c -failindex i "\\u00e9$e"] $i
}
puts $r
proc classes {D e} { list [string is print $e] [string is alpha $D] [string is upper $D] [string is wordchar $D] }
puts [classes $D $e]
""")).isEqualTo("""
alnum 0 1 alpha 0 1 ascii 0 0 control 0 0 graph 0 1 lower 0 1 print 0 1 punct 0 0 space 0 0 upper 0 0 wordchar 0 1
0 0 0 0
""");
    }

    @Test
    void splitTakesEachUnitOfTheSeparatorsAlone() throws Exception {
        // Each half of a pair among the separators splits on its own; split "" keeps a pair
        // whole.
        assertThat(run("""
puts [hex [split "a${e}b${f}c" $e]]
puts [hex [split "a${e}b" [string index $e 1]]]
puts [hex [split "${h}x$e" ""]]
""")).isEqualTo("""
61207b7d206220edb88163
61eda0bd2062
eda0bd207820f09f9880
""");
    }

    @Test
    void scanPercentCJoinsASurrogatePair() throws Exception {
        // %c is the one conversion that reads a pair as one code point; %1s still takes one
        // unit.
        assertThat(run("""
puts [list [scan $e %c] [scan $s %c%c%c] [scan "${h}a" %c%c] [scan $s {%[a]%c}] [hex [scan $s a%1s]]]
""")).isEqualTo("""
128512 {97 128512 98} {55357 97} {a 128512} eda0bd
""");
    }

    @Test
    void stringMatchCountsUnitsOtherGlobsCountPairs() throws Exception {
        // string match matches UTF-16 units; lsearch, switch, dict and array patterns
        // (Tcl_StringCaseMatch) take a pair as one character; nocase folds the BMP only.
        assertThat(run("""
puts [list [string match a?b $s] [string match a??b $s] [string match "a\\[$e\\]b" $s] [string match "a\\[$e\\]?b" $s]]
puts [list [lsearch -glob [list $s] a?b] [lsearch -glob [list $s] a??b] [lsearch -glob [list $s] "a\\[$e\\]b"] [lsearch -glob [list $f] "\\[$e-$f\\]"]]
puts [list [switch -glob -- $s a?b {set x 1} default {set x 0}] [hex [dict keys [dict create $s 1] a?b]] [lsearch -glob [list "a$e$e"] "a*?"]]
array set A [list $s 1]
puts [list [hex [array names A a?b]] [lsearch -nocase -glob [list $d] $D] [string match -nocase $D $d]]
""")).isEqualTo("""
0 1 0 1
0 -1 0 0
1 61f09f988062 0
61f09f988062 -1 0
""");
    }

    @Test
    void dictionarySortComparesCodePoints() throws Exception {
        // lsort -dictionary compares code points (a pair after U+FFFF) and folds only the BMP;
        // -nocase compares units.
        assertThat(run("""
puts [hex [lsort -dictionary [list b$e b\\uFFFF b\\uE000 ${h}x]]]
puts [hex [lsort -dictionary [list ${D}b ${d}a]]]
puts [hex [lsort -nocase [list b$e b\\uFFFF b\\uE000]]]
""")).isEqualTo("""
62ee80802062efbfbf2062f09f988020eda0bd78
f09090806220f09090a861
62f09f98802062ee80802062efbfbf
""");
    }

    @Test
    void mapNocaseFoldsOnlyTheBmp() throws Exception {
        // string map -nocase lower-cases unit by unit, so Deseret letters keep their case.
        assertThat(run("""
puts [list [hex [string map -nocase [list $D X] $d]] [hex [string map -nocase [list a X] A$d]] [hex [string map -nocase [list \\u0130 X] i\\u0130]]]
""")).isEqualTo("""
f09090a8 58f09090a8 5858
""");
    }

    @Test
    void channelsCountAndWriteUnitsAsTcl() throws Exception {
        // Channels and exec count UTF-16 units (read may split a pair), read UTF-8 as Tcl does
        // (a byte that starts no character is itself) and write a lone surrogate as its 3-byte
        // form.
        assertThat(run("""
close [file tempfile fn]
set f [open $fn wb]; puts -nonewline $f "a\\xF0\\x9F\\x98\\x80b\\xC3x\\xE2\\x82\\xAC\\xFF\\xED\\xA0\\xBDz\\xC0\\x80q\\r\\n\\xE2\\x82"; close $f
foreach n {1 2 3 5 8 9 13 15} {
  set f [open $fn r]; set r [read $f $n]; set rest [read $f]; close $f
  lappend out $n [hex $r] [hex $rest]
}
puts $out
set f [open $fn r]; set n [gets $f line]; set n2 [gets $f line2]; close $f
puts [list $n [hex $line] $n2 [hex $line2]]
foreach enc {utf-8 iso8859-1 unicode shiftjis} {
  set f [open $fn w]; fconfigure $f -encoding $enc; puts -nonewline $f "${s}\\u3042$h"; close $f
  set f [open $fn rb]; set raw [read $f]; close $f
  set f [open $fn r]; fconfigure $f -encoding $enc; set r2 [read $f 2]; set rest [read $f]; close $f
  puts [list $enc [binary encode hex $raw] [hex $r2] [hex $rest]]
}
file delete $fn
puts [list [hex [exec printf {\\377\\355\\240\\275a\\360\\237\\230\\200}]] [exec od -An -tx1 << "$h$e"]]
""")).isEqualTo("""
1 61 f09f988062c38378e282acc3bfeda0bd7a00710ac3a2c282 2 61eda0bd edb88062c38378e282acc3bfeda0bd7a00710ac3a2c282 3 61f09f9880 62c38378e282acc3bfeda0bd7a00710ac3a2c282 5 61f09f988062c383 78e282acc3bfeda0bd7a00710ac3a2c282 8 61f09f988062c38378e282acc3bf eda0bd7a00710ac3a2c282 9 61f09f988062c38378e282acc3bfeda0bd 7a00710ac3a2c282 13 61f09f988062c38378e282acc3bfeda0bd7a00710a c3a2c282 15 61f09f988062c38378e282acc3bfeda0bd7a00710ac3a2c282 {}
12 61f09f988062c38378e282acc3bfeda0bd7a0071 2 c3a2c282
utf-8 61f09f988062e38182eda0bd 61eda0bd edb88062e38182eda0bd
iso8859-1 613f3f623f3f 613f 3f623f3f
unicode 61003dd800de620042303dd8 61eda0bd edb88062e38182
shiftjis 613f3f6282a03f 613f 3f62e381823f
c3bfeda0bd61f09f9880 { ed a0 bd f0 9f 98 80}
""");
    }

    @Test
    void encodingsReplaceEachUnitTheyCannotHold() throws Exception {
        // An encoding without the character writes one "?" per unit; "unicode" keeps lone
        // surrogates; UTF-8 writes a lone surrogate as its 3-byte form.
        assertThat(run("""
foreach enc {iso8859-1 ascii shiftjis unicode} {
  lappend r $enc [binary encode hex [encoding convertto $enc "a${e}b$h"]]
}
puts $r
puts [list [hex [encoding convertfrom unicode \\x3d\\xd8a\\x00]] [hex [encoding convertfrom unicode \\x3d\\xd8]] [hex [encoding convertfrom unicode \\x3d\\xd8\\x00\\xde]]]
puts [list [binary encode hex [encoding convertto utf-8 $h]] [hex [encoding convertfrom utf-8 \\xED\\xA0\\xBD\\xED\\xB8\\x80]]]
""")).isEqualTo("""
iso8859-1 613f3f623f ascii 613f3f623f shiftjis 613f3f623f unicode 61003dd800de62003dd8
eda0bd61 {} f09f9880
eda0bd f09f9880
""");
    }
}
