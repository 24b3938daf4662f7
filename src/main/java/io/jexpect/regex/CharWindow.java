package io.jexpect.regex;

import java.util.Objects;

/**
 * A read-only view of part of a char array: the text form the engine reads fastest (its DFAs index
 * the array directly; any other CharSequence is copied into one for each exec). Made once for a
 * text searched again and again (an expect window, regexp -all's string).
 */
public final class CharWindow implements CharSequence {
    final char[] array;
    final int offset;
    private final int length;

    public CharWindow(char[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    /** A window over a copy of s (s itself when it is one). */
    public static CharWindow of(CharSequence s) {
        if (s instanceof CharWindow w) {
            return w;
        }
        char[] a = s.toString().toCharArray();
        return new CharWindow(a, 0, a.length);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException(i); // not Objects.checkIndex: C1 calls it
        }
        return array[offset + i];
    }

    @Override
    public CharWindow subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, length);
        return new CharWindow(array, offset + start, end - start);
    }

    @Override
    public String toString() {
        return new String(array, offset, length);
    }
}
