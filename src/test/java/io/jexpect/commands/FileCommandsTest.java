package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected values recorded from tclsh 8.6.13. */
class FileCommandsTest {
    @TempDir Path dir;
    TclRunner tcl;

    @BeforeEach
    void setUp() throws Exception {
        tcl = new TclRunner();
        tcl.eval("cd {" + dir + "}");
    }

    @Test
    void attributesAsTclSetsThem() throws Exception {
        String script = """
proc t {script} { if {[catch {uplevel 1 $script} r o]} { puts "ERR $r | [dict get $o -errorcode]" } else { puts "<$r>" } }
close [open foo.tmp w]
file attributes foo.tmp -permissions 0644
t {file attributes foo.tmp -group [file attributes foo.tmp -group] -owner [file attributes foo.tmp -owner]}
t {string equal [file attributes foo.tmp -gr] [file attributes foo.tmp -group]}
foreach p {u+rwx go-r a=rw,u+x rwxr-x--- 0644 u+q o=u +x u-x,g+s o+t {} rwx rwsr-Sr-T 0x1ff 644} {
    t [list file attributes foo.tmp -permissions $p]
    t {file attributes foo.tmp -permissions}
}
t {file attributes foo.tmp -group nosuchgroup}
t {file attributes foo.tmp -owner nosuchuser}
t {file attributes foo.tmp -group root -owner}
t {file attributes foo.tmp -bogus}
t {file attributes nosuch -permissions u+x}
""";
        assertThat(tcl.run(script)).isEqualTo("""
<>
<1>
<>
<00744>
<>
<00700>
<>
<00766>
<>
<00750>
<>
<00644>
ERR unknown permission string format "u+q" | TCL VALUE PERMISSION
<00644>
ERR unknown permission string format "o=u" | TCL VALUE PERMISSION
<00644>
<>
<00755>
<>
<02655>
<>
<03655>
<>
<03655>
ERR unknown permission string format "rwx" | TCL VALUE PERMISSION
<03655>
<>
<07744>
<>
<00777>
<>
<01204>
ERR could not set group for file "foo.tmp": group "nosuchgroup" does not exist | TCL OPERATION SETGRP NO_GROUP
ERR could not set owner for file "foo.tmp": user "nosuchuser" does not exist | TCL OPERATION SETOWN NO_USER
ERR value for "-owner" missing | TCL OPERATION FATTR NOVALUE
ERR bad option "-bogus": must be -group, -owner, or -permissions | TCL LOOKUP INDEX option -bogus
ERR could not read "nosuch": no such file or directory | POSIX ENOENT {no such file or directory}
""");
    }

    @Test
    void pathNames() throws Exception {
        assertThat(tcl.eval("file join a b /c d")).isEqualTo("/c/d");
        assertThat(tcl.eval("file join a/ b//c")).isEqualTo("a/b/c");
        assertThat(tcl.eval("file join a ~b c")).isEqualTo("~b/c");
        assertThat(tcl.eval("list [file tail /a/b/c.txt] [file tail /a/b/] [file tail /]")).isEqualTo("c.txt b {}");
        assertThat(tcl.eval("list [file dirname /a/b/c] [file dirname a] [file dirname /a] [file dirname /] [file dirname a/b/]"))
                .isEqualTo("/a/b . / / a");
        assertThat(tcl.eval("list [file extension a/b.c.txt] [file extension a.b/c] [file extension .bashrc]")).isEqualTo(".txt {} .bashrc");
        assertThat(tcl.eval("list [file rootname a/b.c.txt] [file rootname a.b/c]")).isEqualTo("a/b.c a.b/c");
        assertThat(tcl.eval("list [file split /a/b//c/] [file split a/b] [file split ~/x]")).isEqualTo("{/ a b c} {a b} {~ x}");
        assertThat(tcl.eval("list [file pathtype /a] [file pathtype a] [file pathtype ~a]")).isEqualTo("absolute relative absolute");
        assertThat(tcl.eval("file nativename a//b/")).isEqualTo("a/b");
        assertThat(tcl.eval("file normalize /x/y/../z/")).isEqualTo("/x/z");
        assertThat(tcl.eval("file normalize a/../b/./c")).isEqualTo(dir.toRealPath().resolve("b/c").toString());
        assertThat(tcl.error("file foo")).startsWith("unknown or ambiguous subcommand \"foo\": must be atime, attributes, channels, copy,");
        assertThat(tcl.error("file exists")).isEqualTo("wrong # args: should be \"file exists name\" | TCL WRONGARGS");
    }

