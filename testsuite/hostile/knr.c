// Hostile inputs: K&R (old-style) definitions, compiled as gnu89 and gnu11.
// Their parameters get the same summaries as prototyped ones.
// RUN: %cc -std=gnu89 -Wno-old-style-definition -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
#include <stdio.h>
#include "gomap.h"

static gomap *kept;

// CHECK: {{.*}}:[[@LINE+3]]:13: p does not escape
int kr_store(n, p)
    int n;
    gomap **p;
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &n) = n;
    if (n > 5) *p = m;
    else gomap_free(m);
    return n;
}

// CHECK: {{.*}}:[[@LINE+2]]:12: m does not escape
size_t kr_len(m)
    gomap *m;
{
    return gomap_len(m);
}

// CHECK: {{.*}}:[[@LINE+2]]:12: leaking param: m
void kr_keep(m)
    gomap *m;
{
    kept = m;
}

int kr_local(n)
    int n;
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int i;
    for (i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i;
    n = (int)kr_len(m);
    gomap_free(m);
    return n;
}

int kr_leak(n)
    int n;
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &n) = n;
    kr_keep(m);
    return (int)gomap_len(m);
}

int main(void)
{
    gomap *out = 0;
    int a = kr_store(7, &out), b = kr_local(4), c = kr_leak(3);
    printf("%d %d %zu\n", a, b, gomap_len(out));
    printf("%d %zu\n", c, gomap_len(kept));
    gomap_free(out);
    gomap_free(kept);
    return 0;
}
// OUT: 7 4 1
// OUT-NEXT: 1 1
