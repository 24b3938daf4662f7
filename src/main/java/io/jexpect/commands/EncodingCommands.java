package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The encoding ensemble. Tcl's encoding names map to the JDK's charsets; utf-8 is Tcl's own lenient
 * codec (a byte that starts no valid sequence stands for itself), and decoding never fails: what a
 * charset cannot map comes through byte for byte, as Tcl's table encodings do.
 */
final class EncodingCommands {
    private EncodingCommands() {}

    private static final String[] SUBCOMMANDS = {"convertfrom", "convertto", "dirs", "names", "system"};

    /**
     * Tcl name to JDK charset, in the order tclsh 8.6 lists them; names the JDK lacks are left out.
     * A holder of its own: asking the JDK about each charset loads its extended charsets, which a
     * script that never names an encoding need not pay for at start-up.
     */
    private static final class Names {
        static final Map<String, String> NAMES = new LinkedHashMap<>();

        static {
            String table = "cp860=IBM860 cp861=IBM861 cp862=IBM862 cp863=IBM863 cp864=IBM864 tis-620=TIS-620 "
                    + "cp865=IBM865 cp866=IBM866 cp949=x-windows-949 cp950=x-windows-950 cp869=IBM869 "
                    + "cp874=x-windows-874 macCentEuro=x-MacCentralEurope macUkraine=x-MacUkraine gb2312=GB2312 "
                    + "jis0201=JIS_X0201 euc-cn=GB2312 euc-jp=EUC-JP macThai=x-MacThai iso8859-11=x-iso-8859-11 "
                    + "iso2022-jp=ISO-2022-JP jis0208=x-JIS0208 iso2022=ISO-2022-JP macIceland=x-MacIceland "
                    + "iso8859-13=ISO-8859-13 jis0212=JIS_X0212-1990 iso8859-15=ISO-8859-15 cp737=x-IBM737 "
                    + "iso8859-16=ISO-8859-16 big5=Big5 euc-kr=EUC-KR macRomania=x-MacRomania macTurkish=x-MacTurkish "
                    + "iso2022-kr=ISO-2022-KR macGreek=x-MacGreek cp437=IBM437 ascii=US-ASCII macRoman=x-MacRoman "
                    + "iso8859-1=ISO-8859-1 iso8859-2=ISO-8859-2 iso8859-3=ISO-8859-3 koi8-r=KOI8-R "
                    + "macCroatian=x-MacCroatian iso8859-4=ISO-8859-4 ebcdic=IBM037 iso8859-5=ISO-8859-5 "
                    + "cp1250=windows-1250 iso8859-6=ISO-8859-6 macCyrillic=x-MacCyrillic cp1251=windows-1251 "
                    + "macDingbats=x-MacDingbat koi8-u=KOI8-U cp1252=windows-1252 iso8859-7=ISO-8859-7 "
                    + "cp1253=windows-1253 iso8859-8=ISO-8859-8 iso8859-9=ISO-8859-9 cp1254=windows-1254 "
                    + "cp850=IBM850 cp1255=windows-1255 cp932=windows-31j cp1256=windows-1256 cp1257=windows-1257 "
                    + "identity=UTF-8 cp852=IBM852 cp1258=windows-1258 cns11643=x-EUC-TW utf-8=UTF-8 "
                    + "shiftjis=Shift_JIS cp936=GBK cp855=IBM855 cp775=IBM775 symbol=x-MacSymbol unicode=UTF-16LE cp857=IBM857";
            for (String entry : table.split(" ")) {
                String[] kv = entry.split("=");
                if (Charset.isSupported(kv[1])) NAMES.put(kv[0], kv[1]);
            }
        }
    }

    /** Per-interpreter settings: the system encoding and the encoding search path. */
    private static final class State {
        String system = "utf-8";
        Value dirs = Value.EMPTY;
    }

    static void install(Interp in) {
        in.register("encoding", EncodingCommands::encoding);
    }

    /** The charset of a Tcl encoding name, or Tcl's "unknown encoding" error. */
    static Charset charset(String name) throws TclException {
        String java = Names.NAMES.get(name);
        if (java == null) throw TclException.error("unknown encoding \"" + name + "\"", "TCL", "LOOKUP", "ENCODING", name);
        return Charset.forName(java);
    }

