package io.jexpect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several sessions at once: one expect over many, async expects, virtual threads, the bounded runner. */
class ConcurrentSessionsTest {
    @Test
    void expectAcrossSessionsReportsWhichOneMatched() {
        // "slow" speaks only once told to: a timed head start could be lost on a loaded machine.
        try (ExpectSession slow = ExpectSession.spawn("sh", "-c", "read x; echo slow; sleep 10");
             ExpectSession fast = ExpectSession.spawn("sh", "-c", "echo fast; sleep 10")) {
            Match m = ExpectSession.expectAny(List.of(slow, fast), Duration.ofSeconds(10),
                    Expected.exact("slow"), Expected.exact("fast"));
            assertThat(m.session()).isSameAs(fast);
            assertThat(m.index()).isEqualTo(1);
            slow.sendLine("go");
            m = ExpectSession.expectAny(List.of(slow, fast), Duration.ofSeconds(10),
                    Expected.exact("slow"), Expected.exact("fast"));
            assertThat(m.session()).isSameAs(slow);
            assertThat(m.index()).isZero();
            m = ExpectSession.expectAny(List.of(slow, fast), Duration.ofMillis(200), Expected.exact("x"), Expected.TIMEOUT);
            assertThat(m.isTimeout()).isTrue();
        }
    }

    @Test
    void expectAsyncCompletesWhenTheOutputArrives() throws Exception {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "read x; echo got-$x")) {
            CompletableFuture<Match> f = s.expectAsync(Duration.ofSeconds(10), Expected.regex("got-(\\w+)"));
            Thread.sleep(200);
            assertThat(f).isNotDone();
            s.sendLine("it");
            assertThat(f.get().group(1)).isEqualTo("it");
            CompletableFuture<Match> eof = s.expectAsync(Duration.ofSeconds(10), Expected.EOF);
            assertThat(eof.get().isEof()).isTrue();
        }
    }

    @Test
    void aFailedAsyncExpectCompletesExceptionally() {
        try (ExpectSession s = ExpectSession.spawn("sh", "-c", "echo bye")) {
            CompletableFuture<Match> f = s.expectAsync(Duration.ofSeconds(10), Expected.exact("never"));
            assertThat(f).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(ExpectException.class);
        }
    }

    @Test
    void hundredSessionsOnVirtualThreads() throws Exception {
        List<Future<Long>> pids = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                pids.add(threads.submit(() -> {
                    try (ExpectSession s = ExpectSession.builder("cat").timeout(Duration.ofSeconds(60)).start()) {
                        s.sendLine("line " + n);
                        // The terminal's echo, then cat's copy.
                        s.expectExact("line " + n + "\r\nline " + n + "\r\n");
                        s.sendEof();
                        s.expectEof();
                        assertThat(s.waitFor().succeeded()).isTrue();
                        return s.pid();
                    }
                }));
            }
        }
        for (Future<Long> f : pids) {
            long pid = f.get();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    @Test
    void boundedRunnerKeepsAtMostKAliveAndReturnsResultsInOrder() throws Exception {
        AtomicInteger alive = new AtomicInteger();
        AtomicInteger mostAlive = new AtomicInteger();
        List<Callable<String>> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            jobs.add(() -> {
                try (ExpectSession s = ExpectSession.spawn("sh", "-c", "sleep 0.2; echo done-" + n)) {
                    mostAlive.accumulateAndGet(alive.incrementAndGet(), Math::max);
                    try {
                        if (n == 4) return s.expectAny(Duration.ofMillis(50), Expected.exact("never")).text();
                        return s.expectRegex("done-\\d+").text();
                    } finally {
                        alive.decrementAndGet();
                    }
                }
            });
        }
        List<JobResult<String>> results = BoundedRunner.run(3, jobs);
        assertThat(results).hasSize(10);
        for (int i = 0; i < 10; i++) {
            if (i == 4) {
                assertThat(results.get(i).succeeded()).isFalse();
                assertThat(results.get(i).failure()).isInstanceOf(ExpectException.class);
            } else {
                assertThat(results.get(i).value()).isEqualTo("done-" + i);
            }
        }
        assertThat(mostAlive.get()).isBetween(2, 3);
    }
}
