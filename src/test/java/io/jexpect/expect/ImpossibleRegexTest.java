package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** expect -re with patterns the regex port cannot run as is: Expect's answers, on a real program. */
class ImpossibleRegexTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Interp interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));

    @AfterEach
    void endChildren() {
        interp.shutdown();
    }

    @Test
    void neverMatchingPatternWaitsForEofAndBadOnesAreTclErrors() throws Exception {
        // Output recorded from Expect 5.45.4.
        interp.eval("""
                log_user 0
                spawn echo abc
                expect -re {c$x} {puts matched} eof {puts eof}
                spawn echo abc
                set r [catch {expect -re {[z-a]} {puts matched}} m]; puts "$r $m"
                expect -re {b(c)} {puts "got $expect_out(1,string)"}
                set r [catch {expect -re {(^(?!aa))+} {puts matched}} m]; puts "$r $m"
                """);
        interp.channels().flushAll();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                eof
                1 couldn't compile regular expression pattern: invalid character range
                got c
                matched
                0\s
                """);
    }
}
