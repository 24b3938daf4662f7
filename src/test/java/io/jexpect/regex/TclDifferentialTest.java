package io.jexpect.regex;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.commands.TclRegex;
import io.jexpect.interp.TclException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine against Tcl's own: random ARE patterns and subjects whose {@code regexp -indices
 * -inline} answers tclsh 8.6.13 recorded (src/test/resources/regex/make-fixture.tcl wrote
 * tcl-are-fixture.txt). Every group span must be Tcl's, empty and non-participating ones too.
 */
class TclDifferentialTest {
    @Test
    void everyCaseAnswersAsTclDoes() throws Exception {
        answersAsTcl("/regex/tcl-are-fixture.txt");
    }

    /**
     * The same patterns anchored ({@code ^(?:P)}, {@code \A(?:P)}, {@code ^P}), which the engine
     * matches without its search pass (make-anchored-fixture.tcl wrote tcl-are-anchored-fixture.txt).
     */
    @Test
    void everyAnchoredCaseAnswersAsTclDoes() throws Exception {
        answersAsTcl("/regex/tcl-are-anchored-fixture.txt");
    }

    private static void answersAsTcl(String fixture) throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, Object> compiled = new HashMap<>(); // each pattern's 4 subjects share its compilation
        int cases = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TclDifferentialTest.class.getResourceAsStream(fixture), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; cases++) {
                String[] f = line.split("\t", -1);
                String got = answer(f[0], f[1], f[2], compiled);
                if (!got.equals(f[3])) wrong.add("regexp " + f[0] + " {" + f[1] + "} {" + f[2] + "}: Tcl " + f[3] + ", jexpect " + got);
            }
        }
        assertThat(cases).isGreaterThan(5000);
        assertThat(wrong).as("%d of %d cases differ", wrong.size(), cases).isEmpty();
    }

    /** What the fixture records for one case: the flattened spans, "none", or "error: " and the message. */
    private static String answer(String option, String pattern, String subject, Map<String, Object> compiled) {
        int flags = switch (option) {
            case "" -> 0;
            case "-nocase" -> TclRegex.NOCASE;
            case "-line" -> TclRegex.LINE;
            default -> throw new IllegalArgumentException(option);
        };
        Object re = compiled.computeIfAbsent(option + " " + pattern, k -> {
            try {
                return TclRegex.compile(pattern, flags);
            } catch (TclException e) {
                return e;
            }
        });
        try {
            if (re instanceof TclException e) throw e;
            int[] spans = TclRegex.exec((TclRegex.Compiled) re, subject, 0, false);
            if (spans == null) return "none";
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < spans.length; k += 2) {
                if (k > 0) sb.append(' ');
                // regexp -indices gives a span's last character; an empty span ends before its start
                sb.append(spans[k]).append(' ').append(spans[k] < 0 ? -1 : spans[k + 1] - 1);
            }
            return sb.toString();
        } catch (TclException e) {
            return "error: " + e.getMessage();
        }
    }
}
