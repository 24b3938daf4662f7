#!/usr/bin/env python3
"""A program that never finishes: prints a dot every 0.1 s forever.

Used by terminate_long_running.exp, which gives up on it and kills it.
SIGTERM keeps its default action (terminate), so `wait` reports the signal.
"""
import sys
import time

print("working", end="", flush=True)
while True:
    time.sleep(0.1)
    print(".", end="", flush=True)
