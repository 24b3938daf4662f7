package io.jexpect.commands;

import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.Numbers;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Channels: puts, flush, gets, read, open, close, eof, fconfigure, seek, tell, fblocked. */
final class IoCommands {
    private IoCommands() {}

    static void install(Interp in) {
        in.register("puts", IoCommands::puts);
        in.register("flush", (i, a) -> {
            if (a.length != 2) throw TclException.wrongArgs(a, 1, "channelId");
            i.channels().get(a[1].toString()).flush();
            return Value.EMPTY;
        });
        in.register("gets", IoCommands::gets);
        in.register("read", IoCommands::read);
        in.register("open", IoCommands::open);
        in.register("close", IoCommands::close);
        in.register("eof", (i, a) -> {
            if (a.length != 2) throw TclException.wrongArgs(a, 1, "channelId");
            return Value.of(i.channels().get(a[1].toString()).eof());
        });
        in.register("fblocked", (i, a) -> {
            if (a.length != 2) throw TclException.wrongArgs(a, 1, "channelId");
            return Value.of(i.channels().get(a[1].toString()).blocked());
        });
        in.register("tell", (i, a) -> {
            if (a.length != 2) throw TclException.wrongArgs(a, 1, "channelId");
            return Value.of(i.channels().get(a[1].toString()).tell());
        });
        in.register("seek", IoCommands::seek);
        in.register("fconfigure", IoCommands::fconfigure);
        in.register("chan", IoCommands::chan);
    }

    private static Value puts(Interp in, Value[] a) throws TclException {
        boolean newline = true;
        int i = 1;
        if (i < a.length && a.length > 2 && a[i].toString().equals("-nonewline")) {
            newline = false;
            i++;
        }
        Channel ch;
        Value text;
        if (a.length - i == 1) {
            ch = in.channels().get("stdout");
            text = a[i];
        } else if (a.length - i == 2) {
            ch = in.channels().get(a[i].toString());
            text = a[i + 1];
        } else {
            throw TclException.wrongArgs(a, 1, "?-nonewline? ?channelId? string");
        }
        ch.write(newline ? text + "\n" : text.toString());
        return Value.EMPTY;
    }

    private static Value gets(Interp in, Value[] a) throws TclException {
        if (a.length < 2 || a.length > 3) throw TclException.wrongArgs(a, 1, "channelId ?varName?");
        Channel ch = in.channels().get(a[1].toString());
        String line = ch.readLine();
        if (a.length == 2) return line == null ? Value.EMPTY : Value.of(line);
        in.setVar(a[2].toString(), line == null ? Value.EMPTY : Value.of(line));
        return Value.of(line == null ? -1 : line.length());
    }

    private static Value read(Interp in, Value[] a) throws TclException {
        String usage = "wrong # args: should be \"" + a[0] + " channelId ?numChars?\" or \"" + a[0] + " ?-nonewline? channelId\"";
        boolean nonewline = false;
        int i = 1;
        if (i < a.length && a[i].toString().equals("-nonewline")) {
            nonewline = true;
            i++;
        }
        if (i >= a.length || a.length - i > 2 || (nonewline && a.length - i != 1)) {
            throw TclException.error(usage, "TCL", "WRONGARGS");
        }
        Channel ch = in.channels().get(a[i].toString());
        long count = -1;
        if (a.length - i == 2) {
            Number n = a[i + 1].integerOrNull();
            // Tcl takes an int: a larger count is refused rather than allocated or read.
            if (n == null || n.longValue() < 0 || n.longValue() > Integer.MAX_VALUE) {
                throw TclException.error("expected non-negative integer but got \"" + a[i + 1] + "\"", "TCL", "VALUE", "NUMBER");
            }
            count = n.longValue();
        }
        String text = ch.read(count);
        if (nonewline && text.endsWith("\n")) text = text.substring(0, text.length() - 1);
        return Value.of(text);
    }

    // ---- open -------------------------------------------------------------------------------------

