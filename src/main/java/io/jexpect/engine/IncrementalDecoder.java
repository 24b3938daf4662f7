package io.jexpect.engine;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to chars across reads: a character split between two reads is kept until its last byte
 * arrives; invalid bytes become U+FFFD; line ends are translated as asked (a CR ending one read
 * waits for the next to know whether an LF follows). Used only by one reader thread.
 */
final class IncrementalDecoder {
    /** Receives decoded characters. */
    interface Sink {
        void accept(char[] chars, int off, int len);

        /**
         * Takes the leading bytes of {@code b[off, off + len)} that are below 0x80 as the
         * characters they are, without a copy in between; returns how many it took (at most up
         * to the first byte from 0x80 up). 0: it takes none, {@link #accept} gets them all.
         */
        default int acceptAscii(byte[] b, int off, int len) {
            return 0;
        }
    }

    private final CharsetDecoder decoder;
    /** Whether the charset reads every byte below 0x80 as that character, alone and in any run (ASCII-based, stateless). */
    private final boolean asciiBased;
    private ByteBuffer in = ByteBuffer.allocate(8192);
    private final CharBuffer out = CharBuffer.allocate(8192);
    private final LineEnding eol;
    private char[] translated;
    /** CRLF: a CR ended the last read. AUTO: the last character was a CR (so an LF now is dropped). */
    private boolean afterCr;

    IncrementalDecoder(Charset charset) {
        this(charset, LineEnding.LF);
    }

    IncrementalDecoder(Charset charset, LineEnding eol) {
        decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.eol = eol;
        asciiBased = asciiBased(charset);
    }

    private static boolean asciiBased(Charset cs) {
        if (cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)) return true;
        byte[] all = new byte[0x80];
        for (int i = 0; i < all.length; i++) all[i] = (byte) i;
        try {
            CharBuffer c = cs.newDecoder().decode(ByteBuffer.wrap(all)); // a stateful charset fails here (ESC, SO, SI are no text)
            if (c.remaining() != all.length) return false;
            for (int i = 0; i < all.length; i++) if (c.get(i) != i) return false;
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    void feed(byte[] b, int off, int len, Sink sink) {
        // Most output is ASCII: each byte is its character, and the decoder holds nothing from before.
        // Untranslated, the sink widens it into its own buffer as it checks it: one pass over the bytes.
        if (asciiBased && in.position() == 0 && eol == LineEnding.LF) {
            int taken = sink.acceptAscii(b, off, len);
            off += taken;
            len -= taken;
            if (len == 0) return;
        }
        if (asciiBased && in.position() == 0 && ascii(b, off, len)) {
            char[] c = out.array();
            while (len > 0) {
                int n = Math.min(len, c.length);
                for (int i = 0; i < n; i++) c[i] = (char) b[off + i];
                out.position(n);
                emit(sink);
                off += n;
                len -= n;
            }
            return;
        }
        if (in.remaining() < len) {
            ByteBuffer bigger = ByteBuffer.allocate(in.position() + len + 16);
            in.flip();
            bigger.put(in);
            in = bigger;
        }
        in.put(b, off, len);
        in.flip();
        drain(false, sink);
        in.compact();
    }

    private static boolean ascii(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) if (b[i] < 0) return false;
        return true;
    }

    /** What was fed and not given out yet (a held CR, a character's first bytes), taken out: the decoder starts afresh. */
    byte[] takeIncomplete() {
        in.flip();
        boolean cr = eol == LineEnding.CRLF && afterCr;
        byte[] rest = new byte[in.remaining() + (cr ? 1 : 0)];
        if (cr) rest[0] = '\r';
        in.get(rest, cr ? 1 : 0, in.remaining());
        in.clear();
        decoder.reset();
        afterCr = false;
        return rest;
    }

    /** End of input: incomplete trailing bytes become U+FFFD. */
    void finish(Sink sink) {
        in.flip();
        drain(true, sink);
        while (decoder.flush(out).isOverflow()) emit(sink);
        emit(sink);
        if (eol == LineEnding.CRLF && afterCr) sink.accept(new char[] {'\r'}, 0, 1);
        afterCr = false;
        in.clear();
        decoder.reset();
    }

    private void drain(boolean endOfInput, Sink sink) {
        while (decoder.decode(in, out, endOfInput).isOverflow()) emit(sink);
        emit(sink);
    }

    private void emit(Sink sink) {
        if (out.position() > 0) {
            if (eol == LineEnding.LF) {
                sink.accept(out.array(), 0, out.position());
            } else {
                int n = translate(out.array(), out.position());
                if (n > 0) sink.accept(translated, 0, n);
            }
            out.clear();
        }
    }

    /** The first n characters of c with their line ends translated, into {@code translated}; returns its length. */
    private int translate(char[] c, int n) {
        if (translated == null || translated.length < n + 1) translated = new char[Math.max(n + 1, 256)];
        char[] t = translated;
        int w = 0;
        for (int r = 0; r < n; r++) {
            char ch = c[r];
            switch (eol) {
                case CR -> t[w++] = ch == '\r' ? '\n' : ch;
                case AUTO -> {
                    boolean dropped = ch == '\n' && afterCr;
                    afterCr = ch == '\r';
                    if (!dropped) t[w++] = afterCr ? '\n' : ch;
                }
                default -> { // CRLF
                    if (afterCr) {
                        afterCr = false;
                        if (ch == '\n') {
                            t[w++] = '\n';
                            continue;
                        }
                        t[w++] = '\r';
                    }
                    if (ch == '\r') afterCr = true;
                    else t[w++] = ch;
                }
            }
        }
        return w;
    }
}
