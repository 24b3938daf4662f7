package io.jexpect.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jexpect.engine.IncrementalDecoder.Sink;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Line-end translation across reads, as Tcl's input translation reads them. */
class IncrementalDecoderTest {
    private final StringBuilder got = new StringBuilder();

    private String feed(IncrementalDecoder d, String... reads) {
        for (String r : reads) {
            byte[] b = r.getBytes(StandardCharsets.ISO_8859_1);
            d.feed(b, 0, b.length, (c, off, len) -> got.append(c, off, len));
        }
        return got.toString();
    }

    @Test
    void crlfHoldsACarriageReturnEndingOneReadUntilTheNext() {
        IncrementalDecoder d = new IncrementalDecoder(StandardCharsets.UTF_8, LineEnding.CRLF);
        assertThat(feed(d, "a\r", "\nb\r", "c\r")).isEqualTo("a\nb\rc");
        assertThat(d.takeIncomplete()).containsExactly('\r');
        d.finish((c, off, len) -> got.append(c, off, len));
        assertThat(got.toString()).isEqualTo("a\nb\rc");
    }

    @Test
    void autoDropsTheNewlineAfterACarriageReturnEvenInTheNextRead() {
        IncrementalDecoder d = new IncrementalDecoder(StandardCharsets.UTF_8, LineEnding.AUTO);
        assertThat(feed(d, "a\r", "\nb\r\r\nc\n")).isEqualTo("a\nb\n\nc\n");
    }

    @Test
    void crMakesEveryCarriageReturnANewline() {
        IncrementalDecoder d = new IncrementalDecoder(StandardCharsets.UTF_8, LineEnding.CR);
        assertThat(feed(d, "a\r\nb\r")).isEqualTo("a\n\nb\n");
    }

    @Test
    void crlfAtTheEndOfInputGivesTheHeldCarriageReturn() {
        IncrementalDecoder d = new IncrementalDecoder(StandardCharsets.UTF_8, LineEnding.CRLF);
        feed(d, "x\r");
        d.finish((c, off, len) -> got.append(c, off, len));
        assertThat(got.toString()).isEqualTo("x\r");
    }

    @Test
    void aCharacterSplitBetweenReadsWaitsForItsLastBytesEvenWhenTheyComeWithAsciiText() {
        IncrementalDecoder d = new IncrementalDecoder(StandardCharsets.UTF_8);
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        Sink sink = (c, off, len) -> got.append(c, off, len);
        d.feed(euro, 0, 1, sink);
        d.feed("ab".getBytes(StandardCharsets.US_ASCII), 0, 2, sink); // the lead byte was cut: replaced, then the text
        d.feed(euro, 0, 2, sink);
        d.feed(euro, 2, 1, sink);
        d.feed("cd".getBytes(StandardCharsets.US_ASCII), 0, 2, sink);
        assertThat(got.toString()).isEqualTo("\ufffdab\u20accd");
    }

    @Test
    void asciiBytesAreDecodedByTheCharsetWhenItIsNotBasedOnAscii() {
        IncrementalDecoder d = new IncrementalDecoder(StandardCharsets.UTF_16LE);
        assertThat(feed(d, "a\0b\0")).isEqualTo("ab");
    }

    @Test
    void longAsciiOutputArrivesWhole() {
        IncrementalDecoder d = new IncrementalDecoder(StandardCharsets.UTF_8);
        String text = "0123456789abcdef".repeat(1500) + "\n";
        assertThat(feed(d, text)).isEqualTo(text);
    }
}
