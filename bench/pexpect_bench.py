#!/usr/bin/python3
"""pexpect equivalents of the bench/*.exp workloads (scripts/bench runs them).

usage: pexpect_bench.py stream FILE re|ex default|SIZE
       pexpect_bench.py lines FILE default|SIZE
       pexpect_bench.py roundtrip [N]
       pexpect_bench.py spawns [N]
       pexpect_bench.py prompts [N]
       pexpect_bench.py empty

Mapping of Expect settings: match_max "default" keeps pexpect's defaults (maxread 2000, no
searchwindowsize, so regex searches re-scan the whole buffer); a SIZE sets searchwindowsize.
pexpect has no glob patterns. delaybeforesend is turned off (its default adds 50 ms per send),
and delayafterclose is set to 0 (ptyprocess sleeps 0.1 s in close(), which also runs when a
spawn object is garbage-collected); wait() reaps the child.
Prints OK ... only when the run was correct.
"""
import os
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


def roundtrip(count):
    child = pexpect.spawn("cat", encoding="utf-8", timeout=10)
    child.delaybeforesend = None
    ok = 0
    for i in range(1, count + 1):
        child.send("line %d\r" % i)
        child.expect_exact("line %d\r\nline %d\r\n" % (i, i))
        ok += 1
    child.sendeof()
    child.expect(pexpect.EOF)
    child.wait()
    print("OK", ok)


def spawns(count):
    ok = 0
    for _ in range(count):
        child = pexpect.spawn("true", timeout=10)
        child.delayafterclose = 0
        child.ptyproc.delayafterclose = 0
        child.expect(pexpect.EOF)
        if child.wait() == 0:
            ok += 1
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


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "stream":
        stream(argv[2], argv[3], argv[4])
    elif cmd == "lines":
        lines(argv[2], argv[3])
    elif cmd == "roundtrip":
        roundtrip(int(argv[2]) if len(argv) > 2 else 200)
    elif cmd == "spawns":
        spawns(int(argv[2]) if len(argv) > 2 else 100)
    elif cmd == "prompts":
        prompts(int(argv[2]) if len(argv) > 2 else 2000)
    elif cmd == "empty":
        pass
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
