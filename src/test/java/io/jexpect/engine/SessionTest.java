package io.jexpect.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real programs on real terminals and pipes. */
class SessionTest {
    static final Engine ENGINE = new Engine();
    final Expecter expecter = new Expecter();

    @AfterAll
    static void end() {
        ENGINE.close();
    }

    ExpectResult expect(Session s, long timeout, Pattern... ps) throws InterruptedException {
        List<Case> cases = new ArrayList<>();
        for (Pattern p : ps) cases.add(Case.of(p));
        return expecter.expect(List.of(s), cases, timeout);
    }

    @Test
    void catRoundTripOnPty() throws Exception {
        Session s = ENGINE.spawn("cat");
        assertThat(s.slaveName()).startsWith("/dev/pts/");
        s.send("hi\r");
        ExpectResult r = expect(s, 5000, Pattern.exact("hi\r\nhi\r\n"));
        assertThat(r.outcome()).isEqualTo(ExpectResult.Outcome.MATCH);
        assertThat(r.buffer()).isEqualTo("hi\r\nhi\r\n");
        s.close();
        ExitStatus st = s.waitFor();
        assertThat(st.signalName()).isEqualTo("SIGHUP");
        assertThat(st.signalMessage()).isEqualTo("hangup");
    }

    @Test
    void eofAtOnceWhenChildExits() throws Exception {
        Session s = ENGINE.spawn("sh", "-c", "echo bye");
        long t0 = System.nanoTime();
        ExpectResult r = expect(s, 5000, Pattern.exact("nothere"), new Pattern.Eof());
        assertThat(r.outcome()).isEqualTo(ExpectResult.Outcome.EOF);
        assertThat(r.caseIndex()).isEqualTo(1);
        assertThat(r.buffer()).isEqualTo("bye\r\n");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4000); // well before the 5 s timeout
        assertThat(s.waitFor().exitCode()).isZero();
    }

    @Test
    void eofEvenIfGrandchildHoldsTheTerminal() throws Exception {
        Session s = ENGINE.spawn("sh", "-c", "sleep 30 & echo started");
        long t0 = System.nanoTime();
        ExpectResult r = expect(s, 5000, new Pattern.Eof());
        assertThat(r.outcome()).isEqualTo(ExpectResult.Outcome.EOF);
        assertThat(r.buffer()).contains("started");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4000); // well before the 5 s timeout
        s.close();
    }

    @Test
    void exitStatusAndSignals() throws Exception {
        Session a = ENGINE.spawn("sh", "-c", "exit 137");
        Session b = ENGINE.spawn("sh", "-c", "kill -9 $$");
        ExitStatus sa = a.waitFor();
        ExitStatus sb = b.waitFor();
        assertThat(sa.exitCode()).isEqualTo(137);
        assertThat(sa.killedBySignal()).isFalse();
        assertThat(sb.killedBySignal()).isTrue();
        assertThat(sb.signalName()).isEqualTo("SIGKILL");
        assertThat(sb.signalMessage()).isEqualTo("kill signal");
        assertThat(sb.pid()).isEqualTo(b.pid());
    }

    @Test
    void missingProgramFailsWithExpectsMessage() {
        assertThatThrownBy(() -> ENGINE.spawn("/nonexistent/prog"))
            .isInstanceOf(SpawnException.class)
            .hasMessage("couldn't execute \"/nonexistent/prog\": no such file or directory");
        assertThatThrownBy(() -> ENGINE.spawn("nonexistentprog"))
            .hasMessage("couldn't execute \"nonexistentprog\": no such file or directory");
        assertThatThrownBy(() -> ENGINE.spawn("/tmp"))
            .hasMessage("couldn't execute \"/tmp\": permission denied");
    }

    @Test
    void sttyInitAndWindowSizeApplyBeforeStart() throws Exception {
        Session s = ENGINE.spawn(SpawnOptions.of("sh", "-c", "stty -a; echo END; read x; echo got $x")
            .withStty(List.of("-echo")).withWindowSize(24, 80));
        ExpectResult r = expect(s, 5000, Pattern.regex("rows (\\d+); columns (\\d+)"));
        assertThat(r.groups().get(1).text()).isEqualTo("24");
        assertThat(r.groups().get(2).text()).isEqualTo("80");
        // Up to the marker: stty's last line may arrive after its -echo, and must not be left over.
        assertThat(expect(s, 5000, Pattern.exact("END\r\n")).buffer()).contains(" -echo ");
        s.send("secret\r");
        ExpectResult e = expect(s, 5000, new Pattern.Eof());
        assertThat(e.buffer()).isEqualTo("got secret\r\n");
    }

    @Test
    void saneTerminalModes() throws Exception {
        Session s = ENGINE.spawn("stty", "-a");
        ExpectResult r = expect(s, 5000, new Pattern.Eof());
        assertThat(r.buffer()).contains(" icrnl ", " onlcr ", " echo ", " icanon ", "-iutf8", " brkint ", " imaxbel");
    }

    @Test
    void pipesMergeStdoutAndStderr() throws Exception {
        Session s = ENGINE.spawn(SpawnOptions.of("sh", "-c", "echo out; echo err >&2; read x; echo $x").withPipes());
        assertThat(s.slaveName()).isNull();
        expect(s, 5000, Pattern.exact("err\n"));
        s.send("back\n");
        ExpectResult r = expect(s, 5000, Pattern.exact("back\n"));
        assertThat(r.buffer()).isEqualTo("back\n");
        assertThat(expect(s, 5000, new Pattern.Eof()).outcome()).isEqualTo(ExpectResult.Outcome.EOF);
    }

    @Test
    void hundredMegabytesOnBothStreamsWithoutDeadlock() throws Exception {
        String script = "head -c 52428800 /dev/zero | tr '\\0' a & head -c 52428800 /dev/zero | tr '\\0' b >&2; wait; echo DONE";
        Session s = ENGINE.spawn(SpawnOptions.of("sh", "-c", script).withPipes());
        // Keep writing while it floods us: the reader must keep draining.
        for (int i = 0; i < 100; i++) s.send("x".repeat(1000) + "\n");
        long t0 = System.nanoTime();
        ExpectResult r = expect(s, 60_000, Pattern.exact("DONE"), new Pattern.Eof());
        assertThat(r.outcome()).isEqualTo(ExpectResult.Outcome.MATCH);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(30_000);
        assertThat(s.waitFor().exitCode()).isZero();
    }

    @Test
    void closeEscalatesForAProgramIgnoringHupAndTerm() throws Exception {
        Engine engine = new Engine();
        engine.setCloseEscalation(300, 300);
        try {
            Session s = engine.spawn("sh", "-c", "trap '' HUP TERM; echo ready; while :; do sleep 0.05; done");
            expect(s, 5000, Pattern.exact("ready"));
            long t0 = System.nanoTime();
            s.close();
            ExitStatus st = s.waitFor();
            assertThat(st.signalName()).isEqualTo("SIGKILL");
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(400L, 5000L);
        } finally {
            engine.close();
        }
    }

    @Test
    void manySessionsAtOnceAndNoOrphansAfterShutdown() throws Exception {
        Engine engine = new Engine();
        List<Session> all = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) all.add(engine.spawn("sh", "-c", "trap '' HUP; echo up; sleep 60 & sleep 60"));
            for (Session s : all) {
                ExpectResult r = expecter.expect(List.of(s), List.of(Case.of(Pattern.exact("up"))), 10_000);
                assertThat(r.matched()).isTrue();
            }
            // One expect over all of them at once.
            all.get(150).send("x");
            ExpectResult r = expecter.expect(all, List.of(Case.of(Pattern.exact("x"))), 5000);
            assertThat(r.session()).isSameAs(all.get(150));
        } finally {
            engine.shutdownAll();
        }
        for (Session s : all) {
            assertThat(Files.exists(Path.of("/proc/" + s.pid()))).as("pid %d", s.pid()).isFalse();
            assertThat(pgroupMembers(s.pid())).isEmpty();
        }
        assertThat(engine.liveSessions()).isEmpty();
        engine.close();
    }

    @Test
    void aSendTheProgramDoesNotReadGivesUpAfterItsTimeoutWhileOutputKeepsDraining() throws Exception {
        Session s = ENGINE.spawn("yes");
        byte[] data = "x\r".repeat(20000).getBytes();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> s.sendBytes(data, 1000))
            .isInstanceOfSatisfying(WriteTimeoutException.class, e -> {
                assertThat(e.written()).isLessThan(data.length);
                assertThat(e.length()).isEqualTo(data.length);
            });
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(900L, 20_000L);
        // It was draining all along, and kept only a bounded tail (the limit, give or take one read).
        assertThat(s.buffer().pendingLength()).isPositive().isLessThan(2 * s.buffer().pendingLimit());
        assertThat(expect(s, 5000, Pattern.exact("y\r\n")).matched()).isTrue();
        s.close();
    }

    @Test
    void aBlockedSendIsInterruptible() throws Exception {
        Session s = ENGINE.spawn("yes");
        byte[] data = "x\r".repeat(20000).getBytes();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread sender = new Thread(() -> {
            try {
                s.sendBytes(data, -1);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        sender.start();
        Thread.sleep(300);
        sender.interrupt();
        sender.join(10_000);
        assertThat(sender.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(java.io.InterruptedIOException.class);
        assertThat(((java.io.InterruptedIOException) failure.get()).bytesTransferred).isBetween(1, data.length - 1);
        s.close();
    }

    @Test
    void outputKeepsBeingDrainedOnceAnExpectThatReadItselfReturns() throws Exception {
        // The expect waits (and reads the terminal itself); afterwards the program floods far more
        // than a terminal holds while nobody expects: the poller must have taken the reading back
        // (it reads up to its read-ahead, then pauses until an expect examines the text).
        Session s = ENGINE.spawn("sh", "-c", "sleep 0.2; echo ready; read x; head -c 300000 /dev/zero | tr '\\0' a; echo; echo DONE; sleep 60");
        assertThat(expect(s, 10_000, Pattern.exact("ready\r\n")).outcome()).isEqualTo(ExpectResult.Outcome.MATCH);
        s.send("go\r");
        int readAhead = s.buffer().readAhead();
        long until = System.nanoTime() + 20_000_000_000L;
        while (s.buffer().pendingLength() < readAhead && System.nanoTime() < until) Thread.sleep(20);
        assertThat(s.buffer().pendingLength()).isGreaterThanOrEqualTo(readAhead);
        s.buffer().setMatchMax(400_000);
        assertThat(expect(s, 10_000, Pattern.exact("DONE")).outcome()).isEqualTo(ExpectResult.Outcome.MATCH);
        s.close();
    }

    @Test
    void anExpectThatDoesNotWaitReadsWhatHasReachedTheTerminal() throws Exception {
        // After an expect its session stays out of the poller's set for a few ms (the next expect
        // of a dialogue takes it back without a system call), then the poller reads it again. A
        // look without waiting must see what has reached the terminal either way (here the echo of
        // a send, whose first character at least is there once the terminal is readable), also
        // when the poller has not read it yet.
        Session s = ENGINE.spawn("cat");
        for (int i = 0; i < 20; i++) {
            s.send("a" + i + "\r");
            assertThat(expect(s, 10_000, Pattern.exact("a" + i + "\r\na" + i + "\r\n")).matched()).isTrue();
            if (i % 2 == 1) Thread.sleep(50); // the poller has taken the session back
            s.send("b" + i + "\r");
            long until = System.nanoTime() + 5_000_000_000L;
            while (!LibC.readable(s.descriptor()) && s.buffer().pendingLength() == 0 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertThat(expect(s, 0, Pattern.exact("b")).matched()).isTrue();
            assertThat(expect(s, 10_000, Pattern.exact("b" + i + "\r\n")).matched()).isTrue();
        }
        s.close();
    }

    @Test
    void aWaitThatReadsItselfEndsAtWakeAndAtInterrupt() throws Exception {
        Session s = ENGINE.spawn("cat");
        Expecter e = new Expecter();
        for (boolean byInterrupt : new boolean[]{false, true}) {
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    e.expect(List.of(s), List.of(Case.of(Pattern.exact("never"))), 60_000);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            waiter.start();
            Thread.sleep(300);
            if (byInterrupt) waiter.interrupt();
            else e.wake();
            waiter.join(10_000);
            assertThat(waiter.isAlive()).isFalse();
            assertThat(failure.get()).isInstanceOf(InterruptedException.class);
        }
        // Released after each wait: what cat says next is read without an expect.
        s.send("after\r");
        long until = System.nanoTime() + 10_000_000_000L;
        while (s.buffer().pendingLength() < "after\r\nafter\r\n".length() && System.nanoTime() < until) Thread.sleep(20);
        assertThat(expect(s, 0, Pattern.exact("after\r\nafter\r\n")).outcome()).isEqualTo(ExpectResult.Outcome.MATCH);
        s.close();
    }

    @Test
    void oneExpectReadsManySessionsItselfAndTheirEofs() throws Exception {
        List<Session> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) all.add(ENGINE.spawn("sh", "-c", "sleep 0." + (i + 1) + "; echo out" + i));
        List<Case> cases = List.of(Case.of(Pattern.glob("out*\n")), Case.of(new Pattern.Eof()));
        List<String> seen = new ArrayList<>();
        List<Session> open = new ArrayList<>(all);
        while (!open.isEmpty()) {
            ExpectResult r = expecter.expect(open, cases, 10_000);
            assertThat(r.outcome()).isNotEqualTo(ExpectResult.Outcome.TIMEOUT);
            if (r.outcome() == ExpectResult.Outcome.EOF) open.remove(r.session());
            else seen.add(r.buffer().strip());
        }
        assertThat(seen).containsExactlyInAnyOrder("out0", "out1", "out2", "out3");
    }

    @Test
    void aSessionCostsOneDescriptorAndNoThread() throws Exception {
        Engine engine = new Engine();
        try {
            engine.spawn("true").waitFor(); // the engine's own threads and descriptors start here
            int fds = openDescriptors();
            int threads = Thread.activeCount();
            List<Session> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) all.add(engine.spawn("sleep", "60"));
            assertThat(openDescriptors() - fds).isBetween(50, 53);
            assertThat(Thread.activeCount() - threads).isLessThanOrEqualTo(2);
        } finally {
            engine.close();
        }
    }

    @Test
    void shutdownRefusesNewSpawnsAndEndsAdoptedChildren() throws Exception {
        Engine engine = new Engine();
        Session s = engine.spawn("sh", "-c", "trap '' HUP; exec sleep 60");
        Process child = engine.startAdopted(() -> List.of(new ProcessBuilder("sh", "-c", "sleep 60; true").start())).get(0);
        long end = System.nanoTime() + 10_000_000_000L;
        while (child.descendants().findAny().isEmpty() && System.nanoTime() < end) Thread.sleep(10);
        List<Long> grandchildren = child.descendants().map(ProcessHandle::pid).toList();
        assertThat(grandchildren).isNotEmpty();
        engine.shutdownAll();
        assertThat(child.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(grandchildren).noneMatch(SessionTest::running);
        assertThat(running(s.pid())).isFalse();
        assertThatThrownBy(() -> engine.spawn("true"))
            .isInstanceOf(SpawnException.class)
            .hasMessage("couldn't execute \"true\": shutting down");
        assertThat(engine.startAdopted(() -> List.of(new ProcessBuilder("sleep", "60").start()))).isNull();
        engine.close();
    }

    /** Alive and not a zombie (an orphaned zombie waits for init, which may take its time). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    static int openDescriptors() {
        String[] fds = new java.io.File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    static List<Long> pgroupMembers(long pgid) throws Exception {
        List<Long> out = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String n = d.getFileName().toString();
                if (!n.chars().allMatch(Character::isDigit)) continue;
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // A zombie is already dead; only its parent (maybe init) can remove it from /proc.
                    if (Long.parseLong(f[2]) == pgid && !f[0].equals("Z")) out.add(Long.parseLong(n));
                } catch (Exception ignored) {
                    // process vanished
                }
            }
        }
        return out;
    }
}
