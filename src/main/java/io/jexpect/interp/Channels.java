package io.jexpect.interp;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An interpreter's open channels by name: stdin, stdout, stderr, and files opened by scripts. The
 * interpreters of one tree register channels in one shared table, counting how many hold each:
 * as in Tcl, a channel is seen only by the interpreters it was opened in, shared or transferred to,
 * and is closed when the last of them lets it go.
 */
public final class Channels {
    private static final List<String> STANDARD = List.of("stdin", "stdout", "stderr");

    /** What the interpreters of a tree share: every channel, and the standard channel slots. */
    private static final class Tree {
        /** Every channel by name, with the number of interpreters holding it. */
        final Map<String, Held> held = new LinkedHashMap<>();
        /**
         * The standard channels (Tcl_GetStdChannel). One closed explicitly leaves its slot empty,
         * and the next channel created fills it, as the next open file takes the freed descriptor.
         */
        final Channel[] standard = new Channel[3];
        int nextId = 3;
        /** How a child process gets standard input, output and error that are not redirected. */
        ProcessBuilder.Redirect[] inherit = {ProcessBuilder.Redirect.INHERIT, ProcessBuilder.Redirect.INHERIT,
            ProcessBuilder.Redirect.INHERIT};
        /** The stream the input redirect stands for; null: this process's own standard input. */
        InputStream inheritedInput;
    }

    private static final class Held {
        final Channel channel;
        int holders;

        Held(Channel channel) {
            this.channel = channel;
        }
    }

    private final Tree tree;
    /**
     * This interpreter's channels, listed (file channels, chan names) in the order of Tcl's
     * channel table, where the standard channels are entered under their descriptors' names.
     */
    private final Map<String, Channel> open = new TclHashTable<>();

    /** Channels on the process's own standard streams. */
    public Channels() {
        this(new FileInputStream(FileDescriptor.in),
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                new FileOutputStream(FileDescriptor.err));
    }

    /** Channels on given streams (embedding, tests). */
    public Channels(InputStream in, OutputStream out, OutputStream err) {
        tree = new Tree();
        Channel e = new Channel("stderr", null, err);
        e.setBuffering("none");
        tree.standard[0] = new Channel("stdin", in, null);
        tree.standard[1] = new Channel("stdout", null, out);
        tree.standard[2] = e;
        for (Channel c : tree.standard) register(c);
    }

    private Channels(Tree tree) {
        this.tree = tree;
    }

    /**
     * The table of a new child interpreter: it starts with the standard channels this one has,
     * or with none when it is safe.
     */
    public Channels forChild(boolean safe) {
        Channels child = new Channels(tree);
        if (!safe) {
            for (Channel c : tree.standard) {
                if (c != null && open.get(key(c.name())) == c) child.register(c);
            }
        }
        return child;
    }

    private void register(Channel c) {
        open.put(key(c.name()), c);
        tree.held.computeIfAbsent(c.name(), n -> new Held(c)).holders++;
    }

    /** interp share: the channel becomes visible in {@code target} too. */
    public void share(String name, Channels target) throws TclException {
        Channel c = get(name);
        if (target.open.get(key(c.name())) != c) target.register(c);
    }

    /** The channel of that name, or of the standard channel "stdin", "stdout" or "stderr" stands for. */
    public Channel get(String name) throws TclException {
        Channel c = lookup(name);
        if (c == null) throw TclException.error("can not find channel named \"" + name + "\"", "TCL", "LOOKUP", "CHANNEL", name);
        return c;
    }

    private Channel lookup(String name) {
        int slot = STANDARD.indexOf(name);
        if (slot >= 0) {
            Channel c = tree.standard[slot];
            return c != null && open.get(key(c.name())) == c ? c : null;
        }
        return open.get(key(name));
    }

    /**
     * Gives the programs {@code exec} and {@code open |} start, where they inherit a standard stream,
     * these files instead of this process's own (the resident server's client's, reopened).
     *
     * @param input the stream of the standard input channel that {@code in} stands for
     */
    public void inheritAs(InputStream input, ProcessBuilder.Redirect in, ProcessBuilder.Redirect out, ProcessBuilder.Redirect err) {
        tree.inheritedInput = input;
        tree.inherit = new ProcessBuilder.Redirect[] {in, out, err};
    }

