package io.jexpect.harness;

import static io.jexpect.json.Json.quote;

import io.jexpect.results.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --json}: one JSON object per line and per test, {@code {"file": …, "name": …, "result":
 * "FAIL", "status": "failed", "message": …, "duration": 0.012, "transcript": …}}, and the reader
 * that {@code jexpect report} merges shards with. Flat objects of strings and numbers need no
 * library.
 */
final class JsonResults {
    private JsonResults() {}

    static void write(Path file, List<TestResult> results) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (TestResult r : results) {
            sb.append("{\"file\":").append(quote(r.file()))
                    .append(",\"name\":").append(quote(r.name()))
                    .append(",\"result\":").append(quote(r.outcome().name()))
                    .append(",\"status\":").append(quote(r.status().name().toLowerCase(Locale.ROOT)))
                    .append(",\"message\":").append(quote(r.message()))
                    .append(",\"duration\":").append(String.format(Locale.ROOT, "%.3f", r.duration().toNanos() / 1e9))
                    .append(",\"transcript\":").append(r.transcript() == null ? "null" : quote(r.transcript().toString()))
                    .append("}\n");
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    static List<TestResult> read(Path file) throws IOException {
        List<TestResult> results = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            try {
                Map<String, String> o = new Parser(line).object();
                String transcript = o.get("transcript");
                results.add(new TestResult(required(o, "file"), required(o, "name"), Outcome.valueOf(required(o, "result")),
                        o.getOrDefault("message", ""),
                        Duration.ofNanos(Math.round(Double.parseDouble(o.getOrDefault("duration", "0")) * 1e9)),
                        transcript == null ? null : Path.of(transcript)));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + lineNo + ": " + e.getMessage());
            }
        }
        return results;
    }

    private static String required(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) throw new IllegalArgumentException("no \"" + key + "\"");
        return v;
    }

    /** One flat object: string keys, values that are strings, numbers, booleans or null (kept as text). */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Map<String, String> object() {
            Map<String, String> o = new LinkedHashMap<>();
            skip();
            expect('{');
            skip();
            if (peek() == '}') {
                i++;
                return o;
            }
            while (true) {
                skip();
                String key = string();
                skip();
                expect(':');
                skip();
                o.put(key, peek() == '"' ? string() : literal());
                skip();
                if (peek() == ',') {
                    i++;
                    continue;
                }
                expect('}');
                return o;
            }
        }

        private String literal() {
            int start = i;
            while (i < s.length() && ",} \t".indexOf(s.charAt(i)) < 0) i++;
            String v = s.substring(start, i);
            if (v.isEmpty()) throw new IllegalArgumentException("a value expected at column " + (start + 1));
            return v.equals("null") ? null : v;
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw new IllegalArgumentException("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        private char peek() {
            if (i >= s.length()) throw new IllegalArgumentException("unexpected end of line");
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) throw new IllegalArgumentException("'" + c + "' expected at column " + (i + 1));
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }
}
