package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/** Expected values recorded from tclsh 8.6.13 (whose zlib writes the same bytes as the JDK's). */
class ZlibCommandsTest {
    TclRunner tcl = new TclRunner();

    @Test
    void checksums() throws Exception {
        assertThat(tcl.eval("zlib crc32 abc")).isEqualTo("891568578");
        assertThat(tcl.eval("zlib crc32 abc 5")).isEqualTo("871334697");
        assertThat(tcl.eval("zlib crc32 abc -1")).isEqualTo("899311407");
        assertThat(tcl.eval("zlib crc32 {}")).isEqualTo("0");
        assertThat(tcl.eval("zlib adler32 abc")).isEqualTo("38600999");
        assertThat(tcl.eval("zlib adler32 abc 7")).isEqualTo("39780653");
        assertThat(tcl.error("zlib crc32 abc x")).isEqualTo("expected integer but got \"x\" | TCL VALUE INTEGER");
        assertThat(tcl.error("zlib adler32 a b c")).isEqualTo("wrong # args: should be \"zlib adler32 data ?startValue?\" | TCL WRONGARGS");
    }

    @Test
    void compressedBytesEqualTclsh() throws Exception {
        assertThat(tcl.eval("binary encode hex [zlib compress abc]")).isEqualTo("789c4b4c4a0600024d0127");
        assertThat(tcl.eval("binary encode hex [zlib compress abc 9]")).isEqualTo("78da4b4c4a0600024d0127");
        assertThat(tcl.eval("binary encode hex [zlib deflate abc]")).isEqualTo("4b4c4a0600");
        assertThat(tcl.eval("binary encode hex [zlib gzip hello]")).isEqualTo("1f8b0800000000000003cb48cdc9c9070086a6103605000000");
        assertThat(tcl.eval("binary encode hex [zlib gzip hello -level 9]")).isEqualTo("1f8b0800000000000203cb48cdc9c9070086a6103605000000");
        assertThat(tcl.eval("binary encode hex [zlib gzip hello -header {filename foo.txt}]"))
                .isEqualTo("1f8b0808000000000000666f6f2e74787400cb48cdc9c9070086a6103605000000");
        assertThat(tcl.eval("binary encode hex [zlib gzip hello -header {type text crc 1}]"))
                .isEqualTo("1f8b0803000000000000a92dcb48cdc9c9070086a6103605000000");
    }

    @Test
    void roundTripsAndHeaders() throws Exception {
        assertThat(tcl.eval("string length [zlib decompress [zlib compress [string repeat abc 10000]]]")).isEqualTo("30000");
        assertThat(tcl.eval("zlib inflate [zlib deflate hello]xyz")).isEqualTo("hello");
        assertThat(tcl.eval("zlib gunzip [zlib gzip hello -header {filename foo.txt comment hi time 12345 os 3 type text crc 1}] "
                + "-headerVar h; set h")).isEqualTo("comment hi crc 1 filename foo.txt os 3 time 12345 type text size 5");
        assertThat(tcl.eval("zlib gunzip [zlib gzip hello] -headerVar h; set h")).isEqualTo("crc 0 os 3 type binary size 5");
    }

    @Test
    void errors() {
        assertThat(tcl.error("zlib foo")).isEqualTo("bad command \"foo\": must be adler32, compress, crc32, decompress, deflate, "
                + "gunzip, gzip, inflate, push, or stream | TCL LOOKUP INDEX command foo");
        assertThat(tcl.error("zlib compress abc 10")).isEqualTo("level must be 0 to 9 | TCL VALUE COMPRESSIONLEVEL");
        assertThat(tcl.error("zlib decompress abc")).isEqualTo("data error | TCL ZLIB DATA");
        assertThat(tcl.error("zlib decompress {}")).isEqualTo("stream error | TCL ZLIB STREAM");
        assertThat(tcl.error("zlib inflate [string range [zlib deflate hellohellohello] 0 end-2]")).isEqualTo("stream error | TCL ZLIB STREAM");
        assertThat(tcl.error("zlib gunzip [string range [zlib gzip hellohellohello] 0 end-1]")).isEqualTo("data error | TCL ZLIB DATA");
        assertThat(tcl.error("zlib decompress [zlib compress hello] 5")).isEqualTo("buffer size must be 16 to 65536 | TCL VALUE BUFFERSIZE");
        assertThat(tcl.error("zlib gzip hello -foo 1")).isEqualTo("bad option \"-foo\": must be -header or -level | TCL LOOKUP INDEX option -foo");
        assertThat(tcl.error("zlib gunzip [zlib gzip hello] -headerVar")).isEqualTo(
                "wrong # args: should be \"zlib gunzip data ?-headerVar varName?\" | TCL WRONGARGS");
        assertThat(tcl.error("zlib gzip hello -header {filename}")).isEqualTo("missing value to go with key | TCL VALUE DICTIONARY");
    }

    @Test
    void streams() throws Exception {
        tcl.eval("set s [zlib stream deflate]; $s put abc; $s flush");
        assertThat(tcl.eval("binary encode hex [$s get]")).isEmpty();
        assertThat(tcl.eval("$s put -finalize def; binary encode hex [$s get]")).isEqualTo("4b4c4a4e494d0300");
        assertThat(tcl.eval("list [$s eof] [$s checksum] [$s close]")).isEqualTo("0 1 {}");
        assertThat(tcl.eval("set s [zlib stream compress -level 9]; binary encode hex [$s add -finalize hello]"))
                .isEqualTo("78dacb48cdc9c90700062c0215");
        assertThat(tcl.eval("$s checksum")).isEqualTo("103547413");
        assertThat(tcl.eval("set s [zlib stream gzip]; binary encode hex [$s add -finalize hello]"))
                .isEqualTo("1f8b0800000000000003cb48cdc9c9070086a6103605000000");
        assertThat(tcl.eval("$s checksum")).isEqualTo("907060870");
        tcl.eval("set d [zlib stream inflate]; $d put [string range [zlib deflate hellohellohello] 0 3]");
        assertThat(tcl.eval("$d get")).isEqualTo("hel");
        assertThat(tcl.eval("$d put [string range [zlib deflate hellohellohello] 4 end]; list [$d get 4] [$d get] [$d eof]"))
                .isEqualTo("lohe llohello 1");
        tcl.eval("set d [zlib stream gunzip]; $d put [zlib gzip hello -header {filename f.txt}]");
        assertThat(tcl.eval("list [$d get] [$d header] [$d eof]")).isEqualTo("hello {crc 0 filename f.txt os 0 type binary} 1");
        tcl.eval("set d [zlib stream inflate]; $d put garbage");
        assertThat(tcl.error("$d get")).isEqualTo("data error | TCL ZLIB DATA");
        assertThat(tcl.error("$d foo")).isEqualTo("bad option \"foo\": must be add, checksum, close, eof, finalize, flush, fullflush, "
                + "get, header, put, or reset | TCL LOOKUP INDEX option foo");
        assertThat(tcl.error("zlib stream deflate -level 10")).isEqualTo("level must be 0 to 9 | TCL VALUE COMPRESSIONLEVEL");
    }
}
