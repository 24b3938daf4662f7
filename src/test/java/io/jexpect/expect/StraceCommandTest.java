package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * strace: Expect's statement trace on stderr, at the levels Tcl_CreateObjTrace counts (a proc
 * body, an uncompiled command substitution, an ensemble's or alias's target each one in; a
 * compiled body's substitutions none). Expected output from Expect 5.45.4.
 */
class StraceCommandTest {
    private final TclRunner tcl = new TclRunner();

    @AfterEach
    void end() {
        tcl.close();
    }

    @Test
    void tracesStatementsAsExpectDoes() throws Exception {
        String out = tcl.run("""
namespace eval e { proc foo {a} { return $a }; namespace export foo; namespace ensemble create }
interp alias {} al {} string toupper
proc q {} {
  set n [string length abc]
  if {$n} { set m [set o 1] }
  foreach i {1} { incr n }
  return $n
}
strace 4
set b [list 1 [set c 2]]
set v [q]
eval {set e 1; set f [set g 2]}
e foo 1
al x
binary encode hex abc
set  y   {multi
line} ;# comment
strace 1
q
strace 0
set info [strace -info]
foreach c {strace {strace 1 2} {strace x} {strace -info x}} { lappend info [catch $c r] $r [strace -info] }
puts $info
""");
        assertThat(tcl.stderr()).isEqualTo("""
 3      set c 2\r
 2    list 1 [set c 2]\r
 1  set b [list 1 [set c 2]]\r
 2    q\r
 3      string length abc\r
 4        ::tcl::string::length abc\r
 3      set n [string length abc]\r
 3      if {$n} { set m [set o 1] }\r
 4        set o 1\r
 4        set m [set o 1] \r
 3      foreach i {1} { incr n }\r
 4        incr n \r
 3      return $n\r
 1  set v [q]\r
 1  eval {set e 1; set f [set g 2]}\r
 2    set e 1\r
 2    set g 2\r
 2    set f [set g 2]\r
 1  e foo 1\r
 2    ::e::foo 1\r
 3      return $a \r
 1  al x\r
 2    string toupper x\r
 3      ::tcl::string::toupper x\r
 1  binary encode hex abc\r
 2    ::tcl::binary::encode hex abc\r
 3      ::tcl::binary::encode::hex abc\r
 1  set  y   {multi
line} \r
 1  strace 1\r
 1  q\r
 1  strace 0\r
""");
        assertThat(out).isEqualTo("""
0 1 {usage: trace level} 0 1 {usage: trace level} 0 1 {expected integer but got "x"} 0 0 0 0
""");
    }
}
