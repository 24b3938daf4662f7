package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Tcl 8.6's own clock library (clock.tcl, its msgs/*.msg locale catalogues and msgcat, under Tcl's
 * BSD licence in resources io/jexpect/tcl/), loaded as tclsh loads it: ::tcl::clock::add, format
 * and scan start as stubs that source clock.tcl on first use, so a script that never formats a
 * date pays nothing. clock.tcl and msgcat read their files from a folder: from a jar the library
 * is copied once to a folder in the user's cache named after its content, shared by later runs.
 */
final class ClockLibrary {
    private ClockLibrary() {}

    private static final String RESOURCES = "/io/jexpect/tcl/";
    static final String MSGCAT_VERSION = "1.6.1";

    static void install(Interp in) {
        for (String name : List.of("add", "format", "scan")) in.register("::tcl::clock::" + name, new Stub(name));
    }

    /** Stands for a procedure of clock.tcl until clock.tcl is sourced, then calls the real one. */
    private record Stub(String name) implements TclCommand {
        @Override
        public Value call(Interp in, Value[] argv) throws TclException {
            Path dir = Folder.PATH;
            if (dir == null) throw TclException.error("cannot read Tcl's clock library: " + Folder.FAILURE);
            in.evalGlobal(Value.ofStrings(List.of("package", "ifneeded", "msgcat", MSGCAT_VERSION,
                    source(dir.resolve("msgcat-" + MSGCAT_VERSION + ".tm")).toString())));
            in.evalGlobal(source(dir.resolve("clock.tcl")));
            ClockZones.useJdkWithoutZoneinfo(in);
            TclCommand real = in.command("::tcl::clock::" + name);
            if (real == null || real instanceof Stub) {
                throw TclException.error("clock.tcl did not define ::tcl::clock::" + name);
            }
            return real.call(in, argv);
        }
    }

    private static Value source(Path file) {
        return Value.ofStrings(List.of("source", "-encoding", "utf-8", file.toString()));
    }

    /** The library's folder, found or made once per JVM (or why it could not be). */
    private static final class Folder {
        static final Path PATH;
        static final String FAILURE;

        static {
            Path path = null;
            String failure = null;
            try {
                path = locate();
            } catch (IOException | URISyntaxException | RuntimeException e) {
                failure = e.toString();
            }
            PATH = path;
            FAILURE = failure;
        }
    }

    private static Path locate() throws IOException, URISyntaxException {
        URL index = ClockLibrary.class.getResource(RESOURCES + "files.txt");
        if (index == null) throw new IOException("it is missing from the class path");
        if (index.getProtocol().equals("file")) return Path.of(index.toURI()).getParent();
        return extract(index);
    }

    /**
     * Copies the library out of the jar into a folder named by a digest of its files. The digest
     * is taken from the jar's directory (each entry's CRC-32 and size), so a run that finds the
     * folder made reads no file of the library.
     */
    private static Path extract(URL index) throws IOException {
        List<String> names = read("files.txt").lines().filter(l -> !l.isBlank()).toList();
        Path base = userCache();
        if (base == null) return privateCopy(names);
        Path dir = base.resolve("tcl-" + digest(index, names));
        if (Files.isDirectory(dir)) return dir;
        Path tmp = Files.createTempDirectory(base, "tcl-partial-");
        write(names, tmp);
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // Another process made the same folder first: use theirs, drop ours.
            if (!Files.isDirectory(dir)) throw raced;
            deleteTree(tmp);
        }
        return dir;
    }

    private static String digest(URL index, List<String> names) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        JarFile jar = index.openConnection() instanceof JarURLConnection c ? c.getJarFile() : null;
        for (String name : names) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            JarEntry entry = jar == null ? null : jar.getJarEntry(RESOURCES.substring(1) + name);
            if (entry != null && entry.getCrc() != -1) {
                digest.update((entry.getCrc() + ":" + entry.getSize()).getBytes(StandardCharsets.UTF_8));
            } else {
                digest.update(bytes(name));
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /**
     * A folder only this user can write: the user's cache (XDG_CACHE_HOME or ~/.cache, as the
     * launcher's start-up cache), else jexpect-USER in the temporary folder when this user owns it
     * and nobody else may write it (another user could otherwise plant a clock.tcl there first);
     * null when neither is available.
     */
    private static Path userCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");
        Path cache = xdg != null && xdg.startsWith("/") ? Path.of(xdg)
                : home != null && home.startsWith("/") ? Path.of(home, ".cache") : null;
        try {
            if (cache != null) {
                Path dir = Files.createDirectories(cache.resolve("jexpect"));
                if (Files.isWritable(dir)) return dir;
            }
        } catch (IOException | SecurityException e) {
            // no cache folder: try the temporary one
        }
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "jexpect-" + System.getProperty("user.name", "user"));
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            boolean ours = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                    .equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            return ours && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE)
                    ? dir : null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** Without a folder of our own: a copy in a new private temporary folder (left behind). */
    private static Path privateCopy(List<String> names) throws IOException {
        Path dir = Files.createTempDirectory("jexpect-tcl-"); // owner-only on POSIX
        write(names, dir);
        return dir;
    }

    private static void write(List<String> names, Path dir) throws IOException {
        for (String name : names) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes(name));
        }
    }

    private static String read(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = ClockLibrary.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IOException("missing resource " + RESOURCES + name);
            return in.readAllBytes();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        List<Path> all = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) Files.deleteIfExists(all.get(i));
    }
}
