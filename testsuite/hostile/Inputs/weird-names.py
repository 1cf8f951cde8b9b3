#!/usr/bin/env python3
"""weird-names.py SRC TMPDIR CC... - compile SRC under a file name full of characters
that need escaping (quote, backslash, space, non-ASCII) in a directory with a space,
with -fplugin-arg-escape-m and -fplugin-arg-escape-json; check that the JSON parses,
names the file exactly, and holds the same decisions as the diagnostics; print the
diagnostics with the directory stripped, for FileCheck."""
import json, os, shutil, subprocess, sys

src, tmp, cc = sys.argv[1], sys.argv[2], sys.argv[3:]
d = os.path.join(tmp, 'dir with space')
os.makedirs(d, exist_ok=True)
name = 'we"ird\\name \u00fc.c'
shutil.copy(src, os.path.join(d, name))
out = os.path.join(d, 'out "1".json')
p = subprocess.run(cc + ['-c', name, '-o', os.devnull, '-fplugin-arg-escape-m',
                         '-fplugin-arg-escape-json=' + out], cwd=d, capture_output=True, text=True)
if p.returncode != 0:
    sys.exit('compile failed:\n' + p.stderr)
diags = [l for l in p.stderr.splitlines() if l.startswith(name + ':')]
with open(out, encoding='utf-8') as f:
    doc = json.load(f)
got = sorted('%s:%d:%d: %s %s' % (x['file'], x['line'], x['col'], x['expr'], x['verdict'])
             for x in doc[0]['decisions'] if x['kind'] == 'map')
want = sorted(l for l in diags if 'make(' in l)
if got != want:
    sys.exit('JSON and diagnostics differ:\n%s\n---\n%s' % ('\n'.join(got), '\n'.join(want)))
for l in diags:
    print('FILE' + l[len(name):])
