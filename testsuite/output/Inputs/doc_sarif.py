#!/usr/bin/env python3
"""doc_sarif.py DOC SARIF - every ```json block of DOC that is one SARIF result (has
"ruleId") must be, exactly, a result of the log SARIF: keeps the docs' excerpts real."""
import json, re, sys

doc, log = sys.argv[1], json.load(open(sys.argv[2]))
results = [r for run in log['runs'] for r in run['results']]
n = 0
for body in re.findall(r'```json\n(.*?)```', open(doc).read(), re.S):
    try:
        block = json.loads(body)
    except ValueError:
        continue
    if 'ruleId' not in block:
        continue
    n += 1
    if block not in results:
        sys.exit('%s: excerpt not in the log: %s' % (doc, block['message']['text']))
print('%d excerpts checked' % n)
