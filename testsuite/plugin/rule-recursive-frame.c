// Rule: C stacks do not grow, so a function that is part of a recursive cycle
// of the unit's call graph (itself, or through other functions) may add only
// recursive-frame-limit bytes (default 256) of map storage per frame instead of
// the usual 64 KiB; past it the usual reasons apply: a bucket that does not fit
// is "stack frame limit", a header that does not fit goes to the heap.
// map[int]int costs 96 + 80 = 176 bytes, map[int64_t]v120 96 + 1040.
// The second pair of RUN lines raises the limit to 1024.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,R256 --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,R256 --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,R256 --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-recursive-frame-limit=1024 -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,R1024 --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-recursive-frame-limit=1024 -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,R1024 --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

typedef struct { char b[120]; } v120;

// CHECK: {{.*}}:[[@LINE+1]]:26: m does not escape
static long probe(gomap *m, int k)
{
    int *v = gomap_access(m, &k);
    return v ? *v : 0;
}

long walk(int d)
{
    if (d == 0)
        return 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // R256: {{.*}}:[[@LINE+2]]:16: make(map[int]int) escapes to heap
    // R1024: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(a, &d) = d;
    *(int *)gomap_assign(b, &d) = -d;
    long r = probe(a, d) + probe(b, d) + walk(d - 1);
    gomap_free(a);
    gomap_free(b);
    return r;
}

long walk_big(int d)
{
    if (d == 0)
        return 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int64_t]v120) buckets escape to heap: stack frame limit
    gomap *m = gomap_make(GOMAP_TYPE(int64_t, v120), 0);
    long r = (long)gomap_len(m) + walk_big(d - 1);
    gomap_free(m);
    return r;
}

// Mutual recursion: both functions are in the cycle.
long odd_walk(int d);
long even_walk(int d)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // R256: {{.*}}:[[@LINE+2]]:16: make(map[int]int) escapes to heap
    // R1024: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    long r = (long)(gomap_len(a) + gomap_len(b)) + (d > 0 ? odd_walk(d - 1) : 0);
    gomap_free(a);
    gomap_free(b);
    return r;
}
long odd_walk(int d)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    long r = (long)gomap_len(a) + (d > 0 ? even_walk(d - 1) : 0);
    gomap_free(a);
    return r;
}

// Not recursive (it only calls recursive functions): the usual 64 KiB budget.
long not_recursive(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int64_t]v120) does not escape
    gomap *c = gomap_make(GOMAP_TYPE(int64_t, v120), 0);
    long r = (long)(gomap_len(a) + gomap_len(b) + gomap_len(c)) + walk(3) + even_walk(3);
    gomap_free(a);
    gomap_free(b);
    gomap_free(c);
    return r;
}
