// Rule: the stack storage the rewrite adds to one function is bounded (64 KiB):
// sites are served in source order, header (96 bytes) first, then the first
// bucket; when a bucket no longer fits the map keeps only its header on the
// stack ("stack frame limit"), when a header no longer fits it goes to the heap.
// With max-kv-size=256, map[k128]v128 has 2064-byte buckets: 30 full sites take
// 64800 bytes, sites 31-37 get only their header (64800 + 7 * 96 = 65472), and
// sites 38 and 39 go to the heap.  Another function starts with a fresh budget.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-max-kv-size=256 -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-max-kv-size=256 -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m --max-kv-size=256 %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

typedef struct { char b[128]; } k128;
typedef struct { char b[128]; } v128;

// CHECK: {{.*}}:[[@LINE+1]]:26: m does not escape
static size_t use(gomap *m)
{
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

size_t many_sites(void)
{
    size_t t = 0;
    gomap *m;
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 1
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 2
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 3
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 4
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 5
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 6
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 7
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 8
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 9
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 10
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 11
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 12
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 13
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 14
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 15
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 16
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 17
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 18
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 19
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 20
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 21
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 22
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 23
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 24
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 25
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 26
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 27
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 28
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 29
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) does not escape
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 30
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) buckets escape to heap: stack frame limit
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 31
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) buckets escape to heap: stack frame limit
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 32
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) buckets escape to heap: stack frame limit
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 33
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) buckets escape to heap: stack frame limit
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 34
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) buckets escape to heap: stack frame limit
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 35
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) buckets escape to heap: stack frame limit
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 36
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) buckets escape to heap: stack frame limit
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 37
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) escapes to heap
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 38
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[k128]v128) escapes to heap
    m = gomap_make(GOMAP_TYPE(k128, v128), 0); t += use(m);   // site 39
    return t;
}

// A fresh budget.
size_t next_function(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[k128]v128) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(k128, v128), 0);
    return use(m);
}
