package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclCommand;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A zlib stream command ({@code zlib stream mode}): data put in comes out compressed or
 * decompressed by get, incrementally, with gzip headers and checksums as Tcl keeps them.
 */
final class ZlibStream implements TclCommand {
    private static final String[] OPTIONS = {"add", "checksum", "close", "eof", "finalize", "flush", "fullflush", "get",
        "header", "put", "reset"};
    private static final String[] PUT_OPTIONS = {"-dictionary", "-finalize", "-flush", "-fullflush"};

    private final String mode;
    private final boolean compressing;
    private final int level;
    private final Value headerSpec;
    private Deflater deflater;
    private Inflater inflater;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private byte[] pendingIn = new byte[0];
    private int pendingFlush = Deflater.NO_FLUSH;
    private boolean headerDone, finished;
    private final CRC32 crc = new CRC32();
    private final Adler32 adler = new Adler32();
    private Value header = Value.EMPTY;
    private TclException failure;

    private ZlibStream(String mode, int level, Value headerSpec) {
        this.mode = mode;
        this.compressing = mode.equals("compress") || mode.equals("deflate") || mode.equals("gzip");
        this.level = level;
        this.headerSpec = headerSpec;
        reset();
    }

    /** Per-interpreter counter for the stream command names. */
    private static final class Counter {
        int next = 1;
    }

