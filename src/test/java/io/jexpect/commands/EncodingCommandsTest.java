package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import org.junit.jupiter.api.Test;

/** Expected values recorded from tclsh 8.6.13. */
class EncodingCommandsTest {
    TclRunner tcl = new TclRunner();

    private String hexTo(String args) throws Exception {
        return tcl.eval("binary encode hex [encoding convertto " + args + "]");
    }

    @Test
    void converttoAndFrom() throws Exception {
        assertThat(hexTo("\u00e9t\u0141")).isEqualTo("c3a974c581");
        assertThat(hexTo("iso8859-1 \u00e9t\u0141")).isEqualTo("e9743f");
        assertThat(hexTo("ascii \u00e9t")).isEqualTo("3f74");
        assertThat(hexTo("unicode ab")).isEqualTo("61006200");
        assertThat(hexTo("cp1252 \u20ac")).isEqualTo("80");
        assertThat(hexTo("shiftjis \u3042")).isEqualTo("82a0");
        assertThat(hexTo("iso2022-jp \u3042")).isEqualTo("1b244224221b2842");
        assertThat(hexTo("koi8-r \u0416")).isEqualTo("f6");
        assertThat(hexTo("utf-8 \\ud800")).isEqualTo("eda080");
        assertThat(tcl.eval("encoding convertfrom utf-8 \\xc3\\xa9")).isEqualTo("\u00e9");
        assertThat(tcl.eval("encoding convertfrom utf-8 \\xc3")).isEqualTo("\u00c3");
        assertThat(tcl.eval("encoding convertfrom utf-8 \\xc0\\x80")).isEqualTo("\0");
        assertThat(tcl.eval("encoding convertfrom utf-8 \\xe0\\x80\\x80")).isEqualTo("\u00e0\u0080\u0080");
        assertThat(tcl.eval("string length [encoding convertfrom utf-8 \\xf0\\x9f\\x98\\x80]")).isEqualTo("2");
        assertThat(tcl.eval("encoding convertfrom cp1252 \\x80\\x81")).isEqualTo("\u20ac\u0081");
        assertThat(tcl.eval("encoding convertfrom euc-jp \\xa4\\xa2")).isEqualTo("\u3042");
        assertThat(tcl.eval("encoding convertfrom unicode abc")).isEqualTo("\u6261");
    }

    @Test
    void systemNamesDirsAndErrors() throws Exception {
        assertThat(tcl.eval("encoding system")).isEqualTo("utf-8");
        assertThat(tcl.eval("expr {[lsearch [encoding names] iso8859-1] >= 0}")).isEqualTo("1");
        assertThat(tcl.eval("encoding system iso8859-1; encoding convertto \u00e9")).isEqualTo("\u00e9");
        assertThat(tcl.eval("encoding system")).isEqualTo("iso8859-1");
        assertThat(tcl.eval("encoding dirs {a b}")).isEqualTo("a b");
        assertThat(tcl.eval("encoding dirs")).isEqualTo("a b");
        assertThat(tcl.error("encoding dirs \\{")).isEqualTo("expected directory list but got \"{\" | TCL OPERATION ENCODING BADPATH");
        assertThat(tcl.error("encoding convertto foo abc")).isEqualTo("unknown encoding \"foo\" | TCL LOOKUP ENCODING foo");
        assertThat(tcl.error("encoding system foo")).isEqualTo("unknown encoding \"foo\" | TCL LOOKUP ENCODING foo");
        assertThat(tcl.error("encoding convertto a b c")).isEqualTo("wrong # args: should be \"encoding convertto ?encoding? data\" | TCL WRONGARGS");
        assertThat(tcl.error("encoding conv ab")).isEqualTo("unknown or ambiguous subcommand \"conv\": must be convertfrom, "
                + "convertto, dirs, names, or system | TCL LOOKUP SUBCOMMAND conv");
    }
}
