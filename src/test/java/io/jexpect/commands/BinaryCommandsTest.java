package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/** Expected values recorded from tclsh 8.6.13. */
class BinaryCommandsTest {
    TclRunner tcl = new TclRunner();

    private String hex(String formatArgs) throws Exception {
        return tcl.eval("binary encode hex [binary format " + formatArgs + "]");
    }

    @Test
    void formatEveryFieldType() throws Exception {
        assertThat(hex("a5 ab")).isEqualTo("6162000000");
        assertThat(hex("A5 ab")).isEqualTo("6162202020");
        assertThat(hex("a* \u0141x")).isEqualTo("4178");
        assertThat(hex("b* 1010011")).isEqualTo("65");
        assertThat(hex("B* 1010011")).isEqualTo("a6");
        assertThat(hex("h* abc")).isEqualTo("ba0c");
        assertThat(hex("H3 a")).isEqualTo("a000");
        assertThat(hex("S 258")).isEqualTo("0102");
        assertThat(hex("t 258")).isEqualTo("0201");
        assertThat(hex("n 258")).isEqualTo("02010000");
        assertThat(hex("m 258")).isEqualTo("0201000000000000");
        assertThat(hex("i 0xffffffffffffffff")).isEqualTo("ffffffff");
        assertThat(hex("w -0xffffffffffffffff")).isEqualTo("0100000000000000");
        assertThat(hex("f 1e40")).isEqualTo("ffff7f7f");
        assertThat(hex("f NaN")).isEqualTo("0000c07f");
        assertThat(hex("r -1e40")).isEqualTo("ffff7fff");
        assertThat(hex("R 1.5")).isEqualTo("3fc00000");
        assertThat(hex("Q 1.5")).isEqualTo("3ff8000000000000");
        assertThat(hex("d -Inf")).isEqualTo("000000000000f0ff");
        assertThat(hex("c2 {1 2 3}")).isEqualTo("0102");
        assertThat(hex("x3X2a y")).isEqualTo("007900");
        assertThat(hex("a5@2a z z")).isEqualTo("7a007a0000");
        assertThat(hex("a5@*a z z")).isEqualTo("7a000000007a");
        assertThat(hex("a5X*a z z")).isEqualTo("7a00000000");
        assertThat(hex("{ a} x")).isEqualTo("78");
        assertThat(tcl.eval("binary format c0 {1 2}")).isEmpty();
    }

    @Test
    void formatErrors() {
        assertThat(tcl.error("binary format")).isEqualTo("wrong # args: should be \"binary format formatString ?arg ...?\" | TCL WRONGARGS");
        assertThat(tcl.error("binary format z")).isEqualTo("bad field specifier \"z\" | NONE");
        assertThat(tcl.error("binary format a\u0141 x")).isEqualTo("bad field specifier \"\u0141\" | NONE");
        assertThat(tcl.error("binary format a")).isEqualTo("not enough arguments for all format specifiers | NONE");
        assertThat(tcl.error("binary format @")).isEqualTo("missing count for \"@\" field specifier | NONE");
        assertThat(tcl.error("binary format x*")).isEqualTo("cannot use \"*\" in format string with \"x\" | NONE");
        assertThat(tcl.error("binary format b2 12")).isEqualTo("expected binary string but got \"12\" instead | NONE");
        assertThat(tcl.error("binary format h2 xg")).isEqualTo("expected hexadecimal string but got \"xg\" instead | NONE");
        assertThat(tcl.error("binary format i 1.0")).isEqualTo("expected integer but got \"1.0\" | TCL VALUE NUMBER");
        assertThat(tcl.error("binary format d abc")).isEqualTo("expected floating-point number but got \"abc\" | TCL VALUE NUMBER");
        assertThat(tcl.error("binary format c3 {1 2}")).isEqualTo("number of elements in list does not match count | NONE");
        assertThat(tcl.error("binary format c2 \"\\{\"")).isEqualTo("unmatched open brace in list | TCL VALUE LIST BRACE");
        assertThat(tcl.error("array set arr {}; binary scan abc a arr")).isEqualTo("can't set \"arr\": variable is array | TCL WRITE VARNAME");
        assertThat(tcl.error("llength {{a}b}")).isEqualTo("list element in braces followed by \"b\" instead of space | TCL VALUE LIST JUNK");
        assertThat(tcl.error("llength \"\\\"a\"")).isEqualTo("unmatched open quote in list | TCL VALUE LIST QUOTE");
        assertThat(tcl.error("binary format c 0x10000000000000000")).isEqualTo(
                "integer value too large to represent | ARITH IOVERFLOW {integer value too large to represent}");
    }

