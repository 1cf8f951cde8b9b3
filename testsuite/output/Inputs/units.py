#!/usr/bin/env python3
"""units.py FILE.json... - for each JSON record file (json=PATH), check that it is an
array of unit documents whose hops carry positions, and print
  FILE: N unit(s): UNIT SOURCE K maps[; ...]
(UNIT is the unit's name, SOURCE its main file's base name)."""
import json, os, sys

for f in sys.argv[1:]:
    doc = json.load(open(f, encoding='utf-8'))
    assert isinstance(doc, list), f
    parts = []
    for u in doc:
        assert u['version'] == 1 and os.path.isabs(u['cwd']), f
        for d in u['decisions']:
            assert d['messages'] or d['kind'] == 'call', d
            for hop in d['flow'] + d.get('result_flow', []):
                assert (hop['pos'] is None) == (hop['file'] is None), hop
                assert hop['file'] is None or hop['line'] >= 1, hop
        maps = sum(1 for d in u['decisions'] if d['kind'] == 'map')
        parts.append('%s %s %d maps' % (u['unit'], os.path.basename(u['source']), maps))
    print('%s: %d unit%s: %s' % (f, len(doc), '' if len(doc) == 1 else 's', '; '.join(parts)))
