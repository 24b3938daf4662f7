package io.jexpect.expect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** overlay replaces a fresh jexpect (its own JVM) with another program, as Expect replaces itself. */
class OverlayTest {
    @TempDir
    Path dir;

    /** Runs the script in a fresh jexpect with the given arguments; returns stdout and stderr. */
    private String run(String script, String... args) throws Exception {
        Path file = dir.resolve("t.exp");
        Files.writeString(file, script);
        Path out = dir.resolve("out");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "io.jexpect.cli.Main", file.toString()));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Files.readString(out);
    }

    @Test
    void theProgramTakesOverTheProcessWithItsDirectoryAndEnvironment() throws Exception {
        // Expect 5.45.4 prints the same for this script.
        String o = run("""
                set p [pid]
                spawn -noecho sleep 300
                set sp [exp_pid]
                cd [lindex $argv 0]
                set env(OVX) hello
                puts "overlaying"
                overlay - sh -c {
                    test $$ = $1 && echo same-process
                    echo "argv0=$(tr '\\0' '\\n' < /proc/$$/cmdline | head -n 1) cwd=$(pwd) OVX=$OVX"
                    # Its terminal hung up at the exec: it ends as soon as it runs (10 s at most).
                    for i in $(seq 100); do
                        s=$(cut -d' ' -f3 /proc/$2/stat 2>/dev/null)
                        case $s in Z|'') break;; esac
                        sleep 0.1
                    done
                    case $s in Z|'') echo spawned-program-ended;; *) echo spawned-program-running;; esac
                } x $p $sp
                """, dir.toRealPath().toString());
        assertThat(o).isEqualTo("overlaying\nsame-process\nargv0=-sh cwd=" + dir.toRealPath()
                + " OVX=hello\nspawned-program-ended\n");
    }

    @Test
    void aSpawnIdBecomesADescriptorOfTheProgram() throws Exception {
        // Expect's manual: "overlay -0 $spawn_id ...". Expect 5.45.4 itself wants the descriptor's
        // number and hands it over non-blocking, so there the read comes back empty. The program
        // speaks once the overlaid shell asks (after its own echo): output from before the exec
        // could have been read by jexpect.
        String o = run("""
                log_user 0
                spawn sh -c {read x; echo from-spawned; sleep 1}
                overlay -0 $spawn_id sh -c {echo go >&0; while read l; do case $l in from*) echo "read: $l"; break;; esac; done}
                """);
        assertThat(o).isEqualTo("read: from-spawned\r\n");
    }
}
