#!/usr/bin/env python3
"""run.py - differential fuzzing of the escape plugin with random gomap programs.

    tools/fuzz/run.py N [--seed S] [--jobs J] [--keep DIR] [--wrong-stack]
                        [--plugin PATH] [--families LIST]

Programs are tools/fuzz/gen.py SEED [--families LIST] for SEED = S .. S+N-1; a program's
`// fuzz-cflags:` line (gen.py's inline family asks for -fno-inline) adds to both builds, its
`// fuzz-plugin-args:` line (the frames family's recursive-frame-limit=0) to the plugin's. Each is built twice under
-fsanitize=address,undefined (at -O0, -O1 or -O2, by seed): without the plugin ("heap")
and with -fplugin=build/escape.so -fplugin-arg-escape-m ("stack"; some seeds add m=2,
max-kv-size or recursive-frame-limit), both linked with the runtime compiled once under
the same sanitizers (OUT/rt/*.o). Both run with detect_stack_use_after_return and leak
detection. A third build ("plain") uses the plugin without sanitizers, at a level and flags
of its own (-O0 to -O3, with and without -g, by seed), linked with the runtime built without them;
its stdout must be the heap build's. A failure is any compiler error or ICE, sanitizer
report, crash, non-zero exit, timeout, or a difference in stdout. A failing program is saved, with its seed and log, in
OUT/fail-SEED/ and reduced by tools/fuzz/reduce.py to OUT/fail-SEED/reduced.c.

Figures: the map sites the plugin put on the stack (from the -m lines: `does not escape`
and `buckets escape to heap` keep the header on the stack) and, at run time, the maps
made against those made on given storage (each program's `fuzz-stats:` line).
The last line is `fuzz: N programs, F failures, S of M map sites on the stack (P%)`;
the exit status is 1 on any failure.

--wrong-stack replaces the plugin by tools/fuzz/wrong_stack.h, which puts every map's
header in its function's frame, escaping or not: the fuzzer must report failures
(testsuite/fuzz/detects-wrong-stack.test).
"""
import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen      # noqa: E402
import reduce   # noqa: E402

SAN = ["-fsanitize=address,undefined", "-fno-omit-frame-pointer",
       "-fno-sanitize-recover=all", "-g"]
CFLAGS = ["-std=gnu11", "-Wall", "-Wextra", "-Wno-attributes"]
RUN_ENV = {"ASAN_OPTIONS": "detect_stack_use_after_return=1:detect_leaks=1",
           "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1"}
SITE = re.compile(r"^\S+:\d+:\d+: make\(.*\) (does not escape|escapes to heap|"
                  r"buckets escape to heap.*)$")
STATS = re.compile(r"^fuzz-stats: made=(\d+) stack_maps=(\d+) stack_buckets=(\d+)$", re.M)
SANITIZER = re.compile(r"ERROR: (AddressSanitizer|LeakSanitizer): ([\w-]+(?: free)?)|"
                       r"(runtime error):|^(panic|fatal error): ", re.M)
COMPILE_TIMEOUT, RUN_TIMEOUT = 120, 30
PROG_CFLAGS = re.compile(r"^// fuzz-cflags: (.*)$", re.M)   # the program's own flags
PROG_PLUGIN_ARGS = re.compile(r"^// fuzz-plugin-args: (.*)$", re.M)  # the plugin's, per program
PROG_FAMILIES = re.compile(r"^// families: (.*)$", re.M)


def program_cflags(text):
    m = PROG_CFLAGS.search(text)
    return m.group(1).split() if m else []


# ---- configuration per seed --------------------------------------------------------------

class Config:
    """Paths and switches shared by every check (picklable for the worker processes)."""

    def __init__(self, out, plugin, wrong_stack, rt_dir, families=None):
        self.out, self.plugin, self.wrong_stack, self.rt_dir = out, plugin, wrong_stack, rt_dir
        self.families = families        # gen.parse_families: None is the default mix

    def opt(self, seed):
        return ["-O0", "-O1", "-O2"][seed % 3]

    def plain_opt(self, seed):
        """The third build's level: no sanitizer, which changes how locals are addressed
        (a rewrite GCC's -O0 rejected only without one went unseen).  Not -fPIC: it makes
        public functions interposable, and the noescape family's promises then rightly
        fail to compile (docs/design.md, "noescape promises are checked")."""
        return ["-O0", "-O2", "-O3", "-O0 -g", "-O1", "-O3 -g"][seed % 6].split()

    def stack_flags(self, seed, text=""):
        """The plugin's flags; a program's own `// fuzz-plugin-args:` come last (the
        last of a name wins)."""
        if self.wrong_stack:
            return ["-include", os.path.join(HERE, "wrong_stack.h"), "-fstack-reuse=none",
                    "-fno-sanitize-address-use-after-scope"]
        args = ["-fplugin=" + self.plugin, "-fplugin-arg-escape-m" + ("=2" if seed % 4 == 0 else "")]
        if seed % 7 == 0:
            args.append("-fplugin-arg-escape-max-kv-size=16")
        if seed % 11 == 0:
            args.append("-fplugin-arg-escape-recursive-frame-limit=1024")
        m = PROG_PLUGIN_ARGS.search(text)
        return args + (["-fplugin-arg-escape-" + a for a in m.group(1).split()] if m else [])