    @Test
    void scanSetsVariablesUntilDataRunsOut() throws Exception {
        assertThat(tcl.eval("binary scan \\x01\\x02\\x03\\x04 s* x; set x")).isEqualTo("513 1027");
        assertThat(tcl.eval("binary scan \\x01\\x02\\x03\\x04 S* x; set x")).isEqualTo("258 772");
        assertThat(tcl.eval("binary scan \\xff\\xff\\xff\\xff i x; set x")).isEqualTo("-1");
        assertThat(tcl.eval("binary scan \\xff\\xff\\xff\\xff iu x; set x")).isEqualTo("4294967295");
        assertThat(tcl.eval("binary scan [string repeat \\xff 8] wu x; set x")).isEqualTo("18446744073709551615");
        assertThat(tcl.eval("binary scan [string repeat \\xff 8] W x; set x")).isEqualTo("-1");
        assertThat(tcl.eval("binary scan \\xcd\\xcc\\xcc\\x3d f x; set x")).isEqualTo("0.10000000149011612");
        assertThat(tcl.eval("binary scan \\x00\\x00\\x00\\x00\\x00\\x00\\xf0\\x3f d x; set x")).isEqualTo("1.0");
        assertThat(tcl.eval("binary scan \"abc  \\0\\0\" A* x; set x")).isEqualTo("abc");
        assertThat(tcl.eval("binary scan abc b* x; set x")).isEqualTo("100001100100011011000110");
        assertThat(tcl.eval("binary scan abc B10 x; set x")).isEqualTo("0110000101");
        assertThat(tcl.eval("binary scan abc h* x; set x")).isEqualTo("162636");
        assertThat(tcl.eval("binary scan abc H3 x; set x")).isEqualTo("616");
        assertThat(tcl.eval("binary scan abc X5a* x; set x")).isEqualTo("abc");
        assertThat(tcl.eval("binary scan abc cu* x; set x")).isEqualTo("97 98 99");
        assertThat(tcl.eval("binary scan abc a2a2 x y")).isEqualTo("1");
        assertThat(tcl.eval("binary scan abc c5 z")).isEqualTo("0");
        assertThat(tcl.error("binary scan abc @ x")).isEqualTo("missing count for \"@\" field specifier | NONE");
        assertThat(tcl.error("binary scan a")).isEqualTo("wrong # args: should be \"binary scan value formatString ?varName ...?\" | TCL WRONGARGS");
    }

