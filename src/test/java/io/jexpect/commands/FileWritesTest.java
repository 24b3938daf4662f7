package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.Programs;
import io.jexpect.testing.TclRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * file copy/rename/delete/mkdir/link and open write only where Tcl writes, and fail with Tcl's words.
 * Expected values recorded from tclsh 8.6.13; everything happens in a temporary directory, and the
 * tests of "~" run jexpect with HOME (and Java's user.home) pointing at temporary directories.
 */
class FileWritesTest {
    @TempDir Path dir;
    TclRunner tcl;

    @BeforeEach
    void setUp() throws Exception {
        tcl = new TclRunner();
        tcl.eval("cd {" + dir + "}");
        tcl.eval("file mkdir d/inner; close [open a w]; close [open d/inner/f w]");
        Files.createSymbolicLink(dir.resolve("al"), Path.of("a"));
        Files.createSymbolicLink(dir.resolve("dl"), Path.of("d"));
        Files.createSymbolicLink(dir.resolve("dangling"), Path.of("nowhere"));
    }

    /** Every name under the directory, relative, sorted. */
    private static List<String> tree(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void missingParentsAreNeverMade() throws Exception {
        List<String> before = tree(dir);
        assertThat(tcl.error("file copy d this/file/doesnt/exist")).isEqualTo(
                "error copying \"d\" to \"this/file/doesnt/exist\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.error("file copy a missing/x")).isEqualTo(
                "error copying \"a\" to \"missing/x\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.error("file rename d missing/x")).isEqualTo(
                "error renaming \"d\" to \"missing/x\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.error("open missing/x w")).isEqualTo(
                "couldn't open \"missing/x\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.error("file link missing/l a")).isEqualTo(
                "could not create new link \"missing/l\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.error("file copy d \"\"")).isEqualTo(
                "can't create directory \"\": no such file or directory | POSIX ENOENT {no such file or directory}");
        assertThat(tree(dir)).isEqualTo(before);
    }

    @Test
    void linksAreCopiedRenamedAndDeletedAsLinks() throws Exception {
        assertThat(tcl.eval("file copy al alcopy; list [file type alcopy] [file readlink alcopy]")).isEqualTo("link a");
        assertThat(tcl.eval("file copy dangling dcopy; file readlink dcopy")).isEqualTo("nowhere");
        assertThat(tcl.eval("file copy dl dlcopy; list [file type dlcopy] [file readlink dlcopy]")).isEqualTo("link d");
        assertThat(tcl.eval("file copy dl d/inner/x; file readlink d/inner/x")).isEqualTo("d");
        assertThat(tcl.eval("file rename dangling moved; list [file type moved] [file readlink moved]")).isEqualTo("link nowhere");
        // Deleting a link to a directory, even with -force, leaves the directory and its files alone.
        assertThat(tcl.eval("file delete -force dl dlcopy; list [file exists dl] [file exists d/inner/f]")).isEqualTo("0 1");
        // A link to a directory as the target: the source goes into the directory.
        assertThat(tcl.eval("file link dl2 d; file copy a dl2; file exists d/a")).isEqualTo("1");
    }

    @Test
    void existingTargetsAndForce() throws Exception {
        assertThat(tcl.eval("close [open b w]; catch {file copy a b} m; set m")).isEqualTo("error copying \"a\" to \"b\": file already exists");
        assertThat(tcl.error("file copy d/inner d")).isEqualTo(
                "error copying \"d/inner\" to \"d/inner\": file already exists | POSIX EEXIST {file already exists}");
        assertThat(tcl.error("file rename a b")).isEqualTo(
                "error renaming \"a\" to \"b\": file already exists | POSIX EEXIST {file already exists}");
        assertThat(tcl.error("file copy -force d a")).isEqualTo("can't overwrite file \"a\" with directory \"d\" | NONE");
        assertThat(tcl.error("file delete d")).isEqualTo(
                "error deleting \"d\": directory not empty | POSIX EEXIST {file already exists}");
        assertThat(tcl.eval("file copy -force a d; file exists d/a")).isEqualTo("1");
        assertThat(tcl.error("file copy a a")).isEqualTo("error copying \"a\": file already exists | POSIX EEXIST {file already exists}");
        assertThat(tcl.eval("file copy -force a a")).isEmpty();
        assertThat(tcl.error("file copy a b nodir")).isEqualTo(
                "error copying: target \"nodir\" is not a directory | POSIX ENOTDIR {not a directory}");
        assertThat(tcl.error("file mkdir a/b")).isEqualTo(
                "can't create directory \"a\": file already exists | POSIX EEXIST {file already exists}");
        assertThat(tcl.error("file delete -forc a")).isEqualTo(
                "bad option \"-forc\": must be -force or -- | TCL LOOKUP INDEX option -forc");
        assertThat(tcl.eval("file mkdir dl/new; file isdirectory d/new")).isEqualTo("1");
    }

    @Test
    void aDirectoryIsNeverPutIntoItself() throws Exception {
        List<String> before = tree(dir);
        assertThat(tcl.error("file rename d d/inner")).isEqualTo(
                "error renaming \"d\" to \"d/inner/d\": trying to rename a volume or move a directory into itself | NONE");
        // Tcl copies the copy into itself until the name is too long; jexpect refuses before writing.
        assertThat(tcl.error("file copy d d/inner")).isEqualTo(
                "error copying \"d\" to \"d/inner/d\": trying to copy a directory into itself | NONE");
        assertThat(tcl.error("file rename d d")).isEqualTo(
                "error renaming \"d\" to \"d/d\": trying to rename a volume or move a directory into itself | NONE");
        assertThat(tree(dir)).isEqualTo(before);
    }

    @Test
    void aNulInANameIsTclsError() throws Exception {
        assertThat(tcl.error("file copy \"a\\0b\" c")).isEqualTo(
                "error copying \"a\0b\": bad address in system call argument | POSIX EFAULT {bad address in system call argument}");
        assertThat(tcl.error("file copy a \"b\\0\"")).isEqualTo(
                "error copying \"a\" to \"b\0\": bad address in system call argument | POSIX EFAULT {bad address in system call argument}");
        assertThat(tcl.error("file delete \"a\\0b\"")).isEqualTo(
                "error deleting \"a\0b\": bad address in system call argument | POSIX EFAULT {bad address in system call argument}");
        assertThat(tcl.error("file rename \"a\\0b\" z")).isEqualTo(
                "error renaming \"a\0b\": bad address in system call argument | POSIX EFAULT {bad address in system call argument}");
        assertThat(tcl.error("open \"a\\0b\" w")).isEqualTo("couldn't open \"a\0b\": filename is invalid on this platform | NONE");
        assertThat(tcl.error("file mkdir \"a\\0b\"")).isEqualTo(
                "can't create directory \"a\0b\": invalid argument | POSIX EINVAL {invalid argument}");
        assertThat(tcl.error("file link x \"a\\0b\"")).isEqualTo(
                "could not create new link \"x\": target \"a\0b\" doesn't exist | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.eval("list [file exists \"a\\0b\"] [file isdirectory \"d\\0\"]")).isEqualTo("0 0");
    }

    @Test
    void fileLinkChecksTheTargetThenTheName() throws Exception {
        assertThat(tcl.eval("file link l a")).isEqualTo("a");
        assertThat(tcl.eval("list [file type l] [file readlink l]")).isEqualTo("link a");
        assertThat(tcl.error("file link l a")).isEqualTo(
                "could not create new link \"l\": that path already exists | POSIX EEXIST {file already exists}");
        assertThat(tcl.error("file link dangling a")).isEqualTo(
                "could not create new link \"dangling\": that path already exists | POSIX EEXIST {file already exists}");
        assertThat(tcl.error("file link a nothere")).isEqualTo(
                "could not create new link \"a\": target \"nothere\" doesn't exist | POSIX ENOENT {no such file or directory}");
        // A symbolic link's relative target is looked up from the link's directory.
        assertThat(tcl.eval("file link d/up ../a")).isEqualTo("../a");
        assertThat(tcl.error("file link d/l2 a")).isEqualTo(
                "could not create new link \"d/l2\": target \"a\" doesn't exist | POSIX ENOENT {no such file or directory}");
        assertThat(tcl.error("file link -hard hd d")).isEqualTo(
                "could not create new link \"hd\" pointing to \"d\": not owner | POSIX EPERM {not owner}");
        assertThat(tcl.eval("file link -hard h a; file type h")).isEqualTo("file");
        assertThat(tcl.error("file link - x a")).isEqualTo(
                "ambiguous option \"-\": must be -symbolic or -hard | TCL LOOKUP INDEX option -");
        assertThat(tcl.error("file link a")).isEqualTo(
                "could not read link \"a\": invalid argument | POSIX EINVAL {invalid argument}");
    }

    /** jexpect on a script in its own process, with HOME (unless null) and Java's user.home set apart. */
    private Programs.Result runWithHome(Path home, String script) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path javaHome = Files.createDirectories(dir.resolve("java-user-home"));
        Path file = dir.resolve("t.exp");
        Files.writeString(file, script);
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home == null ? null : home.toString());
        env.put("DOTDIR", dir.toString()); // no ~/.expect.rc
        return Programs.run(work, env, "", Programs.jexpect(List.of("-Duser.home=" + javaHome), file.toString()));
    }

    @Test
    void tildeIsHomeAndCopyingItWritesNothingWhereTclRefuses() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/h1"));
        Files.writeString(dir.resolve("home/hf"), "mine\n");
        Programs.Result r = runWithHome(home.getParent(), """
                puts [catch {file copy ~ this/file/doesnt/exist} m]; puts $m
                puts [catch {file rename ~/hf missing/x} m]; puts $m
                file copy ~ homecopy
                puts [lsort [glob -tails -directory homecopy *]]
                set f [open ~/new w]; puts $f written; close $f
                puts [file tail ~]
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                1
                error copying "~" to "this/file/doesnt/exist": no such file or directory
                1
                error renaming "~/hf" to "missing/x": no such file or directory
                h1 hf
                home
                """);
        assertThat(tree(dir.resolve("work"))).containsExactly("homecopy", "homecopy/h1", "homecopy/hf");
        assertThat(Files.readString(dir.resolve("home/new"))).isEqualTo("written\n");
        assertThat(tree(dir.resolve("java-user-home"))).allMatch(n -> n.startsWith(".cache")); // caches at most
    }

    @Test
    void withoutHomeTildeIsTclsError() throws Exception {
        Programs.Result r = runWithHome(null, """
                puts [catch {file copy ~ x} m]; puts $m
                puts [catch {open ~/x w} m]; puts $m
                puts [file exists ~]
                """);
        assertThat(r.out()).isEqualTo("""
                1
                couldn't find HOME environment variable to expand path
                1
                couldn't find HOME environment variable to expand path
                0
                """);
        assertThat(tree(dir.resolve("work"))).isEmpty();
        assertThat(tree(dir.resolve("java-user-home"))).allMatch(n -> n.startsWith(".cache")); // caches at most
    }
}
