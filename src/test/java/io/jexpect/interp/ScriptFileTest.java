package io.jexpect.interp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.Jexpect;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts read as Tcl 8.6 reads them; expected values are what tclsh and expect printed for the same bytes. */
class ScriptFileTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Interp interp = Jexpect.newInterpreter(
            new Channels(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));

    @TempDir
    Path dir;

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String sourceBytes(byte[] content, String script) throws Exception {
        Files.write(dir.resolve("f.tcl"), content);
        interp.setVar("dir", Value.of(dir.toString()));
        interp.eval("cd $dir\n" + script);
        interp.channels().flushAll();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bytesThatAreNotUtf8StandForThemselves() throws Exception {
        assertThat(sourceBytes(bytes("puts \"caf\u00e9\"\nputs [scan \"\u0080\" %c][scan \"\u0093\" %c]\n"), "source f.tcl"))
                .isEqualTo("caf\u00e9\n128147\n");
    }

    @Test
    void utf8AsTclDecodesIt() throws Exception {
        // café, C0 80 (Tcl's NUL), a lone surrogate ED A0 80, an emoji (two UTF-16 units), a cut sequence E2 82.
        assertThat(sourceBytes(bytes("puts [string length \"caf\u00c3\u00a9\"] ; puts [scan \"\u00c0\u0080\" %c]\n"
                + "puts [string length \"\u00ed\u00a0\u0080\"] ; puts [string length \"\u00f0\u009f\u0098\u0080\"]\n"
                + "puts [string length \"\u00e2\u0082\"]\n"), "source f.tcl")).isEqualTo("4\n0\n1\n2\n2\n");
    }

    @Test
    void byteOrderMarkLineEndsAndControlZ() throws Exception {
        assertThat(sourceBytes(bytes("\u00ef\u00bb\u00bfputs a\rputs b\r\nputs c\nputs d\u001aputs e\n"), "source f.tcl"))
                .isEqualTo("a\nb\nc\nd\n");
    }

    @Test
    void sourceEncodingOption() throws Exception {
        assertThat(sourceBytes(bytes("set s \"caf\u00c3\u00a9\"\n"), """
                source -encoding iso8859-1 f.tcl; puts [string length $s]
                source f.tcl; puts [string length $s]
                foreach c {{source} {source -encoding bogus f.tcl} {source -x f.tcl} {source a b c} {source -encoding bogus nonexist}
                           {source .} {source nonexist}} {
                    catch $c m o
                    puts "$m | [dict get $o -errorcode]"
                }
                """)).isEqualTo("""
                5
                4
                wrong # args: should be "source ?-encoding name? fileName" | TCL WRONGARGS
                unknown encoding "bogus" | TCL LOOKUP ENCODING bogus
                wrong # args: should be "source ?-encoding name? fileName" | TCL WRONGARGS
                bad option "a": must be -encoding | TCL LOOKUP INDEX option a
                couldn't read file "nonexist": no such file or directory | POSIX ENOENT {no such file or directory}
                couldn't read file ".": illegal operation on a directory | POSIX EISDIR {illegal operation on a directory}
                couldn't read file "nonexist": no such file or directory | POSIX ENOENT {no such file or directory}
                """);
    }
}