    @Test
    void encodeAndDecode() throws Exception {
        assertThat(tcl.eval("binary encode base64 ab")).isEqualTo("YWI=");
        assertThat(tcl.eval("binary encode base64 -maxlen 5 abcdefghijklmnopqrstuvwxyz"))
                .isEqualTo("YWJjZ\nGVmZ2\nhpamt\nsbW5v\ncHFyc\n3R1dn\nd4eXo\n=");
        assertThat(tcl.eval("binary encode base64 -maxlen 4 -wrapchar xy abcdefghijk")).isEqualTo("YWJjxyZGVmxyZ2hpxyams=");
        assertThat(tcl.eval("binary encode uuencode abc")).isEqualTo("#86)C\n");
        assertThat(tcl.eval("binary encode uuencode -maxlen 9 abcdefghijklmnopqrstuvwxyz"))
                .isEqualTo("&86)C9&5F\n&9VAI:FML\n&;6YO<'%R\n&<W1U=G=X\n\">7H\n");
        assertThat(tcl.eval("binary encode hex \u0141")).isEqualTo("41");
        assertThat(tcl.eval("binary decode base64 {YW Jj}")).isEqualTo("abc");
        assertThat(tcl.eval("binary decode base64 YW=Jj")).isEqualTo("a");
        assertThat(tcl.eval("binary decode base64 -strict YQ=")).isEqualTo("a");
        assertThat(tcl.eval("binary decode uuencode #86)")).isEqualTo("ab`");
        assertThat(tcl.eval("binary encode hex [binary decode hex {1 2 3}]")).isEqualTo("12");
        assertThat(tcl.eval("binary enc hex ab")).isEqualTo("6162");
        assertThat(tcl.error("binary decode hex -strict {12 34}")).isEqualTo(
                "invalid hexadecimal digit \" \" at position 2 | TCL BINARY DECODE INVALID");
        assertThat(tcl.error("binary decode base64 -strict \"YWJj\\nYWJj\"")).isEqualTo(
                "invalid base64 character \"\n\" at position 4 | TCL BINARY DECODE INVALID");
        assertThat(tcl.error("binary decode uuencode x")).isEqualTo("invalid uuencode character \"x\" at position 0 | TCL BINARY DECODE INVALID");
        assertThat(tcl.error("binary encode uu x")).isEqualTo(
                "unknown subcommand \"uu\": must be base64, hex, or uuencode | TCL LOOKUP SUBCOMMAND uu");
        assertThat(tcl.error("binary decode base64 -foo x")).isEqualTo("bad option \"-foo\": must be -strict | TCL LOOKUP INDEX option -foo");
        assertThat(tcl.error("binary encode base64 -maxlen -1 abc")).isEqualTo("line length out of range | TCL BINARY ENCODE LINE_LENGTH");
        assertThat(tcl.error("binary encode uuencode -wrapchar x abc")).isEqualTo(
                "invalid wrapchar; will defeat decoding | TCL BINARY ENCODE WRAPCHAR");
        assertThat(tcl.error("binary foo")).isEqualTo(
                "unknown or ambiguous subcommand \"foo\": must be decode, encode, format, or scan | TCL LOOKUP SUBCOMMAND foo");
    }

    /** tcllib's codecs and ciphers are built on binary; .ci/run installs tcllib. Outputs recorded from tclsh. */
    @Test
    void tcllibPackagesBuiltOnBinaryGiveTclshsResults() throws Exception {
        String script = """
                package require base64
                puts [base64::encode -maxlen 20 "hello world, this is a longer text"]
                puts [base64::decode aGVsbG8=]
                package require md5
                puts [md5::md5 -hex abc]
                package require sha1
                puts [sha1::sha1 -hex abc]
                package require sha256
                puts [sha2::sha256 -hex abc]
                package require crc32
                puts [crc::crc32 -format %08x abc]
                package require uuencode
                puts [uuencode::encode abc]
                package require yencode
                puts [string length [yencode::encode abc]]
                package require aes
                puts [binary encode hex [aes::aes -mode ecb -dir encrypt -key [string repeat k 16] [string repeat a 16]]]
                package require des
                puts [binary encode hex [DES::des -mode ecb -dir encrypt -key 12345678 abcdefgh]]
                package require blowfish
                puts [binary encode hex [blowfish::blowfish -mode ecb -dir encrypt -key secret abcdefgh]]
                package require rc4
                puts [binary encode hex [rc4::rc4 -key secret hello]]
                package require struct::list
                puts [struct::list reverse {1 2 3}]
                """;
        assertThat(CoreScript.run(script)).isEqualTo("""
                aGVsbG8gd29ybGQsIHRo
                aXMgaXMgYSBsb25nZXIg
                dGV4dA==
                hello
                900150983CD24FB0D6963F7D28E17F72
                a9993e364706816aba3e25717850c26c9cd0d89d
                ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
                352441c2
                86)C
                3
                c8a97171fe2841736c27863f5da199d1
                94d4436bc3b5b693
                03582d2666553c05
                8553be70ed
                3 2 1
                """);
    }
}