def build_runtime(out, san=True):
    """runtime/*.c under the sanitizers into OUT/rt/ (without them: OUT/rt-plain/), again
    only when a source changed."""
    rt = os.path.join(out, "rt" if san else "rt-plain")
    os.makedirs(rt, exist_ok=True)
    srcs = sorted(glob.glob(os.path.join(ROOT, "runtime", "*.c")))
    newest = max(os.path.getmtime(p) for p in glob.glob(os.path.join(ROOT, "runtime", "*")))
    objs = []
    for src in srcs:
        obj = os.path.join(rt, os.path.basename(src)[:-2] + ".o")
        if not os.path.exists(obj) or os.path.getmtime(obj) < newest:
            cmd = (["gcc"] + CFLAGS + ["-O1"] + (SAN if san else ["-O2"])
                   + ["-I", os.path.join(ROOT, "runtime"), "-c", src, "-o", obj + ".tmp"])
            subprocess.run(cmd, check=True)
            os.replace(obj + ".tmp", obj)
        objs.append(obj)
    return objs


def snapshot_plugin(plugin, out):
    """A copy of the plugin for this run: a `make` elsewhere may relink the original.
    With escape-analysis.so, which escape.so loads from its own directory."""
    copy = os.path.join(out, "escape.so")
    for name in ("escape-analysis.so", "escape.so"):
        src = os.path.join(os.path.dirname(plugin), name) if name != "escape.so" else plugin
        dst = os.path.join(out, name)
        if os.path.exists(src):
            shutil.copyfile(src, dst + ".tmp")
            os.replace(dst + ".tmp", dst)
    return copy


# ---- one program ---------------------------------------------------------------------------

def split(text, d):
    """Writes the split-file parts (`//--- NAME` lines) of text into directory d."""
    parts = re.split(r"^//--- (\S+)\n", text, flags=re.M)
    names = []
    for i in range(1, len(parts), 2):
        with open(os.path.join(d, parts[i]), "w") as f:
            f.write(parts[i + 1])
        names.append(parts[i])
    return names


def execute(cmd, timeout, env=None):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="replace",
                           timeout=timeout, env=env)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", "timeout"


def sanitizer_kind(err):
    m = SANITIZER.search(err)
    if not m:
        return None
    if m.group(1):
        return m.group(2).replace(" ", "-")
    return "ubsan" if m.group(3) else m.group(4)


def compile_signature(side, rc, err):
    if rc is None:
        return f"{side}-compile-timeout"
    if rc == 0:
        return None
    if "internal compiler error" in err or "killed by signal" in err or "Segmentation" in err:
        return f"{side}-ice"
    return f"{side}-compile-error"


def run_signature(side, rc, err):
    if rc is None:
        return f"{side}-run-timeout"
    kind = sanitizer_kind(err)
    if kind:
        return f"{side}-run-{kind}"
    if rc != 0:
        return f"{side}-run-exit-{rc}"
    return None


class Result:
    def __init__(self, seed):
        self.seed, self.signature, self.log, self.families = seed, None, [], ""
        self.sites = self.stack_sites = self.made = self.stack_maps = self.stack_buckets = 0

    def fail(self, signature, *log):
        self.signature = signature
        self.log += list(log)
        return self


def build_and_run(res, side, cmd, env=None, compiled=None):
    """Compiles cmd (ending in -o EXE), calls compiled(stderr) if given, runs EXE: its
    (stdout, stderr), or None after res.fail with the side's signature."""
    exe = cmd[-1]
    rc, _, err = execute(cmd, COMPILE_TIMEOUT)
    sig = compile_signature(side, rc, err)
    if sig:
        res.fail(sig, "$ " + " ".join(cmd), err[-4000:])
        return None
    if compiled:
        compiled(err)
    rc, out, err = execute([exe], RUN_TIMEOUT, env)
    sig = run_signature(side, rc, err)
    if sig:
        res.fail(sig, f"$ {exe}", err[-6000:])
        return None
    return out, err


