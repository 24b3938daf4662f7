package io.jexpect.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator on the control sequences xterm documents, one behaviour at a time. */
class VirtualTerminalTest {
    private final List<String> replies = new ArrayList<>();
    private VirtualTerminal vt = new VirtualTerminal(5, 10, replies::add);

    private String[] rows() {
        return vt.text().split("\n", -1);
    }

    private void cursorAt(int row, int col) {
        assertThat(vt.cursor()).containsExactly(row, col);
    }

    @Test
    void textAndNewlinesAndCarriageReturns() {
        vt.feed("hello\r\nworld");
        assertThat(vt.text()).isEqualTo("hello\nworld\n\n\n");
        cursorAt(1, 5);
    }

    @Test
    void autoWrapWaitsForTheNextCharacterAtTheLastColumn() {
        vt.feed("0123456789");
        cursorAt(0, 9);
        assertThat(vt.line(1)).isEmpty();
        vt.feed("a");
        assertThat(vt.line(0)).isEqualTo("0123456789");
        assertThat(vt.line(1)).isEqualTo("a");
        cursorAt(1, 1);
    }

    @Test
    void withoutAutoWrapTheLastColumnIsOverwritten() {
        vt.feed("\033[?7l0123456789XY");
        assertThat(vt.line(0)).isEqualTo("012345678Y");
        assertThat(vt.line(1)).isEmpty();
    }

    @Test
    void crAfterTheLastColumnCancelsTheWrap() {
        vt.feed("0123456789\rX");
        assertThat(vt.line(0)).isEqualTo("X123456789");
        cursorAt(0, 1);
    }

    @Test
    void scrollingAtTheBottomPushesRowsUp() {
        vt.feed("1\r\n2\r\n3\r\n4\r\n5\r\n6");
        assertThat(vt.text()).isEqualTo("2\n3\n4\n5\n6");
    }

    @Test
    void cursorPositionIsOneBasedAndClamped() {
        vt.feed("\033[3;4HX\033[99;99HY\033[HZ");
        assertThat(vt.line(2)).isEqualTo("   X");
        assertThat(vt.line(4)).isEqualTo("         Y");
        assertThat(vt.line(0)).isEqualTo("Z");
    }

    @Test
    void relativeMotions() {
        vt.feed("\033[3;5H\033[2AU\033[3BD\033[4DL\033[6CR\033[GC\033[2dV");
        assertThat(vt.line(0)).isEqualTo("    U");
        assertThat(vt.line(3)).isEqualTo("C L  D   R");
        assertThat(vt.line(1)).isEqualTo(" V");
        cursorAt(1, 2);
    }

    @Test
    void eraseInLineAndDisplay() {
        vt.feed("aaaaaaaaaa\r\nbbbbbbbbbb\r\ncccccccccc\033[2;5H\033[K");
        assertThat(vt.line(1)).isEqualTo("bbbb");
        vt.feed("\033[1K");
        assertThat(vt.line(1)).isEmpty();
        vt.feed("\033[1;3H\033[1J");
        assertThat(vt.line(0)).isEqualTo("   aaaaaaa");
        vt.feed("\033[3;3H\033[J");
        assertThat(vt.line(2)).isEqualTo("cc");
        vt.feed("\033[2J");
        assertThat(vt.text()).isEqualTo("\n\n\n\n");
        cursorAt(2, 2);
    }

    @Test
    void insertAndDeleteCharacters() {
        vt.feed("abcdef\033[1;3H\033[2@");
        assertThat(vt.line(0)).isEqualTo("ab  cdef");
        vt.feed("\033[3P");
        assertThat(vt.line(0)).isEqualTo("abdef");
        vt.feed("\033[2X");
        assertThat(vt.line(0)).isEqualTo("ab  f");
        vt.feed("\033[4hXY\033[4l");
        assertThat(vt.line(0)).isEqualTo("abXY  f");
    }

    @Test
    void insertAndDeleteLinesInsideTheScrollRegion() {
        vt.feed("1\r\n2\r\n3\r\n4\r\n5\033[2;4r\033[3;1H\033[L");
        assertThat(vt.text()).isEqualTo("1\n2\n\n3\n5");
        vt.feed("\033[2M");
        assertThat(vt.text()).isEqualTo("1\n2\n\n\n5");
    }

    @Test
    void scrollRegionScrollsOnlyItsRows() {
        vt.feed("1\r\n2\r\n3\r\n4\r\n5\033[2;4r\033[4;1H\nX");
        assertThat(vt.text()).isEqualTo("1\n3\n4\nX\n5");
        vt.feed("\033[2;1H\033M");
        assertThat(vt.text()).isEqualTo("1\n\n3\n4\n5");
        vt.feed("\033[S");
        assertThat(vt.text()).isEqualTo("1\n3\n4\n\n5");
    }

    @Test
    void alternateScreenKeepsTheNormalOneAndTheCursor() {
        vt.feed("sh$ \033[?1049hFULL\033[5;1Hbottom");
        assertThat(vt.alternateScreen()).isTrue();
        assertThat(vt.text()).isEqualTo("    FULL\n\n\n\nbottom"); // 1049 keeps the cursor where it was
        vt.feed("\033[?1049l");
        assertThat(vt.alternateScreen()).isFalse();
        assertThat(vt.text()).isEqualTo("sh$\n\n\n\n");
        cursorAt(0, 4);
    }

