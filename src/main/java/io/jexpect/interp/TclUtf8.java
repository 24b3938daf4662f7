package io.jexpect.interp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as Tcl 8.6 and Expect 5.45.4 read and write it, where Java's UTF-8 would lose data: a byte
 * that starts no valid sequence decodes to the character of the same value (FF is U+00FF), C0 80 is
 * NUL, the 3-byte form of a surrogate is that surrogate; on output a lone surrogate is its 3-byte
 * form instead of "?". Valid UTF-8 decodes and encodes as with {@link StandardCharsets#UTF_8}.
 */
public final class TclUtf8 extends Charset {
    public static final TclUtf8 INSTANCE = new TclUtf8();

    private TclUtf8() {
        super("x-jexpect-tcl-utf-8", null);
    }

    /** Decodes complete input: the bytes of a sequence cut at the end stand for themselves. */
    public static String decode(byte[] b, int off, int len) {
        ByteBuffer in = ByteBuffer.wrap(b, off, len);
        CharBuffer out = CharBuffer.allocate(len);   // never more chars than bytes
        new Decoder(INSTANCE).decode(in, out, false);
        while (in.hasRemaining()) out.put((char) (in.get() & 0xFF));
        return out.flip().toString();
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this || StandardCharsets.UTF_8.contains(cs);
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder(this);
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new Encoder(this);
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** The length of the sequence {@code lead} starts, or 1 when it starts none. */
    static int sequenceLength(int lead) {
        return lead >= 0xC0 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1;
    }

    private static final class Decoder extends CharsetDecoder {
        Decoder(Charset cs) {
            super(cs, 1.0f, 2.0f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                int p = in.position();
                int lead = in.get(p) & 0xFF;
                int need = sequenceLength(lead);
                int have = 1;
                while (have < need && p + have < in.limit() && continuation(in.get(p + have))) have++;
                if (have < need && p + have == in.limit()) return CoderResult.UNDERFLOW; // more may come
                int cp = lead;
                if (have == need && need > 1) {
                    cp = need == 2 ? (lead & 0x1F) << 6 | in.get(p + 1) & 0x3F
                            : need == 3 ? (lead & 0x0F) << 12 | (in.get(p + 1) & 0x3F) << 6 | in.get(p + 2) & 0x3F
                            : (lead & 0x07) << 18 | (in.get(p + 1) & 0x3F) << 12 | (in.get(p + 2) & 0x3F) << 6 | in.get(p + 3) & 0x3F;
                    boolean shortest = need == 2 ? cp >= 0x80 || cp == 0 : need == 3 ? cp >= 0x800 : cp >= 0x10000 && cp <= 0x10FFFF;
                    if (!shortest) {
                        cp = lead;
                        need = 1;
                    }
                } else {
                    need = 1;
                }
                if (out.remaining() < Character.charCount(cp)) return CoderResult.OVERFLOW;
                if (cp > 0xFFFF) out.put(Character.highSurrogate(cp)).put(Character.lowSurrogate(cp));
                else out.put((char) cp);
                in.position(p + need);
            }
            return CoderResult.UNDERFLOW;
        }

    }

    private static final class Encoder extends CharsetEncoder {
        Encoder(Charset cs) {
            super(cs, 1.1f, 3.0f);
        }

        @Override
        protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
            while (in.hasRemaining()) {
                int p = in.position();
                char c = in.get(p);
                int cp = c;
                int chars = 1;
                if (Character.isHighSurrogate(c) && p + 1 < in.limit() && Character.isLowSurrogate(in.get(p + 1))) {
                    cp = Character.toCodePoint(c, in.get(p + 1));
                    chars = 2;
                }
                int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (out.remaining() < bytes) return CoderResult.OVERFLOW;
                switch (bytes) {
                    case 1 -> out.put((byte) cp);
                    case 2 -> out.put((byte) (0xC0 | cp >> 6)).put((byte) (0x80 | cp & 0x3F));
                    case 3 -> out.put((byte) (0xE0 | cp >> 12)).put((byte) (0x80 | cp >> 6 & 0x3F)).put((byte) (0x80 | cp & 0x3F));
                    default -> out.put((byte) (0xF0 | cp >> 18)).put((byte) (0x80 | cp >> 12 & 0x3F))
                            .put((byte) (0x80 | cp >> 6 & 0x3F)).put((byte) (0x80 | cp & 0x3F));
                }
                in.position(p + chars);
            }
            return CoderResult.UNDERFLOW;
        }
    }
}
