package io.jexpect.engine;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Bytes to chars across reads: a character split between two reads is kept until its last byte
 * arrives; invalid bytes become U+FFFD. Used only by one reader thread.
 */
final class IncrementalDecoder {
    /** Receives decoded characters. */
    interface Sink {
        void accept(char[] chars, int off, int len);
    }

    private final CharsetDecoder decoder;
    private ByteBuffer in = ByteBuffer.allocate(8192);
    private final CharBuffer out = CharBuffer.allocate(8192);

    IncrementalDecoder(Charset charset) {
        decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    void feed(byte[] b, int off, int len, Sink sink) {
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

    /** The bytes of a character not complete yet, taken out (the decoder starts afresh). */
    byte[] takeIncomplete() {
        in.flip();
        byte[] rest = new byte[in.remaining()];
        in.get(rest);
        in.clear();
        decoder.reset();
        return rest;
    }

    /** End of input: incomplete trailing bytes become U+FFFD. */
    void finish(Sink sink) {
        in.flip();
        drain(true, sink);
        while (decoder.flush(out).isOverflow()) emit(sink);
        emit(sink);
        in.clear();
        decoder.reset();
    }

    private void drain(boolean endOfInput, Sink sink) {
        while (decoder.decode(in, out, endOfInput).isOverflow()) emit(sink);
        emit(sink);
    }

    private void emit(Sink sink) {
        if (out.position() > 0) {
            sink.accept(out.array(), 0, out.position());
            out.clear();
        }
    }
}
