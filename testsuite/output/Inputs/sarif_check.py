#!/usr/bin/env python3
"""sarif_check.py SCHEMA LOG.sarif [MLINES] - validate a SARIF log against the SARIF
2.1.0 JSON schema (vendored beside this script, draft-04; python3-jsonschema) and
check what the schema cannot: every result's rule is the rule at its ruleIndex, its
level is the rule's (note for "does not escape", else warning), every codeFlow
location is a hop with a message.  Print one line per result for FileCheck:
  RULE LEVEL URI:LINE:COL: MESSAGE
  |  hop URI:LINE:COL: TEXT            (each codeFlow location)
With MLINES (a file of -m lines, FILE:LINE:COL: MESSAGE), also check that the
results are exactly the -m lines that are not flow lines."""
import json, sys
import jsonschema

schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2], encoding='utf-8'))
jsonschema.Draft4Validator.check_schema(schema)
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
if errors:
    sys.exit('schema: %d errors, first: %s' % (len(errors), errors[0]))


def where(loc):
    p = loc.get('physicalLocation')
    if not p:
        return '<unknown>'
    r = p.get('region', {})
    return '%s:%s:%s' % (p['artifactLocation']['uri'], r.get('startLine'), r.get('startColumn'))


got = []
for run in log['runs']:
    rules = run['tool']['driver']['rules']
    assert run['originalUriBaseIds']['%SRCROOT%']['uri'].startswith('file:///')
    assert run['originalUriBaseIds']['%SRCROOT%']['uri'].endswith('/')
    for res in run['results']:
        rule = rules[res['ruleIndex']]
        assert rule['id'] == res['ruleId'], res
        want = 'note' if 'does-not-escape' in rule['id'] else 'warning'
        assert res['level'] == want == rule['defaultConfiguration']['level'], res
        loc = res['locations'][0]
        print('%s %s %s: %s' % (res['ruleId'], res['level'], where(loc), res['message']['text']))
        r = loc['physicalLocation']['region']
        got.append('%s:%d:%d: %s' % (loc['physicalLocation']['artifactLocation']['uri'],
                                     r['startLine'], r['startColumn'], res['message']['text']))
        for cf in res.get('codeFlows', []):
            for tf in cf['threadFlows']:
                assert tf['locations'], res
                for hop in tf['locations']:
                    print('|  hop %s: %s' % (where(hop['location']),
                                             hop['location']['message']['text']))
if len(sys.argv) > 3:
    want = [l.rstrip('\n') for l in open(sys.argv[3])
            if ': ' in l and not l.split(': ', 1)[1].startswith(' ')]
    want = [l[2:] if l.startswith('./') else l for l in want]
    if got != want:
        sys.exit('SARIF results and -m lines differ:\n%s\n---\n%s' % ('\n'.join(got), '\n'.join(want)))
