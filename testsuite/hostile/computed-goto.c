// Hostile inputs: computed goto (&&label, goto *p) around map creation.  The
// indirect jumps form a loop through the make site while the first map is still
// used: it must not share its stack slot with the next one (heap).  Taking a
// label address in a function with a plain local map changes nothing.
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
#include <stdio.h>
#include "gomap.h"

size_t computed_goto(int n)
{
    static void *const ops[] = { &&make, &&fill, &&done };
    gomap *m = NULL, *first = NULL;
    int pc = 0, i = 0;
    size_t t = 0;
    goto *ops[pc];
make:
    if (m && m != first) gomap_free(m);
    // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[int]int) escapes to heap
    m = gomap_make(GOMAP_TYPE(int, int), 0);
    if (!first) first = m;
    pc = 1;
    goto *ops[pc];
fill:
    *(int *)gomap_assign(m, &i) = i;
    t += gomap_len(first);
    pc = ++i < n ? (i % 3 == 0 ? 0 : 1) : 2;
    goto *ops[pc];
done:
    printf("first %zu last %zu same %d\n", gomap_len(first), gomap_len(m), first == m);
    if (m != first) gomap_free(m);
    gomap_free(first);
    return t;
}

static void *target;

size_t label_taken(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    target = &&out;
    int k = 4;
    *(int *)gomap_assign(m, &k) = k;
    size_t t = gomap_len(m);
    gomap_free(m);
out:
    return t;
}

int main(void)
{
    size_t a = computed_goto(7);
    size_t b = label_taken();
    printf("%zu %zu\n", a, b);
    return 0;
}
// OUT: first 3 last 1 same 0
// OUT-NEXT: 18 1
