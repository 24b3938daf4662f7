package io.jexpect.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The launcher's ahead-of-time cache in a folder, which a detached training process writes after a run. */
final class StartupCache {
    private StartupCache() {}

    /**
     * Waits until the training the launcher left behind has finished in {@code folder} and returns
     * the cache it made: done means a cache (or a failure marker) exists and no trainer holds the lock.
     */
    static Path awaitTrained(Path folder) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Path> files;
            try (Stream<Path> all = Files.list(folder)) {
                files = all.filter(p -> p.getFileName().toString().matches("jexpect.*\\.aot(\\.failed)?")).toList();
            }
            Path lock = folder.resolve(files.isEmpty() ? "none" : files.getFirst().toString().replaceAll("\\.failed$", "") + ".lock");
            if (!files.isEmpty() && new ProcessBuilder("flock", "-n", lock.toString(), "true").start().waitFor() == 0) {
                assertThat(files).as("the training succeeded").allMatch(p -> p.toString().endsWith(".aot"));
                return files.getFirst();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no start-up cache in " + folder + " after 300 s");
    }
}
