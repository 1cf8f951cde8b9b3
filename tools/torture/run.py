#!/usr/bin/env python3
"""GCC's C torture corpus against the escape plugin: does the plugin break any compile?

The corpus is gcc/testsuite/gcc.c-torture/{compile,execute}/*.c from Debian's
gcc-12-source tarball, extracted once into build/torture/ (cached; never committed).
Installs gcc-12-source with apt-get when it is missing and we are root.

  compile tests: each file is compiled (-c) at every optimisation level, without and
                 with the plugin. A plugin compile regresses as an ICE ("internal
                 compiler error" or a crash signal) or as a new failure (the file
                 compiles without the plugin but not with it, or the compiler hangs).
  execute tests: each file is built and run without the plugin; those that exit 0 are
                 built again with the plugin (linked with build/libgomap.a) and must
                 still build and exit 0.
The plugin's time share is (CPU with - CPU without) / CPU with, summed over every build
whose baseline succeeded (execute builds include the link). Prints a summary table;
exits 1 on any regression, 2 when the setup is broken (no tarball, no plugin).

  tools/torture/run.py                       # the whole corpus
  tools/torture/run.py --sample 150          # a fixed, deterministic sample
  tools/torture/run.py execute/pr19687.c -v  # just these files, with every command
"""
import argparse
import concurrent.futures
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from fnmatch import fnmatch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TARBALL_DIR = "/usr/src/gcc-12"
TARBALL_RE = re.compile(r"^gcc-12[.0-9]*(-dfsg)?\.tar\.(xz|gz|bz2)$")
DEB_PACKAGE = "gcc-12-source"
KINDS = ("compile", "execute")
TRIPLET = "x86_64-pc-linux-gnu"          # what dg target selectors are matched against


# ---- corpus: the tarball, its cached extraction, the file list -----------------------------

def find_tarball():
    if not os.path.isdir(TARBALL_DIR):
        return None
    names = sorted(n for n in os.listdir(TARBALL_DIR) if TARBALL_RE.match(n))
    return os.path.join(TARBALL_DIR, names[0]) if names else None


def die(msg):
    print(f"torture: {msg}", file=sys.stderr)
    sys.exit(2)


