#!/usr/bin/env python3
"""reduce.py - a simple delta reducer for failing fuzz programs.

    tools/fuzz/reduce.py FILE --seed SEED [--time T] [--wrong-stack] [-o OUT]

Shrinks FILE (a tools/fuzz/gen.py program, split-file form) while run.py's check, with
the build settings of SEED, still fails with the same signature (for instance
`stack-run-stack-use-after-return` or `stdout-differs`). Three kinds of cuts, repeated
until none removes anything or the time is up:

  calls   each statement of main() (the calls of the test functions t1..tN);
  blocks  a line ending in `{` through its matching `}` (a statement block, a loop,
          a function with its header line), largest first;
  lines   ddmin-style runs of lines, halving the run length down to single lines.

The `//--- NAME` lines that separate the translation units, and the program's
`// fuzz-cflags:` line, are never cut. run.py calls
reduce() on every failure it saves (OUT/fail-SEED/reduced.c).
"""
import argparse
import os
import sys
import time


def blocks(lines, alive):
    """(first, last) line ranges of balanced brace blocks among the alive lines; a
    function body (`{` alone at column 0) comes with its header line."""
    out, stack, prev = [], [], None
    for i in alive:
        s = lines[i].rstrip()
        opens, closes = s.count("{"), s.count("}")
        if closes > opens and stack:
            out.append((stack.pop(), i))
        elif s.endswith("{") and opens > closes:
            stack.append(prev if s == "{" and prev is not None else i)
        prev = i
    return sorted(out, key=lambda r: r[0] - r[1])


def text_of(lines, alive):
    return "".join(lines[i] for i in sorted(alive))


def cut_blocks(lines, alive, test, deadline):
    removed = False
    for first, last in blocks(lines, sorted(alive)):
        if time.time() > deadline:
            break
        cut = {i for i in alive if first <= i <= last}
        if cut and cut <= alive and test(text_of(lines, alive - cut)):
            alive -= cut
            removed = True
    return removed


def cut_runs(lines, alive, test, deadline, protected):
    removed = False
    n = max(1, len(alive) // 2)
    while n >= 1 and time.time() < deadline:
        order, start = sorted(alive - protected), 0
        while start < len(order) and time.time() < deadline:
            cut = set(order[start:start + n])
            if test(text_of(lines, alive - cut)):
                alive -= cut
                removed = True
            start += n
        n //= 2
    return removed


def cut_main_calls(lines, alive, test, deadline):
    """Each statement of main() alone: a test function not called can then go whole."""
    removed, inside = False, False
    for i in sorted(alive):
        if lines[i].startswith("int main("):
            inside = True
        elif inside and lines[i].startswith("}"):
            break
        elif inside and lines[i].startswith("    ") and time.time() < deadline:
            if test(text_of(lines, alive - {i})):
                alive.discard(i)
                removed = True
    return removed


def reduce(text, test, deadline):
    """The smallest text found (by lines) for which test(text) holds; test(text) must."""
    lines = text.splitlines(keepends=True)
    alive = set(range(len(lines)))
    protected = {i for i, l in enumerate(lines)
                 if l.startswith("//--- ") or l.startswith("// fuzz-cflags:")}
    while time.time() < deadline:
        progress = cut_main_calls(lines, alive, test, deadline)
        progress |= cut_blocks(lines, alive, test, deadline)
        progress |= cut_runs(lines, alive, test, deadline, protected)
        if not progress:
            break
    return text_of(lines, alive)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    import run
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--seed", type=int, required=True, help="the seed the file failed with")
    ap.add_argument("--time", type=int, default=300, help="seconds (default 300)")
    ap.add_argument("--out", default=os.path.join(run.ROOT, "build", "fuzz-progs"))
    ap.add_argument("--plugin", default=os.path.join(run.ROOT, "build", "escape.so"))
    ap.add_argument("--wrong-stack", action="store_true")
    ap.add_argument("-o", dest="output", help="write the result here (default: stdout)")
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    run.build_runtime(out)
    cfg = run.Config(out, os.path.abspath(a.plugin), a.wrong_stack, os.path.join(out, "rt"))
    work = os.path.join(out, "work", f"reduce-cli-{os.getpid()}")
    text = open(a.file).read()
    want = run.check(cfg, a.seed, text, work).signature
    if not want:
        sys.exit(f"reduce: {a.file} does not fail with seed {a.seed}'s settings")
    print(f"reduce: keeping signature {want}", file=sys.stderr)
    small = reduce(text, lambda t: run.check(cfg, a.seed, t, work).signature == want,
                   time.time() + a.time)
    if a.output:
        with open(a.output, "w") as f:
            f.write(small)
    else:
        sys.stdout.write(small)
    print(f"reduce: {len(text.splitlines())} -> {len(small.splitlines())} lines",
          file=sys.stderr)


if __name__ == "__main__":
    main()
