package io.jexpect.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads an asciinema v2 recording with Python's json module (a reader that is not ours), checking
 * that it is one: a header with version 2, its size, an integer timestamp and TERM, then events in
 * time order, each "o" or "i".
 */
public final class Asciicasts {
    private Asciicasts() {}

    /**
     * @param header  "WIDTHxHEIGHT TERM"
     * @param inputs  the "i" events' texts as a JSON list, e.g. {@code [" ", "/77\r"]}
     * @param output  the "o" events' texts joined: what the terminal got
     */
    public record Recording(String header, String inputs, String output) {}

    public static Recording read(Path cast) throws Exception {
        Programs.assumeInstalled("python3");
        Process p = new ProcessBuilder("python3", "-c", """
                import json, sys
                lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
                h = json.loads(lines[0])
                assert h["version"] == 2 and isinstance(h["timestamp"], int), h
                events = [json.loads(l) for l in lines[1:]]
                times = [e[0] for e in events]
                assert times == sorted(times) and all(e[1] in ("o", "i") for e in events), events
                sys.stdout.write("%dx%d %s\\n" % (h["width"], h["height"], h["env"]["TERM"]))
                sys.stdout.write(json.dumps([e[2] for e in events if e[1] == "i"]) + "\\n")
                sys.stdout.write("".join(e[2] for e in events if e[1] == "o"))
                """, cast.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        int first = out.indexOf('\n'), second = out.indexOf('\n', first + 1);
        return new Recording(out.substring(0, first), out.substring(first + 1, second), out.substring(second + 1));
    }
}
