#!/usr/bin/env python3
"""report_check.py static|browser DIR FILE.json... - check build/escape-report's page
DIR/index.html against the JSON records it was made from.

static:  every -m verdict of the records (not in a system header; parameters that
         are named pointers) is an element .verdict with its position and message;
         the page loads nothing from elsewhere (no src/href to another document,
         no <link>, no external script).
browser: the same on the DOM headless chromium builds (--dump-dom), with a click
         handler bound on every verdict (body[data-bound]); then the page opened as
         index.html#select=ID for an escaping map with a flow path: the fragment
         clicks it, so the DOM must show it selected, every hop's source line marked
         .hop with its badge, and the path listed in the side panel; then a
         screenshot must not be one colour.
Prints a few summary lines for FileCheck."""
import html.parser, json, os, struct, subprocess, sys, tempfile, zlib


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.els, self.stack, self.body, self.external = {}, [], {}, []
        self.verdicts, self.hopitems, self.badges = [], [], []
        self.cur = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get('class') or '').split()
        if tag == 'body':
            self.body = a
        if tag == 'link' or (tag == 'script' and a.get('src')):
            self.external.append(tag)
        for k in ('src', 'href'):
            if a.get(k) and not a[k].startswith('#'):
                self.external.append('%s=%s' % (k, a[k]))
        if 'id' in a:
            self.els[a['id']] = cls
        if 'verdict' in cls:
            self.verdicts.append(a)
        if 'badge' in cls or 'hopitem' in cls:
            self.cur = (cls, [])
        self.stack.append(tag)

    def handle_data(self, data):
        if self.cur:
            self.cur[1].append(data)

    def handle_endtag(self, tag):
        if self.cur and tag in ('span', 'li'):
            (self.badges if 'badge' in self.cur[0] else self.hopitems).append(''.join(self.cur[1]))
            self.cur = None


def parse(text):
    p = Page()
    p.feed(text)
    return p


def expected(paths):
    want = set()
    for path in paths:
        for u in json.load(open(path, encoding='utf-8')):
            for d in u['decisions']:
                if d.get('system_header') or not d.get('file'):
                    continue
                if d['kind'] == 'param' and not (d['is_pointer'] and d['name']):
                    continue
                for m in d['messages']:
                    want.add(('%s:%d:%d' % (d['file'], d['line'], d['col']), m))
    return want


def check_verdicts(page, want, what):
    got = {(v.get('data-pos'), v.get('data-msg')) for v in page.verdicts}
    missing = sorted(want - got)
    if missing:
        sys.exit('%s: %d verdicts missing, first: %s' % (what, len(missing), missing[0]))
    print('%s: %d verdicts, every one shown' % (what, len(want)))


def chromium(*args):
    with tempfile.TemporaryDirectory() as prof:
        p = subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu',
                            '--no-first-run', '--user-data-dir=' + prof] + list(args),
                           capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        sys.exit('chromium failed (%d):\n%s' % (p.returncode, p.stderr[-2000:]))
    return p.stdout


def png_colours(path):
    """The number of distinct pixels of an 8-bit RGB/RGBA PNG (whatever the filters)."""
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat, w = 8, b'', None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype = struct.unpack('>IIBB', chunk[:10])
            assert depth == 8 and ctype in (2, 6), 'unexpected PNG format'
            bpp = 3 if ctype == 2 else 4
        elif kind == b'IDAT':
            idat += chunk
        pos += 12 + n
    raw, stride = zlib.decompress(idat), w * bpp
    prev, colours = bytearray(stride), set()
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 4 == 0:
            colours.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp * 2))
        prev = line
    return colours


def main():
    mode, d, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    index = os.path.abspath(os.path.join(d, 'index.html'))
    want = expected(paths)
    static = parse(open(index, encoding='utf-8').read())
    if mode == 'static':
        if static.external:
            sys.exit('the page loads from elsewhere: %s' % static.external)
        check_verdicts(static, want, 'page')
        return
    url = 'file://' + index
    dom = parse(chromium('--dump-dom', url))
    check_verdicts(dom, want, 'DOM')
    if dom.body.get('data-bound') != str(len(dom.verdicts)):
        sys.exit('click handlers bound on %s of %d verdicts'
                 % (dom.body.get('data-bound'), len(dom.verdicts)))
    print('DOM: a click handler on every verdict')
    sites = [v for v in static.verdicts if v['data-kind'] == 'map'
             and 'heap' in v['class'].split() and json.loads(v['data-hops'])]
    if not sites:
        sys.exit('no escaping map with a flow path in the records')
    site = max(sites, key=lambda v: len({h['id'] for h in json.loads(v['data-hops'])}))
    hops = json.loads(site['data-hops'])
    sel = parse(chromium('--dump-dom', url + '#select=' + site['id']))
    if sel.body.get('data-selected') != site['id'] or 'selected' not in sel.els.get(site['id'], []):
        sys.exit('#select=%s did not select it' % site['id'])
    for i, hop in enumerate(hops):
        if hop['id'] and 'hop' not in sel.els.get(hop['id'], []):
            sys.exit('hop %d (%s) not marked' % (i + 1, hop['id']))
    if sel.hopitems != [h['text'] for h in hops]:
        sys.exit('panel path %s, want %s' % (sel.hopitems, [h['text'] for h in hops]))
    if len(sel.badges) != sum(1 for h in hops if h['id']):
        sys.exit('%d hop badges for %d hops' % (len(sel.badges), len(hops)))
    print('select %s: %s: %d hops marked' % (site['data-pos'], site['data-msg'], len(hops)))
    for h in hops:
        print('  ' + h['text'])
    with tempfile.TemporaryDirectory() as t:
        png = os.path.join(t, 'shot.png')
        chromium('--hide-scrollbars', '--window-size=1000,700', '--screenshot=' + png,
                 url + '#select=' + site['id'])
        n = len(png_colours(png))
    if n < 8:
        sys.exit('screenshot has %d colours: blank page?' % n)
    print('screenshot: not blank')


main()
