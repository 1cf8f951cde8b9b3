#!/usr/bin/env python3
"""escape-report - a static HTML report of the escape analysis' decisions.

    escape-report -o DIR FILE.json...

Reads the JSON records that -fplugin-arg-escape-json=PATH (or escape-clang
--json=PATH) wrote (docs/json.md: each file an array of unit documents) and writes
DIR/index.html, one self-contained page (inline CSS and JavaScript, no network):

  - per source file, a summary table per function: gomap_make sites, how many are
    on the stack (whole, or header only with the buckets on the heap), on the heap,
    the share with the header on the stack, leaking parameters, and the reasons
    (the last hop of each escape's flow, the reason a bucket is on the heap);
  - the source, each line with a verdict marked: stack (green), bucket on heap
    (amber), heap (red), parameters and escaping addresses likewise, each verdict
    with its -m message under its line;
  - clicking a verdict selects it: the lines of its flow path (-m=2's hops) are
    marked in the source hop by hop, numbered, and the path is listed in the side
    panel (a hop there scrolls to its line); a file that only a flow path goes
    through (a header) is shown too, without a summary of its own.  The URL fragment #select=ID (ID a verdict's element id) clicks it when
    the page loads, so a selection can be linked to.

Only what -m prints is shown: decisions in system headers and parameters that are
not named pointers are left out.  Sources are read relative to each unit's
working directory (its "cwd"); a source that cannot be read is listed without its
text.  Exit status 2 for bad arguments or an unreadable or malformed JSON file.
"""
import argparse
import html
import json
import os
import sys

KIND_CLASS = {  # (kind, placement/verdict) -> CSS class of the mark
    'stack': 'stack', 'stack-hmap': 'bucket', 'heap': 'heap',
}


def fail(msg):
    print('escape-report: ' + msg, file=sys.stderr)
    sys.exit(2)


def load(paths):
    units = []
    for p in paths:
        try:
            with open(p, encoding='utf-8') as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            fail('cannot read %s: %s' % (p, e))
        if isinstance(doc, dict):       # a single unit document
            doc = [doc]
        if not isinstance(doc, list) or not all(isinstance(u, dict) and 'decisions' in u
                                                for u in doc):
            fail('%s: not a JSON record of the escape plugin (docs/json.md)' % p)
        units.extend(doc)
    return units


def verdicts(units):
    """Every -m verdict: (abs path, shown name, decision, message, class, flow)."""
    out, seen = [], set()
    for u in units:
        cwd = u.get('cwd') or os.getcwd()
        for d in u['decisions']:
            if d.get('system_header') or not d.get('file'):
                continue
            if d['kind'] not in ('map', 'param', 'var'):
                continue                # a specialised call: no -m verdict
            if d['kind'] == 'param' and (not d.get('is_pointer') or not d.get('name')):
                continue
            if d['kind'] == 'var' and not d.get('name'):
                continue
            path = os.path.normpath(os.path.join(cwd, d['file']))
            msgs = d.get('messages') or [d.get('verdict', '')]
            flows = [path_hops(d, 'flow', 'hops')]
            if d['kind'] == 'param':
                heap, res = d.get('heap_level', -1), d.get('result_level', -1)
                flows = []
                if heap < 0 and res < 0:
                    flows.append([])
                if heap >= 0:
                    flows.append(path_hops(d, 'flow', 'hops'))
                if res >= 0:
                    flows.append(path_hops(d, 'result_flow', 'result_hops'))
            for i, msg in enumerate(msgs):
                flow = flows[i] if i < len(flows) else []
                if d['kind'] == 'map':
                    cls = KIND_CLASS.get(d.get('placement'), 'heap')
                elif d['kind'] == 'param':
                    cls = 'stack' if msg.endswith('does not escape') else 'heap'
                else:
                    cls = 'heap'
                key = (path, d['line'], d['col'], msg)
                if key in seen:         # the same header seen by several units
                    continue
                seen.add(key)
                hops = []
                for h in flow:
                    hf = h.get('file')
                    hops.append({
                        'path': os.path.normpath(os.path.join(cwd, hf)) if hf else None,
                        'name': hf, 'line': h.get('line'), 'col': h.get('col'),
                        'why': h['why'], 'text': h['text']})
                out.append({'path': path, 'name': d['file'], 'd': d, 'msg': msg,
                            'cls': cls, 'hops': hops})
    out.sort(key=lambda v: (v['path'], v['d']['line'], v['d']['col'],
                            ['map', 'param', 'var'].index(v['d']['kind'])))
    return out


