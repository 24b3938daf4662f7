package io.jexpect.interp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * A Tcl channel: line-oriented reads, buffered writes, text in a configurable encoding with Tcl's
 * end-of-line translation. File channels also support seek and tell.
 */
public final class Channel {
    private final String name;
    private InputStream in;
    private OutputStream out;
    private Charset charset = TclUtf8.INSTANCE;
    private String encodingName = "utf-8";
    private boolean eof;
    private String buffering = "full";
    private boolean closed;
    private boolean hungUp;
    /** Bytes read ahead and given back, last in first out (at most one character's worth). */
    private final byte[] unread = new byte[8];
    private int unreadCount;
    /** Input and output translation: auto, lf, cr, crlf or binary. */
    private String inTranslation = "auto";
    private String outTranslation = "lf";
    private boolean blocking = true;
    /** The file behind a channel opened by open (null for standard streams and pipes). */
    private FileChannel file;
    /** The file a file channel was opened on (null when unknown or gone): what a child process can be given. */
    private java.nio.file.Path path;
    private boolean append;
    private FileInput fileIn;
    /**
     * What tells whether input waits: read-ahead on a pipe, socket or terminal (null until
     * non-blocking reads or events need it), or an input that knows it by itself.
     */
    private ReadyInput pump;
    private volatile Runnable inputListener;
    /** Whether the last read stopped short for want of input (fblocked). */
    private boolean blocked;
    /** What the streams sit on (a socket, a server), if anything. */
    private Endpoint endpoint;

    /**
     * An input that can tell without blocking whether a read would return at once. A channel
     * reads ahead of other inputs to know it; one given such an input uses it as it is.
     */
    public interface ReadyInput {
        /** Whether a read would return at once: data waits, or the input has ended. */
        boolean ready();

        /** Whether an end of line (or the end of input) waits, so gets would not block. */
        boolean hasLine(boolean crEndsLine);

        /** Bytes waiting. */
        int available();

        /** Runs (on another thread) whenever input arrives. */
        void onInput(Runnable r);
    }

    /** What a channel sits on beyond its streams: its own options, half-close, and what closing ends. */
    public interface Endpoint {
        /** The extra fconfigure options, in Tcl's order (e.g. -error, -peername, -sockname). */
        default java.util.List<String> options() {
            return java.util.List.of();
        }

        /** The options named in a bad-option message (may include some not listed). */
        default java.util.List<String> knownOptions() {
            return options();
        }

        /** An option's value, or null when the endpoint has no such option. */
        default Value option(String name) throws TclException {
            return null;
        }

        /** Whether writing would not block (false while an asynchronous connect is in progress). */
        default boolean writable() {
            return true;
        }

        /** Ends one direction without closing the other; false when the streams' own close does it. */
        default boolean shutdown(boolean write) throws IOException {
            return false;
        }

        /** fconfigure has changed some of the channel's options. */
        default void configured(Channel channel) {}

        void close() throws IOException;
    }

    Channel(String name, InputStream in, OutputStream out) {
        this.name = name;
        this.in = in;
        this.out = out;
        if (name.equals("stdout") || name.equals("stdin")) buffering = "line";
    }

