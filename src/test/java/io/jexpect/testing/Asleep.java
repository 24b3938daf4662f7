package io.jexpect.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits until a program sleeps (Linux's /proc tells), before a test resizes its terminal: less
 * loses a SIGWINCH that comes between its drawing and its reading of the terminal (its handler only
 * breaks out of a read it is in), and then drops the next key too. A resize that follows a prompt
 * at once hung that way now and then.
 */
public final class Asleep {
    /** The same wait for Tcl scripts: {@code asleep PID} (10 s at most). */
    public static final String PROC = """
            proc asleep {pid} {
                for {set i 0} {$i < 2000} {incr i} {
                    set f [open /proc/$pid/stat]
                    set s [read $f]
                    close $f
                    if {[lindex [string range $s [string last ")" $s] end] 1] ne "R"} return
                    after 5
                }
            }
            """;

    private Asleep() {}

    /** Waits (10 s at most) until the process no longer runs. */
    public static void await(long pid) throws IOException, InterruptedException {
        for (int i = 0; i < 2000; i++) {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            if (stat.charAt(stat.lastIndexOf(')') + 2) != 'R') return;
            Thread.sleep(5);
        }
    }
}
