package io.jexpect.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The class tables Locale keeps instead of scanning the BMP: the JDK's letters and decimal digits, exactly. */
class LocaleTest {

    /** The class's members; its ranges must be maximal runs in ascending order, as from a scan of bits. */
    private static BitSet members(String cclass) throws RegexException {
        BitSet bits = new BitSet();
        int[] last = {-2};
        Locale.cclass(cclass, false).forEachRange((from, to) -> {
            assertThat(from).as("%s: run %04x-%04x after one ending at %04x", cclass, from, to, last[0]).isGreaterThan(last[0] + 1);
            assertThat(to).isGreaterThanOrEqualTo(from);
            last[0] = to;
            bits.set(from, to + 1);
        });
        return bits;
    }

    private static BitSet bmp(IntPredicate p) {
        BitSet bits = new BitSet();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (p.test(c)) bits.set(c);
        }
        return bits;
    }

    @Test
    void lettersAndDigitsAreTheJdks() throws Exception {
        IntPredicate digit = c -> Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
        assertThat(members("alpha")).isEqualTo(bmp(Character::isLetter));
        assertThat(members("digit")).isEqualTo(bmp(digit));
        assertThat(members("alnum")).isEqualTo(bmp(c -> Character.isLetter(c) || digit.test(c)));
    }

    @Test
    void aSetOfRunsChangesLikeAnyOther() throws Exception {
        BitSet expected = bmp(Character::isLetter);
        expected.set('0', '9' + 1);
        expected.set('_');
        BitSet got = new BitSet();
        CharSet.ofRuns(Locale.LETTERS, "09").add('_').forEachRange((from, to) -> got.set(from, to + 1));
        assertThat(got).isEqualTo(expected);
    }
}