    /** A channel on a file; reading and writing as the open mode allows. */
    Channel(String name, java.nio.file.Path path, FileChannel file, boolean read, boolean write, boolean append) {
        this.name = name;
        this.path = path;
        this.file = file;
        this.append = append;
        if (read) {
            fileIn = new FileInput(file);
            in = fileIn;
        }
        if (write) out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(file), 4096);
    }

    /** An input buffer that can say how many bytes it has read ahead (for tell). */
    private static final class FileInput extends BufferedInputStream {
        FileInput(FileChannel fc) {
            super(java.nio.channels.Channels.newInputStream(fc), 4096);
        }

        int buffered() {
            return count - pos;
        }
    }

    public String name() { return name; }

    /** The file this channel reads and writes, or null. */
    public java.nio.file.Path path() { return path; }

    /**
     * The file has been given to a background process, which writes at its end: this channel
     * writes there too from now on, as it would through the descriptor's shared offset.
     */
    public void sharedWithChild() { append = true; }
    public boolean isFile() { return file != null; }
    public boolean canRead() { return in != null; }
    public boolean canWrite() { return out != null; }
    public boolean blocking() { return blocking; }

    public void setBlocking(boolean b) {
        blocking = b;
        if (!b) readAhead();
    }

    public Endpoint endpoint() { return endpoint; }
    public void setEndpoint(Endpoint e) { endpoint = e; }

    /** Whether the last read stopped short because no input was waiting (fblocked). */
    public boolean blocked() { return blocked; }

    /** Runs (on another thread) whenever input arrives on a read-ahead channel: wakes the event loop. */
    public void setInputListener(Runnable r) {
        inputListener = r;
        readAhead();
    }

    /** Starts reading ahead, so readiness can be known without blocking (files are always ready). */
    public void readAhead() {
        if (pump != null || in == null || file != null || closed) return;
        Runnable wake = () -> {
            Runnable r = inputListener;
            if (r != null) r.run();
        };
        if (!(in instanceof ReadyInput)) in = new InputPump(in);
        pump = (ReadyInput) in;
        pump.onInput(wake);
    }

    /** Whether a read would return without blocking (readable file event). */
    public boolean readable() {
        if (in == null) return false;
        if (closed || file != null || unreadCount > 0 || eof) return true;
        readAhead();
        return pump.ready();
    }

    /** Whether a write would not block (writable file event). */
    public boolean writable() {
        return out != null && (endpoint == null || endpoint.writable());
    }

    /** Bytes read ahead and not yet consumed (chan pending input). */
    public int pendingInput() {
        if (in == null) return -1;
        int n = unreadCount;
        if (pump != null) n += pump.available();
        else if (fileIn != null) n += fileIn.buffered();
        return n;
    }

    /** In non-blocking mode, whether the input has nothing waiting at all. */
    private boolean wouldBlock() {
        return !blocking && pump != null && unreadCount == 0 && !pump.ready();
    }
    public String encoding() { return encodingName; }
    public Charset charset() { return charset; }

    /** Sets the encoding under its Tcl name (utf-8, iso8859-1, ascii, binary...). */
    public void setEncoding(String tclName, Charset cs) {
        encodingName = tclName;
        charset = cs;
    }
    public String inputTranslation() { return inTranslation; }
    public String outputTranslation() { return outTranslation; }

    /** Sets the translation of one or both directions (null leaves a direction as it is). */
    public void setTranslation(String input, String output) {
        if (input != null) inTranslation = input.equals("platform") ? "lf" : input;
        if (output != null) outTranslation = output.equals("auto") || output.equals("platform") ? "lf" : output;
        // Tcl: binary translation also means binary (byte-for-byte) encoding.
        if ("binary".equals(input) || "binary".equals(output)) setEncoding("binary", StandardCharsets.ISO_8859_1);
    }

    /** The current byte offset of a file channel, or -1 for other channels. */
    public long tell() throws TclException {
        if (file == null) return -1;
        flush();
        try {
            long pos = file.position();
            if (fileIn != null) pos -= fileIn.buffered();
            pos -= unreadCount;
            return pos;
        } catch (IOException e) {
            throw TclException.error("error during tell on \"" + name + "\": " + ioMessage(e));
        }
    }

    /** Moves a file channel to offset from start, current or end. */
    public void seek(long offset, String origin) throws TclException {
        if (file == null) throw TclException.error("error during seek on \"" + name + "\": illegal seek", "POSIX", "ESPIPE", "illegal seek");
        try {
            long base = switch (origin) {
                case "current" -> tell();
                case "end" -> { flush(); yield file.size(); }
                default -> 0;
            };
            flush();
            long target = base + offset;
            if (target < 0) throw TclException.error("error during seek on \"" + name + "\": invalid argument", "POSIX", "EINVAL", "invalid argument");
            file.position(target);
            resetInput();
            eof = false;
        } catch (IOException e) {
            throw TclException.error("error during seek on \"" + name + "\": " + ioMessage(e));
        }
    }

    private void resetInput() {
        unreadCount = 0;
        if (fileIn != null) {
            fileIn = new FileInput(file);
            in = fileIn;
        }
    }

    /** Before writing to a file after reading it, the read-ahead must not move the write position. */
    private void prepareFileWrite() throws IOException, TclException {
        if (file == null) return;
        if (append) {
            out.flush();
            file.position(file.size());
            resetInput();
        } else if (fileIn != null && (fileIn.buffered() > 0 || unreadCount > 0)) {
            long pos = tell();
            file.position(pos);
            resetInput();
        }
    }

    public boolean eof() { return eof; }

    /** The input was seen to end by another reader of the same source (Expect's expect on a spawn id). */
    public void markEof() { eof = true; }
    public boolean isClosed() { return closed; }
    public InputStream input() { return in; }
    public OutputStream output() { return out; }
    public String buffering() { return buffering; }
    public void setBuffering(String mode) { buffering = mode; }

    /**
     * Expect closes the user's stdin and stdout together when expect sees eof on them: what was
     * written stays, later writes fail as Tcl's do on a closed descriptor.
     */
    public void hangUp() {
        try {
            if (out != null) out.flush();
        } catch (IOException ignored) {
            // Already gone.
        }
        hungUp = true;
    }

    public void write(String s) throws TclException {
        if (hungUp) throw TclException.error("error writing \"" + name + "\": bad file number");
        if (out == null || closed) throw TclException.error("channel \"" + name + "\" wasn't opened for writing");
        try {
            prepareFileWrite();
            out.write(encode(s));
            if (buffering.equals("none") || (buffering.equals("line") && s.indexOf('\n') >= 0)) out.flush();
        } catch (IOException e) {
            throw TclException.error("error writing \"" + name + "\": " + ioMessage(e));
        }
    }

    /** Text as this channel writes it: end-of-line translation, then the encoding. */
    public byte[] encode(String s) {
        if (outTranslation.equals("crlf")) s = s.replace("\n", "\r\n");
        else if (outTranslation.equals("cr")) s = s.replace('\n', '\r');
        return TextCodec.encode(charset, s);
    }

    public void flush() throws TclException {
        if (out == null || closed) return;
        try {
            out.flush();
        } catch (IOException e) {
            throw TclException.error("error flushing \"" + name + "\": " + ioMessage(e));
        }
    }

    /** Reads one line without its newline; null at end of input. */
    public String readLine() throws TclException {
        if (in == null || closed) throw TclException.error("channel \"" + name + "\" wasn't opened for reading");
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        blocked = false;
        if (!blocking && pump != null && unreadCount == 0
                && !pump.hasLine(!inTranslation.equals("lf") && !inTranslation.equals("binary"))) {
            blocked = true;
            return null;
        }
        try {
            flushBeforeRead();
            while (true) {
                int b = nextByte();
                if (b < 0) {
                    eof = true;
                    return line.size() == 0 ? null : text(line);
                }
                if (b == '\n') return text(line);
                if (b == '\r' && !inTranslation.equals("lf") && !inTranslation.equals("binary")) {
                    // Tcl's default translation on input is auto: \r, \r\n and \n all end a line.
                    int next = in.available() > 0 ? in.read() : -1;
                    if (next >= 0 && next != '\n') unread(next);
                    return text(line);
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw TclException.error("error reading \"" + name + "\": " + ioMessage(e));
        }
    }

    /** Reads everything to end of input, or up to count bytes' worth of characters. */
    public String read(long count) throws TclException {
        if (in == null || closed) throw TclException.error("channel \"" + name + "\" wasn't opened for reading");
        blocked = false;
        if (wouldBlock()) {
            blocked = true;
            return "";
        }
        try {
            flushBeforeRead();
            if (count >= 0) return readChars(count);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            while (unreadCount > 0) buf.write(nextByte());
            byte[] chunk = new byte[8192];
            while (count < 0 || buf.size() < count) {
                if (wouldBlock()) {
                    blocked = true;
                    break;
                }
                int want = count < 0 ? chunk.length : (int) Math.min(chunk.length, count - buf.size());
                int n = in.read(chunk, 0, want);
                if (n < 0) { eof = true; break; }
                buf.write(chunk, 0, n);
            }
            String text = text(buf);
            return switch (inTranslation) {
                case "auto" -> text.replace("\r\n", "\n").replace('\r', '\n');
                case "crlf" -> text.replace("\r\n", "\n");
                case "cr" -> text.replace('\r', '\n');
                default -> text;
            };
        } catch (IOException e) {
            throw TclException.error("error reading \"" + name + "\": " + ioMessage(e));
        }
    }

    /** Reads up to count characters (UTF-16 units, as Tcl counts), after decoding and end-of-line translation. */
    private String readChars(long count) throws IOException {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream ch = new ByteArrayOutputStream();
        boolean crIsEol = inTranslation.equals("auto") || inTranslation.equals("cr") || inTranslation.equals("crlf");
        while (out.length() < count) {
            if (wouldBlock()) {
                blocked = true;
                break;
            }
            int b = nextByte();
            if (b < 0) {
                eof = true;
                if (ch.size() > 0) out.append(text(ch));
                ch.reset();
                break;
            }
            if (b == '\r' && crIsEol && ch.size() == 0) {
                int next = nextByte();
                if (next == '\n' && !inTranslation.equals("cr")) {
                    out.append('\n');
                } else {
                    if (next >= 0) unread(next);
                    out.append(inTranslation.equals("crlf") ? '\r' : '\n');
                }
                continue;
            }
            if (charset == TclUtf8.INSTANCE) {
                readUtf8Char(b, out, count);
                continue;
            }
            ch.write(b);
            if (!complete(ch.toByteArray())) continue;
            if (charset.equals(StandardCharsets.UTF_16LE)) {
                byte[] unit = ch.toByteArray();   // a unit at a time: half a surrogate pair is a character
                out.append((char) ((unit[0] & 0xFF) | (unit[1] & 0xFF) << 8));
            } else {
                out.append(text(ch));
            }
            ch.reset();
        }
        byte[] rest = ch.toByteArray();   // a character not complete when count was reached waits for the next read
        for (int i = rest.length - 1; i >= 0; i--) unread(rest[i]);
        return out.toString();
    }

    /**
     * One character from lead byte b, as Tcl reads UTF-8: a byte that starts no valid sequence is
     * itself and the bytes after it are read again; a surrogate pair with room for one unit left
     * gives its high half now and its low half (as its 3-byte form) to the next read.
     */
    private void readUtf8Char(int b, StringBuilder out, long count) throws IOException {
        int need = TclUtf8.sequenceLength(b);
        byte[] seq = new byte[need];
        seq[0] = (byte) b;
        int have = 1;
        while (have < need) {
            int c = nextByte();
            if (c < 0) break;
            if ((c & 0xC0) != 0x80) {
                unread(c);
                break;
            }
            seq[have++] = (byte) c;
        }
        String decoded = have == need ? TclUtf8.decode(seq, 0, have) : "";
        if (decoded.length() != (need == 4 ? 2 : 1)) {
            for (int i = have - 1; i >= 1; i--) unread(seq[i]);
            out.append((char) b);
        } else if (decoded.length() == 2 && out.length() + 1 == count) {
            out.append(decoded.charAt(0));
            byte[] low = String.valueOf(decoded.charAt(1)).getBytes(TclUtf8.INSTANCE);
            for (int i = low.length - 1; i >= 0; i--) unread(low[i]);
        } else {
            out.append(decoded);
        }
    }

    private int nextByte() throws IOException {
        return unreadCount > 0 ? unread[--unreadCount] & 0xFF : in.read();
    }

    private void unread(int b) {
        unread[unreadCount++] = (byte) b;
    }

    private String text(ByteArrayOutputStream bytes) {
        return TextCodec.decode(charset, bytes.toByteArray(), 0, bytes.size());
    }

    /** Whether these bytes (read one at a time) hold a whole character, or bytes that can never be one. */
    private boolean complete(byte[] bytes) {
        if (charset.equals(StandardCharsets.UTF_16LE)) return bytes.length == 2;
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult r = charset.newDecoder().decode(in, CharBuffer.allocate(4), false);
        return !(r.isUnderflow() && in.hasRemaining());
    }

    /** Written data reaches the file before reading it back (r+, w+, a+). */
    private void flushBeforeRead() throws IOException {
        if (file != null && out != null) out.flush();
    }

    public void close() throws TclException {
        if (closed) return;
        closed = true;
        try {
            if (out != null) out.flush();
            if (out != null && !name.equals("stdout") && !name.equals("stderr")) out.close();
            if (in != null && !name.equals("stdin")) in.close();
            if (endpoint != null) endpoint.close();
        } catch (IOException e) {
            throw TclException.error("error closing \"" + name + "\": " + ioMessage(e));
        }
    }

    /**
     * Closes one direction of a channel open both ways (chan close $ch write sends eof to a
     * pipeline or socket peer); the caller closes the whole channel when it has one side only.
     */
    public void closeSide(boolean write) throws TclException {
        if (write ? out == null : in == null) {
            throw TclException.error("Half-close of " + (write ? "write" : "read")
                    + "-side not possible, side not opened or already closed");
        }
        try {
            if (write) {
                out.flush();
                if (endpoint == null || !endpoint.shutdown(true)) out.close();
                out = null;
            } else {
                if (endpoint == null || !endpoint.shutdown(false)) in.close();
                in = null;
            }
        } catch (IOException e) {
            throw TclException.error("error closing \"" + name + "\": " + ioMessage(e));
        }
    }

    static String ioMessage(IOException e) {
        String m = e.getMessage();
        if (m == null) return "I/O error";
        if (m.contains("Broken pipe")) return "broken pipe";
        return m.toLowerCase();
    }
}
