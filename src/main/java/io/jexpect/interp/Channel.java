package io.jexpect.interp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A Tcl channel: line-oriented reads, buffered writes, UTF-8 text. */
public final class Channel {
    private final String name;
    private InputStream in;
    private OutputStream out;
    private final Charset charset = StandardCharsets.UTF_8;
    private boolean eof;
    private String buffering = "full";
    private boolean closed;
    private int pushback = -1;

    Channel(String name, InputStream in, OutputStream out) {
        this.name = name;
        this.in = in;
        this.out = out;
        if (name.equals("stdout")) buffering = "line";
    }

    public String name() { return name; }
    public boolean eof() { return eof; }
    public boolean isClosed() { return closed; }
    public InputStream input() { return in; }
    public OutputStream output() { return out; }
    public String buffering() { return buffering; }
    public void setBuffering(String mode) { buffering = mode; }

    public void write(String s) throws TclException {
        if (out == null || closed) throw TclException.error("channel \"" + name + "\" wasn't opened for writing");
        try {
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
            while (true) {
                int b = pushback >= 0 ? pushback : in.read();
                pushback = -1;
                if (b < 0) {
                    eof = true;
                    return line.size() == 0 ? null : line.toString(charset);
                }
                if (b == '\n') return line.toString(charset);
                if (b == '\r') {
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
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            if (pushback >= 0) { buf.write(pushback); pushback = -1; }
            byte[] chunk = new byte[8192];
            while (count < 0 || buf.size() < count) {
                int want = count < 0 ? chunk.length : (int) Math.min(chunk.length, count - buf.size());
                int n = in.read(chunk, 0, want);
                if (n < 0) { eof = true; break; }
                buf.write(chunk, 0, n);
            }
            return buf.toString(charset).replace("\r\n", "\n");
        } catch (IOException e) {
            throw TclException.error("error reading \"" + name + "\": " + ioMessage(e));
        }
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
