#!/usr/bin/env python3
"""Echoes each input line a random number of times (1-10), pausing randomly between echoes.

After a batch it announces how many echoes it sent, then prompts again:

    > hello
    Echo: hello
    Echo: hello
    (2 echoes)
    > quit
    Bye.

The caller cannot know in advance how much output a line produces, so it must read
until the prompt comes back (reading decoupled from writing).
An optional argument seeds the random generator (for reproducible runs).
"""
import random
import sys
import time

if len(sys.argv) > 1:
    random.seed(sys.argv[1])

while True:
    sys.stdout.write("> ")
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        break
    line = line.rstrip("\r\n")
    if line == "quit":
        print("Bye.", flush=True)
        break
    n = random.randint(1, 10)
    for _ in range(n):
        time.sleep(random.uniform(0, 0.03))
        print(f"Echo: {line}", flush=True)
    print(f"({n} echo{'' if n == 1 else 'es'})", flush=True)