def check(cfg, seed, text, workdir):
    """Builds and runs one program both ways; a Result with signature None when all is well."""
    res = Result(seed)
    os.makedirs(workdir, exist_ok=True)
    srcs = [os.path.join(workdir, n) for n in split(text, workdir)]
    inc = ["-I", os.path.join(ROOT, "runtime")]
    base = ["gcc"] + CFLAGS + [cfg.opt(seed)] + program_cflags(text) + SAN + inc
    rt = sorted(glob.glob(os.path.join(cfg.rt_dir, "*.o")))
    env = dict(os.environ, **RUN_ENV)
    outs = {}
    for side, extra in (("heap", []), ("stack", cfg.stack_flags(seed, text))):
        ran = build_and_run(res, side, base + extra + srcs + rt
                            + ["-o", os.path.join(workdir, side)], env,
                            (lambda err: count_sites(res, err)) if side == "stack" else None)
        if not ran:
            return res
        outs[side], err = ran
        stats = STATS.search(err)
        if not stats:
            return res.fail(f"{side}-no-stats", err[-2000:])
        if side == "heap" and int(stats.group(2)):
            return res.fail("heap-stack-maps", "maps on given storage without the plugin")
    if outs["heap"] != outs["stack"]:
        return res.fail("stdout-differs", "heap stdout:", outs["heap"], "stack stdout:",
                        outs["stack"])
    res.made, res.stack_maps, res.stack_buckets = (int(g) for g in stats.groups())
    if not cfg.wrong_stack:     # the plugin without sanitizers, at another level
        plain_rt = sorted(glob.glob(os.path.join(cfg.out, "rt-plain", "*.o")))
        ran = build_and_run(res, "plain", ["gcc"] + CFLAGS + cfg.plain_opt(seed)
                            + program_cflags(text) + inc + cfg.stack_flags(seed, text) + srcs
                            + plain_rt + ["-o", os.path.join(workdir, "plain")])
        if not ran:
            return res
        if ran[0] != outs["heap"]:
            return res.fail("plain-stdout-differs", "heap stdout:", outs["heap"],
                            "plain stdout:", ran[0])
    return res


def count_sites(res, err):
    for line in err.splitlines():
        m = SITE.match(line.strip())
        if m:
            res.sites += 1
            res.stack_sites += not m.group(1).startswith("escapes")


def check_seed(cfg, seed, keep):
    workdir = os.path.join(cfg.out, "work", str(seed))
    text = gen.Gen(seed, cfg.families).program()
    res = check(cfg, seed, text, workdir)
    fams = PROG_FAMILIES.search(text)
    res.families = fams.group(1) if fams else ""
    if res.signature:
        save_failure(cfg, res, text)
    if keep:
        shutil.copytree(workdir, os.path.join(keep, str(seed)), dirs_exist_ok=True)
        with open(os.path.join(keep, str(seed), "prog.c"), "w") as f:
            f.write(text)
    shutil.rmtree(workdir, ignore_errors=True)
    return res