    /** zlib stream mode ?-option value ...?: creates the stream command and returns its name. */
    static Value create(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 2, "mode ?-option value...?");
        String[] modes = {"compress", "decompress", "deflate", "gunzip", "gzip", "inflate"};
        String mode = modes[OptionTable.lookup(a[2], "mode", modes)];
        String[] options = switch (mode) {
            case "compress", "deflate" -> new String[] {"-dictionary", "-level"};
            case "gzip" -> new String[] {"-header", "-level"};
            case "gunzip" -> new String[] {"-header"};
            default -> new String[] {"-dictionary"};
        };
        int level = Deflater.DEFAULT_COMPRESSION;
        Value header = null;
        for (int k = 3; k < a.length; k += 2) {
            String opt = options[OptionTable.lookup(a[k], "option", options)];
            if (k + 1 >= a.length) throw TclException.error("\"" + opt + "\" option must be followed by value", "TCL", "ARGUMENT", "MISSING");
            if (opt.equals("-level")) {
                Number n = a[k + 1].integerOrNull();
                if (n == null) throw TclException.error("expected integer but got \"" + a[k + 1] + "\"", "TCL", "VALUE", "INTEGER");
                if (n.longValue() < 0 || n.longValue() > 9) throw TclException.error("level must be 0 to 9", "TCL", "VALUE", "COMPRESSIONLEVEL");
                level = n.intValue();
            } else if (opt.equals("-header")) {
                header = a[k + 1];
                DictCommands.parse(header);
            } else {
                throw TclException.error("zlib stream -dictionary is not supported by jexpect", "TCL", "UNSUPPORTED", "ZLIB");
            }
        }
        Counter c = in.extension(Counter.class, Counter::new);
        String name = "::tcl::zlib::streamcmd_" + c.next++;
        in.register(name, new ZlibStream(mode, level, header));
        return Value.of(name);
    }

    private void reset() {
        if (deflater != null) deflater.end();
        if (inflater != null) inflater.end();
        boolean raw = !mode.equals("compress") && !mode.equals("decompress");
        deflater = compressing ? new Deflater(level, raw) : null;
        inflater = compressing ? null : new Inflater(raw);
        out.reset();
        pendingIn = new byte[0];
        pendingFlush = Deflater.NO_FLUSH;
        headerDone = finished = false;
        crc.reset();
        adler.reset();
        header = Value.EMPTY;
        failure = null;
    }

    @Override
    public Value call(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "option data ?...?");
        String option = OPTIONS[OptionTable.lookup(a[1], "option", OPTIONS)];
        switch (option) {
            case "put", "add" -> {
                if (a.length < 3) throw TclException.wrongArgs(a, 2, "?-option? data");
                int flush = pendingFlush;
                boolean finalize = false;
                for (int k = 2; k < a.length - 1; k++) {
                    switch (PUT_OPTIONS[OptionTable.lookup(a[k], "option", PUT_OPTIONS)]) {
                        case "-finalize" -> finalize = true;
                        case "-flush" -> flush = Deflater.SYNC_FLUSH;
                        case "-fullflush" -> flush = Deflater.FULL_FLUSH;
                        default -> throw TclException.error("zlib stream -dictionary is not supported by jexpect", "TCL", "UNSUPPORTED", "ZLIB");
                    }
                }
                pendingFlush = Deflater.NO_FLUSH;
                put(bytes(a[a.length - 1]), flush, finalize);
                return option.equals("add") ? take(Integer.MAX_VALUE) : Value.EMPTY;
            }
            case "get" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?count?");
                int count = Integer.MAX_VALUE;
                if (a.length == 3) {
                    Number n = a[2].integerOrNull();
                    if (n == null) throw TclException.error("expected integer but got \"" + a[2] + "\"", "TCL", "VALUE", "INTEGER");
                    if (n.longValue() >= 0) count = (int) Math.min(n.longValue(), Integer.MAX_VALUE);
                }
                return take(count);
            }
            case "flush", "fullflush" -> {
                pendingFlush = option.equals("flush") ? Deflater.SYNC_FLUSH : Deflater.FULL_FLUSH;
                return Value.EMPTY;
            }
            case "finalize" -> {
                put(new byte[0], Deflater.NO_FLUSH, true);
                return Value.EMPTY;
            }
            case "checksum" -> {
                long sum = mode.equals("gzip") || mode.equals("gunzip") ? crc.getValue()
                        : mode.equals("compress") ? adler.getValue() : mode.equals("decompress") ? inflater.getAdler() : 1;
                return Value.of(sum);
            }
            case "eof" -> {
                return Value.of(!compressing && finished);
            }
            case "header" -> {
                return header;
            }
            case "reset" -> {
                reset();
                return Value.EMPTY;
            }
            default -> {
                if (deflater != null) deflater.end();
                if (inflater != null) inflater.end();
                in.rename(a[0].toString(), "");
                return Value.EMPTY;
            }
        }
    }

    private Value take(int count) throws TclException {
        if (failure != null) throw failure;
        byte[] all = out.toByteArray();
        int n = Math.min(count, all.length);
        out.reset();
        out.write(all, n, all.length - n);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) (all[i] & 0xFF);
        return Value.of(new String(c));
    }

    private void put(byte[] data, int flush, boolean finalize) throws TclException {
        if (compressing) compress(data, flush, finalize);
        else decompress(data);
    }

    private void compress(byte[] data, int flush, boolean finalize) throws TclException {
        if (mode.equals("gzip") && !headerDone) {
            out.writeBytes(ZlibCommands.gzipHeader(headerSpec, level));
            headerDone = true;
        }
        crc.update(data);
        adler.update(data);
        deflater.setInput(data);
        if (finalize) deflater.finish();
        byte[] buf = new byte[8192];
        while (true) {
            int n = deflater.deflate(buf, 0, buf.length, finalize ? Deflater.NO_FLUSH : flush);
            out.write(buf, 0, n);
            if (finalize ? deflater.finished() : n < buf.length && deflater.needsInput()) break;
        }
        if (finalize && mode.equals("gzip")) {
            long size = deflater.getBytesRead();
            for (long v : new long[] {crc.getValue(), size}) {
                for (int k = 0; k < 4; k++) out.write((int) (v >> (8 * k)));
            }
        }
    }

    private void decompress(byte[] data) {
        if (finished || failure != null) return;
        byte[] input = Arrays.copyOf(pendingIn, pendingIn.length + data.length);
        System.arraycopy(data, 0, input, pendingIn.length, data.length);
        pendingIn = new byte[0];
        int from = 0;
        if (mode.equals("gunzip") && !headerDone) {
            int end = parseGzipHeader(input);
            if (end < 0) {
                pendingIn = input;
                return;
            }
            headerDone = true;
            from = end;
        }
        inflater.setInput(input, from, input.length - from);
        byte[] buf = new byte[16384];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                out.write(buf, 0, n);
                if (mode.equals("gunzip")) crc.update(buf, 0, n);
            }
        } catch (DataFormatException e) {
            failure = TclException.error("data error", "TCL", "ZLIB", "DATA");
        }
        if (inflater.finished()) finished = true;
    }

    /** Where the gzip header ends in data, or -1 if it is not complete yet; records the header dict. */
    private int parseGzipHeader(byte[] d) {
        if (d.length < 10) return -1;
        if ((d[0] & 0xFF) != 0x1f || (d[1] & 0xFF) != 0x8b) {
            failure = TclException.error("data error", "TCL", "ZLIB", "DATA");
            return -1;
        }
        int flags = d[3] & 0xFF, p = 10;
        String name = null, comment = null;
        if ((flags & 4) != 0) {
            if (p + 2 > d.length) return -1;
            p += 2 + ((d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8);
        }
        if ((flags & 8) != 0) {
            int end = zero(d, p);
            if (end < 0) return -1;
            name = new String(d, p, end - p, StandardCharsets.ISO_8859_1);
            p = end + 1;
        }
        if ((flags & 16) != 0) {
            int end = zero(d, p);
            if (end < 0) return -1;
            comment = new String(d, p, end - p, StandardCharsets.ISO_8859_1);
            p = end + 1;
        }
        if ((flags & 2) != 0) p += 2;
        if (p > d.length) return -1;
        long time = (d[4] & 0xFFL) | (d[5] & 0xFFL) << 8 | (d[6] & 0xFFL) << 16 | (d[7] & 0xFFL) << 24;
        List<Value> h = new ArrayList<>();
        if (comment != null) h.addAll(List.of(Value.of("comment"), Value.of(comment)));
        h.addAll(List.of(Value.of("crc"), Value.of((flags & 2) != 0)));
        if (name != null) h.addAll(List.of(Value.of("filename"), Value.of(name)));
        h.addAll(List.of(Value.of("os"), Value.of(d[9] & 0xFF)));
        if (time != 0) h.addAll(List.of(Value.of("time"), Value.of(time)));
        h.addAll(List.of(Value.of("type"), Value.of((flags & 1) != 0 ? "text" : "binary")));
        header = Value.ofList(h);
        return p;
    }

    private static int zero(byte[] d, int from) {
        for (int i = from; i < d.length; i++) if (d[i] == 0) return i;
        return -1;
    }

    private static byte[] bytes(Value v) {
        String s = v.toString();
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) s.charAt(i);
        return b;
    }
}