def install_source_package():
    """apt-get install gcc-12-source when root; otherwise say what to run."""
    if os.geteuid() != 0:
        die(f"the corpus needs Debian's {DEB_PACKAGE}; run: sudo apt-get install -y {DEB_PACKAGE}")
    print(f"torture: installing {DEB_PACKAGE} (apt-get)", file=sys.stderr, flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-qq", DEB_PACKAGE]
    for cmd in (install, ["apt-get", "update", "-qq"], install):
        r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
        if r.returncode == 0 and cmd is install and find_tarball():
            return
    die(f"apt-get install {DEB_PACKAGE} failed:\n{r.stdout[-2000:]}")


def extract_corpus(cache):
    """Extract the two torture directories into CACHE once; a stamp names the tarball."""
    os.makedirs(cache, exist_ok=True)
    with open(os.path.join(cache, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)       # `make torture` and lit tests may race here
        tarball = find_tarball()
        if tarball is None:
            install_source_package()
            tarball = find_tarball()
        st = os.stat(tarball)
        stamp_text = f"{tarball} {st.st_size} {int(st.st_mtime)}\n"
        stamp = os.path.join(cache, "corpus.stamp")
        if os.path.exists(stamp) and open(stamp).read() == stamp_text:
            return
        top = os.path.basename(tarball).split(".tar")[0].replace("-dfsg", "")
        members = [f"{top}/gcc/testsuite/gcc.c-torture/{k}" for k in KINDS]
        tmp = tempfile.mkdtemp(dir=cache, prefix="extract.")
        print(f"torture: extracting {' '.join(KINDS)} tests from {tarball}",
              file=sys.stderr, flush=True)
        subprocess.run(["tar", "-xf", tarball, "-C", tmp, "--strip-components=4"] + members,
                       check=True)
        for k in KINDS:
            shutil.rmtree(os.path.join(cache, k), ignore_errors=True)
            os.rename(os.path.join(tmp, k), os.path.join(cache, k))
        shutil.rmtree(tmp)
        with open(stamp, "w") as f:
            f.write(stamp_text)


def list_corpus(cache):
    """Every test as 'compile/NAME.c' or 'execute/NAME.c', sorted (subdirectories such as
    execute/builtins and execute/ieee need their own drivers and are left out)."""
    return sorted(f"{k}/{n}" for k in KINDS for n in os.listdir(os.path.join(cache, k))
                  if n.endswith(".c"))


def take_sample(tests, n):
    """N tests spread evenly over the sorted list, so compile and execute tests mix."""
    if n >= len(tests):
        return tests
    return [tests[i * len(tests) // n] for i in range(n)]


# ---- dg directives: which extra flags a test needs ----------------------------------------

DIRECTIVE_RE = re.compile(r"\{\s*dg-(options|additional-options|add-options)\s+(.*)\}")
KNOWN_EFFECTIVE = {"fpic": True, "lp64": True, "signal": True, "ia32": False,
                   "newlib_nano_io": False, "short_enums": False}
NOOP_ADD_OPTIONS = {"stack_size", "ieee"}   # add nothing on x86_64 GNU/Linux


def tcl_words(text):
    """Split a Tcl-ish argument list into words: "quoted", {braced} or bare."""
    words, i = [], 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c == '"':
            j = text.index('"', i + 1)
            words.append(text[i + 1:j])
            i = j + 1
        elif c == "{":
            depth, j = 1, i + 1
            while depth:
                depth += {"{": 1, "}": -1}.get(text[j], 0)
                j += 1
            words.append(text[i + 1:j - 1].strip())
            i = j
        else:
            j = i
            while j < len(text) and not text[j].isspace():
                j += 1
            words.append(text[i:j])
            i = j
    return words


def selector_applies(sel):
    """True/False for a '{ target ... }' selector we understand, None otherwise."""
    words = sel.split()
    if not words or words[0] != "target":
        return None
    pats = " ".join(words[1:]).replace("{", " ").replace("}", " ").split()
    if len(pats) == 1 and pats[0] in KNOWN_EFFECTIVE:
        return KNOWN_EFFECTIVE[pats[0]]
    if any(not re.fullmatch(r"[\w.*?\[\]-]+-[\w.*?\[\]-]+(-[\w.*?\[\]-]+)*", p) for p in pats):
        return None                      # &&, ||, !, effective targets: not handled
    return any(fnmatch(TRIPLET, p if p.count("-") >= 2 else p + "-*") for p in pats)


def extra_flags(path):
    """The flags the test's dg directives add on x86_64 GNU/Linux, or None when a
    directive is beyond this harness (the test is then skipped)."""
    flags = []
    with open(path, errors="replace") as f:
        text = f.read()
    for kind, rest in DIRECTIVE_RE.findall(text):
        try:
            words = tcl_words(rest)
        except (ValueError, IndexError):
            return None
        if not words:
            return None
        if len(words) > 1:
            applies = selector_applies(words[1])
            if applies is None:
                return None
            if not applies:
                continue
        if kind == "add-options":
            if words[0] not in NOOP_ADD_OPTIONS:
                return None
            continue
        flags += words[0].split()
    return flags


# ---- running one command: exit status, stderr, CPU time, timeout ---------------------------

@dataclass
class Run:
    rc: int            # exit code; negative: killed by that signal
    err: str           # stderr (truncated)
    cpu: float         # user+sys seconds of the process and its children (cc1, as, ld)
    timed_out: bool = False

    @property
    def ok(self):
        return self.rc == 0 and not self.timed_out

    @property
    def ice(self):
        return "internal compiler error" in self.err or (self.rc < 0 and not self.timed_out)


def run(cmd, cwd, timeout, verbose=False):
    if verbose:
        print("  $ " + " ".join(cmd), file=sys.stderr, flush=True)
    with tempfile.TemporaryFile(dir=cwd) as errf:
        p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=errf, start_new_session=True)
        fired = []

        def kill():
            fired.append(1)
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        err = errf.read(64 * 1024).decode(errors="replace")
    return Run(p.returncode, err, ru.ru_utime + ru.ru_stime, bool(fired))


# ---- one test: every level, without and with the plugin -----------------------------------

@dataclass
class Outcome:
    test: str
    skipped: str = ""                   # why the test was not run at all
    compiles: int = 0                   # (level) pairs whose baseline built
    base_fail: int = 0                  # baseline did not build (or, execute, did not exit 0)
    base_ice: int = 0                   # GCC itself ICEs without the plugin
    runs: int = 0                       # execute: plugin builds that were run
    cpu_base: float = 0.0
    cpu_plugin: float = 0.0
    regressions: list = field(default_factory=list)   # (kind, level, message)


def first_error(r):
    """The line that says what went wrong, with the 'during ... pass' line before it."""
    if r.timed_out:
        return "timed out"
    lines = r.err.splitlines()
    for key in ("internal compiler error", "error:", "fatal", "Segmentation fault"):
        for i, line in enumerate(lines):
            if key in line:
                pre = lines[i - 1] + " | " if i and lines[i - 1].startswith("during") else ""
                return (pre + line).strip()
    return (lines[0] if lines else f"exit status {r.rc}").strip()


def check_test(test, cfg):
    out = Outcome(test)
    src = os.path.join(cfg.corpus, test)
    flags = extra_flags(src)
    if flags is None:
        out.skipped = "dg directive not handled"
        return out
    execute = test.startswith("execute/")
    work = tempfile.mkdtemp(dir=cfg.workdir, prefix="t.")
    try:
        for level in cfg.levels:
            if execute:
                check_execute(src, level, flags, work, cfg, out)
            else:
                check_compile(src, level, flags, work, cfg, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def gcc_cmd(cfg, src, level, flags, output, plugin, link):
    cmd = [cfg.cc, "-w", "-fdiagnostics-plain-output"] + level.split() + flags
    cmd += [src, "-o", output]
    if plugin:
        cmd[1:1] = [f"-fplugin={cfg.plugin}"] + cfg.plugin_args
    if link:
        cmd += ([cfg.gomap] if plugin else []) + ["-lm"]
    else:
        cmd.insert(1, "-c")
    return cmd


def regress(out, kind, level, msg, cmd, r, cfg):
    """Record a regression, and keep its command and full stderr in cfg.failures."""
    out.regressions.append((kind, level, msg.replace(cfg.corpus + "/", "")))
    name = f"{out.test.replace('/', '-')}{level.replace(' ', '')}.log"
    with open(os.path.join(cfg.failures, name), "w") as f:
        f.write(f"{kind}: {out.test} {level}\n$ {' '.join(cmd)}\nexit {r.rc}\n{r.err}")


def note_plugin_build(out, level, base, mine, cmd, cfg):
    """Compare a plugin build with its baseline; True if the plugin build is usable."""
    out.compiles += 1
    out.cpu_base += base.cpu
    out.cpu_plugin += mine.cpu
    if mine.ice:
        regress(out, "ICE", level, first_error(mine), cmd, mine, cfg)
    elif not mine.ok:
        regress(out, "new failure", level, first_error(mine), cmd, mine, cfg)
    else:
        return True
    return False


def check_compile(src, level, flags, work, cfg, out):
    obj = os.path.join(work, "t.o")
    base = run(gcc_cmd(cfg, src, level, flags, obj, False, False), work, cfg.timeout, cfg.verbose)
    if not base.ok:
        out.base_fail += 1
        out.base_ice += base.ice
        return
    cmd = gcc_cmd(cfg, src, level, flags, obj, True, False)
    mine = run(cmd, work, cfg.timeout, cfg.verbose)
    note_plugin_build(out, level, base, mine, cmd, cfg)


def check_execute(src, level, flags, work, cfg, out):
    exe = os.path.join(work, "t.exe")
    base = run(gcc_cmd(cfg, src, level, flags, exe, False, True), work, cfg.timeout, cfg.verbose)
    if base.ok:
        ran = run([exe], work, cfg.run_timeout, cfg.verbose)
    if not base.ok or not ran.ok:
        out.base_fail += 1
        out.base_ice += base.ice
        return
    os.unlink(exe)
    cmd = gcc_cmd(cfg, src, level, flags, exe, True, True)
    mine = run(cmd, work, cfg.timeout, cfg.verbose)
    if not note_plugin_build(out, level, base, mine, cmd, cfg):
        return
    out.runs += 1
    ran = run([exe], work, cfg.run_timeout, cfg.verbose)
    if not ran.ok:
        why = "timed out" if ran.timed_out else (
            f"signal {-ran.rc}" if ran.rc < 0 else f"exit status {ran.rc}")
        regress(out, "run failure", level, f"built with the plugin, run: {why}", cmd, ran, cfg)


# ---- the whole run ---------------------------------------------------------------------------

def summarize(outcomes, cfg, elapsed):
    plugin = os.path.relpath(cfg.plugin, ROOT) if cfg.plugin.startswith(ROOT + "/") else cfg.plugin
    print(f"torture summary: gcc {cfg.gcc_version}, plugin {plugin}"
          f" {' '.join(cfg.plugin_args)}, levels {' '.join(cfg.levels)}, {cfg.jobs} jobs")
    head = ("kind", "files", "skipped", "builds", "base-fail", "base-ICEs", "ICEs",
            "new-failures", "runs", "run-failures")
    print("%-8s" % head[0] + "".join("%13s" % h for h in head[1:]))
    totals = {}
    for kind in KINDS:
        mine = [o for o in outcomes if o.test.startswith(kind + "/")]
        regs = [r[0] for o in mine for r in o.regressions]
        row = (len(mine), sum(bool(o.skipped) for o in mine), sum(o.compiles for o in mine),
               sum(o.base_fail for o in mine), sum(o.base_ice for o in mine),
               regs.count("ICE"), regs.count("new failure"),
               sum(o.runs for o in mine) if kind == "execute" else "-",
               regs.count("run failure") if kind == "execute" else "-")
        totals[kind] = row
        print("%-8s" % kind + "".join("%13s" % v for v in row))
    base = sum(o.cpu_base for o in outcomes)
    plug = sum(o.cpu_plugin for o in outcomes)
    share = (plug - base) / plug * 100 if plug else 0.0
    print(f"plugin time share: {share:.1f}% (CPU {plug:.1f} s with the plugin, {base:.1f} s "
          f"without, over {sum(o.compiles for o in outcomes)} builds)")
    if cfg.verbose:
        for o in outcomes:
            if o.skipped:
                print(f"skipped: {o.test} ({o.skipped})")
    regressions = [(o.test, *r) for o in outcomes for r in o.regressions]
    for test, kind, level, msg in regressions:
        print(f"REGRESSION {kind}: {test} {level}: {msg}")
    print(f"regressions: {len(regressions)}")
    if regressions:
        print(f"(commands and full stderr: {cfg.failures}/)")
    print(f"elapsed: {elapsed:.0f} s")
    return len(regressions)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tests", nargs="*", help="only these tests, e.g. compile/pr1234.c")
    ap.add_argument("--sample", type=int, default=0, metavar="N",
                    help="a fixed sample of N tests spread over the sorted corpus")
    ap.add_argument("--kind", choices=KINDS, help="only compile or only execute tests")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--levels", default="-O0,-O2",
                    help="comma-separated flag sets (default -O0,-O2; e.g. '-O1,-O3 -g')")
    ap.add_argument("--cc", default=os.environ.get("CC", "gcc"))
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build", "escape.so"))
    ap.add_argument("--plugin-args", default=None,
                    help="space-separated plugin flags (default -fplugin-arg-NAME-m, NAME "
                         "being the plugin's file name without .so, as GCC requires)")
    ap.add_argument("--gomap", default=os.path.join(ROOT, "build", "libgomap.a"))
    ap.add_argument("--cache", default=os.path.join(ROOT, "build", "torture"),
                    help="where the corpus is extracted (default build/torture)")
    ap.add_argument("--failures", default=os.path.join(ROOT, "build", "torture", "failures"),
                    help="where each regression's command and stderr go (emptied first)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per compile")
    ap.add_argument("--run-timeout", type=float, default=10, help="seconds per run")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every command")
    return ap.parse_args()


def main():
    cfg = parse_args()
    cfg.plugin, cfg.gomap = os.path.abspath(cfg.plugin), os.path.abspath(cfg.gomap)
    cfg.failures = os.path.abspath(cfg.failures)
    for path in (cfg.plugin, cfg.gomap):
        if not os.path.exists(path):
            die(f"{path} not found; run 'make' first")
    cfg.levels = cfg.levels.split(",")
    name = os.path.basename(cfg.plugin).split(".")[0]
    cfg.plugin_args = (cfg.plugin_args or f"-fplugin-arg-{name}-m").split()
    cfg.gcc_version = subprocess.run([cfg.cc, "-dumpfullversion"], stdout=subprocess.PIPE,
                                     text=True).stdout.strip()
    extract_corpus(cfg.cache)
    cfg.corpus = cfg.cache
    tests = cfg.tests or list_corpus(cfg.cache)
    for t in tests:
        if not os.path.isfile(os.path.join(cfg.cache, t)):
            die(f"no test {t} (names look like compile/pr1234.c)")
    if cfg.sample:
        tests = take_sample(tests, cfg.sample)
    if cfg.kind:
        tests = [t for t in tests if t.startswith(cfg.kind + "/")]
    shutil.rmtree(cfg.failures, ignore_errors=True)
    os.makedirs(cfg.failures)
    os.makedirs(os.path.join(cfg.cache, "work"), exist_ok=True)
    cfg.workdir = tempfile.mkdtemp(dir=os.path.join(cfg.cache, "work"))
    start = time.monotonic()
    try:
        with concurrent.futures.ThreadPoolExecutor(cfg.jobs) as pool:
            outcomes = list(pool.map(lambda t: check_test(t, cfg), tests))
    finally:
        shutil.rmtree(cfg.workdir, ignore_errors=True)
    return 1 if summarize(outcomes, cfg, time.monotonic() - start) else 0


if __name__ == "__main__":
    sys.exit(main())
