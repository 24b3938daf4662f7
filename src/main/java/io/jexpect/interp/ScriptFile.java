package io.jexpect.interp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A script file read as Tcl's source reads it: in the system encoding (or -encoding), with Tcl's
 * UTF-8 leniency (a byte that starts no valid sequence stands for itself, as in ISO-8859-1),
 * translation auto (CR and CR LF become LF), ^Z as the end of the file and a leading BOM dropped.
 */
public final class ScriptFile {
    private ScriptFile() {}

    /** Tcl's system encoding: from the locale, as the JVM saw it; plain ASCII locales are iso8859-1. */
    public static Charset systemEncoding() {
        String name = System.getProperty("native.encoding", "UTF-8");
        try {
            Charset cs = Charset.forName(name);
            return cs.equals(StandardCharsets.US_ASCII) ? StandardCharsets.ISO_8859_1 : cs;
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** Reads and decodes a script; errors are Tcl's {@code couldn't read file "name": ...}. */
    public static String read(Path file, String name, Charset encoding) throws TclException {
        return decode(readBytes(file, name), encoding);
    }

    /** The bytes of a script file, with read's errors. */
    public static byte[] readBytes(Path file, String name) throws TclException {
        try {
            if (Files.isDirectory(file)) throw failure(name, "EISDIR", "illegal operation on a directory");
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw failure(name, "ENOENT", "no such file or directory");
        } catch (AccessDeniedException e) {
            throw failure(name, "EACCES", "permission denied");
        } catch (IOException e) {
            String m = e.getMessage() == null ? "input/output error" : e.getMessage().toLowerCase();
            throw failure(name, "EIO", m.contains("not a directory") ? "not a directory" : "input/output error");
        }
    }

    private static TclException failure(String name, String posix, String message) {
        return TclException.error("couldn't read file \"" + name + "\": " + message, "POSIX", posix, message);
    }

    /** The text of a script file's bytes (see the class comment). */
    public static String decode(byte[] bytes, Charset encoding) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0x1A) end++;
        String text = encoding.equals(StandardCharsets.UTF_8) || encoding == TclUtf8.INSTANCE
                ? TclUtf8.decode(bytes, 0, end) : decodeOther(bytes, end, encoding);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return translateLineEnds(text);
    }

    private static String decodeOther(byte[] bytes, int end, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes, 0, end)).toString();
        } catch (IOException e) {
            return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
    }

    private static String translateLineEnds(String text) {
        if (text.indexOf('\r') < 0) return text;
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
