package io.jexpect.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs many jobs (each typically a session: spawn, converse, close) with at most {@code maxAlive}
 * running at once, each on its own virtual thread:
 * <pre>{@code
 * List<JobResult<String>> results = BoundedRunner.run(4, hosts.stream()
 *         .map(h -> (Callable<String>) () -> { try (var s = ExpectSession.spawn("ssh", h)) { ... } })
 *         .toList());
 * }</pre>
 * Results come back in the order of the jobs; a job that throws gives a failed result and the
 * others go on. A job should close its sessions before returning, so that "at most K running"
 * also means "at most K programs alive".
 */
public final class BoundedRunner {
    private BoundedRunner() {
    }

    /**
     * Runs every job, at most {@code maxAlive} at a time, and waits for all of them.
     *
     * @throws InterruptedException when the calling thread is interrupted (running jobs are
     *                              interrupted too)
     */
    public static <T> List<JobResult<T>> run(int maxAlive, List<? extends Callable<? extends T>> jobs)
            throws InterruptedException {
        if (maxAlive <= 0) throw new IllegalArgumentException("maxAlive must be positive");
        Semaphore slots = new Semaphore(maxAlive, true);
        List<Future<T>> futures = new ArrayList<>(jobs.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<? extends T> job : jobs) {
                slots.acquire(); // in submission order, so jobs start in order too
                futures.add(threads.submit(() -> {
                    try {
                        return job.call();
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<JobResult<T>> results = new ArrayList<>(futures.size());
            for (Future<T> f : futures) {
                try {
                    results.add(new JobResult<>(f.get(), null));
                } catch (ExecutionException e) {
                    results.add(new JobResult<>(null, e.getCause()));
                }
            }
            return results;
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
    }
}