    private static Value open(Interp in, Value[] a) throws TclException {
        if (a.length < 2 || a.length > 4) throw TclException.wrongArgs(a, 1, "fileName ?access? ?permissions?");
        String name = a[1].toString();
        if (name.startsWith("|")) return ProcessCommands.openPipeline(in, name.substring(1), a.length > 2 ? a[2].toString() : "r");
        Set<StandardOpenOption> opts = EnumSet.noneOf(StandardOpenOption.class);
        boolean append = false;
        String mode = a.length > 2 ? a[2].toString() : "r";
        if (!mode.isEmpty() && Character.isUpperCase(mode.charAt(0))) {
            append = listMode(a[2], opts);
        } else {
            String m = mode.replace("b", "");
            switch (m) {
                case "r" -> opts.add(StandardOpenOption.READ);
                case "r+" -> opts.addAll(List.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
                case "w" -> opts.addAll(List.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING));
                case "w+" -> opts.addAll(List.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING));
                case "a" -> opts.addAll(List.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE));
                case "a+" -> opts.addAll(List.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE));
                default -> throw TclException.error("illegal access mode \"" + mode + "\"");
            }
            append = m.startsWith("a");
            if (mode.indexOf('b') != mode.lastIndexOf('b')) throw TclException.error("illegal access mode \"" + mode + "\"");
        }
        int perms = 0666;
        if (a.length == 4) perms = a[3].asInt();
        if (WorkingDirectory.refused(name)) throw TclException.error("couldn't open \"" + name + "\": filename is invalid on this platform");
        if (name.isEmpty()) throw PosixError.ENOENT.error("couldn't open \"\"");
        Path p = WorkingDirectory.resolve(in, name);
        FileChannel fc;
        try {
            if (Files.isDirectory(p) && opts.contains(StandardOpenOption.WRITE)) throw PosixError.EISDIR.error("couldn't open \"" + name + "\"");
            FileAttribute<?>[] attrs = opts.contains(StandardOpenOption.CREATE) || opts.contains(StandardOpenOption.CREATE_NEW)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FileCommands.modeToPermissions(perms))}
                    : new FileAttribute<?>[0];
            fc = FileChannel.open(p, opts, attrs);
            if (append) fc.position(fc.size());
        } catch (IOException e) {
            throw PosixError.of(e).error("couldn't open \"" + name + "\"");
        }
        Channel ch = in.channels().addFile(p, fc, opts.contains(StandardOpenOption.READ), opts.contains(StandardOpenOption.WRITE), append);
        if (mode.contains("b") || mode.contains("BINARY")) ch.setTranslation("binary", "binary");
        return Value.of(ch.name());
    }

    /** The POSIX flag list form of an access mode; returns whether writes append. */
    private static boolean listMode(Value mode, Set<StandardOpenOption> opts) throws TclException {
        boolean access = false, append = false;
        for (Value flag : mode.asList()) {
            switch (flag.toString()) {
                case "RDONLY" -> { opts.add(StandardOpenOption.READ); access = true; }
                case "WRONLY" -> { opts.add(StandardOpenOption.WRITE); access = true; }
                case "RDWR" -> { opts.add(StandardOpenOption.READ); opts.add(StandardOpenOption.WRITE); access = true; }
                case "APPEND" -> append = true;
                case "CREAT" -> opts.add(StandardOpenOption.CREATE);
                case "EXCL" -> opts.add(StandardOpenOption.CREATE_NEW);
                case "TRUNC" -> opts.add(StandardOpenOption.TRUNCATE_EXISTING);
                case "BINARY", "NOCTTY", "NONBLOCK" -> { }
                default -> throw TclException.error("invalid access mode \"" + flag + "\": must be RDONLY, WRONLY, RDWR, APPEND, "
                        + "BINARY, CREAT, EXCL, NOCTTY, NONBLOCK, or TRUNC");
            }
        }
        if (!access) throw TclException.error("access mode must include either RDONLY, WRONLY, or RDWR");
        if (opts.contains(StandardOpenOption.CREATE_NEW)) {
            if (!opts.contains(StandardOpenOption.CREATE)) opts.remove(StandardOpenOption.CREATE_NEW);
            else opts.remove(StandardOpenOption.CREATE);
        }
        // Truncating needs write access in Java; Tcl's RDONLY|TRUNC is meaningless anyway.
        if (!opts.contains(StandardOpenOption.WRITE)) opts.remove(StandardOpenOption.TRUNCATE_EXISTING);
        return append;
    }

    private static Value close(Interp in, Value[] a) throws TclException {
        if (a.length < 2 || a.length > 3) throw TclException.wrongArgs(a, 1, "channelId ?direction?");
        Channel ch = in.channels().get(a[1].toString());
        if (a.length == 3) {
            String dir = a[2].toString();
            if (!"read".startsWith(dir) && !"write".startsWith(dir) || dir.isEmpty()) {
                throw TclException.error("bad direction \"" + dir + "\": must be read or write");
            }
            boolean write = dir.charAt(0) == 'w';
            if (ch.canRead() && ch.canWrite()) {
                // Half-close: a pipeline or socket peer sees eof on its input; reading goes on.
                ch.closeSide(write);
                return Value.EMPTY;
            }
            if (write ? !ch.canWrite() : !ch.canRead()) ch.closeSide(write);
            // Closing the only side a channel has closes it fully.
        }
        EventLoop.of(in).channelClosed(ch);
        // Shared with another interpreter: only this one lets it go.
        if (in.channels().remove(ch.name())) closeChannel(in, ch);
        return Value.EMPTY;
    }

    /** Closes a channel no interpreter holds any more. */
    static void closeChannel(Interp in, Channel ch) throws TclException {
        ch.close();
        ProcessCommands.channelClosed(in, ch);
    }

    private static Value seek(Interp in, Value[] a) throws TclException {
        if (a.length < 3 || a.length > 4) throw TclException.wrongArgs(a, 1, "channelId offset ?origin?");
        Channel ch = in.channels().get(a[1].toString());
        long offset = a[2].asLong();
        String origin = "start";
        if (a.length == 4) {
            origin = a[3].toString();
            if (!List.of("start", "current", "end").contains(origin)) {
                throw TclException.error("bad origin \"" + origin + "\": must be start, current, or end", "TCL", "LOOKUP", "INDEX", "origin", origin);
            }
        }
        ch.seek(offset, origin);
        return Value.EMPTY;
    }

    // ---- fconfigure -------------------------------------------------------------------------------

    private static final String[] OPTIONS = {"-blocking", "-buffering", "-buffersize", "-encoding", "-eofchar", "-translation"};

    private static Value fconfigure(Interp in, Value[] a) throws TclException {
        if (a.length < 2 || (a.length > 3 && a.length % 2 == 1)) throw TclException.wrongArgs(a, 1, "channelId ?-option value ...?");
        Channel ch = in.channels().get(a[1].toString());
        Channel.Endpoint ep = ch.endpoint();
        if (a.length == 2) {
            List<Value> out = new ArrayList<>();
            for (String opt : OPTIONS) {
                out.add(Value.of(opt));
                out.add(query(ch, opt));
            }
            if (ep != null) {
                for (String opt : ep.options()) {
                    out.add(Value.of(opt));
                    out.add(ep.option(opt));
                }
            }
            return Value.ofList(out);
        }
        if (a.length == 3) {
            Value v = ep == null ? null : ep.option(a[2].toString());
            if (v != null) return v;
            return query(ch, option(a[2].toString(), ep == null ? List.of() : ep.knownOptions()));
        }
        for (int i = 2; i < a.length; i += 2) {
            String opt = option(a[i].toString(), List.of());
            Value v = a[i + 1];
            switch (opt) {
                case "-blocking" -> ch.setBlocking(Numbers.booleanWord(v.toString()));
                case "-buffering" -> {
                    String b = v.toString();
                    if (!List.of("full", "line", "none").contains(b)) throw TclException.error("bad value for -buffering: must be one of full, line, or none");
                    ch.setBuffering(b);
                }
                case "-buffersize" -> v.asInt();
                case "-encoding" -> {
                    String e = v.toString();
                    ch.setEncoding(e, charset(e));
                }
                case "-eofchar" -> { }
                case "-translation" -> {
                    List<Value> t = v.asList();
                    if (t.isEmpty() || t.size() > 2) throw TclException.error("bad value for -translation: must be a one or two element list");
                    String inT = translation(t.get(0).toString());
                    String outT = translation(t.get(t.size() - 1).toString());
                    ch.setTranslation(ch.canRead() ? inT : null, ch.canWrite() ? outT : null);
                }
                default -> { }
            }
        }
        if (ep != null) ep.configured(ch);
        return Value.EMPTY;
    }

    /** A standard option; a bad one is reported with the channel's own options (a socket's) too. */
    private static String option(String given, List<String> extra) throws TclException {
        for (String o : OPTIONS) if (o.equals(given)) return o;
        List<String> all = new ArrayList<>(List.of(OPTIONS));
        all.addAll(extra);
        throw TclException.error("bad option \"" + given + "\": should be one of " + String.join(", ", all.subList(0, all.size() - 1))
                + ", or " + all.get(all.size() - 1));
    }

    private static String translation(String t) throws TclException {
        if (!List.of("auto", "binary", "cr", "lf", "crlf", "platform").contains(t)) {
            throw TclException.error("bad value for -translation: must be one of auto, binary, cr, lf, crlf, or platform");
        }
        return t;
    }

    private static Charset charset(String name) throws TclException {
        return name.equals("binary") ? StandardCharsets.ISO_8859_1 : EncodingCommands.charset(name);
    }

    private static Value query(Channel ch, String opt) {
        boolean both = ch.canRead() && ch.canWrite();
        return switch (opt) {
            case "-blocking" -> Value.of(ch.blocking());
            case "-buffering" -> Value.of(ch.buffering());
            case "-buffersize" -> Value.of(4096);
            case "-encoding" -> Value.of(ch.encoding());
            case "-eofchar" -> both ? Value.ofList(List.of(Value.EMPTY, Value.EMPTY)) : Value.EMPTY;
            default -> {
                String inT = ch.inputTranslation().equals("binary") ? "lf" : ch.inputTranslation();
                String outT = ch.outputTranslation().equals("binary") ? "lf" : ch.outputTranslation();
                if (both) yield Value.ofStrings(List.of(inT, outT));
                yield Value.of(ch.canRead() || !ch.canWrite() ? inT : outT);
            }
        };
    }

    /** chan: the subcommands that are the same as the older commands. */
    private static Value chan(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, 1, new String[] {"blocked", "close", "configure", "copy",
            "create", "eof", "event", "flush", "gets", "names", "pending", "pipe", "pop", "postevent", "push", "puts", "read",
            "seek", "tell", "truncate"});
        Value[] rest = new Value[a.length - 1];
        System.arraycopy(a, 1, rest, 0, rest.length);
        String target = switch (sub) {
            case "blocked" -> "fblocked";
            case "configure" -> "fconfigure";
            case "event" -> "fileevent";
            case "copy" -> "fcopy";
            case "names" -> null;
            default -> sub;
        };
        if (target == null) {
            List<Value> out = new ArrayList<>();
            for (String n : in.channels().names()) {
                if (a.length < 3 || GlobMatch.matches(a[2].toString(), n)) out.add(Value.of(n));
            }
            return Value.ofList(out);
        }
        rest[0] = Value.of("chan " + sub);
        // Expect replaces close with its own; chan close is always Tcl's.
        if (sub.equals("close")) return close(in, rest);
        if (sub.equals("pending")) return ChannelCommands.pending(in, rest);
        if (sub.equals("pipe")) return ChannelCommands.pipe(in, rest);
        var cmd = in.command(target);
        if (cmd == null) throw TclException.error("chan " + sub + " is not supported");
        return cmd.call(in, rest);
    }
}
