package io.jexpect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jexpect.engine.Case;
import io.jexpect.engine.Engine;
import io.jexpect.engine.ExpectResult;
import io.jexpect.engine.Expecter;
import io.jexpect.engine.Pattern;
import io.jexpect.engine.Session;
import io.jexpect.engine.SpawnOptions;
import io.jexpect.testing.Processes;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident server with its real C client (compiled here with cc), real processes and real
 * signals: scripts run through the client as through a plain jexpect. Every server a test starts
 * lives in the test's own socket folder and is stopped (or killed) at its end.
 */
class ResidentServerTest {
    private static final long WAIT_SECONDS = 120; // a loaded machine starts a JVM slowly

    @TempDir
    Path dir;
    private Path client;
    private Path sockets;
    /** Stands for the build's jars: its time is part of the key in the socket's name. */
    private Path stamp;
    private final List<Long> servers = new ArrayList<>();
    /** How long a server this test starts waits without a client before it exits. */
    private String idleSeconds = "120";
    /** How long after its last script such a server gives back memory. */
    private String settleSeconds = "10";

    @BeforeEach
    void compileClient() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v cc").start().waitFor() == 0, "no C compiler");
        client = dir.resolve("jexpect-client");
        Process cc = new ProcessBuilder("cc", "-O2", "-o", client.toString(), "src/main/c/jexpect-client.c")
                .redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cc.waitFor()).as(out).isZero();
        sockets = dir.resolve("sockets");
        stamp = Files.writeString(dir.resolve("build.jar"), "stamp");
    }

    @AfterEach
    void stopServers() throws Exception {
        run(null, "--server", "stop", "--all");
        for (long pid : servers) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The client's command line, as the launcher makes it. */
    private List<String> command(String... args) {
        List<String> server = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC",
                "-Xms64m", "-Xmn48m", "-XX:-ShrinkHeapInSteps", "-Xss16m", "-Xrs", "-cp", System.getProperty("java.class.path"), ResidentServer.class.getName(),
                "--idle", idleSeconds, "--settle", settleSeconds);
        List<String> cmd = new ArrayList<>(List.of(client.toString(), sockets.toString(), "1", stamp.toString(),
                Integer.toString(server.size())));
        cmd.addAll(server);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Process start(String... args) throws IOException {
        return new ProcessBuilder(command(args)).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    private record Result(String out, String err, int status) {}

    private Result run(String stdin, String... args) throws Exception {
        return runIn(Map.of(), stdin, args);
    }

    /** Runs the client with these variables changed in its environment (an empty value: unset). */
    private Result runIn(Map<String, String> env, String stdin, String... args) throws Exception {
        Path out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JEXPECT_TEST_VALUE", "from the client");
        env.forEach((name, value) -> {
            if (value.isEmpty()) pb.environment().remove(name);
            else pb.environment().put(name, value);
        });
        if (stdin == null) pb.redirectInput(new File("/dev/null"));
        Process p = pb.start();
        if (stdin != null) {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("client finished").isTrue();
        return new Result(Files.readString(out), Files.readString(err), p.exitValue());
    }

    private Path script(String text) throws IOException {
        return Files.writeString(dir.resolve("t" + System.nanoTime() + ".exp"), text);
    }

    /** The running server's pid, from --server start (which starts it when needed). */
    private long serverPid() throws Exception {
        return serverPid(Map.of());
    }

    private long serverPid(Map<String, String> env) throws Exception {
        Result r = runIn(env, null, "--server", "start");
        assertThat(r.status()).as(r.err()).isZero();
        Matcher m = java.util.regex.Pattern.compile("pid (\\d+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        long pid = Long.parseLong(m.group(1));
        servers.add(pid);
        return pid;
    }

    private static String line(BufferedReader r) throws IOException {
        String l = r.readLine();
        assertThat(l).as("a line from the script").isNotNull();
        return l;
    }

    @Test
    void aScriptPrintsReadsItsInputAndExitsWithItsStatus() throws Exception {
        Path s = script("""
                gets stdin line
                puts "got $line in [pwd] with $argv, $env(JEXPECT_TEST_VALUE)"
                puts stderr "to stderr"
                exit 7
                """);
        Result r = run("abc\n", s.toString(), "one", "two words");
        assertThat(r.out()).isEqualTo("got abc in " + dir.toRealPath() + " with one {two words}, from the client\n");
        assertThat(r.err()).isEqualTo("to stderr\n");
        assertThat(r.status()).isEqualTo(7);

        // The same server serves the next client, in a fresh interpreter: nothing of the last script is left.
        Result again = run(null, "-c", "puts [info exists line]/[pid]");
        assertThat(run(null, "--server", "status").out()).contains(", 0 script(s) running, 2 served,");
        assertThat(again.out()).matches("0/\\d+\n");
        assertThat(again.status()).isZero();
        Result error = run(null, script("error boom").toString());
        assertThat(error.err()).startsWith("boom\n    while executing\n\"error boom\"");
        assertThat(error.status()).isEqualTo(1);
    }

    @Test
    void programsTheScriptStartsInheritTheClientsStreams() throws Exception {
        // As in a plain run: exec's background job and a pipeline write to the script's standard
        // output (here a file), a foreground exec reads its standard input (here a pipe).
        Path s = script("""
                puts before
                exec sh -c {echo background} &
                set f [open "|cat" w]
                puts $f piped
                close $f
                puts [exec sh -c {read x; echo "read <$x>"}]
                exec sh -c {echo to-stderr >&2} 2>@ stderr
                after 500
                puts after
                """);
        Result r = run("typed\n", s.toString());
        assertThat(r.out().lines().toList()).containsExactlyInAnyOrder("before", "background", "piped", "read <typed>", "after");
        assertThat(r.out()).startsWith("before\n").endsWith("after\n");
        assertThat(r.err()).isEqualTo("to-stderr\n");
    }

    @Test
    void sttyActsOnTheClientsTerminal() throws Exception {
        // The server has no terminal: the script's stty must reach the one its client runs on.
        Path s = script("""
                stty -echo
                puts ready
                expect_user -re "(.*)\n"
                stty echo
                puts "got $expect_out(1,string)"
                """);
        try (Engine engine = new Engine()) {
            Session client = engine.spawn(SpawnOptions.of(command(s.toString())).withDirectory(dir));
            Expecter expecter = new Expecter();
            ExpectResult ready = expecter.expect(List.of(client), List.of(Case.of(Pattern.exact("ready\r\n"))), WAIT_SECONDS * 1000);
            assertThat(ready.outcome()).as(ready.buffer()).isEqualTo(ExpectResult.Outcome.MATCH);
            client.send("secret\r");
            ExpectResult got = expecter.expect(List.of(client), List.of(Case.of(Pattern.exact("got secret"))), WAIT_SECONDS * 1000);
            assertThat(got.outcome()).as(got.buffer()).isEqualTo(ExpectResult.Outcome.MATCH);
            assertThat(got.buffer()).as("not echoed").isEqualTo("got secret");
        }
    }

    @Test
    void sttyAndSendTtyReachTheClientsControllingTerminalWithItsStreamsRedirected() throws Exception {
        Path s = script("""
                send_tty "on the terminal\n"
                stty -echo
                send_tty -- "echo off: [regexp {[ ]-echo } [stty -a]]\n"
                stty echo
                puts "to the file"
                """);
        // sh stays, on the terminal: with no descriptor of it left open, its reader would see the end at once.
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "\"$@\" </dev/null >out.txt 2>&1; exit $?", "sh"));
        cmd.addAll(command(s.toString()));
        try (Engine engine = new Engine()) {
            Session client = engine.spawn(SpawnOptions.of(cmd).withDirectory(dir));
            Expecter expecter = new Expecter();
            ExpectResult got = expecter.expect(List.of(client), List.of(Case.of(Pattern.exact("echo off: 1"))), WAIT_SECONDS * 1000);
            assertThat(got.outcome()).as("%s / %s", got.buffer(), Files.readString(dir.resolve("out.txt")))
                    .isEqualTo(ExpectResult.Outcome.MATCH);
            assertThat(got.buffer()).contains("on the terminal");
            ExpectResult end = expecter.expect(List.of(client), List.of(Case.of(Pattern.exact("never printed"))), WAIT_SECONDS * 1000);
            assertThat(end.outcome()).as(end.buffer()).isEqualTo(ExpectResult.Outcome.EOF);
        }
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("to the file\n");
    }

    @Test
    void signalsReachTheScriptsTrapsAndUntrappedOnesActAsInAPlainRun() throws Exception {
        Process p = start(script("""
                trap {puts "got [trap -name]"; exit 5} SIGUSR1
                puts ready
                flush stdout
                sleep 100
                """).toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(line(out)).isEqualTo("ready");
        new ProcessBuilder("kill", "-USR1", Long.toString(p.pid())).start().waitFor();
        assertThat(line(out)).isEqualTo("got USR1");
        assertThat(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(5);

        // Expect's default trap: SIGINT is exit 130.
        Process q = start(script("puts ready; flush stdout; sleep 100").toString());
        BufferedReader qOut = new BufferedReader(new InputStreamReader(q.getInputStream(), StandardCharsets.UTF_8));
        assertThat(line(qOut)).isEqualTo("ready");
        new ProcessBuilder("kill", "-INT", Long.toString(q.pid())).start().waitFor();
        assertThat(q.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isEqualTo(130);
    }

    /** A client whose script spawned {@code sleep 1000} and sleeps itself, and the spawned program's pid. */
    private record ClientWithChild(Process client, long child) {
    }

    private ClientWithChild startWithAChild() throws Exception {
        Process p = start(script("""
                log_user 0
                spawn sleep 1000
                puts "child [exp_pid]"
                flush stdout
                sleep 100
                """).toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String child = line(out);
        assertThat(child).startsWith("child ");
        return new ClientWithChild(p, Long.parseLong(child.substring(6)));
    }

    @Test
    void aClientKilledBySigkillEndsItsScriptAndThePrograms() throws Exception {
        ClientWithChild c = startWithAChild();
        Process p = c.client();
        long pid = c.child();
        assertThat(Processes.running(pid)).isTrue();
        p.destroyForcibly();
        assertThat(Processes.goneWithin(pid, 20_000)).as("spawned program %d ended", pid).isTrue();
        // The server lives on for the next client.
        assertThat(run(null, "-c", "puts alive").out()).isEqualTo("alive\n");
    }

    @Test
    void anUntrappedHangupEndsTheProgramsAndTheClientDiesByIt() throws Exception {
        // As a plain jexpect: the spawned programs end, then the process dies by the signal.
        ClientWithChild c = startWithAChild();
        Process p = c.client();
        long pid = c.child();
        new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed by SIGHUP").isEqualTo(128 + 1);
        assertThat(Processes.goneWithin(pid, 20_000)).as("spawned program %d ended", pid).isTrue();
    }

    @Test
    void twoClientsRunAtOnce() throws Exception {
        Path s = script("""
                puts ready
                flush stdout
                gets stdin x
                puts "done $x"
                exit [string length $x]
                """);
        Process a = start(s.toString()), b = start(s.toString());
        BufferedReader aOut = new BufferedReader(new InputStreamReader(a.getInputStream(), StandardCharsets.UTF_8));
        BufferedReader bOut = new BufferedReader(new InputStreamReader(b.getInputStream(), StandardCharsets.UTF_8));
        assertThat(line(aOut)).isEqualTo("ready");
        assertThat(line(bOut)).isEqualTo("ready"); // both scripts wait at once
        try (OutputStream in = b.getOutputStream()) {
            in.write("bb\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(line(bOut)).isEqualTo("done bb");
        try (OutputStream in = a.getOutputStream()) {
            in.write("aaa\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(line(aOut)).isEqualTo("done aaa");
        assertThat(a.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && b.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).isEqualTo(3);
        assertThat(b.exitValue()).isEqualTo(2);
    }

    @Test
    void aServerOfAnotherBuildIsNotUsed() throws Exception {
        long first = serverPid();
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(5)));
        long second = serverPid();
        assertThat(second).isNotEqualTo(first);
        assertThat(Processes.running(first)).isTrue(); // it idles out; this test kills it
    }

    @Test
    void anIdleServerExitsByItself() throws Exception {
        idleSeconds = "2";
        long pid = serverPid();
        assertThat(Processes.goneWithin(pid, 30_000)).as("server %d idled out", pid).isTrue();
    }

    @Test
    void anIdleServerGivesBackTheHeapItsScriptsGrew() throws Exception {
        settleSeconds = "1";
        serverPid();
        assertThat(run(null, "-c", "puts [string length [string repeat x 100000000]]").out()).isEqualTo("100000000\n");
        Matcher heap = null;
        for (long deadline = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L; heap == null && System.nanoTime() < deadline; ) {
            Thread.sleep(200);
            try (var logs = Files.newDirectoryStream(sockets, "*.log")) {
                for (Path log : logs) {
                    Matcher m = java.util.regex.Pattern.compile("idle: heap (\\d+) MB -> (\\d+) MB").matcher(Files.readString(log));
                    if (m.find()) heap = m;
                }
            }
        }
        assertThat(heap).as("the server's log says it gave memory back").isNotNull();
        assertThat(Long.parseLong(heap.group(2))).isLessThan(Long.parseLong(heap.group(1)));
    }

    @Test
    void theServerStopsWhenAsked() throws Exception {
        long pid = serverPid();
        Result stop = run(null, "--server", "stop");
        assertThat(stop.out()).contains("stopping");
        assertThat(Processes.goneWithin(pid, 20_000)).as("server %d ended", pid).isTrue();
        Result status = run(null, "--server", "status");
        assertThat(status.out()).contains("no resident server");
        assertThat(status.status()).isEqualTo(3);
    }

    @Test
    void statusAndStopReachTheServersOfEveryLocale() throws Exception {
        Map<String, String> utf8 = Map.of("LANG", "C.UTF-8", "LC_ALL", "", "LC_CTYPE", "");
        Map<String, String> posix = Map.of("LANG", "", "LC_ALL", "C", "LC_CTYPE", "");
        Map<String, String> third = Map.of("LANG", "", "LC_ALL", "", "LC_CTYPE", "C.UTF-8");
        long here = serverPid(utf8), there = serverPid(posix);
        assertThat(there).isNotEqualTo(here);
        FileTime built = Files.getLastModifiedTime(stamp);
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(5)));
        long otherBuild = serverPid(utf8);
        Files.setLastModifiedTime(stamp, built);

        // status lists every server of the folder, each with its build and locale.
        Result status = runIn(utf8, null, "--server", "status");
        assertThat(status.status()).isZero();
        assertThat(status.out().lines().toList()).hasSize(3).anySatisfy(l -> assertThat(l)
                .startsWith("jexpect resident server (this jexpect): pid " + here + ", locale LANG=C.UTF-8 (UTF-8),"))
                .anySatisfy(l -> assertThat(l)
                .startsWith("jexpect resident server (this jexpect, another locale): pid " + there + ", locale LC_ALL=C (ANSI_X3.4-1968),"))
                .anySatisfy(l -> assertThat(l).startsWith("jexpect resident server (another jexpect or build): pid " + otherBuild + ","));

        // stop, in a locale of neither, stops this build's servers in every locale (and waits for them to exit).
        Result stop = runIn(third, null, "--server", "stop");
        assertThat(stop.status()).isZero();
        assertThat(stop.out().lines().toList()).containsExactlyInAnyOrder(
                "stopping jexpect's resident server (pid " + here + ", locale LANG=C.UTF-8 (UTF-8))",
                "stopping jexpect's resident server (pid " + there + ", locale LC_ALL=C (ANSI_X3.4-1968))");
        assertThat(Processes.goneWithin(here, 5_000) && Processes.goneWithin(there, 5_000)).isTrue();
        assertThat(Processes.running(otherBuild)).isTrue();
        Result none = runIn(third, null, "--server", "status");
        assertThat(none.out()).contains("(another jexpect or build): pid " + otherBuild)
                .contains("no resident server running for this jexpect");
        assertThat(none.status()).isEqualTo(3);

        // stop --all stops every server, of any build.
        assertThat(runIn(third, null, "--server", "stop", "--all").out()).contains("pid " + otherBuild);
        assertThat(Processes.goneWithin(otherBuild, 5_000)).isTrue();
    }
}
