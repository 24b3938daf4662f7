package io.jexpect.harness;

import io.jexpect.results.Outcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** DejaGnu's summary of a run: {@code # of expected passes\t\t12}, one line per outcome that occurred. */
final class Summary {
    private Summary() {}

    static Map<Outcome, Integer> counts(List<TestResult> results) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (TestResult r : results) counts.merge(r.outcome(), 1, Integer::sum);
        return counts;
    }

    static String text(List<TestResult> results) {
        StringBuilder sb = new StringBuilder("\n\t\t=== jexpect test Summary ===\n\n");
        counts(results).forEach((outcome, n) -> {
            String what = "# of " + outcome.summaryName();
            // As DejaGnu's log_summary: a second tab keeps short labels' numbers in one column.
            sb.append(what).append(what.length() < 24 ? "\t\t" : "\t").append(n).append('\n');
        });
        return sb.toString();
    }

    static boolean anyFailed(List<TestResult> results) {
        return results.stream().anyMatch(r -> r.status() == Outcome.Status.FAILED);
    }
}
