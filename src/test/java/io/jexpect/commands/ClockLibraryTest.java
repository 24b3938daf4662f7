package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.testing.Programs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled Tcl library is copied out of a jar by its index into a folder only the user may write. */
class ClockLibraryTest {
    private static final Path LIBRARY = Path.of("src/main/resources/io/jexpect/tcl");
    private static final String GERMAN_MONTH = "puts [clock format 0 -gmt 1 -locale de -format %B]";

    @Test
    void theIndexListsEveryFileOfTheLibrary() throws Exception {
        List<String> index = Files.readAllLines(LIBRARY.resolve("files.txt"));
        try (Stream<Path> files = Files.walk(LIBRARY)) {
            List<String> present = files.filter(Files::isRegularFile)
                    .map(p -> LIBRARY.relativize(p).toString())
                    .filter(name -> !name.equals("files.txt"))
                    .sorted()
                    .toList();
            assertThat(index).isEqualTo(present).contains("clock.tcl", "msgcat-1.6.1.tm", "license.terms", "msgs/de.msg");
        }
    }

    @Test
    void fromAJarTheLibraryGoesToTheUsersCacheOnce(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        List<String> cmd = fromJar(dir);
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString()));
        env.put("XDG_CACHE_HOME", null);
        for (int run = 0; run < 2; run++) {
            Programs.Result r = Programs.run(dir, env, cmd);
            assertThat(r.out()).isEqualTo("Januar\n");
        }
        try (Stream<Path> copies = Files.list(home.resolve(".cache/jexpect"))) {
            assertThat(copies.map(p -> p.getFileName().toString()).toList()).singleElement().asString().startsWith("tcl-");
        }
    }

    @Test
    void aJarWithOtherLibraryFilesGetsAFolderOfItsOwn(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        List<String> cmd = fromJar(dir);
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString()));
        env.put("XDG_CACHE_HOME", null);
        assertThat(Programs.run(dir, env, cmd).out()).isEqualTo("Januar\n");
        Path changed = Files.createDirectories(dir.resolve("changed/io/jexpect/tcl"));
        Files.writeString(changed.resolve("license.terms"), "another release's licence text\n");
        int rc = ToolProvider.findFirst("jar").orElseThrow().run(System.out, System.err,
                "uf", dir.resolve("jexpect.jar").toString(), "-C", dir.resolve("changed").toString(), "io/jexpect/tcl/license.terms");
        assertThat(rc).isZero();
        assertThat(Programs.run(dir, env, cmd).out()).isEqualTo("Januar\n");
        try (Stream<Path> copies = Files.list(home.resolve(".cache/jexpect"))) {
            List<Path> folders = copies.toList();
            assertThat(folders).hasSize(2);
            assertThat(folders).anySatisfy(f -> assertThat(f.resolve("license.terms")).hasContent("another release's licence text"));
        }
    }

    @Test
    void withoutAUsableCacheAForeignFolderInTmpIsNotUsed(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("cache"), "a file where the cache folder would be");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        // A folder where the user's would be, writable by everyone (as one planted by another user would be).
        Path planted = Files.createDirectory(tmp.resolve("jexpect-" + System.getProperty("user.name")));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> cmd = fromJar(dir);
        cmd.add(1, "-Djava.io.tmpdir=" + tmp);
        Programs.Result r = Programs.run(dir, Map.of("XDG_CACHE_HOME", notAFolder.toString()), cmd);
        assertThat(r.out()).isEqualTo("Januar\n");
        try (Stream<Path> left = Files.list(planted)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    /** This build's jexpect running GERMAN_MONTH with its classes and resources from a jar. */
    private static List<String> fromJar(Path dir) {
        Path jar = dir.resolve("jexpect.jar");
        int rc = ToolProvider.findFirst("jar").orElseThrow()
                .run(System.out, System.err, "cf", jar.toString(), "-C", "target/classes", ".");
        assertThat(rc).isZero();
        List<String> path = new ArrayList<>(List.of(jar.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).toAbsolutePath().startsWith(Path.of("target").toAbsolutePath())) path.add(entry);
        }
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", String.join(File.pathSeparator, path), "io.jexpect.cli.Main", "-c", GERMAN_MONTH));
    }
}
