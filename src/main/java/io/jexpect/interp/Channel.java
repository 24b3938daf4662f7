package io.jexpect.interp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A Tcl channel: line-oriented reads, buffered writes, text in a configurable encoding with Tcl's
 * end-of-line translation. File channels also support seek and tell.
 */
public final class Channel {
    private final String name;
    private InputStream in;
    private OutputStream out;
    private Charset charset = StandardCharsets.UTF_8;
    private String encodingName = "utf-8";
    private boolean eof;
    private String buffering = "full";
    private boolean closed;
    private boolean hungUp;
    private int pushback = -1;
    /** Input and output translation: auto, lf, cr, crlf or binary. */
    private String inTranslation = "auto";
    private String outTranslation = "lf";
    private boolean blocking = true;
    /** The file behind a channel opened by open (null for standard streams and pipes). */
    private FileChannel file;
    private boolean append;
    private FileInput fileIn;

    Channel(String name, InputStream in, OutputStream out) {
        this.name = name;
        this.in = in;
        this.out = out;
        if (name.equals("stdout") || name.equals("stdin")) buffering = "line";
    }

    /** A channel on a file; reading and writing as the open mode allows. */
    Channel(String name, FileChannel file, boolean read, boolean write, boolean append) {
        this.name = name;
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
    public boolean isFile() { return file != null; }
    public boolean canRead() { return in != null; }
    public boolean canWrite() { return out != null; }
    public boolean blocking() { return blocking; }
    public void setBlocking(boolean b) { blocking = b; }
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
            if (pushback >= 0) pos--;
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
        pushback = -1;
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
        } else if (fileIn != null && (fileIn.buffered() > 0 || pushback >= 0)) {
            long pos = tell();
            file.position(pos);
            resetInput();
        }
    }

    public boolean eof() { return eof; }
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
            if (outTranslation.equals("crlf")) s = s.replace("\n", "\r\n");
            else if (outTranslation.equals("cr")) s = s.replace('\n', '\r');
            out.write(s.getBytes(charset));
            if (buffering.equals("none") || (buffering.equals("line") && s.indexOf('\n') >= 0)) out.flush();
        } catch (IOException e) {
            throw TclException.error("error writing \"" + name + "\": " + ioMessage(e));
        }
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
        try {
            flushBeforeRead();
            while (true) {
                int b = pushback >= 0 ? pushback : in.read();
                pushback = -1;
                if (b < 0) {
                    eof = true;
                    return line.size() == 0 ? null : line.toString(charset);
                }
                if (b == '\n') return line.toString(charset);
                if (b == '\r' && !inTranslation.equals("lf") && !inTranslation.equals("binary")) {
                    // Tcl's default translation on input is auto: \r, \r\n and \n all end a line.
                    int next = in.available() > 0 ? in.read() : -1;
                    if (next >= 0 && next != '\n') pushback = next;
                    return line.toString(charset);
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
        try {
            flushBeforeRead();
            if (count >= 0) return readChars(count);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            if (pushback >= 0) { buf.write(pushback); pushback = -1; }
            byte[] chunk = new byte[8192];
            while (count < 0 || buf.size() < count) {
                int want = count < 0 ? chunk.length : (int) Math.min(chunk.length, count - buf.size());
                int n = in.read(chunk, 0, want);
                if (n < 0) { eof = true; break; }
                buf.write(chunk, 0, n);
            }
            String text = buf.toString(charset);
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

    /** Reads up to count characters, counted after decoding and end-of-line translation. */
    private String readChars(long count) throws IOException {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream ch = new ByteArrayOutputStream();
        boolean utf8 = charset == StandardCharsets.UTF_8;
        boolean crIsEol = inTranslation.equals("auto") || inTranslation.equals("cr") || inTranslation.equals("crlf");
        while (out.length() < count) {
            int b = pushback >= 0 ? pushback : in.read();
            pushback = -1;
            if (b < 0) {
                eof = true;
                break;
            }
            if (b == '\r' && crIsEol) {
                int next = in.read();
                if (next == '\n' && !inTranslation.equals("cr")) {
                    out.append('\n');
                } else {
                    if (next >= 0) pushback = next;
                    out.append(inTranslation.equals("crlf") ? '\r' : '\n');
                }
                continue;
            }
            ch.write(b);
            // A UTF-8 sequence is complete when its length matches its lead byte.
            if (utf8) {
                byte[] bytes = ch.toByteArray();
                int lead = bytes[0] & 0xff;
                int need = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
                if (bytes.length < need) continue;
            }
            out.append(ch.toString(charset));
            ch.reset();
        }
        if (ch.size() > 0) out.append(ch.toString(charset));
        return out.toString();
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
