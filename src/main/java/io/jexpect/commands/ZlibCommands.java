package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The zlib command's one-shot forms: checksums, zlib/raw/gzip compression and decompression, with
 * gzip headers as Tcl writes and reads them. The JDK's Deflater is zlib itself, so the compressed
 * bytes equal tclsh's. Streams are {@link ZlibStream}; zlib push (channel transforms) is not implemented and says so.
 */
final class ZlibCommands {
    private ZlibCommands() {}

    private static final String[] COMMANDS = {"adler32", "compress", "crc32", "decompress", "deflate", "gunzip",
        "gzip", "inflate", "push", "stream"};
    private static final int FTEXT = 1, FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;

    static void install(Interp in) {
        in.register("zlib", ZlibCommands::zlib);
    }

    private static Value zlib(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "command arg ?...?");
        String cmd = COMMANDS[OptionTable.lookup(a[1], "command", COMMANDS)];
        switch (cmd) {
            case "adler32", "crc32" -> {
                if (a.length < 3 || a.length > 4) throw TclException.wrongArgs(a, 2, "data ?startValue?");
                byte[] data = bytes(a[2]);
                boolean crc = cmd.equals("crc32");
                int start = a.length == 4 ? intArg(a[3]) : crc ? 0 : 1;
                return Value.of((crc ? crc32(start, data, 0, data.length) : adler32(start, data)) & 0xFFFFFFFFL);
            }
            case "compress", "deflate" -> {
                if (a.length < 3 || a.length > 4) throw TclException.wrongArgs(a, 2, "data ?level?");
                int level = a.length == 4 ? level(a[3]) : Deflater.DEFAULT_COMPRESSION;
                return chars(deflate(bytes(a[2]), level, cmd.equals("deflate")));
            }
            case "decompress", "inflate" -> {
                if (a.length < 3 || a.length > 4) throw TclException.wrongArgs(a, 2, "data ?bufferSize?");
                if (a.length == 4) bufferSize(a[3]);
                byte[] data = bytes(a[2]);
                boolean raw = cmd.equals("inflate");
                if (data.length == 0) throw streamError();
                Inflater inf = new Inflater(raw);
                try {
                    return chars(inflate(inf, data, 0, raw));
                } finally {
                    inf.end();
                }
            }
            case "gzip" -> {
                return gzip(a);
            }
            case "gunzip" -> {
                return gunzip(in, a);
            }
            case "stream" -> {
                return ZlibStream.create(in, a);
            }
            default -> {
                if (a.length < 4) throw TclException.wrongArgs(a, 2, "mode channel ?options...?");
                throw TclException.error("zlib push is not supported by jexpect", "TCL", "UNSUPPORTED", "ZLIB");
            }
        }
    }

    // ---- arguments --------------------------------------------------------------------------------

    private static byte[] bytes(Value v) {
        String s = v.toString();
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) s.charAt(i);
        return b;
    }

    private static Value chars(byte[] b) {
        char[] c = new char[b.length];
        for (int i = 0; i < b.length; i++) c[i] = (char) (b[i] & 0xFF);
        return Value.of(new String(c));
    }

    /** Tcl_GetIntFromObj: integers up to 32 bits, signed or not. */
    private static int intArg(Value v) throws TclException {
        Number n = v.integerOrNull();
        if (n == null) throw TclException.error("expected integer but got \"" + v + "\"", "TCL", "VALUE", "INTEGER");
        if (n instanceof BigInteger || n.longValue() > 0xFFFFFFFFL || n.longValue() < -0xFFFFFFFFL) {
            throw TclException.error("integer value too large to represent", "ARITH", "IOVERFLOW", "integer value too large to represent");
        }
        return (int) n.longValue();
    }

    private static int level(Value v) throws TclException {
        int level = intArg(v);
        if (level < 0 || level > 9) throw TclException.error("level must be 0 to 9", "TCL", "VALUE", "COMPRESSIONLEVEL");
        return level;
    }

    private static void bufferSize(Value v) throws TclException {
        int size = intArg(v);
        if (size < 16 || size > 65536) throw TclException.error("buffer size must be 16 to 65536", "TCL", "VALUE", "BUFFERSIZE");
    }

    private static TclException streamError() {
        return TclException.error("stream error", "TCL", "ZLIB", "STREAM");
    }

    private static TclException dataError() {
        return TclException.error("data error", "TCL", "ZLIB", "DATA");
    }

    // ---- checksums --------------------------------------------------------------------------------

    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            CRC_TABLE[n] = c;
        }
    }

    /** zlib's crc32(start, data): the JDK's CRC32 cannot continue from a given value. */
    private static int crc32(int start, byte[] data, int from, int to) {
        int c = ~start;
        for (int i = from; i < to; i++) c = CRC_TABLE[(c ^ data[i]) & 0xFF] ^ (c >>> 8);
        return ~c;
    }

    private static int adler32(int start, byte[] data) {
        int s1 = start & 0xFFFF, s2 = start >>> 16;
        for (byte b : data) {
            s1 = (s1 + (b & 0xFF)) % 65521;
            s2 = (s2 + s1) % 65521;
        }
        return s2 << 16 | s1;
    }

    // ---- compression ------------------------------------------------------------------------------

    private static byte[] deflate(byte[] data, int level, boolean raw) throws TclException {
        // Tcl 8.6.13 sizes its output buffer with deflateBound, which level 0 overruns.
        if (level == 0) throw TclException.error("buffer error", "TCL", "ZLIB", "BUF");
        Deflater d = new Deflater(level, raw);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** Inflates data[from..]; what follows the end of the compressed stream is ignored. */
    private static byte[] inflate(Inflater inf, byte[] data, int from, boolean raw) throws TclException {
        inf.setInput(data, from, data.length - from);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4 + 64);
        byte[] buf = new byte[16384];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) throw raw ? streamError() : dataError();
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw dataError();
        }
        return out.toByteArray();
    }

    // ---- gzip -------------------------------------------------------------------------------------

    private static Value gzip(Value[] a) throws TclException {
        if (a.length % 2 == 0) throw TclException.wrongArgs(a, 2, "data ?-level level? ?-header header?");
        int level = Deflater.DEFAULT_COMPRESSION;
        Value header = null;
        for (int k = 3; k < a.length; k += 2) {
            if (OptionTable.lookup(a[k], "option", "-header", "-level") == 0) header = a[k + 1];
            else level = level(a[k + 1]);
        }
        byte[] data = bytes(a[2]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(gzipHeader(header, level));
        out.writeBytes(deflate(data, level, true));
        int crc = crc32(0, data, 0, data.length);
        for (int v : new int[] {crc, data.length}) {
            for (int k = 0; k < 4; k++) out.write(v >> (8 * k));
        }
        return chars(out.toByteArray());
    }

    /** A gzip header as Tcl writes it: from the -header dict if given (os then defaults to 0), else os 3. */
    static byte[] gzipHeader(Value header, int level) throws TclException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int flags = 0, os = 3;
        long time = 0;
        byte[] name = null, comment = null;
        if (header != null) {
            os = 0;
            for (var entry : DictCommands.parse(header).entrySet()) {
                Value v = entry.getValue();
                switch (entry.getKey()) {
                    case "comment" -> comment = latin1(v);
                    case "filename" -> name = latin1(v);
                    case "os" -> os = intArg(v);
                    case "time" -> time = BinaryCommands.toLong(v);
                    case "type" -> flags = (flags & ~FTEXT) | (headerType(v) ? FTEXT : 0);
                    case "crc" -> flags = (flags & ~FHCRC) | (bool(v) ? FHCRC : 0);
                    default -> { }
                }
            }
        }
        if (name != null) flags |= FNAME;
        if (comment != null) flags |= FCOMMENT;
        int xfl = level == 9 ? 2 : level == 1 ? 4 : 0;
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, (byte) time, (byte) (time >> 8), (byte) (time >> 16),
            (byte) (time >> 24), (byte) xfl, (byte) os});
        if (name != null) {
            out.writeBytes(name);
            out.write(0);
        }
        if (comment != null) {
            out.writeBytes(comment);
            out.write(0);
        }
        if ((flags & FHCRC) != 0) {
            byte[] h = out.toByteArray();
            int crc = crc32(0, h, 0, h.length);
            out.write(crc);
            out.write(crc >> 8);
        }
        return out.toByteArray();
    }

    /** The -header dict's type: text is true; the error lists Tcl 8.6.13's table as it prints it. */
    private static boolean headerType(Value v) throws TclException {
        String t = v.toString();
        if (t.equals("text") || t.equals("binary")) return t.equals("text");
        throw TclException.error("bad type \"" + t + "\": must be binary, text, adler32, compress, crc32, decompress, "
                + "deflate, gunzip, gzip, inflate, push, or stream", "TCL", "LOOKUP", "INDEX", "type", t);
    }

    private static boolean bool(Value v) throws TclException {
        try {
            return v.asBoolean();
        } catch (TclException e) {
            throw TclException.error(e.result().toString(), "TCL", "VALUE", "NUMBER");
        }
    }

    private static byte[] latin1(Value v) {
        return v.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Value gunzip(Interp in, Value[] a) throws TclException {
        if (a.length % 2 == 0) throw TclException.wrongArgs(a, 2, "data ?-headerVar varName?");
        String headerVar = null;
        for (int k = 3; k < a.length; k += 2) {
            if (OptionTable.lookup(a[k], "option", "-buffersize", "-headerVar") == 0) bufferSize(a[k + 1]);
            else headerVar = a[k + 1].toString();
        }
        byte[] d = bytes(a[2]);
        if (d.length == 0) throw streamError();
        if (d.length < 10 || (d[0] & 0xFF) != 0x1f || (d[1] & 0xFF) != 0x8b || d[2] != 8) throw dataError();
        int flags = d[3] & 0xFF;
        long time = (d[4] & 0xFFL) | (d[5] & 0xFFL) << 8 | (d[6] & 0xFFL) << 16 | (d[7] & 0xFFL) << 24;
        int os = d[9] & 0xFF;
        int p = 10;
        String name = null, comment = null;
        if ((flags & FEXTRA) != 0) {
            if (p + 2 > d.length) throw dataError();
            p += 2 + ((d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8);
        }
        if ((flags & FNAME) != 0) {
            int end = zero(d, p);
            name = new String(d, p, end - p, StandardCharsets.ISO_8859_1);
            p = end + 1;
        }
        if ((flags & FCOMMENT) != 0) {
            int end = zero(d, p);
            comment = new String(d, p, end - p, StandardCharsets.ISO_8859_1);
            p = end + 1;
        }
        if ((flags & FHCRC) != 0) p += 2;
        if (p >= d.length) throw dataError();
        Inflater inf = new Inflater(true);
        byte[] out;
        int rest;
        try {
            out = inflate(inf, d, p, false);
            rest = inf.getRemaining();
        } finally {
            inf.end();
        }
        int t = d.length - rest;
        if (rest < 8) throw dataError();
        int crc = (d[t] & 0xFF) | (d[t + 1] & 0xFF) << 8 | (d[t + 2] & 0xFF) << 16 | (d[t + 3] & 0xFF) << 24;
        if (crc != crc32(0, out, 0, out.length)) throw dataError();
        if (headerVar != null) {
            List<Value> h = new ArrayList<>();
            if (comment != null) add(h, "comment", Value.of(comment));
            add(h, "crc", Value.of((flags & FHCRC) != 0));
            if (name != null) add(h, "filename", Value.of(name));
            add(h, "os", Value.of(os));
            if (time != 0) add(h, "time", Value.of(time));
            add(h, "type", Value.of((flags & FTEXT) != 0 ? "text" : "binary"));
            add(h, "size", Value.of(out.length));
            in.setVar(headerVar, Value.ofList(h));
        }
        return chars(out);
    }

    private static int zero(byte[] d, int from) throws TclException {
        for (int i = from; i < d.length; i++) if (d[i] == 0) return i;
        throw dataError();
    }

    private static void add(List<Value> dict, String key, Value value) {
        dict.add(Value.of(key));
        dict.add(value);
    }
}