    private static Value encoding(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        State state = in.extension(State.class, State::new);
        return switch (Ensemble.subcommand(a, 1, SUBCOMMANDS)) {
            case "convertfrom", "convertto" -> {
                boolean to = a[1].toString().startsWith("convertt");
                if (a.length < 3 || a.length > 4) throw TclException.wrongArgs(a, 2, "?encoding? data");
                String name = a.length == 4 ? a[2].toString() : state.system;
                Charset cs = charset(name);
                String data = a[a.length - 1].toString();
                yield Value.of(to ? encode(name, cs, data) : decode(name, cs, data));
            }
            case "names" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                yield Value.ofStrings(new ArrayList<>(Names.NAMES.keySet()));
            }
            case "system" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?encoding?");
                if (a.length == 2) yield Value.of(state.system);
                charset(a[2].toString());
                state.system = a[2].toString();
                yield Value.EMPTY;
            }
            default -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?dirList?");
                if (a.length == 2) yield state.dirs;
                try {
                    a[2].asList();
                } catch (TclException e) {
                    throw TclException.error("expected directory list but got \"" + a[2] + "\"",
                            "TCL", "OPERATION", "ENCODING", "BADPATH");
                }
                state.dirs = a[2];
                yield a[2];
            }
        };
    }

    /** Text to bytes (a string of byte-valued chars); what the charset cannot hold becomes "?". */
    static String encode(String name, Charset cs, String text) {
        byte[] bytes;
        if (cs == StandardCharsets.UTF_8 || name.equals("utf-8") || name.equals("identity")) {
            bytes = utf8(text);
        } else {
            bytes = name.equals("unicode") ? utf16le(text) : encodeUnits(cs, text);
        }
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = (char) (bytes[i] & 0xFF);
        return new String(out);
    }

    /** Tcl's "unicode": each UTF-16 unit as two bytes, little-endian; a lone surrogate stays as it is. */
    private static byte[] utf16le(String text) {
        byte[] out = new byte[2 * text.length()];
        for (int i = 0; i < text.length(); i++) {
            out[2 * i] = (byte) text.charAt(i);
            out[2 * i + 1] = (byte) (text.charAt(i) >> 8);
        }
        return out;
    }

    /** The reverse of {@link #utf16le}; an odd last byte, or a high surrogate last, awaits more and is dropped. */
    private static String fromUtf16le(byte[] bytes) {
        char[] units = new char[bytes.length / 2];
        for (int i = 0; i < units.length; i++) units[i] = (char) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8);
        int n = units.length > 0 && Character.isHighSurrogate(units[units.length - 1]) ? units.length - 1 : units.length;
        return new String(units, 0, n);
    }

    /** Encodes with one replacement per UTF-16 unit it cannot hold: an emoji is "??", as in Tcl 8.6. */
    private static byte[] encodeUnits(Charset cs, String text) {
        CharsetEncoder enc = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] replacement = enc.replacement();
        CharBuffer in = CharBuffer.wrap(text);
        ByteBuffer out = ByteBuffer.allocate((int) (text.length() * enc.averageBytesPerChar()) + 8);
        while (true) {
            CoderResult r = enc.encode(in, out, true);
            if (r.isUnderflow()) break;
            if (r.isOverflow()) {
                out = grow(out);
                continue;
            }
            for (int i = 0; i < r.length(); i++) {
                while (out.remaining() < replacement.length) out = grow(out);
                out.put(replacement);
                in.get();
            }
        }
        while (enc.flush(out).isOverflow()) out = grow(out);
        return toArray(out.flip());
    }

    private static ByteBuffer grow(ByteBuffer out) {
        ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2 + 8);
        return bigger.put(out.flip());
    }

    /** Bytes (each char's low byte) to text. */
    static String decode(String name, Charset cs, String data) {
        byte[] bytes = new byte[data.length()];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) data.charAt(i);
        if (name.equals("utf-8") || name.equals("identity")) return decodeUtf8(bytes);
        if (name.equals("unicode")) return fromUtf16le(bytes);
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 8);
        boolean multiByte = cs.newEncoder().maxBytesPerChar() > 1;
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) break;
            if (r.isOverflow()) {
                out = grow(out);
                continue;
            }
            // A lead byte cut off at the end is dropped; any other unusable byte stands for itself.
            if (multiByte && r.isMalformed() && in.remaining() == r.length() && truncated(cs, in)) {
                in.position(in.limit());
                break;
            }
            for (int i = 0; i < r.length(); i++) {
                if (!out.hasRemaining()) out = grow(out);
                out.put((char) (in.get() & 0xFF));
            }
        }
        while (dec.flush(out).isOverflow()) out = grow(out);
        return out.flip().toString();
    }

    /** Whether the bytes left are the start of a sequence that more input would complete. */
    private static boolean truncated(Charset cs, ByteBuffer rest) {
        ByteBuffer copy = rest.duplicate();
        CoderResult r = cs.newDecoder().decode(copy, CharBuffer.allocate(8), false);
        return r.isUnderflow() && copy.position() == rest.position();
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 8);
        return bigger.put(out.flip());
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Tcl's UTF-8: pairs become 4-byte sequences, a lone surrogate its 3-byte form. */
    private static byte[] utf8(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(i);
            if (Character.isHighSurrogate((char) c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, s.charAt(++i));
            }
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | c >> 6);
                out.write(0x80 | c & 0x3F);
            } else if (c < 0x10000) {
                out.write(0xE0 | c >> 12);
                out.write(0x80 | c >> 6 & 0x3F);
                out.write(0x80 | c & 0x3F);
            } else {
                out.write(0xF0 | c >> 18);
                out.write(0x80 | c >> 12 & 0x3F);
                out.write(0x80 | c >> 6 & 0x3F);
                out.write(0x80 | c & 0x3F);
            }
        }
        return out.toByteArray();
    }

    /** Tcl 8.6's lenient UTF-8 decoder: C0 80 is NUL, and a byte that starts no valid sequence is itself. */
    private static String decodeUtf8(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0, n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c >= 0xC0 && c <= 0xDF && i + 1 < n && cont(b[i + 1])) {
                int cp = (c & 0x1F) << 6 | b[i + 1] & 0x3F;
                if (cp >= 0x80 || cp == 0) {
                    sb.append((char) cp);
                    i += 2;
                    continue;
                }
            } else if (c >= 0xE0 && c <= 0xEF && i + 2 < n && cont(b[i + 1]) && cont(b[i + 2])) {
                int cp = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F;
                if (cp >= 0x800) {
                    sb.append((char) cp);
                    i += 3;
                    continue;
                }
            } else if (c >= 0xF0 && c <= 0xF4 && i + 3 < n && cont(b[i + 1]) && cont(b[i + 2]) && cont(b[i + 3])) {
                int cp = (c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F;
                if (cp >= 0x10000 && cp <= 0x10FFFF) {
                    sb.appendCodePoint(cp);
                    i += 4;
                    continue;
                }
            }
            sb.append((char) c);
            i++;
        }
        return sb.toString();
    }

    private static boolean cont(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
