package io.jexpect.cli;

import io.jexpect.interp.ListFormat;
import io.jexpect.interp.Value;
import java.util.List;

/**
 * Turns a {@link Recording} into an Expect script that replays it: {@code spawn}, then an
 * {@code expect}/{@code send} pair for each burst of typing, then {@code expect eof}. Like
 * autoexpect's prompt mode, each send waits for the last line of output shown before the keys were
 * typed (made longer, line by line, until it cannot match earlier output), so the replay waits for
 * the program rather than for a clock. Keys the program merely echoed go into one send with the
 * keys before them. Patterns are exact and quoted, so brackets, dollars and escape sequences are
 * literal.
 */
final class ReplayScript {
    /** A pattern without a newline is cut to this many characters (a full-screen repaint has none). */
    private static final int LONGEST_LINE = 200;

    /**
     * The resize. It reaches the program as SIGWINCH, one for each dimension stty changes, and less
     * loses one that comes after it drew its prompt and before it reads (its handler only breaks
     * out of a read it is in), or drops the next key with one that comes as it reads the key: a
     * replay that resized the moment the prompt showed hung in about 1 of 4 runs under real Expect,
     * and 6 of 40 under load when it only waited before stty. So each dimension changes while the
     * program sleeps, and the resize ends when it sleeps again (Linux's /proc tells).
     */
    private static final String RESIZE = """
            # A resize reaches the program as signals (stty makes one for each dimension it changes),
            # which a program can miss, or let eat a key, when one comes while it is not waiting for
            # keys (less does): each comes while the program sleeps, and the resize ends once it
            # sleeps again.
            proc resize {rows columns} {
                global spawn_out
                foreach {dimension size} [list rows $rows columns $columns] {
                    asleep
                    stty $dimension $size < $spawn_out(slave,name)
                }
                asleep
            }
            # Waits (2 s at most) until the program no longer runs, as Linux's /proc shows (elsewhere
            # it does not wait).
            proc asleep {} {
                set stat /proc/[exp_pid]/stat
                for {set tries 0} {$tries < 400 && [file readable $stat]} {incr tries} {
                    set f [open $stat]
                    set s [read $f]
                    close $f
                    if {[lindex [string range $s [string last ")" $s] end] 1] ne "R"} return
                    after 5
                }
            }
            """;

    private final StringBuilder script = new StringBuilder();
    private final StringBuilder shown = new StringBuilder();   // output since the last expect's match
    private final StringBuilder keys = new StringBuilder();    // the send being gathered
    private final StringBuilder echo = new StringBuilder();    // its echo, not yet seen

    private ReplayScript() {
    }

    /** @param when when the recording was made, for the header */
    static String of(Recording recording, String when) {
        ReplayScript r = new ReplayScript();
        r.header(recording, when);
        for (Recording.Event e : recording.events()) {
            switch (e) {
                case Recording.Input i -> r.typed(i.text());
                case Recording.Output o -> r.shown(o.text());
                case Recording.Resize z -> {
                    // Like a key: the program gets it once it has shown what it showed then.
                    r.flushKeys();
                    r.expectShown();
                    r.script.append("resize ").append(z.rows()).append(' ').append(z.columns()).append('\n');
                }
            }
        }
        r.flushKeys();
        r.script.append("expect eof\n");
        return r.script.toString();
    }

    private void header(Recording recording, String when) {
        script.append("#!/usr/bin/env jexpect\n")
                .append("# Recorded by jexpect record on ").append(when).append(".\n")
                .append("# Each send waits for the last line the program showed before the keys were typed.\n")
                .append("# Output that differs from run to run (dates, timings) needs a looser pattern.\n")
                .append("set timeout 30\n");
        if (recording.events().stream().anyMatch(e -> e instanceof Recording.Resize)) script.append(RESIZE);
        // What the program draws depends on the terminal's type and size: the replay gets the same.
        if (recording.term != null) script.append("set env(TERM) ").append(quote(recording.term)).append('\n');
        if (recording.rows > 0 && recording.columns > 0) {
            script.append("set stty_init {rows ").append(recording.rows).append(" columns ").append(recording.columns).append("}\n");
        }
        script.append("spawn -noecho ").append(ListFormat.format(recording.command.stream().map(Value::of).toList())).append('\n');
        // After spawn: expect_after watches the spawn id current when it is given (Expect's rule).
        script.append("match_max 100000\n")
                .append("expect_after {\n")
                .append("    timeout { send_user \"\\n[info script]: timed out waiting for the program\\n\"; exit 1 }\n")
                .append("    eof { send_user \"\\n[info script]: the program ended early\\n\"; exit 1 }\n")
                .append("}\n");
    }

    private void typed(String text) {
        if (keys.isEmpty()) expectShown();
        keys.append(text);
        echo.append(echoOf(text));
    }

    private void shown(String text) {
        shown.append(text);
        if (keys.isEmpty()) return;
        // Output that is only the echo of the keys: the user is still typing the same send.
        if (echo.length() >= text.length() && echo.substring(0, text.length()).equals(text)) {
            echo.delete(0, text.length());
            return;
        }
        flushKeys();
    }

    private void expectShown() {
        if (shown.isEmpty()) return;
        script.append("expect -exact ").append(quote(pattern(shown.toString()))).append('\n');
        shown.setLength(0);
    }

    private void flushKeys() {
        if (keys.isEmpty()) return;
        script.append("send -- ").append(quote(keys.toString())).append('\n');
        keys.setLength(0);
        echo.setLength(0);
    }

    /** How a cooked terminal (or a line editor) echoes typed keys. */
    private static String echoOf(String keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.length(); i++) {
            char c = keys.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\r\n");
                case 0x7f -> sb.append("\b \b");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The last line with something on it (and the line ends after it), lengthened line by line
     * until its first occurrence in {@code shown} is at the end: an expect for it cannot match early.
     */
    static String pattern(String shown) {
        int end = shown.length();
        int content = end;
        while (content > 0 && (shown.charAt(content - 1) == '\n' || shown.charAt(content - 1) == '\r')) content--;
        if (content == 0) return shown;
        int line = shown.lastIndexOf('\n', content - 1) + 1;
        int start = Math.max(line, content - LONGEST_LINE);
        if (start > 0 && Character.isLowSurrogate(shown.charAt(start))) start--;
        while (start > 0 && shown.indexOf(shown.substring(start)) < start) {
            start = start > line ? line : shown.lastIndexOf('\n', start - 2) + 1;
        }
        return shown.substring(start);
    }

    /** A double-quoted Tcl word that stands for exactly {@code s}. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '"', '[', ']', '$' -> sb.append('\\').append(c);
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