def path_hops(d, key, hkey):
    """A path as -m=2 prints it: [{'text', 'file', 'line', 'col'}] per hop, at the
    position of its last note.  Records with "hops" (folded, docs/json.md) use
    them; older records have only the raw steps of "flow", one hop each."""
    out = []
    if hkey in d:
        for h in d[hkey] or []:
            notes = h.get('notes') or []
            text = h['flow'] + ''.join(
                '%s from %s (%s)%s' % (':' if i == 0 else ',', n.get('what'), n.get('why'),
                                       ' at ' + n['pos'] if n.get('pos') else '')
                for i, n in enumerate(notes))
            at = next((n for n in reversed(notes) if n.get('file')), {})
            out.append({'text': text, 'file': at.get('file'), 'line': at.get('line'),
                        'col': at.get('col'), 'why': notes[-1].get('why') if notes else None})
        return out
    for h in d.get(key) or []:
        ops = '&' if h.get('derefs', 0) < 0 else '*' * max(h.get('derefs', 0), 0)
        t = 'flow: %s = %s%s' % (h.get('dst'), ops, h.get('src'))
        if h.get('why'):
            t += ': from %s (%s)' % (h.get('what') or h.get('src'), h['why'])
        if h.get('pos'):
            t += ' at ' + h['pos']
        out.append({'text': t, 'file': h.get('file'), 'line': h.get('line'),
                    'col': h.get('col'), 'why': h.get('why')})
    return out


def summary(vs):
    """Rows per function: sites, stack, bucket, heap, params, leaking, reasons."""
    rows = {}
    for v in vs:
        d = v['d']
        r = rows.setdefault(d.get('function') or '?', {
            'maps': 0, 'stack': 0, 'bucket': 0, 'heap': 0, 'params': 0, 'leaking': 0,
            'reasons': {}, 'line': d['line']})
        r['line'] = min(r['line'], d['line'])
        reason = None
        if d['kind'] == 'map':
            r['maps'] += 1
            r[v['cls']] += 1
            if v['cls'] == 'bucket':
                reason = 'buckets: ' + (d.get('reason') or '?')
            elif v['cls'] == 'heap':
                reason = 'heap: ' + (v['hops'][-1]['why'] if v['hops'] and v['hops'][-1]['why']
                                     else d.get('reason') or 'escapes')
        elif d['kind'] == 'param' and v['msg'] == (d.get('messages') or [v['msg']])[0]:
            r['params'] += 1            # once per parameter, by its first line
            if v['cls'] == 'heap':
                r['leaking'] += 1
        if reason:
            r['reasons'][reason] = r['reasons'].get(reason, 0) + 1
    return sorted(rows.items(), key=lambda kv: kv[1]['line'])


CSS = """
html,body{height:100%}
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fafafa;
 display:flex;flex-direction:column}
header{background:#223;color:#fff;padding:10px 18px;flex:none}
header h1{font-size:18px;margin:0}
.cols{flex:1;display:flex;min-height:0}
main{flex:1;overflow:auto;padding:0 18px;min-width:0}
#panel{order:2;flex:none;width:340px;overflow:auto;background:#fff;
 border-left:1px solid #ccc;padding:10px;font-size:13px}
#panel h2{font-size:15px;margin:4px 0}
#panel ol{padding-left:22px}
#panel li{margin:4px 0;font-family:monospace;font-size:12px}
#panel li[data-line]{cursor:pointer;text-decoration:underline dotted}
section.file{background:#fff;border:1px solid #ddd;border-radius:6px;margin:14px 0;padding:8px 12px}
section.file h2{font-size:16px;margin:4px 0 8px;font-family:monospace}
table.summary{border-collapse:collapse;margin-bottom:10px;font-size:13px}
table.summary th,table.summary td{border:1px solid #ddd;padding:3px 8px;text-align:right}
table.summary td.fn,table.summary td.why,table.summary th{text-align:left}
table.summary tr.total td{font-weight:bold;background:#f3f3f3}
.src{font-family:monospace;font-size:13px;white-space:pre;overflow-x:auto}
.ln{display:block;padding-left:4px;border-left:5px solid transparent}
.ln .no{display:inline-block;width:44px;color:#999;text-align:right;margin-right:10px;user-select:none}
.ln.m-stack{border-left-color:#2a2;background:#eef9ee}
.ln.m-bucket{border-left-color:#d90;background:#fdf6e3}
.ln.m-heap{border-left-color:#d33;background:#fdecec}
.ln.hop{outline:2px solid #36c;background:#e6efff}
.ln .badge{display:inline-block;background:#36c;color:#fff;border-radius:8px;padding:0 6px;
 margin-right:8px;font-size:11px}
.verdict{display:block;margin:1px 0 3px 64px;padding:1px 6px;border-radius:4px;cursor:pointer;
 white-space:pre-wrap;font-size:12px;width:fit-content}
.stack.verdict,.stack.key{background:#d8f3d8}.bucket.verdict,.bucket.key{background:#fbe6b3}
.heap.verdict,.heap.key{background:#f8cccc}
.verdict.selected{outline:2px solid #36c}
.legend span{padding:1px 6px;border-radius:4px;margin-right:6px}
.nosrc{color:#a00}
"""

