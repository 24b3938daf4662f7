package io.jexpect.harness;

import io.jexpect.results.Outcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code jexpect test} shows while it runs. On a terminal: one live line (done/total, counts,
 * the scripts running) with each failed script printed above it. Otherwise (CI logs): one line per
 * finished script, and a failed one's failing tests under it.
 */
final class Progress {
    private final PrintStream out;
    private final boolean live;
    private final int total;
    private final Set<String> running = new LinkedHashSet<>();
    private int done, passed, failed, skipped;

    Progress(PrintStream out, boolean live, int total) {
        this.out = out;
        this.live = live;
        this.total = total;
    }

    synchronized void started(String script) {
        running.add(script);
        redraw();
    }

    synchronized void finished(String script, List<TestResult> tests, Duration took) {
        running.remove(script);
        done++;
        int p = 0, f = 0, s = 0;
        for (TestResult t : tests) {
            switch (t.status()) {
                case PASSED -> p++;
                case FAILED -> f++;
                case SKIPPED -> s++;
            }
        }
        passed += p;
        failed += f;
        skipped += s;
        if (live) out.print("\r\033[K");
        if (f > 0 || !live) {
            String counts = p + " passed" + (f > 0 ? ", " + f + " failed" : "") + (s > 0 ? ", " + s + " skipped" : "");
            out.printf(Locale.ROOT, "%-5s %s  %s  (%.1f s)%n", f > 0 ? "FAIL" : "ok", script, counts, took.toMillis() / 1000.0);
            for (TestResult t : tests) {
                if (t.status() != Outcome.Status.FAILED) continue;
                t.message().lines().forEach(line -> out.println("      " + line));
            }
        }
        redraw();
    }

    synchronized void end() {
        if (live) out.print("\r\033[K");
        out.flush();
    }

    private void redraw() {
        if (!live) return;
        String line = String.format(Locale.ROOT, "[%d/%d] %d passed, %d failed, %d skipped  %s",
                done, total, passed, failed, skipped, String.join(" ", running));
        int width = columns();
        if (line.length() > width - 1) line = line.substring(0, Math.max(0, width - 2)) + "…";
        out.print("\r\033[K" + line);
        out.flush();
    }

    private static int columns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
