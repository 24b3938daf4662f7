package io.jexpect.interp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text to bytes and back in any encoding, as Tcl 8.6 converts them (encoding convertto/convertfrom
 * and channels). Tcl's characters are UTF-16 units, so it converts unit by unit where Java's
 * charsets take a surrogate pair, or a lone surrogate, as one malformed character.
 */
public final class TextCodec {
    private TextCodec() {}

    /** What the charset cannot hold becomes one "?" per UTF-16 unit. */
    public static byte[] encode(Charset cs, String text) {
        if (cs == TclUtf8.INSTANCE) return hasSurrogates(text) ? text.getBytes(cs) : text.getBytes(StandardCharsets.UTF_8);
        return cs.equals(StandardCharsets.UTF_16LE) ? utf16le(text) : encodeUnits(cs, text);
    }

    private static boolean hasSurrogates(String text) {
        // The range test inline: a call per character costs the bytecode interpreter (every send's text).
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) return true;
        }
        return false;
    }

    /**
     * Bytes to text: Tcl's UTF-8 and "unicode" (UTF-16LE by units) as Tcl reads them; in other
     * encodings a byte that is no character stands for itself and a sequence cut at the end is dropped.
     */
    public static String decode(Charset cs, byte[] bytes, int off, int len) {
        if (cs == TclUtf8.INSTANCE) return TclUtf8.decode(bytes, off, len);
        if (cs.equals(StandardCharsets.UTF_16LE)) return fromUtf16le(bytes, off, len);
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
        CharBuffer out = CharBuffer.allocate(len * 2 + 8);
        boolean multiByte = cs.newEncoder().maxBytesPerChar() > 1;
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) break;
            if (r.isOverflow()) {
                out = grow(out);
                continue;
            }
            // A lead byte cut off at the end is dropped; any other unusable byte stands for itself.
            if (multiByte && r.isMalformed() && in.remaining() == r.length() && truncated(cs, in)) {
                in.position(in.limit());
                break;
            }
            for (int i = 0; i < r.length(); i++) {
                if (!out.hasRemaining()) out = grow(out);
                out.put((char) (in.get() & 0xFF));
            }
        }
        while (dec.flush(out).isOverflow()) out = grow(out);
        return out.flip().toString();
    }

    /** Tcl's "unicode": each UTF-16 unit as two bytes, little-endian; a lone surrogate stays as it is. */
    private static byte[] utf16le(String text) {
        byte[] out = new byte[2 * text.length()];
        for (int i = 0; i < text.length(); i++) {
            out[2 * i] = (byte) text.charAt(i);
            out[2 * i + 1] = (byte) (text.charAt(i) >> 8);
        }
        return out;
    }

    /** The reverse of {@link #utf16le}; an odd last byte, or a high surrogate last, awaits more and is dropped. */
    private static String fromUtf16le(byte[] bytes, int off, int len) {
        char[] units = new char[len / 2];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) ((bytes[off + 2 * i] & 0xFF) | (bytes[off + 2 * i + 1] & 0xFF) << 8);
        }
        int n = units.length > 0 && Character.isHighSurrogate(units[units.length - 1]) ? units.length - 1 : units.length;
        return new String(units, 0, n);
    }

    /** Encodes with one replacement per UTF-16 unit it cannot hold: an emoji is "??", as in Tcl 8.6. */
    private static byte[] encodeUnits(Charset cs, String text) {
        CharsetEncoder enc = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] replacement = enc.replacement();
        CharBuffer in = CharBuffer.wrap(text);
        ByteBuffer out = ByteBuffer.allocate((int) (text.length() * enc.averageBytesPerChar()) + 8);
        while (true) {
            CoderResult r = enc.encode(in, out, true);
            if (r.isUnderflow()) break;
            if (r.isOverflow()) {
                out = grow(out);
                continue;
            }
            for (int i = 0; i < r.length(); i++) {
                while (out.remaining() < replacement.length) out = grow(out);
                out.put(replacement);
                in.get();
            }
        }
        while (enc.flush(out).isOverflow()) out = grow(out);
        return toArray(out.flip());
    }

    private static ByteBuffer grow(ByteBuffer out) {
        ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2 + 8);
        return bigger.put(out.flip());
    }

    /** Whether the bytes left are the start of a sequence that more input would complete. */
    private static boolean truncated(Charset cs, ByteBuffer rest) {
        ByteBuffer copy = rest.duplicate();
        CoderResult r = cs.newDecoder().decode(copy, CharBuffer.allocate(8), false);
        return r.isUnderflow() && copy.position() == rest.position();
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 8);
        return bigger.put(out.flip());
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