JS = """
(function(){
  var current=null;
  function clear(){
    document.querySelectorAll('.ln.hop').forEach(function(e){e.classList.remove('hop');});
    document.querySelectorAll('.ln .badge').forEach(function(e){e.remove();});
    document.querySelectorAll('.verdict.selected').forEach(function(e){e.classList.remove('selected');});
  }
  function select(el){
    clear();
    current=el; el.classList.add('selected');
    var hops=JSON.parse(el.getAttribute('data-hops')||'[]');
    var panel=document.getElementById('flow');
    panel.innerHTML='';
    var h=document.createElement('h2');
    h.textContent=el.getAttribute('data-pos')+': '+el.getAttribute('data-msg');
    panel.appendChild(h);
    if(!hops.length){var p=document.createElement('p');
      p.textContent='No flow path: nothing takes it out of its function.';
      p.className='noflow';panel.appendChild(p);}
    var ol=document.createElement('ol'); ol.className='path';
    hops.forEach(function(hp,i){
      var li=document.createElement('li'); li.className='hopitem';
      li.textContent=hp.text; ol.appendChild(li);
      if(hp.id){li.setAttribute('data-line',hp.id);li.addEventListener('click',function(){
        var ln=document.getElementById(hp.id); if(ln&&ln.scrollIntoView) ln.scrollIntoView({block:'center'});});}
      if(hp.id){var ln=document.getElementById(hp.id);
        if(ln){ln.classList.add('hop');var b=document.createElement('span');
          b.className='badge';b.textContent='hop '+(i+1);
          ln.insertBefore(b,ln.firstChild.nextSibling);}}
    });
    panel.appendChild(ol);
    document.body.setAttribute('data-selected',el.id);
    if(el.scrollIntoView) el.scrollIntoView({block:'center'});
  }
  function onclick(ev){ select(ev.currentTarget);
    if(history.replaceState) history.replaceState(null,'','#select='+ev.currentTarget.id); }
  function fromHash(){
    var m=/^#select=(.+)$/.exec(location.hash);
    if(!m) return;
    var el=document.getElementById(decodeURIComponent(m[1]));
    if(el && el!==current) el.click();
  }
  document.addEventListener('DOMContentLoaded',function(){
    var n=0;
    document.querySelectorAll('.verdict').forEach(function(e){e.addEventListener('click',onclick);n++;});
    document.body.setAttribute('data-bound',String(n));
    window.addEventListener('hashchange',fromHash);
    fromHash();
  });
})();
"""


