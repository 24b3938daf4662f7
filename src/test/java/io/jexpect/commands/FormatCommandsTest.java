package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** format and scan. Expected outputs recorded from tclsh 8.6.13. */
class FormatCommandsTest {
    @Test
    void format() throws Exception {
        String script = """
proc t {args} { if {[catch {format {*}$args} r]} { puts "ERR $r" } else { puts "<$r>" } }
t %d 4294967296
t %d 9223372036854775808
t %d 18446744073709551615
t %d 18446744073709551616
t %ld 18446744073709551616
t %lld 18446744073709551616
t %hd 70000
t %x -1
t %lx -1
t %llx -1
t %o -1
t %u -1
t %llu -1
t %b 5
t %#b 5
t %#o 8
t %#x 0
t %#o 0
t %#X 255
t %05s ab
t %-05d 3
t %+5d 3
t "% d" 3
t "% d" -3
t %.3d 5
t %8.3d -5
t %08.3d 5
t %.0f 0.5
t %.0f 1.5
t %.0f 2.5
t %.2f 0.125
t %.2f 2.675
t %f 1e300
t %e 0
t %g 100000
t %g 1000000
t %g 1e-5
t %g 0.0001
t %#g 1
t %g 1.5
t %.3g 1234.5
t %G 1e-10
t %.0e 12345
t %#.0e 12345
t %#.0f 3
t %f Inf
t %f -Inf
t %e NaN
t %g inf
t %5.1f nan
t %10.3e -1234.5678
t %c 0x4e00
t %c -1
t %c 65.0
t %c 0xFFFFFFFF
t %c -0xFFFFFFFF
t %c 0x100000000
t %c 0x10000000000000041
t %d 3.0
t %d 1e3
t %d ""
t %d abc
t %f abc
t %f 5
t %s
t "%d %d" 1
t %z 1
t %
t "abc%"
t "%1\\$s %s" a b
t "%s %1\\$s" a b
t "%3\\$s" a b
t "%0\\$s" a
t "%*s" x
t "%*d" -5 3
t "%.*f" 2 3.14159
t "%-*s|" 5 a
t "%5%"
t "%-5c|" 65
t "%.2s" abc
t %i 42
t %5.3s abcdef
t %a 1.0
t %d 0x10
t %d 010
t %d " 12 "
t %e 1e-320
t %.20f 0.1
t %.15g 0.1
t %.17g 0.1
t %g 123456789
t %ld 3000000000
t %hd -32769
t %hx -1
t %q 5
t %I64d 5
t %Ld 5
t %jd 5
t %5.2x 3
t "%#5x" 255
t "%-#8o|" 8
t %+x 255
t "%+s" a
t %.3c 65
t %lc 65
t %s%s a
t "%2\\$s" a
t {%1$d %1$d} 5
t %d 99999999999999999999999
t %g 1e100
t %.1g 0.05
t %.1g 0.15
t %.1g 0.25
t %.10g 1.0
t %#.3g 1
t %#x -1
t %lu -1
t %ho 65535
""";
        String tclsh = """
<4294967296>
<-9223372036854775808>
<-1>
<0>
<0>
<18446744073709551616>
<4464>
<ffffffffffffffff>
<ffffffffffffffff>
<-1>
<1777777777777777777777>
<18446744073709551615>
ERR unsigned bignum format is invalid
<101>
<0b101>
<010>
<0x0>
<0>
<0XFF>
<000ab>
<00003>
<   +3>
< 3>
<-3>
<005>
<    -005>
<     005>
<0>
<2>
<2>
<0.12>
<2.67>
<1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000>
<0.000000e+00>
<100000>
<1e+06>
<1e-05>
<0.0001>
<1.00000>
<1.5>
<1.23e+03>
<1E-10>
<1e+04>
<1.e+04>
<3.>
<inf>
<-inf>
ERR floating point value is Not a Number
<inf>
ERR floating point value is Not a Number
<-1.235e+03>
<一>
<�>
ERR expected integer but got "65.0"
<�>
<\001>
ERR integer value too large to represent
ERR integer value too large to represent
ERR expected integer but got "3.0"
ERR expected integer but got "1e3"
ERR expected integer but got ""
ERR expected integer but got "abc"
ERR expected floating-point number but got "abc"
<5.000000>
ERR not enough arguments for all format specifiers
ERR not enough arguments for all format specifiers
ERR bad field specifier "z"
ERR not enough arguments for all format specifiers
ERR not enough arguments for all format specifiers
ERR cannot mix "%" and "%n$" conversion specifiers
ERR cannot mix "%" and "%n$" conversion specifiers
ERR "%n$" argument index out of range
ERR "%n$" argument index out of range
ERR not enough arguments for all format specifiers
<3    >
<3.14>
<a    |>
ERR not enough arguments for all format specifiers
<A    |>
<ab>
<42>
<  abc>
ERR bad field specifier "a"
<16>
<8>
<12>
<9.999889e-321>
<0.10000000000000000555>
<0.1>
<0.10000000000000001>
<1.23457e+08>
<3000000000>
<32767>
<ffff>
ERR bad field specifier "q"
ERR bad field specifier "I"
ERR bad field specifier "L"
ERR bad field specifier "j"
<   03>
< 0xff>
<010     |>
<ff>
<a>
<A>
<A>
ERR not enough arguments for all format specifiers
ERR "%n$" argument index out of range
<5 5>
<200376420520689663>
<1e+100>
<0.05>
<0.1>
<0.2>
<1>
<1.00>
<0xffffffffffffffff>
<18446744073709551615>
<177777>
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }

    /**
     * Floats round half-even from their exact binary value, also where log10 is one off or the
     * rounding carries into one more digit; %#g keeps glibc's choice of style before rounding.
     */
    @Test
    void floatsRoundFromTheirExactValue() throws Exception {
        String script = """
proc t {s v} { puts "$s $v <[format $s $v]>" }
t %.15e 1e23
t %.16g 1e23
t %.0e 9.5
t %.0e 0.95
t %.2e 9.995
t %#.2g 99.995
t %#g 999999.5
t %#.3g 999.7
t %#.3G 999.7
t %#.3g 99.97
t %#.1g 9.7
t %#.3g 0.0009999
t %#.3g 0.000099999
t %.3g 999.7
t %.0f 999999.5
t %.1f 0.05
t %.1f 0.25
t %.17f 5e-324
t %.3e 5e-324
t %.20e 1.7976931348623157e308
t %.2g 9.96
t %#.2g 9.96
foreach p {1 3 5 16 17} { set tcl_precision $p; puts "$p [expr {1e23}] [expr {0.1}] [expr {99.995}] [expr {5e-324}]" }
""";
        assertThat(CoreScript.run(script)).isEqualTo("""
%.15e 1e23 <9.999999999999999e+22>
%.16g 1e23 <9.999999999999999e+22>
%.0e 9.5 <1e+01>
%.0e 0.95 <9e-01>
%.2e 9.995 <9.99e+00>
%#.2g 99.995 <1.e+02>
%#g 999999.5 <1.e+06>
%#.3g 999.7 <1.e+03>
%#.3G 999.7 <1.E+03>
%#.3g 99.97 <100.>
%#.1g 9.7 <1.e+01>
%#.3g 0.0009999 <0.00100>
%#.3g 0.000099999 <0.000100>
%.3g 999.7 <1e+03>
%.0f 999999.5 <1000000>
%.1f 0.05 <0.1>
%.1f 0.25 <0.2>
%.17f 5e-324 <0.00000000000000000>
%.3e 5e-324 <4.941e-324>
%.20e 1.7976931348623157e308 <1.79769313486231570815e+308>
%.2g 9.96 <10>
%#.2g 9.96 <10.>
1 1e+23 0.1 100.0 5e-324
3 1e+23 0.1 100.0 4.94e-324
5 1e+23 0.1 99.995 4.9407e-324
16 9.999999999999999e+22 0.1 99.995 4.940656458412465e-324
17 9.9999999999999992e+22 0.10000000000000001 99.995000000000005 4.9406564584124654e-324
""");
    }

    @Test
    void nanPayloadsAndWidthOverflow() throws Exception {
        String script = """
binary scan \\x00\\x00\\x00\\x00\\x00\\x00\\xf8\\xff d v; puts $v
binary scan \\xef\\xcd\\xab\\x89\\x67\\x45\\xfb\\xff d v; puts $v
binary scan \\x00\\x00\\x00\\x00\\x00\\x00\\xf8\\x7f d v; puts $v
puts [catch {format %18446744073709551614g 0} m]$m
puts [catch {format %99999999999999999999d 0} m]$m
puts [catch {format %2147483648s 0} m]$m
puts [format %4294967296d 0]
""";
        assertThat(CoreScript.run(script)).isEqualTo("""
-NaN
-NaN(3456789abcdef)
NaN
1max size for a Tcl value exceeded
1max size for a Tcl value exceeded
1max size for a Tcl value exceeded
0
""");
    }

    @Test
    void scan() throws Exception {
        String script = """
proc t {args} { if {[catch {scan {*}$args} r]} { puts "ERR $r" } else { puts "<$r>" } }
proc tv {str fmt n} { set vs {}; for {set i 0} {$i < $n} {incr i} { lappend vs v$i; unset -nocomplain ::v$i }; if {[catch {scan $str $fmt {*}$vs} r]} { puts "ERR $r" } else { set o {}; foreach v $vs { if {[info exists ::$v]} {lappend o [set ::$v]} else {lappend o UNSET} }; puts "<$r> $o" } }
proc tv {str fmt n} { set vs {}; for {set i 0} {$i < $n} {incr i} { lappend vs v$i}; uplevel #0 [list unset -nocomplain {*}$vs]; if {[catch {uplevel #0 [list scan $str $fmt {*}$vs]} r]} { puts "ERR $r" } else { set o {}; foreach v $vs { if {[info exists ::$v]} {lappend o [set ::$v]} else {lappend o UNSET} }; puts "<$r> $o" } }
t "42 apples 3.5" "%d %s %f"
t "abc" "%d"
t "" "%d"
t "   " "%d"
t "12" "%d %d"
t "12 x" "%d %d"
t "0x1f" "%x"
t "1f" "%x"
t "0x1f" "%i"
t "017" "%i"
t "017" "%d"
t "-12" "%u"
t "A" "%c"
t " A" "%c"
t " A" " %c"
t "  hello world" "%s%n"
t "abc123" {%[a-z]%d}
t "abc123" {%[^0-9]%s}
t "abcdef" "%3s%s"
t "12345" "%2d%3d"
t "12 34" "%*d %d"
t "12 34" {%2$d %1$d}
t "1e5 2.5e-3 .5 -.5e+2" "%f %e %g %f"
t "inf nan" "%f %f"
t "99999999999999999999" "%d"
t "99999999999999999999" "%ld"
t "99999999999999999999" "%lld"
t "4294967296" "%d"
t "x" "%z"
t "x" {%[a}
t "a" "%1\\$s %s"
t "a" "%5c"
t "abc" "a%%"
t "a%" "a%%"
t "ab" "a%c"
t "12abc" "%dabc%n"
t "1 2 3" "%d %d"
t "123" "%hd"
t "123" "%Ld"
t "5" "%lu"
t "3.5x" "%f%s"
t "-" "%d"
t "+5" "%d"
t "1.5" "%d%s"
t "0x" "%x"
t "08" "%i"
t "1e" "%f"
t "1e+" "%f%s"
t "1.2.3" "%f%f"
t "hello" "%2c"
tv "12:34:56" "%d:%d:%d" 3
tv "12:34" "%d:%d:%d" 3
tv "" "%d" 1
tv "x" "%d" 1
tv "12" "%d" 2
tv "12" "%d %d" 1
tv "12 34" {%2$d %1$d} 2
tv "12 34" {%2$d} 2
tv "12 34" {%1$d %1$d} 1
tv "ab" "%s%n" 2
tv "ab" "%*s%n" 1
tv "12" "%d%n" 2
t "0.5*0.75" "%E%c%G"
t "0o10 0b101 0d12" "%i %b %d"
t "0b101 0o10" "%b %o"
t "1777777777777777777777 18446744073709551616 -18446744073709551615" "%o %d %d"
set x {}; set y {}; array set z {}
puts [list [catch {scan {abc def ghi} {%s%s%s} x z y} msg] $msg $x $y]
""";
        String tclsh = """
<42 apples 3.5>
<{}>
<>
<>
<12 {}>
<12 {}>
<31>
<31>
<31>
<15>
<17>
<18446744073709551604>
<65>
<32>
<65>
<hello 7>
<abc 123>
<abc 123>
<abc def>
<12 345>
<34>
<34 12>
<100000.0 0.0025 0.5 -50.0>
<Inf {}>
<9223372036854775807>
<9223372036854775807>
<99999999999999999999>
<4294967296>
ERR bad scan conversion character "z"
ERR unmatched [ in format string
ERR cannot mix "%" and "%n$" conversion specifiers
ERR field width may not be specified in %c conversion
<>
<>
<98>
<12 5>
<1 2>
<123>
<123>
<5>
<3.5 x>
<>
<5>
<1 .5>
<0>
<0>
<1.0>
<1.0 e+>
<1.2 0.3>
ERR field width may not be specified in %c conversion
<3> 12 34 56
<2> 12 34 UNSET
<-1> UNSET
<0> UNSET
ERR variable is not assigned by any conversion specifiers
ERR different numbers of variable names and field specifiers
<2> 34 12
ERR variable is not assigned by any conversion specifiers
ERR variable is assigned by multiple "%n$" conversion specifiers
<2> ab 2
<1> 2
<2> 12 2
<0.5 42 0.75>
<0 {} {}>
<5 0>
<-1 9223372036854775807 1>
1 {can't set "z": variable is array} abc ghi
""";
        assertThat(CoreScript.run(script)).isEqualTo(tclsh);
    }
}
