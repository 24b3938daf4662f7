package io.jexpect.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One message between client and server: a 4-byte length (little-endian, the type byte and the
 * payload), a type byte, the payload. Numbers are 4-byte little-endian, strings a length and
 * their bytes. The client's first frame carries its descriptors.
 */
record Frame(byte type, byte[] payload) {
    // Client to server.
    static final byte RUN = 'R', SIGNAL = 'S', STOP = 'Q', STATUS = 'T';
    // Server to client.
    static final byte STARTED = 'A', DISPOSITION = 'D', EXIT = 'X', KILLED = 'K', TEXT = 'M';
    // Dispositions.
    static final int DEFAULT = 0, IGNORE = 1, FORWARD = 2;
    /** A frame larger than this is a broken client. */
    static final int MAX = 64 << 20;

    static byte[] encode(byte type, int... numbers) {
        ByteBuffer b = ByteBuffer.allocate(5 + 4 * numbers.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1 + 4 * numbers.length).put(type);
        for (int n : numbers) b.putInt(n);
        return b.array();
    }

    static byte[] encode(byte type, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN).putInt(1 + t.length).put(type);
        out.writeBytes(b.array());
        out.writeBytes(t);
        return out.toByteArray();
    }

    /** Reads a payload's fields in order. */
    static final class Reader {
        private final ByteBuffer b;

        Reader(byte[] payload) {
            b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        }

        int number() throws IOException {
            if (b.remaining() < 4) throw new IOException("truncated frame");
            return b.getInt();
        }

        long number64() throws IOException {
            if (b.remaining() < 8) throw new IOException("truncated frame");
            return b.getLong();
        }

        String string() throws IOException {
            int n = number();
            if (n < 0 || n > b.remaining()) throw new IOException("truncated frame");
            byte[] s = new byte[n];
            b.get(s);
            return new String(s, StandardCharsets.UTF_8);
        }
    }
}
