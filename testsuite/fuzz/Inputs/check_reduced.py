#!/usr/bin/env python3
"""check_reduced.py OUTPUT DIR - checks the `reduced seed N (SIG): A -> B lines` line that
tools/fuzz/run.py printed in OUTPUT: DIR/fail-N/ holds prog.c (A lines), log.txt naming
SIG, and reduced.c with B < A lines. Exit status 1 otherwise."""
import os
import re
import sys

out, root = open(sys.argv[1]).read(), sys.argv[2]
m = re.search(r"^reduced seed (\d+) \(([\w-]+)\): (\d+) -> (\d+) lines", out, re.M)
if not m:
    sys.exit("no reduction line")
seed, sig, before, after = m.group(1), m.group(2), int(m.group(3)), int(m.group(4))
d = os.path.join(root, f"fail-{seed}")
lines = lambda name: len(open(os.path.join(d, name)).read().splitlines())
if f"signature {sig}\n" not in open(os.path.join(d, "log.txt")).read():
    sys.exit(f"log.txt does not name {sig}")
if lines("prog.c") != before or lines("reduced.c") != after or after >= before:
    sys.exit(f"prog.c {lines('prog.c')} lines, reduced.c {lines('reduced.c')} lines")
print(f"reduced seed {seed}: {before} -> {after} lines, {sig}")