    @Test
    void tabsStopEveryEightColumnsAndCanBeSetAndCleared() {
        vt = new VirtualTerminal(3, 20);
        vt.feed("a\tb\tc");
        assertThat(vt.line(0)).isEqualTo("a       b       c");
        vt.feed("\r\n\033[3g\033[5GX\033H\r\tY");
        assertThat(vt.line(1)).isEqualTo("    XY");
    }

    @Test
    void sgrColoursAndFlags() {
        vt.feed("\033[1;4;31;42mA\033[0;38;5;200;48;2;1;2;3mB\033[7;93mC\033[0mD");
        assertThat(vt.attributes(0, 0)).containsEntry("char", "A").containsEntry("fg", "red")
                .containsEntry("bg", "green").containsEntry("bold", "1").containsEntry("underline", "1");
        assertThat(vt.attributes(0, 1)).containsEntry("fg", "200").containsEntry("bg", "#010203")
                .containsEntry("bold", "0");
        assertThat(vt.attributes(0, 2)).containsEntry("fg", "bright-yellow").containsEntry("inverse", "1");
        assertThat(vt.attributes(0, 3)).containsEntry("fg", "default").containsEntry("inverse", "0");
    }

    @Test
    void erasingKeepsTheBackgroundColour() {
        vt.feed("\033[44m\033[2J");
        assertThat(vt.attributes(3, 3)).containsEntry("bg", "blue").containsEntry("char", " ");
    }

    @Test
    void wideCharactersTakeTwoColumnsAndWrapWhole() {
        vt.feed("中文x");
        assertThat(vt.line(0)).isEqualTo("中文x");
        cursorAt(0, 5);
        assertThat(vt.attributes(0, 0)).containsEntry("width", "2");
        assertThat(vt.attributes(0, 1)).containsEntry("char", "").containsEntry("width", "0");
        vt.feed("\r\n123456789中");
        assertThat(vt.line(1)).isEqualTo("123456789");
        assertThat(vt.line(2)).isEqualTo("中");
        vt.feed("\r\033[CZ");
        assertThat(vt.line(2)).isEqualTo(" Z"); // writing over a wide character's right half blanks it
    }

    @Test
    void combiningMarksJoinThePreviousCharacter() {
        vt.feed("e\u0301x");
        assertThat(vt.line(0)).isEqualTo("e\u0301x");
        cursorAt(0, 2);
        assertThat(vt.attributes(0, 0)).containsEntry("char", "e\u0301");
    }

    @Test
    void utf16SurrogatesAndEmoji() {
        vt.feed("\uD83D\uDE00!");
        assertThat(vt.line(0)).isEqualTo("\uD83D\uDE00!");
        cursorAt(0, 3);
    }

    @Test
    void decLineDrawingBecomesBoxCharacters() {
        vt.feed("\033(0lqk\033(B x");
        assertThat(vt.line(0)).isEqualTo("┌─┐ x");
        vt.feed("\r\n\033)0\016mqj\017q");
        assertThat(vt.line(1)).isEqualTo("└─┘q");
    }

    @Test
    void sequencesSplitAcrossReadsAreUnderstood() {
        vt.feed("\033[");
        vt.feed("3;");
        vt.feed("2HX\033]0;ti");
        vt.feed("tle\007Y");
        assertThat(vt.line(2)).isEqualTo(" XY");
        assertThat(vt.title()).isEqualTo("title");
    }

    @Test
    void saveAndRestoreCursor() {
        vt.feed("\033[2;3H\0337\033[5;5H\0338X\033[4;4H\033[s\033[H\033[uY");
        assertThat(vt.line(1)).isEqualTo("  X");
        assertThat(vt.line(3)).isEqualTo("   Y");
    }

    @Test
    void queriesAreAnswered() {
        vt.feed("\033[2;3H\033[6n\033[5n\033[c");
        assertThat(replies).containsExactly("\033[2;3R", "\033[0n", "\033[?62;22c");
    }

    @Test
    void resizeKeepsTheCursorRowInView() {
        vt.feed("1\r\n2\r\n3\r\n4\r\n5");
        vt.resize(3, 4);
        assertThat(vt.text()).isEqualTo("3\n4\n5");
        cursorAt(2, 1);
        vt.resize(4, 12);
        assertThat(vt.rows()).isEqualTo(4);
        assertThat(vt.columns()).isEqualTo(12);
        assertThat(vt.text()).isEqualTo("3\n4\n5\n");
    }

    @Test
    void repeatAndReset() {
        vt.feed("a\033[3b");
        assertThat(vt.line(0)).isEqualTo("aaaa");
        vt.feed("\033c");
        assertThat(vt.text()).isEqualTo("\n\n\n\n");
        cursorAt(0, 0);
    }

    @Test
    void lastChangeMovesOnlyWhenTheScreenChanges() throws InterruptedException {
        vt.feed("x");
        long t = vt.lastChangeNanos();
        Thread.sleep(5);
        vt.feed("\033[0m\033[?25h");
        assertThat(vt.lastChangeNanos()).isEqualTo(t);
        vt.feed("y");
        assertThat(vt.lastChangeNanos()).isGreaterThan(t);
    }

    @Test
    void stripperRemovesSequencesEvenWhenSplit() {
        AnsiStripper s = new AnsiStripper();
        String a = "\033[01;34mdir\033[0m\r\n\033]8;;file:///x\033\\link\033]8;;\007 \033[";
        String b = "Kend\033(Bx";
        assertThat(s.apply(a) + s.apply(b))
                .isEqualTo("dir\r\nlink end" + "x");
    }
}
