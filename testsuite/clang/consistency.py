#!/usr/bin/env python3
"""consistency.py - escape-clang against the GCC plugin, site by site.

Runs the plugin (gcc -O0 -fplugin-arg-escape-m) and escape-clang -m over every
lit test of testsuite/go, testsuite/plugin and testsuite/clang and a batch of
the fuzzer's programs (tools/fuzz/gen.py, seeds 1..N: the same batch every run,
both of their translation units), and compares the verdict of every gomap_make site (escapes to heap, or
header on the stack):

  agree               both say the same
  clang-less-precise  the plugin keeps it on the stack, escape-clang does not
                      (flow-insensitivity: expected, reported, not an error)
  clang-more-precise  escape-clang keeps on the stack a map the plugin sends to
                      the heap: a possible soundness bug on the Clang side; an
                      error unless consistency.allow (beside this file)
                      lists the site (FILE:LINE) with the reason
  missing             a site only one side reports; an error unless listed

A file escape-clang cannot parse (GNU extensions Clang rejects) is an error
unless consistency.allow lists the file.  Exit status 1 on any error.
"""
import argparse, os, re, shlex, subprocess, sys, tempfile, time

# "make(...) made by H VERDICT": the map helper H makes for the caller, at the call
SITE = re.compile(r'^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): make\(.*\) '
                  r'(?:made by \S+ )?(?P<what>does not escape|escapes to heap|buckets escape to heap.*)$')


def verdict(what):
    return "heap" if what.startswith("escapes to heap") else "stack"


def sites(text, path):
    out = {}
    base = os.path.basename(path)
    for line in text.splitlines():
        m = SITE.match(line.strip())
        if m and os.path.basename(m.group("file")) == base:
            k = 0                       # a helper handing over several maps: one line each
            while (int(m.group("line")), int(m.group("col")), k) in out:
                k += 1
            out[(int(m.group("line")), int(m.group("col")), k)] = verdict(m.group("what"))
    return out


def run_flags(path):
    """-I/-isystem/-D/-std flags of the file's first plugin RUN line (%S = its dir)."""
    d = os.path.dirname(os.path.abspath(path))
    with open(path, errors="replace") as f:
        for line in f:
            if "RUN:" in line and "%plugin" in line:
                toks = shlex.split(line.split("RUN:", 1)[1].split("|")[0].replace("%S", d))
                flags, i = [], 0
                while i < len(toks):
                    t = toks[i]
                    if t in ("-I", "-isystem", "-D", "-include") and i + 1 < len(toks):
                        flags += [t, toks[i + 1]]; i += 1
                    elif t.startswith(("-I", "-isystem", "-D", "-std=", "-U")):
                        flags.append(t)
                    i += 1
                return flags
    return []


def run(cmd):
    """subprocess.run, retried while a concurrent `make` relinks the tools."""
    for attempt in range(20):
        try:
            return subprocess.run(cmd, capture_output=True, text=True)
        except (PermissionError, OSError):
            if attempt == 19:
                raise
            time.sleep(0.5)


def plugin_sites(root, path, flags):
    cmd = ["gcc", "-std=gnu11", "-I" + os.path.join(root, "runtime"), "-O0", "-c", path,
           "-fplugin=" + os.path.join(root, "build", "escape.so"), "-fplugin-arg-escape-m",
           "-o", "/dev/null"] + flags
    p = run(cmd)
    return (sites(p.stderr, path) if p.returncode == 0 else None), p.stderr


def clang_sites(root, path, flags):
    cmd = [os.path.join(root, "build", "escape-clang"), "-m", path, "--",
           "-std=gnu11", "-I" + os.path.join(root, "runtime")] + flags
    p = run(cmd)
    return (sites(p.stderr, path) if p.returncode == 0 else None), p.stderr


# ---- the fuzzer's programs ------------------------------------------------------------

# The fuzzer's idiom families Clang can parse: `forward` uses __builtin_apply,
# which Clang does not have (docs/frontends.md, testsuite/plugin/rule-apply.c).
NO_CLANG_FAMILIES = {"forward"}


