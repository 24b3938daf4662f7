#!/usr/bin/env python3
"""An interactive echo program: prompts, echoes each line back, says goodbye on "quit".

    Enter text to echo: hello
    Echo: hello
    Enter text to echo: quit
    Goodbye.
"""
import sys

while True:
    sys.stdout.write("Enter text to echo: ")
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:  # end of input: leave quietly
        break
    line = line.rstrip("\r\n")
    if line == "quit":
        print("Goodbye.", flush=True)
        break
    print(f"Echo: {line}", flush=True)
