package io.jexpect.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A test's transcript: a first line with the file and the time it started, then what the script
 * printed (with {@code log_user} on, as by default, that is also what its programs printed) and
 * what it sent them ({@code send: sending "ls\r" to { exp4 }}), each line stamped with the seconds
 * since the start: {@code [   0.012] }. Stdout and stderr share it: writes are whole, never
 * interleaved mid-write, and written through so a script killed at its timeout leaves it complete.
 */
final class TimedTranscript extends OutputStream {
    private static final Pattern STAMP = Pattern.compile("^\\[ *\\d+\\.\\d{3}] ");
    private final OutputStream out;
    private final long start = System.nanoTime();
    private boolean atLineStart = true;

    TimedTranscript(OutputStream out, String name) throws IOException {
        this.out = out;
        out.write(("# " + name + " started " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        while (off < end) {
            if (atLineStart) stamp();
            int nl = off;
            while (nl < end && b[nl] != '\n') nl++;
            atLineStart = nl < end;
            int stop = atLineStart ? nl + 1 : end;
            out.write(b, off, stop - off);
            off = stop;
        }
    }

    /** A line of its own, after ending the output's current line if it is in the middle of one. */
    synchronized void note(String line) {
        try {
            if (!atLineStart) {
                out.write('\n');
                atLineStart = true;
            }
            write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // The transcript is lost; the results still say what happened.
        }
    }

    /**
     * A transcript's lines without the first line and the stamps: a failure message quotes its end
     * so, and reports of the same run stay equal however it was timed or sharded.
     */
    static List<String> untimedLines(Path transcript) throws IOException {
        List<String> lines = Files.readString(transcript, StandardCharsets.UTF_8).lines().toList();
        return lines.stream().skip(1).map(l -> STAMP.matcher(l).replaceFirst("")).toList();
    }

    private void stamp() throws IOException {
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.write(String.format(Locale.ROOT, "[%4d.%03d] ", ms / 1000, ms % 1000).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
