package io.jexpect.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs scripts N at a time, each through {@link ScriptRunner} (a fresh interpreter per script in
 * this JVM; docs/harness.md has the measurements behind that choice), and returns every test grouped
 * by file in the files' order, however the runs interleaved.
 */
final class SuiteRunner {
    private SuiteRunner() {}

    static List<TestResult> run(Map<String, java.nio.file.Path> scripts, int jobs, ScriptRunner runner, Progress progress)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<List<TestResult>>> runs = new ArrayList<>();
            scripts.forEach((name, file) -> runs.add(pool.submit(() -> {
                progress.started(name);
                long start = System.nanoTime();
                List<TestResult> tests = runner.run(file, name, t -> {});
                progress.finished(name, tests, Duration.ofNanos(System.nanoTime() - start));
                return tests;
            })));
            List<TestResult> all = new ArrayList<>();
            for (Future<List<TestResult>> f : runs) {
                try {
                    all.addAll(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
