#!/usr/bin/env python3
"""doccheck.py - keep docs/diagnostics.md true: every ```c block that starts with
#include and is followed by output blocks naming it (FILE.c:LINE:COL: ...) is
compiled with the plugin; an output block without flow lines must equal the
whole -m output, one with flow lines must appear, contiguous, in the -m=2
output.  An output block fenced as ```NAME=VALUE is compiled with
-fplugin-arg-escape-NAME=VALUE too.  Usage: doccheck.py DOC WORKDIR CC PLUGIN"""
import os, re, shlex, subprocess, sys

doc, work, cc, plugin = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
blocks = re.findall(r'```([\w=-]*)\n(.*?)```', open(doc).read(), re.S)
sources, last_src, failures, checked = {}, None, 0, 0
for lang, body in blocks:
    if lang == 'c' and body.startswith('#include'):
        last_src = body
        continue
    lines = body.rstrip('\n').split('\n')
    m = re.match(r'^(\w+\.c):\d+:\d+: ', lines[0])
    if not m:
        continue
    name = m.group(1)
    if name not in sources:
        if last_src is None:
            continue                      # an excerpt of a program not shown
        sources[name] = last_src
        last_src = None
    path = os.path.join(work, name)
    with open(path, 'w') as f:
        f.write(sources[name])
    m2 = any('flow:' in l for l in lines)
    extra = ['-fplugin-arg-escape-' + lang] if '=' in lang else []   # ```NAME=VALUE
    cmd = shlex.split(cc) + ['-O2', '-Wno-dangling-pointer', '-c', name, plugin,
                             '-fplugin-arg-escape-m' + ('=2' if m2 else '')] + extra + ['-o', '/dev/null']
    out = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
    got = [l for l in out.stderr.split('\n') if re.match(r'^\w+\.c:\d+:\d+: ', l)]
    ok = any(got[i:i + len(lines)] == lines for i in range(len(got))) if m2 else got == lines
    checked += 1
    if not ok or out.returncode:
        failures += 1
        print(f'MISMATCH for {name} (-m{"=2" if m2 else ""}):\n  doc:\n    ' +
              '\n    '.join(lines) + '\n  plugin:\n    ' + '\n    '.join(got))
print(f'{checked} output blocks checked, {failures} mismatches')
sys.exit(1 if failures or not checked else 0)
