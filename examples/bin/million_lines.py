#!/usr/bin/env python3
"""Writes COUNT numbered lines (default 1,000,000) as fast as it can, then exits.

Used by million_lines.exp: the reader must keep up without deadlocking or losing text.
"""
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.stdout
# Write in batches: the point is to flood the pty, not to measure Python's print().
batch = []
for i in range(1, count + 1):
    batch.append(f"line {i}\n")
    if len(batch) == 10_000:
        out.write("".join(batch))
        batch.clear()
out.write("".join(batch))
out.flush()
