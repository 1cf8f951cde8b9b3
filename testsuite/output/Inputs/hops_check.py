#!/usr/bin/env python3
"""hops_check.py FILE.json M2 - the JSON records' "hops" (and "result_hops") are
the -m=2 explanation: for every message of every record, the block of M2 (the
-m=2 output of the same compilation) at its position, its message line and the
"flow:"/"from" lines under it, is what the record's folded hops spell.  Prints
  N messages, H hops, F raw flow steps
and exits non-zero at the first difference."""
import json, re, sys

HEAD = re.compile(r'^(.*?):(\d+):(\d+): (.*)$')
blocks, cur = {}, None
for line in open(sys.argv[2], encoding='utf-8'):
    m = HEAD.match(line.rstrip('\n'))
    if not m:
        continue
    body = m.group(4)
    if body.startswith('  '):
        if cur is not None:
            cur.append(body)
        continue
    cur = []
    blocks[(m.group(2), m.group(3), body)] = cur

n = h = f = 0
for u in json.load(open(sys.argv[1], encoding='utf-8')):
    for d in u['decisions']:
        if d['kind'] == 'call' or d.get('system_header'):
            continue
        paths = [d.get('hops', [])]
        if d['kind'] == 'param':
            paths = []
            if d['heap_level'] < 0 and d['result_level'] < 0:
                paths.append([])
            if d['heap_level'] >= 0:
                paths.append(d['hops'])
            if d['result_level'] >= 0:
                paths.append(d['result_hops'])
            if not d['is_pointer'] or not d['name']:
                continue
        for msg, hops in zip(d['messages'], paths):
            key = (str(d['line']), str(d['col']), msg)
            if key not in blocks:
                sys.exit('no -m=2 line %s:%s: %s' % key)
            want = []
            for hop in hops:
                want.append('  %s:' % hop['flow'])
                for note in hop['notes']:
                    want.append('    from %s (%s) at %s' % (note['what'], note['why'],
                                                           note['pos'] or '<unknown>'))
            if want != blocks[key]:
                sys.exit('%s:%s: %s: JSON hops\n%s\n-m=2\n%s' % (key + ('\n'.join(want),
                                                                '\n'.join(blocks[key]))))
            n += 1
            h += len(hops)
        f += len(d.get('flow', [])) + len(d.get('result_flow', []))
print('%d messages, %d hops, %d raw flow steps' % (n, h, f))
