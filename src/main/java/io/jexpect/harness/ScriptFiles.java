package io.jexpect.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The scripts a run takes: files as given, every {@code *.exp} under folders; named and sorted stably. */
final class ScriptFiles {
    private ScriptFiles() {}

    /** Test name → file, sorted by name. A name is the path relative to the working directory when inside it. */
    static Map<String, Path> find(List<String> paths) throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Map<String, Path> found = new TreeMap<>();
        for (String p : paths) {
            Path path = Path.of(p).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(f -> f.getFileName().toString().endsWith(".exp") && Files.isRegularFile(f))
                            .sorted(Comparator.naturalOrder())
                            .forEach(f -> found.put(name(cwd, f), f));
                }
            } else if (Files.isRegularFile(path)) {
                found.put(name(cwd, path), path);
            } else {
                throw new NoSuchFileException(p);
            }
        }
        return found;
    }

    private static String name(Path cwd, Path file) {
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