def render(vs, files_order, names):
    esc = html.escape
    out = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
           '<title>escape report</title><style>%s</style><script>%s</script></head><body>'
           % (CSS, JS)]
    nmaps = sum(1 for v in vs if v['d']['kind'] == 'map')
    nstack = sum(1 for v in vs if v['d']['kind'] == 'map' and v['cls'] != 'heap')
    out.append('<header><h1>escape report</h1><div>%d files, %d gomap_make sites, %d with '
               'the header on the stack (%s)</div></header>'
               % (len(files_order), nmaps, nstack, pct(nstack, nmaps)))
    out.append('<div class="cols"><div id="panel"><div class="legend"><span class="key stack">stack</span>'
               '<span class="key bucket">bucket on heap</span>'
               '<span class="key heap">heap</span></div>'
               '<p>Click a verdict to see its flow path.</p><div id="flow"></div></div><main>')
    vid = 0
    for fi, path in enumerate(files_order):
        fvs = [v for v in vs if v['path'] == path]
        name = names[path]
        out.append('<section class="file" id="file%d" data-file="%s"><h2>%s</h2>'
                   % (fi, esc(name), esc(name)))
        if not fvs:
            out.append('<p class="nosum">no verdicts here: a file flow paths go through</p>')
        else:
            out.append('<table class="summary"><tr><th>function</th><th>maps</th><th>stack</th>'
                       '<th>bucket on heap</th><th>heap</th><th>header on stack</th>'
                       '<th>pointer params</th><th>leaking</th><th>reasons</th></tr>')
            tot = {'maps': 0, 'stack': 0, 'bucket': 0, 'heap': 0, 'params': 0, 'leaking': 0}
            for fn, r in summary(fvs):
                for k in tot:
                    tot[k] += r[k]
                why = '; '.join('%s%s' % (k, ' &times;%d' % n if n > 1 else '')
                                for k, n in ((esc(k), n) for k, n in sorted(r['reasons'].items())))
                out.append('<tr class="fn"><td class="fn">%s</td><td>%d</td><td>%d</td><td>%d</td>'
                           '<td>%d</td><td>%s</td><td>%d</td><td>%d</td><td class="why">%s</td></tr>'
                           % (esc(fn), r['maps'], r['stack'], r['bucket'], r['heap'],
                              pct(r['stack'] + r['bucket'], r['maps']), r['params'], r['leaking'],
                              why))
            out.append('<tr class="total"><td class="fn">all</td><td>%d</td><td>%d</td><td>%d</td>'
                       '<td>%d</td><td>%s</td><td>%d</td><td>%d</td><td></td></tr></table>'
                       % (tot['maps'], tot['stack'], tot['bucket'], tot['heap'],
                          pct(tot['stack'] + tot['bucket'], tot['maps']), tot['params'],
                          tot['leaking']))
        try:
            with open(path, encoding='utf-8', errors='replace') as f:
                lines = f.read().split('\n')
            if lines and lines[-1] == '':
                lines.pop()
        except OSError:
            lines = None
            out.append('<p class="nosrc">source %s not found: verdicts only</p>' % esc(path))
        by_line = {}
        for v in fvs:
            by_line.setdefault(v['d']['line'], []).append(v)
        shown = range(1, len(lines) + 1) if lines is not None else sorted(by_line)
        out.append('<div class="src">')
        for ln in shown:
            here = by_line.get(ln, [])
            worst = ''
            for v in here:
                if v['d']['kind'] == 'map' or v['cls'] == 'heap' or not worst:
                    rank = {'stack': 0, 'bucket': 1, 'heap': 2}
                    if not worst or rank[v['cls']] > rank[worst]:
                        worst = v['cls']
            text = lines[ln - 1] if lines is not None and ln <= len(lines) else ''
            out.append('<span class="ln%s" id="f%d-L%d"><span class="no">%d</span>%s</span>'
                       % (' m-' + worst if worst else '', fi, ln, ln, esc(text.expandtabs(8))))
            for v in here:
                vid += 1
                d = v['d']
                pos = '%s:%d:%d' % (v['name'], d['line'], d['col'])
                hops = []
                for h in v['hops']:
                    hid = None
                    if h['path'] in files_order and h['line']:
                        hid = 'f%d-L%d' % (files_order.index(h['path']), h['line'])
                    hops.append({'text': h['text'], 'id': hid})
                out.append('<span class="verdict %s" id="v%d" data-kind="%s" data-pos="%s" '
                           'data-msg="%s" data-function="%s" data-hops="%s">%s: %s</span>'
                           % (v['cls'], vid, d['kind'], esc(pos), esc(v['msg']),
                              esc(d.get('function') or ''), esc(json.dumps(hops)), esc(pos),
                              esc(v['msg'])))
        out.append('</div></section>')
    out.append('</main></div></body></html>\n')
    return ''.join(out)


def pct(a, b):
    return '%d%%' % round(100.0 * a / b) if b else '-'


def main():
    ap = argparse.ArgumentParser(prog='escape-report',
                                 description='HTML report of escape JSON records')
    ap.add_argument('-o', dest='out', required=True, help='output directory')
    ap.add_argument('json', nargs='+', help='JSON record files (json=PATH)')
    a = ap.parse_args()
    vs = verdicts(load(a.json))
    files_order, names = [], {}
    for v in vs:
        if v['path'] not in files_order:
            files_order.append(v['path'])
            names[v['path']] = v['name']
    for v in vs:                        # files only flow paths go through (headers)
        for h in v['hops']:
            if h['path'] and h['path'] not in files_order and os.path.isfile(h['path']):
                files_order.append(h['path'])
                names[h['path']] = h['name']
    try:
        os.makedirs(a.out, exist_ok=True)
        tmp = os.path.join(a.out, '.index.html.tmp')
        with open(tmp, 'w', encoding='utf-8') as f:
            f.write(render(vs, files_order, names))
        os.replace(tmp, os.path.join(a.out, 'index.html'))
    except OSError as e:
        fail('cannot write %s: %s' % (os.path.join(a.out, 'index.html'), e))
    print('escape-report: %s: %d verdicts in %d files'
          % (os.path.join(a.out, 'index.html'), len(vs), len({v['path'] for v in vs})))


if __name__ == '__main__':
    main()
