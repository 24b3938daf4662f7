#!/usr/bin/python3
"""pexpect equivalents of the bench/*.exp workloads (scripts/bench runs them).

usage: pexpect_bench.py stream FILE re|ex default|SIZE
       pexpect_bench.py lines FILE default|SIZE
       pexpect_bench.py roundtrip [N] [echo|noecho]
       pexpect_bench.py spawns [N] [PROGRAM ARGS...]
       pexpect_bench.py inflight N K PROGRAM ARGS...
       pexpect_bench.py prompts [N]
       pexpect_bench.py regex FILE
       pexpect_bench.py spawnstart
       pexpect_bench.py hello
       pexpect_bench.py empty

Mapping of Expect settings: match_max "default" keeps pexpect's defaults (maxread 2000, no
searchwindowsize, so regex searches re-scan the whole buffer); a SIZE sets searchwindowsize.
pexpect has no glob patterns. delaybeforesend is turned off (its default adds 50 ms per send),
and delayafterclose is set to 0 (ptyprocess sleeps 0.1 s in close(), which also runs when a
spawn object is garbage-collected); wait() reaps the child.
Prints OK ... only when the run was correct.
"""
import os
import re
import select
import sys
import pexpect

MARKER = "##BENCH-END##"


def window(mm):
    return None if mm == "default" else int(mm)


def stream(path, kind, mm):
    child = pexpect.spawn("cat", [path], encoding="utf-8", timeout=300,
                          searchwindowsize=window(mm))
    if kind == "re":
        child.expect(MARKER)
    elif kind == "ex":
        child.expect_exact(MARKER)
    else:
        sys.exit("unknown kind " + kind)
    if child.after != MARKER:
        sys.exit("wrong match")
    child.expect(pexpect.EOF)
    child.wait()
    print("OK")


def lines(path, mm):
    child = pexpect.spawn("cat", [path], encoding="utf-8", timeout=300,
                          searchwindowsize=window(mm))
    patterns = ["Hello there!!\r\n", "=== END OF OUTPUT ===\r\n"]
    n = 0
    while child.expect_exact(patterns) == 0:
        n += 1
    child.expect(pexpect.EOF)
    child.wait()
    print("OK", n)


def roundtrip(count, echo=True):
    child = pexpect.spawn("cat", encoding="utf-8", timeout=10, echo=echo)
    child.delaybeforesend = None
    ok = 0
    for i in range(1, count + 1):
        child.send("line %d\r" % i)
        child.expect_exact(("line %d\r\n" % i) * (2 if echo else 1))
        ok += 1
    child.sendeof()
    child.expect(pexpect.EOF)
    child.wait()
    print("OK", ok)


def quiet_spawn(program):
    child = pexpect.spawn(program[0], program[1:], timeout=10, encoding="utf-8")
    child.delayafterclose = 0
    child.ptyproc.delayafterclose = 0
    return child


def spawns(count, program):
    ok = 0
    first = None
    for _ in range(count):
        child = quiet_spawn(program)
        child.expect(pexpect.EOF)
        if first is None:
            first = child.before
        if child.wait() == 0 and child.before == first:
            ok += 1
    print("OK", ok)


def inflight(count, k, program):
    started = done = ok = 0
    first = None
    running = {}
    def start():
        nonlocal started
        c = quiet_spawn(program)
        running[c.child_fd] = c
        started += 1
    while started < k and started < count:
        start()
    while done < count:
        ready, _, _ = select.select(list(running), [], [], 10)
        if not ready:
            sys.exit("TIMEOUT after %d" % done)
        for fd in ready:
            c = running[fd]
            if c.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=0) != 0:
                continue
            if first is None:
                first = c.before
            if c.wait() == 0 and c.before == first:
                ok += 1
            del running[fd]
            done += 1
            if started < count:
                start()
    print("OK", ok)


def prompts(count):
    echo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "bin", "echo_prompt.py")
    child = pexpect.spawn("python3", [echo], encoding="utf-8", timeout=10)
    child.delaybeforesend = None
    patterns = [r"Echo: line (\d+)\r\n", "Enter text to echo: "]
    sent = echoed = 0
    while True:
        if child.expect(patterns) == 0:
            if int(child.match.group(1)) == sent:
                echoed += 1
        elif sent < count:
            sent += 1
            child.send("line %d\r" % sent)
        else:
            break
    child.send("quit\r")
    child.expect_exact("Goodbye.")
    child.expect(pexpect.EOF)
    child.wait()
    print("OK", echoed)


def regex(path):
    child = pexpect.spawn("cat", [path], encoding="utf-8", timeout=30)
    patterns = child.compile_pattern_list([
        r"^INFO  \[([a-z]+)\] user=(\w+) took (\d+) ms\r\n",
        r"^WARN  \[([a-z]+)\] retry (\d+)/(\d+): ([^\r\n]*)\r\n",
        r"^ERROR \[([a-z]+)\] code=(\d+) ([^\r\n]*)\r\n",
        r"^DEBUG \[([a-z]+)\] ([a-z]+)=([0-9a-f]+)\r\n",
        r"^(\d+) bytes from ([0-9.]+): seq=(\d+)\r\n",
        re.escape("=== END ===\r\n")])
    n = [0] * 5
    total = 0
    while True:
        i = child.expect_list(patterns)
        if i == 5:
            break
        n[i] += 1
        if i == 0:
            total += int(child.match.group(3))
    child.expect(pexpect.EOF)
    child.wait()
    print("OK", *n, total)


def spawnstart():
    child = pexpect.spawn("cat", encoding="utf-8", timeout=10)
    child.delaybeforesend = None
    child.delayafterclose = 0
    child.ptyproc.delayafterclose = 0
    child.send("hello\r")
    child.expect_exact("hello\r\n")
    child.close()
    print("OK")


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "stream":
        stream(argv[2], argv[3], argv[4])
    elif cmd == "lines":
        lines(argv[2], argv[3])
    elif cmd == "roundtrip":
        roundtrip(int(argv[2]) if len(argv) > 2 else 200, len(argv) <= 3 or argv[3] != "noecho")
    elif cmd == "spawns":
        spawns(int(argv[2]) if len(argv) > 2 else 100, argv[3:] or ["true"])
    elif cmd == "inflight":
        inflight(int(argv[2]), int(argv[3]), argv[4:])
    elif cmd == "regex":
        regex(argv[2])
    elif cmd == "spawnstart":
        spawnstart()
    elif cmd == "hello":
        print("hello, world")
    elif cmd == "prompts":
        prompts(int(argv[2]) if len(argv) > 2 else 2000)
    elif cmd == "empty":
        pass
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
