// Hostile inputs: variable-length arrays and alloca next to maps.  Maps made in a
// loop into a VLA or alloca array outlive the iteration (the loop rule): heap.
// A single map beside a VLA, or held in an alloca slot, stays on the stack.
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
#include <alloca.h>
#include <stdio.h>
#include "gomap.h"

size_t vla(int n)
{
    gomap *ms[n];
    // CHECK: {{.*}}:[[@LINE+1]]:41: make(map[int]int) escapes to heap
    for (int i = 0; i < n; i++) ms[i] = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t t = 0;
    for (int i = 0; i < n; i++) {
        *(int *)gomap_assign(ms[i], &i) = i;
        t += gomap_len(ms[i]);
    }
    for (int i = 0; i < n; i++) gomap_free(ms[i]);
    return t;
}

size_t vla_beside(int n)
{
    int keys[n];
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++) {
        keys[i] = i * 3;
        *(int *)gomap_assign(m, &keys[i]) = i;
    }
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}

size_t with_alloca(int n)
{
    gomap **ms = alloca(sizeof *ms * (size_t)n);
    // CHECK: {{.*}}:[[@LINE+1]]:41: make(map[int]int) escapes to heap
    for (int i = 0; i < n; i++) ms[i] = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t t = 0;
    for (int i = 0; i < n; i++) {
        t += gomap_len(ms[i]) + 1;
        gomap_free(ms[i]);
    }
    return t;
}

size_t alloca_holder(void)
{
    gomap **slot = alloca(sizeof *slot);
    // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int]int) does not escape
    *slot = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(*slot, &k) = 1;
    size_t t = gomap_len(*slot);
    gomap_free(*slot);
    return t;
}

int main(void)
{
    size_t a = vla(3), b = vla_beside(5), c = with_alloca(4), d = alloca_holder();
    printf("%zu %zu %zu %zu\n", a, b, c, d);
    return 0;
}
// OUT: 3 5 4 1