def fuzz_programs(root, tmp, count):
    """(name, path) of each translation unit of tools/fuzz/gen.py's programs 1..COUNT
    (every family but NO_CLANG_FAMILIES)."""
    gen = os.path.join(root, "tools", "fuzz", "gen.py")
    sys.path.insert(0, os.path.dirname(gen))
    from families import FAMILIES
    fams = ",".join(["classic"] + [f for f in FAMILIES if f not in NO_CLANG_FAMILIES])
    out = []
    for seed in range(1, count + 1):
        p = run([sys.executable, gen, str(seed), "--families", fams])
        if p.returncode != 0:
            sys.exit("gen.py %d failed:\n%s" % (seed, p.stderr))
        parts = re.split(r"^//--- (\S+)\n", p.stdout, flags=re.M)
        d = os.path.join(tmp, "fuzz%03d" % seed)
        os.makedirs(d)
        for i in range(1, len(parts) - 1, 2):
            path = os.path.join(d, parts[i])
            with open(path, "w") as f:
                f.write(parts[i + 1])
            out.append(("fuzz/%03d/%s" % (seed, parts[i]), path))
    return out


# ---- the allow-list ------------------------------------------------------------------

def listed(path):
    """FILE:LINE sites and FILE names of the allow-list (first word of each entry)."""
    keys = set()
    with open(path) as f:
        for line in f:
            words = line.split(None, 1)
            if words and not words[0].startswith("#"):
                if len(words) < 2:
                    sys.exit("%s: %s: an entry needs its reason" % (path, words[0]))
                keys.add(words[0])
    return keys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--fuzz", type=int, default=45, help="programs of tools/fuzz/gen.py")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    root = a.root
    allow = listed(os.path.join(root, "testsuite", "clang", "consistency.allow"))
    files = []
    for d in ("testsuite/go", "testsuite/plugin", "testsuite/clang"):
        full = os.path.join(root, d)
        files += [(os.path.join(d, f), os.path.join(full, f)) for f in sorted(os.listdir(full))
                  if f.endswith(".c")]
    tmp = tempfile.mkdtemp(prefix="escape-consistency-")
    files += fuzz_programs(root, tmp, a.fuzz)

    n = {"agree": 0, "clang-less-precise": 0, "clang-more-precise": 0, "missing": 0}
    errors, skipped, unparsed = [], [], []
    for name, path in files:
        flags = run_flags(path)
        g, gerr = plugin_sites(root, path, flags)
        if g is None:
            skipped.append(name)        # GCC rejects it on purpose (argument tests)
            continue
        c, cerr = clang_sites(root, path, flags)
        if c is None:
            unparsed.append(name)
            if name not in allow:
                errors.append("%s: escape-clang cannot parse it:\n%s" % (name, cerr.strip()))
            continue
        for key in sorted(set(g) | set(c)):
            where = "%s:%d" % (name, key[0])
            gv, cv = g.get(key), c.get(key)
            if gv is None or cv is None:
                n["missing"] += 1
                if where not in allow:
                    errors.append("%s:%d: site only in %s" % (where, key[1], "gcc" if cv is None else "clang"))
            elif gv == cv:
                n["agree"] += 1
            elif gv == "stack":
                n["clang-less-precise"] += 1
                if a.v:
                    print("less precise: %s:%d" % (where, key[1]))
            else:
                n["clang-more-precise"] += 1
                if where not in allow:
                    errors.append("%s:%d: escape-clang keeps on the stack a map the plugin sends "
                                  "to the heap (possible soundness bug; explain it in "
                                  "testsuite/clang/consistency.allow)" % (where, key[1]))
    total = sum(n.values())
    print("files: %d compared, %d skipped (gcc rejects), %d not parsed by clang (%s)"
          % (len(files) - len(skipped) - len(unparsed), len(skipped), len(unparsed),
             ", ".join(unparsed) or "none"))
    print("sites compared: %d; agree: %d; clang-less-precise: %d; clang-more-precise: %d; "
          "missing: %d" % (total, n["agree"], n["clang-less-precise"], n["clang-more-precise"],
                           n["missing"]))
    for e in errors:
        print("error: " + e)
    print("consistency: %s" % ("FAIL" if errors else "OK"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