    /** How a child inherits standard output (1) or error (2): {@code INHERIT} unless {@link #inheritAs} said otherwise. */
    public ProcessBuilder.Redirect inherited(int stream) {
        return tree.inherit[stream];
    }

    /** How a child inherits the input of channel {@code ch}, when it is the standard input {@link #inheritAs} names; else null. */
    public ProcessBuilder.Redirect inheritedInput(Channel ch) {
        return ch != null && tree.inheritedInput != null && ch.input() == tree.inheritedInput ? tree.inherit[0] : null;
    }

    /** The standard output, or null when this interpreter has none. */
    public Channel stdout() {
        return lookup("stdout");
    }

    public Channel stderr() {
        return lookup("stderr");
    }

    public Channel stdin() {
        return lookup("stdin");
    }

    /** Registers a new channel under a fresh name like file3 (sock4, ...). */
    public Channel add(String prefix, InputStream in, OutputStream out) {
        Channel c = new Channel(freshName(prefix), in, out);
        created(c);
        return c;
    }

    /** Registers a new channel under the name its creator chose (Expect's exp4); null if the name is taken. */
    public Channel addNamed(String name, InputStream in, OutputStream out) {
        if (tree.held.containsKey(name)) return null;
        Channel c = new Channel(name, in, out);
        created(c);
        return c;
    }

    /** Registers a channel on an open file under a fresh name like file3. */
    public Channel addFile(java.nio.file.Path path, java.nio.channels.FileChannel file, boolean read, boolean write, boolean append) {
        Channel c = new Channel(freshName("file"), path, file, read, write, append);
        created(c);
        return c;
    }

    /**
     * Tcl names file channels after their descriptor: a closed file's number is used again, and
     * a file taking a closed standard channel's place (descriptor 0, 1 or 2) takes its name too.
     */
    private String freshName(String prefix) {
        if (prefix.equals("file")) {
            int slot = emptyStandardSlot();
            if (slot >= 0 && !tree.held.containsKey(STANDARD.get(slot))) return STANDARD.get(slot);
            for (int n = 3; ; n++) {
                if (!tree.held.containsKey("file" + n)) return "file" + n;
            }
        }
        String name;
        do {
            name = prefix + tree.nextId++;
        } while (tree.held.containsKey(name));
        return name;
    }

    private int emptyStandardSlot() {
        for (int k = 0; k < 3; k++) if (tree.standard[k] == null) return k;
        return -1;
    }

    /** As Tcl_CreateChannel: a new channel also fills the first empty standard channel slot. */
    private void created(Channel c) {
        register(c);
        int slot = emptyStandardSlot();
        if (slot >= 0) tree.standard[slot] = c;
    }

    /**
     * Unregisters the channel from this interpreter; true when no interpreter holds it any more
     * (the caller then closes it).
     */
    public boolean remove(String name) {
        Channel c = lookup(name);
        if (c == null || open.remove(key(c.name())) == null) return false;
        Held h = tree.held.get(c.name());
        if (h == null || --h.holders > 0) return false;
        tree.held.remove(c.name());
        for (int k = 0; k < 3; k++) if (tree.standard[k] == c) tree.standard[k] = null;
        return true;
    }

    public List<String> names() {
        return open.values().stream().map(Channel::name).toList();
    }

    /** A channel's key in the table: Tcl names the standard channels file0, file1 and file2 there. */
    private static String key(String name) {
        int slot = STANDARD.indexOf(name);
        return slot < 0 ? name : "file" + slot;
    }

    /** Flushes every output channel of the tree (at exit: nothing written is ever dropped). */
    public void flushAll() {
        for (Held h : List.copyOf(tree.held.values())) {
            try {
                h.channel.flush();
            } catch (TclException ignored) {
                // A closed stdout at exit has nowhere to report to.
            }
        }
    }
}
