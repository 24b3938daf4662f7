package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.TclUtf8;
import io.jexpect.interp.TextCodec;
import io.jexpect.interp.Value;
import java.nio.charset.Charset;
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
        return java.equals("UTF-8") ? TclUtf8.INSTANCE : Charset.forName(java);
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
                yield Value.of(to ? encode(cs, data) : decode(cs, data));
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
    private static String encode(Charset cs, String text) {
        byte[] bytes = TextCodec.encode(cs, text);
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = (char) (bytes[i] & 0xFF);
        return new String(out);
    }

    /** Bytes (each char's low byte) to text. */
    private static String decode(Charset cs, String data) {
        byte[] bytes = new byte[data.length()];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) data.charAt(i);
        return TextCodec.decode(cs, bytes, 0, bytes.length);
    }
}
