package io.jexpect.harness;

import io.jexpect.results.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --junit-xml}: the JUnit XML that Jenkins, GitLab and GitHub read. One {@code <testsuite>}
 * per script, one {@code <testcase>} per test: a failed one carries {@code <failure>}, a skipped
 * one {@code <skipped>}; XFAIL and KFAIL pass with their line in {@code <system-out>}.
 */
final class JunitXml {
    private JunitXml() {}

    static void write(Path file, List<TestResult> results) throws IOException {
        Map<String, List<TestResult>> byFile = new LinkedHashMap<>();
        for (TestResult r : results) byFile.computeIfAbsent(r.file(), f -> new java.util.ArrayList<>()).add(r);

        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"jexpect test\"").append(counts(results)).append(">\n");
        byFile.forEach((script, tests) -> {
            sb.append("  <testsuite name=\"").append(attr(script)).append('"').append(counts(tests))
                    .append(" file=\"").append(attr(script)).append("\">\n");
            for (TestResult t : tests) testcase(sb, t);
            sb.append("  </testsuite>\n");
        });
        sb.append("</testsuites>\n");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static void testcase(StringBuilder sb, TestResult t) {
        sb.append("    <testcase name=\"").append(attr(t.name())).append("\" classname=\"").append(attr(className(t.file())))
                .append("\" time=\"").append(seconds(t.duration())).append("\" file=\"").append(attr(t.file())).append('"');
        String first = t.message().lines().findFirst().orElse("");
        switch (t.status()) {
            case FAILED -> sb.append(">\n      <failure message=\"").append(attr(first)).append("\" type=\"").append(t.outcome())
                    .append("\">").append(text(t.message())).append("</failure>\n    </testcase>\n");
            case SKIPPED -> sb.append(">\n      <skipped message=\"").append(attr(first)).append("\"/>\n    </testcase>\n");
            case PASSED -> {
                if (t.outcome() == Outcome.PASS) {
                    sb.append("/>\n");
                } else {
                    sb.append(">\n      <system-out>").append(text(t.message())).append("</system-out>\n    </testcase>\n");
                }
            }
        }
    }

    private static String counts(List<TestResult> tests) {
        long failed = tests.stream().filter(t -> t.status() == Outcome.Status.FAILED).count();
        long skipped = tests.stream().filter(t -> t.status() == Outcome.Status.SKIPPED).count();
        Duration time = tests.stream().map(TestResult::duration).reduce(Duration.ZERO, Duration::plus);
        return " tests=\"" + tests.size() + "\" failures=\"" + failed + "\" errors=\"0\" skipped=\"" + skipped
                + "\" time=\"" + seconds(time) + '"';
    }

    /** {@code dir/login.exp} → {@code dir.login}: the "class" CI tools group a file's tests under. */
    static String className(String file) {
        return file.replaceFirst("\\.exp$", "").replace('/', '.');
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    private static String attr(String s) {
        return escape(s, true);
    }

    private static String text(String s) {
        return escape(s, false);
    }

    /**
     * XML escaping; characters XML 1.0 cannot hold at all (a terminal's ESC, NUL) are written as
     * {@code \x1b}, so that a transcript's colours cannot make the report unreadable.
     */
    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) sb.append(String.format("\\x%02x", (int) c));
                    else if (Character.isSurrogate(c) && !validPair(s, i)) sb.append("\\ufffd");
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
