#!/usr/bin/env python3
"""chain.py - escape-clang's pointer-pieces fixpoint must stay near-linear.

    chain.py ESCAPE_CLANG RUNTIME_DIR N

writes a function whose N narrow locals copy each other in the order the
fixpoint least likes (v0 = v1; v1 = v2; ...; the last from a parameter, so each
pass over the stores in source order would learn one more local), runs
escape-clang on N and 4N copies and fails unless the CPU time at 4N stays under
12 times the time at N (+0.5 s slack for small times: linear is 4x, quadratic
16x).  Also checks the verdicts: the map stored in halves escapes.
"""
import os, resource, subprocess, sys, tempfile


def program(n):
    out = ['#include <stdint.h>', '#include <string.h>', '#include "gomap.h"',
           'uint32_t g[2];', 'void f(uint32_t p)', '{',
           '    uint32_t ' + ', '.join('v%d = 0' % i for i in range(n)) + ';',
           '    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);',     # line 8
           '    uintptr_t u;', '    memcpy(&u, &m, sizeof u);',
           '    for (int i = 0; i < 2; i++) {']
    out += ['        v%d = v%d;' % (i, i + 1) for i in range(n - 1)]
    out += ['        v%d = p ^ (uint32_t)u;' % (n - 1), '    }',
            '    uint32_t *q = &v0;', '    g[0] = *q;', '}']
    return '\n'.join(out) + '\n'


def cpu(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, p


def main():
    tool, runtime, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    times = {}
    with tempfile.TemporaryDirectory() as d:
        for size in (n, 4 * n):
            src = os.path.join(d, 'chain%d.c' % size)
            with open(src, 'w') as f:
                f.write(program(size))
            t, p = cpu([tool, '-m', src, '--', '-I' + runtime])
            want = '%s:8:16: make(map[int]int) escapes to heap' % src
            if p.returncode != 0 or want not in p.stderr.splitlines():
                sys.exit('chain %d: expected %r, got (status %d):\n%s'
                         % (size, want, p.returncode, p.stderr))
            times[size] = t
    print('cpu: %d copies %.2f s, %d copies %.2f s' % (n, times[n], 4 * n, times[4 * n]))
    if times[4 * n] > 12 * times[n] + 0.5:
        sys.exit('not near-linear: %.2f s at 4x vs %.2f s' % (times[4 * n], times[n]))
    print('chain: OK')


if __name__ == '__main__':
    main()
