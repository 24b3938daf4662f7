package io.jexpect.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The class tables Locale keeps instead of scanning the BMP: the JDK's letters and decimal digits, exactly. */
class LocaleTest {

    private static BitSet members(String cclass) throws RegexException {
        BitSet bits = new BitSet();
        Locale.cclass(cclass, false).forEachRange((from, to) -> bits.set(from, to + 1));
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
}