def save_failure(cfg, res, text):
    d = os.path.join(cfg.out, f"fail-{res.seed}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "prog.c"), "w") as f:
        f.write(text)
    with open(os.path.join(d, "log.txt"), "w") as f:
        f.write(f"seed {res.seed}\nsignature {res.signature}\n" + "\n".join(res.log) + "\n")


# ---- the run ---------------------------------------------------------------------------------

def reduce_failure(cfg, res, seconds):
    """Reduces OUT/fail-SEED/prog.c to reduced.c, keeping the failure's signature."""
    d = os.path.join(cfg.out, f"fail-{res.seed}")
    text = open(os.path.join(d, "prog.c")).read()
    work = os.path.join(cfg.out, "work", f"reduce-{res.seed}")

    def same_failure(candidate):
        return check(cfg, res.seed, candidate, work).signature == res.signature

    small = reduce.reduce(text, same_failure, time.time() + seconds)
    shutil.rmtree(work, ignore_errors=True)
    with open(os.path.join(d, "reduced.c"), "w") as f:
        f.write(small)
    return len(text.splitlines()), len(small.splitlines())


def report(results, elapsed):
    fails = [r for r in results if r.signature]
    sites = sum(r.sites for r in results)
    stack = sum(r.stack_sites for r in results)
    made = sum(r.made for r in results)
    smaps = sum(r.stack_maps for r in results)
    sbk = sum(r.stack_buckets for r in results)
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    print(f"fuzz: run time {elapsed:.0f} s; at run time {smaps} of {made} maps made on the "
          f"stack ({pct(smaps, made):.1f}%), {sbk} with their first bucket")
    print(f"fuzz: {len(results)} programs, {len(fails)} failures, {stack} of {sites} map sites "
          f"on the stack ({pct(stack, sites):.1f}%)")
    return stack / sites if sites else 0.0


class Stop(Exception):
    """SIGTERM, or --max-seconds reached: report the programs finished so far."""


def on_sigterm(signum, frame):
    raise Stop()


def progress(results, a, out, res):
    if res.signature:
        print(f"FAIL seed {res.seed}: {res.signature} ({out}/fail-{res.seed})"
              + (f" families: {res.families}" if res.families else ""), flush=True)
    elif a.v:
        print(f"ok seed {res.seed}: {res.stack_sites}/{res.sites} sites on the stack")
    if len(results) % 500 == 0:
        sites, stack = sum(r.sites for r in results), sum(r.stack_sites for r in results)
        print(f"fuzz: {len(results)} of {a.n} done, {sum(1 for r in results if r.signature)} "
              f"failures, {stack} of {sites} map sites on the stack", flush=True)


def run_all(cfg, a, start):
    """Results of the programs finished (all, unless stopped by --max-seconds or SIGTERM)."""
    results, seen = [], set()
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=a.jobs)
    futs = [pool.submit(check_seed, cfg, s, a.keep) for s in range(a.seed, a.seed + a.n)]
    try:
        for fut in concurrent.futures.as_completed(futs):
            seen.add(fut)
            results.append(fut.result())
            progress(results, a, cfg.out, results[-1])
            if a.max_seconds and time.time() - start > a.max_seconds:
                raise Stop()
    except Stop:
        pool.shutdown(wait=True, cancel_futures=True)
        results += [f.result() for f in futs if f not in seen and f.done() and not f.cancelled()]
        print(f"fuzz: stopped after {time.time() - start:.0f} s with {len(results)} of {a.n} "
              f"programs done", flush=True)
    pool.shutdown(wait=True)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1000, help="programs (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", metavar="DIR", help="keep every program and build in DIR")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "fuzz-progs"))
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build", "escape.so"),
                    help="the plugin to test (default build/escape.so)")
    ap.add_argument("--families", metavar="LIST",
                    help="restrict gen.py to these, comma-separated: classic,"
                    + ",".join(gen.FAMILIES) + " (default: all, weighted)")
    ap.add_argument("--wrong-stack", action="store_true",
                    help="build the stack side with wrong_stack.h instead of the plugin")
    ap.add_argument("--reduce-max", type=int, default=3, help="failures to reduce (default 3)")
    ap.add_argument("--reduce-time", type=int, default=300, help="seconds per reduction")
    ap.add_argument("--min-stack-share", type=float, default=0.0, metavar="F",
                    help="also fail when under F of the map sites are on the stack")
    ap.add_argument("--max-seconds", type=int, default=0, metavar="S",
                    help="stop after S seconds and report the programs done")
    ap.add_argument("-v", action="store_true", help="a line per program")
    a = ap.parse_args()
    if not a.wrong_stack and not os.path.exists(a.plugin):
        sys.exit(f"fuzz: no plugin at {a.plugin}; run make")
    try:
        families = gen.parse_families(a.families)
    except ValueError as e:
        sys.exit(f"fuzz: {e}")
    signal.signal(signal.SIGTERM, on_sigterm)
    out = os.path.abspath(a.out)
    build_runtime(out)
    build_runtime(out, san=False)
    cfg = Config(out, snapshot_plugin(a.plugin, out), a.wrong_stack, os.path.join(out, "rt"),
                 families)
    start = time.time()
    results = run_all(cfg, a, start)
    share = report(results, time.time() - start)
    fails = sorted((r for r in results if r.signature), key=lambda r: r.seed)
    for res in fails[:a.reduce_max]:
        before, after = reduce_failure(cfg, res, a.reduce_time)
        print(f"reduced seed {res.seed} ({res.signature}): {before} -> {after} lines, "
              f"{out}/fail-{res.seed}/reduced.c")
    if share < a.min_stack_share:
        print(f"fuzz: stack-site share {share:.3f} is under --min-stack-share {a.min_stack_share}")
        return 1
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