    @Test
    void queriesAndErrors() throws Exception {
        tcl.eval("set f [open a.txt w]; puts $f hello; close $f");
        assertThat(tcl.eval("list [file size a.txt] [file type a.txt] [file type .] [file isfile a.txt] [file isdirectory .]"))
                .isEqualTo("6 file directory 1 1");
        assertThat(tcl.eval("list [file readable a.txt] [file writable a.txt] [file executable a.txt] [file exists nosuch]"))
                .isEqualTo("1 1 0 0");
        assertThat(tcl.error("file size nosuch")).isEqualTo(
                "could not read \"nosuch\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.eval("file mtime a.txt 0; file mtime a.txt")).isEqualTo("0");
        assertThat(tcl.eval("file stat a.txt s; list $s(size) $s(type)")).isEqualTo("6 file");
    }

    @Test
    void mkdirDeleteCopyRename() throws Exception {
        tcl.eval("set f [open a.txt w]; puts $f hello; close $f");
        assertThat(tcl.eval("file mkdir x/y/z; file isdirectory x/y/z")).isEqualTo("1");
        assertThat(tcl.error("file mkdir a.txt/b")).isEqualTo(
                "can't create directory \"a.txt\": file already exists | POSIX EEXIST {file already exists}");
        assertThat(tcl.error("file delete x")).isEqualTo(
                "error deleting \"x\": directory not empty | POSIX EEXIST {file already exists}");
        assertThat(tcl.eval("file delete -force x; file exists x")).isEqualTo("0");
        assertThat(tcl.eval("file delete nosuch")).isEmpty();
        assertThat(tcl.eval("file copy a.txt b.txt; file exists b.txt")).isEqualTo("1");
        assertThat(tcl.error("file copy a.txt b.txt")).isEqualTo(
                "error copying \"a.txt\" to \"b.txt\": file already exists | POSIX EEXIST {file already exists}");
        assertThat(tcl.eval("file copy -force a.txt b.txt")).isEmpty();
        assertThat(tcl.eval("file rename b.txt c.txt; lsort [glob *]")).isEqualTo("a.txt c.txt");
        assertThat(tcl.error("file rename a.txt c.txt")).isEqualTo(
                "error renaming \"a.txt\" to \"c.txt\": file already exists | POSIX EEXIST {file already exists}");
        assertThat(tcl.error("file copy nosuch q")).isEqualTo(
                "error copying \"nosuch\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.eval("file mkdir sub; file copy a.txt sub; file rename c.txt sub; lsort [glob -directory sub *]"))
                .isEqualTo("sub/a.txt sub/c.txt");
        assertThat(Files.readString(dir.resolve("sub/c.txt"))).isEqualTo("hello\n");
    }

    @Test
    void glob() throws Exception {
        tcl.eval("file mkdir sub; close [open a.txt w]; close [open sub/b.txt w]; close [open .hidden w]");
        assertThat(tcl.eval("lsort [glob *]")).isEqualTo("a.txt sub");
        assertThat(tcl.eval("lsort [glob -types d *]")).isEqualTo("sub");
        assertThat(tcl.eval("lsort [glob -types f *]")).isEqualTo("a.txt");
        assertThat(tcl.eval("lsort [glob {{a,sub}*}]")).isEqualTo("a.txt sub");
        assertThat(tcl.eval("lsort [glob s?b/*]")).isEqualTo("sub/b.txt");
        assertThat(tcl.eval("lsort [glob {[a-s]*}]")).isEqualTo("a.txt sub");
        assertThat(tcl.eval("glob */")).isEqualTo("sub/");
        assertThat(tcl.eval("glob -tails -directory sub *")).isEqualTo("b.txt");
        assertThat(tcl.eval("glob .h*")).isEqualTo(".hidden");
        assertThat(tcl.eval("glob -nocomplain *.zz")).isEmpty();
        assertThat(tcl.error("glob *.zz")).isEqualTo("no files matched glob pattern \"*.zz\" | TCL OPERATION GLOB NOMATCH");
        assertThat(tcl.error("glob *.zz *.yy")).isEqualTo("no files matched glob patterns \"*.zz *.yy\" | TCL OPERATION GLOB NOMATCH");
        assertThat(tcl.error("glob -foo x")).isEqualTo(
                "bad option \"-foo\": must be -directory, -join, -nocomplain, -path, -tails, -types, or -- | TCL LOOKUP INDEX option -foo");
        assertThat(tcl.error("glob -types q *")).isEqualTo("bad argument to \"-types\": q | TCL ARGUMENT BAD");
        assertThat(tcl.eval("glob " + dir + "/s*")).isEqualTo(dir + "/sub");
    }

    @Test
    void globBuildsNamesAsTclDoes() throws Exception {
        tcl.eval("file mkdir sub ./~dir; close [open sub/a1 w]; close [open sub/.1 w]; close [open ./~dir/x w]; close [open ./~t w]");
        assertThat(tcl.eval("lsort [glob *]")).isEqualTo("sub ~dir ~t");
        assertThat(tcl.eval("glob */x")).isEqualTo("~dir/x");
        assertThat(tcl.eval("lsort [glob -dir . *]")).isEqualTo("./sub ./~dir ./~t");
        assertThat(tcl.eval("list [glob -dir sub *] [glob -dir sub/ *] [glob -path sub/ *] [glob -path su *] [glob -path sub/a *]"))
                .isEqualTo("sub/a1 sub/a1 sub/a1 sub sub/a1");
        assertThat(tcl.eval("list [glob -join s* *] [glob -tails -path sub/a *] [glob -tails -dir sub .]")).isEqualTo("sub/a1 a1 .");
        assertThat(tcl.eval("lsort [glob sub/.*]")).isEqualTo("sub/. sub/.. sub/.1");
        assertThat(tcl.eval("lsort [glob -types hidden -dir sub *]")).isEqualTo("sub/. sub/.. sub/.1");
        assertThat(tcl.eval("list [glob {}] [glob -types d {}] [glob /] [glob //] [glob {sub\\/a1}] [glob {sub\\/\\a1}] [glob -dir sub -- {}]"))
                .isEqualTo(". . / / sub/a1 sub/a1 sub");
        assertThat(tcl.eval("set env(HOME) [pwd]/sub; list [glob ~] [glob {~\\/a1}]")).isEqualTo(dir + "/sub " + dir + "/sub/a1");
        assertThat(tcl.error("glob {~\\\\}")).isEqualTo("user \"\\\" doesn't exist | TCL VALUE PATH NOUSER");
        assertThat(tcl.error("glob sub/\\}")).isEqualTo("unmatched close-brace in file name | TCL OPERATION GLOB BALANCE");
        assertThat(tcl.error("glob -path a -dir b *")).isEqualTo("\"-directory\" cannot be used with \"-path\" | TCL OPERATION GLOB BADOPTIONCOMBINATION");
        assertThat(tcl.error("glob -dir a -path b *")).isEqualTo("\"-path\" cannot be used with \"-dictionary\" | TCL OPERATION GLOB BADOPTIONCOMBINATION");
        assertThat(tcl.error("glob -path a -path b *")).isEqualTo("\"-path\" may only be used once | TCL OPERATION GLOB BADOPTIONCOMBINATION");
        assertThat(tcl.error("glob -dir a -dir b *")).isEqualTo("\"-directory\" may only be used once | TCL OPERATION GLOB BADOPTIONCOMBINATION");
        assertThat(tcl.error("glob -types {abcd efgh} *")).isEqualTo("only one MacOS type or creator argument to \"-types\" allowed | TCL ARGUMENT BAD");
        assertThat(tcl.eval("lsort [glob -types TEXT *]")).isEqualTo("sub ~dir ~t");
    }

    @Test
    void tildeComponentsKeepTheirDotSlash() throws Exception {
        assertThat(tcl.eval("list [file tail a/~b] [file tail ./~b] [file dirname a/~b/c] [file join a ./~b] [file join ./~b c] [file join a/~b c]"))
                .isEqualTo("./~b ./~b a/~b a/~b ./~b/c a/~b/c");
    }

    @Test
    void tempfileMakesAFreshPrivateFile() throws Exception {
        assertThat(tcl.error("file tempfile a b c")).isEqualTo("wrong # args: should be \"file tempfile ?nameVar? ?template?\" | TCL WRONGARGS");
        assertThat(tcl.eval("set f [file tempfile]; puts $f ok; seek $f 0; set r [gets $f]; close $f; set r")).isEqualTo("ok");
        assertThat(tcl.eval("file mkdir d; close [file tempfile n d/x.y.z]; set n")).matches("d/x\\.y_[A-Za-z0-9]{6}\\.z");
        assertThat(tcl.eval("file stat $n s; format %o [expr {$s(mode) & 0777}]")).isEqualTo("600");
        assertThat(tcl.eval("close [file tempfile n d/]; set n")).matches("\\./tcl_[A-Za-z0-9]{6}");
        assertThat(tcl.eval("set env(TMPDIR) [pwd]/d; close [file tempfile n foo]; set n")).matches(dir + "/d/foo_[A-Za-z0-9]{6}");
        assertThat(tcl.error("file tempfile n nosuch/x")).isEqualTo(
                "can't create temporary file: no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.eval("file channels")).doesNotContain("file");
    }

    @Test
    void statSetsFieldsInTclsOrder() throws Exception {
        assertThat(tcl.error("set x 44; file stat . x")).isEqualTo("can't set \"x(dev)\": variable isn't array | TCL LOOKUP VARNAME x");
    }

    @Test
    void pwdAndCd() throws Exception {
        tcl.eval("file mkdir sub; close [open a.txt w]");
        assertThat(tcl.eval("pwd")).isEqualTo(dir.toString());
        assertThat(tcl.eval("cd sub; pwd")).isEqualTo(dir.resolve("sub").toString());
        assertThat(WorkingDirectory.of(tcl.interp)).isEqualTo(dir.resolve("sub"));
        assertThat(tcl.eval("cd ..; pwd")).isEqualTo(dir.toString());
        assertThat(tcl.error("cd nosuch")).isEqualTo(
                "couldn't change working directory to \"nosuch\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.error("cd a.txt")).isEqualTo(
                "couldn't change working directory to \"a.txt\": not a directory | POSIX ENOTDIR {not a directory}");
    }
}
