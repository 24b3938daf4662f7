package io.jexpect.interp;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The interpreter's open channels by name: stdin, stdout, stderr, and files opened by scripts. */
public final class Channels {
    private final Map<String, Channel> open = new LinkedHashMap<>();
    private int nextFile = 3;

    /** Channels on the process's own standard streams. */
    public Channels() {
        this(new FileInputStream(FileDescriptor.in),
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                new FileOutputStream(FileDescriptor.err));
    }

    /** Channels on given streams (embedding, tests). */
    public Channels(InputStream in, OutputStream out, OutputStream err) {
        open.put("stdin", new Channel("stdin", in, null));
        open.put("stdout", new Channel("stdout", null, out));
        Channel e = new Channel("stderr", null, err);
        e.setBuffering("none");
        open.put("stderr", e);
    }

    public Channel get(String name) throws TclException {
        Channel c = open.get(name);
        if (c == null) throw TclException.error("can not find channel named \"" + name + "\"", "TCL", "LOOKUP", "CHANNEL", name);
        return c;
    }

    public Channel stdout() {
        return open.get("stdout");
    }

    public Channel stderr() {
        return open.get("stderr");
    }

    public Channel stdin() {
        return open.get("stdin");
    }

    /** Registers a new channel under a fresh name like file3. */
    public Channel add(String prefix, InputStream in, OutputStream out) {
        String name = prefix.equals("file") ? freeFileName() : prefix + nextFile++;
        Channel c = new Channel(name, in, out);
        open.put(name, c);
        return c;
    }

    /** Registers a channel on an open file under a fresh name like file3. */
    public Channel addFile(java.nio.channels.FileChannel file, boolean read, boolean write, boolean append) {
        String name = freeFileName();
        Channel c = new Channel(name, file, read, write, append);
        open.put(name, c);
        return c;
    }

    /** Tcl names file channels after their descriptor, so a closed file's number is used again. */
    private String freeFileName() {
        for (int n = 3; ; n++) {
            if (!open.containsKey("file" + n)) return "file" + n;
        }
    }

    public void remove(String name) {
        open.remove(name);
    }

    public java.util.Set<String> names() {
        return open.keySet();
    }

    /** Flushes every output channel (at exit: nothing written is ever dropped). */
    public void flushAll() {
        for (Channel c : open.values()) {
            try {
                c.flush();
            } catch (TclException ignored) {
                // A closed stdout at exit has nowhere to report to.
            }
        }
    }
}
