#!/usr/bin/env python3
"""hops.py - counts -m=2 `flow:` hops per verdict, ours against Go's.

For every C port in testsuite/go (Go originals in Go's test/ directory, see
testsuite/go/README.md) it runs the plugin (or escape-clang) with -m=2 on the
port and `go tool compile -m=2 -l` on the original, matches verdicts by
(function, verdict) and prints, per file, the hops of each verdict both explain,
then totals.  Go methods `func (b *T) M` match the port's `T_M`.

  tools/hops.py [--plugin build/escape.so | --clang build/escape-clang]
                [--go GO] [--gosrc DIR] [-v]

GO defaults to `go` on PATH, else /usr/lib/go-1.19/bin/go; DIR to GOROOT/test.
"""
import argparse, collections, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = ["escape2", "escape_map", "escape_param", "escape_level"]

C_FUNC = re.compile(r"^(?:static\s+)?[A-Za-z_][\w\s\*]*?\b(\w+)\s*\([^;]*$")
GO_FUNC = re.compile(r"^func\s+(?:\(\s*\w*\s*\*?(\w+)\s*\)\s*)?(\w+)\s*\(")
HEAD = re.compile(r"^(\S+?):(\d+):(\d+): (.*)$")


def funcs_by_line(path, go):
    """line -> enclosing function name (the last definition above it)."""
    names, cur = {}, None
    with open(path) as f:
        for i, line in enumerate(f, 1):
            if go:
                m = GO_FUNC.match(line)
                if m:
                    cur = (m.group(1) + "_" + m.group(2)) if m.group(1) else m.group(2)
            else:
                m = C_FUNC.match(line)
                if m and not line.startswith((" ", "\t", "/", "#")) and "=" not in line:
                    cur = m.group(1)
            names[i] = cur
    return names


def key_of(msg, go):
    """A verdict's explanation header -> comparable key, or None."""
    if go:
        m = re.match(r"parameter (\w+) leaks to \{heap\} with derefs=(\d+):$", msg)
        if m:
            return ("leak", m.group(1), "heap" if m.group(2) == "0" else "content")
        m = re.match(r"parameter (\w+) leaks to ~r0 with derefs=(\d+):$", msg)
        if m:
            return ("leak", m.group(1), "r0=" + m.group(2))
        m = re.match(r"(make\(map\[.*)\) escapes to heap:$", msg)
        if m:
            return ("make", "", "")
        m = re.match(r"(\w+) escapes to heap:$", msg)
        if m:
            return ("addr", m.group(1), "")
        return None
    m = re.match(r"leaking param: (\w+)$", msg)
    if m:
        return ("leak", m.group(1), "heap")
    m = re.match(r"leaking param content: (\w+)$", msg)
    if m:
        return ("leak", m.group(1), "content")
    m = re.match(r"leaking param: (\w+) to result ~r0 level=(\d+)$", msg)
    if m:
        return ("leak", m.group(1), "r0=" + m.group(2))
    if re.match(r"make\(map\[.*\) escapes to heap$", msg):
        return ("make", "", "")
    m = re.match(r"&(\w+) escapes to heap$", msg)
    if m:
        return ("addr", m.group(1), "")
    return None


def explanations(text, src, go):
    """{(func, key...): [hops of each explanation]} in order of appearance."""
    names = funcs_by_line(src, go)
    out = collections.OrderedDict()
    cur = None
    for line in text.splitlines():
        m = HEAD.match(line)
        if not m:
            continue
        rest = m.group(4)
        if rest.startswith("  "):
            if cur is not None and rest.lstrip().startswith("flow:"):
                out[cur][-1] += 1
            continue
        k = key_of(rest, go)
        if k is None or os.path.basename(m.group(1)) != os.path.basename(src):
            cur = None
            continue
        fn = names.get(int(m.group(2)))
        cur = (fn,) + k
        out.setdefault(cur, []).append(0)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build/escape.so"))
    ap.add_argument("--clang")
    ap.add_argument("--go")
    ap.add_argument("--gosrc")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    go = a.go or shutil.which("go") or "/usr/lib/go-1.19/bin/go"
    if not os.path.exists(go):
        sys.exit("hops.py: no Go toolchain (apt-get install golang-1.19-go)")
    gosrc = a.gosrc or os.path.join(subprocess.run([go, "env", "GOROOT"], capture_output=True,
                                                   text=True).stdout.strip(), "test")
    tmp = tempfile.mkdtemp()
    env = dict(os.environ, HOME=tmp, GOCACHE=os.path.join(tmp, "cache"))
    tot = collections.Counter()
    for name in FILES:
        gofile, cfile = os.path.join(gosrc, name + ".go"), os.path.join(ROOT, "testsuite/go", name + ".c")
        g = subprocess.run([go, "tool", "compile", "-p", "p", "-o", os.path.join(tmp, "x.o"),
                            "-m=2", "-l", gofile], capture_output=True, text=True, env=env)
        if a.clang:
            cmd = [a.clang, "-m=2", cfile, "--", "-std=gnu11", "-I" + os.path.join(ROOT, "runtime")]
        else:
            cmd = ["gcc", "-O0", "-w", "-c", cfile, "-I" + os.path.join(ROOT, "runtime"),
                   "-fplugin=" + a.plugin, "-fplugin-arg-escape-m=2", "-o", os.devnull]
        c = subprocess.run(cmd, capture_output=True, text=True)
        ge = explanations(g.stdout + g.stderr, gofile, True)
        ce = explanations(c.stdout + c.stderr, cfile, False)
        both = [k for k in ce if k in ge and ce[k][0] > 0]
        n_ours = sum(ce[k][0] for k in both)
        n_go = sum(sum(ge[k]) for k in both)
        worse = [k for k in both if ce[k][0] > sum(ge[k])]
        tot.update(sites=len(both), ours=n_ours, go=n_go, worse=len(worse),
                   ours_all=sum(v[0] for v in ce.values()))
        print("%-14s %3d verdicts explained by both: ours %3d hops, Go %3d hops; "
              "ours longer at %d; all our hops %d" % (name, len(both), n_ours, n_go, len(worse),
                                                      sum(v[0] for v in ce.values())))
        for k in (both if a.v else worse):
            print("    %-40s ours %d  Go %s" % (" ".join(x for x in k if x), ce[k][0], ge[k]))
    print("total          %3d verdicts: ours %d hops, Go %d hops; ours longer at %d; "
          "all our hops %d" % (tot["sites"], tot["ours"], tot["go"], tot["worse"], tot["ours_all"]))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
