// Hostile inputs: function attributes and pragmas that clone, re-optimise or hide
// functions - target_clones (one diagnostic per source site, not per clone),
// optimize("O0") and #pragma GCC optimize("O3"), an always_inline maker (returns
// its map: heap), a noipa callee and a weak one (their bodies may not be the ones
// that run: callers keep everything, the callees' own lines stay).
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
// OUT: 5 6 7 0 0 0
#include <stdio.h>
#include "gomap.h"
__attribute__((target_clones("default", "avx2")))
size_t cloned(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i;
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}
__attribute__((optimize("O0")))
size_t at_o0(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i;
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}
#pragma GCC push_options
#pragma GCC optimize("O3", "unroll-loops")
size_t at_o3(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i;
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}
#pragma GCC pop_options
// CHECK: {{.*}}:[[@LINE+1]]:71: make(map[int]int) escapes to heap
static inline __attribute__((always_inline)) gomap *mk(void) { return gomap_make(GOMAP_TYPE(int, int), 0); }
size_t via_always_inline(void)
{
    gomap *m = mk();
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}
// CHECK: {{.*}}:[[@LINE+1]]:51: m does not escape
__attribute__((noipa)) size_t noipa_reader(gomap *m) { return gomap_len(m); }
size_t calls_noipa(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t t = noipa_reader(m);
    gomap_free(m);
    return t;
}
// CHECK: {{.*}}:[[@LINE+1]]:49: m does not escape
__attribute__((weak)) size_t weak_reader(gomap *m) { return gomap_len(m); }
size_t calls_weak(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t t = weak_reader(m);
    gomap_free(m);
    return t;
}
int main(void)
{
    size_t a = cloned(5), b = at_o0(6), c = at_o3(7), d = via_always_inline(), e = calls_noipa(), f = calls_weak();
    printf("%zu %zu %zu %zu %zu %zu\n", a, b, c, d, e, f);
    return 0;
}
