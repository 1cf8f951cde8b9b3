// Hostile inputs: irreducible control flow (a cycle entered in its middle by a
// goto), which GCC's loop tree does not describe as a natural loop.  A map made
// in the cycle and kept (first) while the same site makes the next one must not
// share its stack slot with it: heap, as for a loop.
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O0 %s %plugin %asan %root/runtime/*.c -o %t.on0 && %t.on0 > %t.on0.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: diff %t.on0.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
// OUT: first 1 last 1 same 0
// OUT-NEXT: first 1 last 1 same 0
// OUT-NEXT: 401 301 4 5
#include <stdio.h>
#include "gomap.h"
size_t irreducible(int n, int enter_mid)
{
    gomap *first = NULL, *m = NULL;
    int i = 0;
    size_t t = 0;
    if (enter_mid) goto mid;
top:
    if (m && m != first) gomap_free(m);
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[int]int) escapes to heap
    m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &i) = i;
    if (!first) first = m;
mid:
    i++;
    if (first) t += gomap_len(first) * 100 + (first == m);
    if (i < n) goto top;
    printf("first %zu last %zu same %d\n", gomap_len(first), gomap_len(m), first == m);
    if (m != first) gomap_free(m);
    gomap_free(first);
    return t;
}
size_t irreducible2(int n, int enter_mid)
{
    gomap *first = NULL;
    int i = 0;
    size_t t = 0;
    if (enter_mid) goto mid;
    for (;;) {
        {
            // CHECK: {{.*}}:[[@LINE+1]]:24: make(map[int]int) escapes to heap
            gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
            *(int *)gomap_assign(m, &i) = i;
            if (!first) first = m; else gomap_free(m);
        }
    mid:
        if (++i >= n) break;
        t += gomap_len(first);
    }
    t += gomap_len(first);
    gomap_free(first);
    return t;
}
int main(void)
{
    size_t a = irreducible(4, 0), b = irreducible(4, 1), c = irreducible2(5, 1), d = irreducible2(5, 0);
    printf("%zu %zu %zu %zu\n", a, b, c, d);
    return 0;
}
