// Maps made by one call site in a loop and alive at the same time: stored into
// a map made before the loop, kept through a pointer to an outer variable, kept
// across the back edge of an irreducible loop.  One stack slot per call site
// cannot hold them: a wrong stack decision makes every entry share one map (the
// values below come out wrong) or reads a freed frame (ASan reports it).
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack0.err
#include "phase.h"

static long outer_holds_inner(int n)
{
    gomap *outer = gomap_make(GOMAP_TYPE(int, gomap*), 0);
    for (int i = 0; i < n; i++) {
        gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
        *(int *)gomap_assign(inner, &i) = i * 10;
        *(gomap **)gomap_assign(outer, &i) = inner;
    }
    long s = 0;
    for (int i = 0; i < n; i++) {
        gomap *inner = *(gomap **)gomap_access(outer, &i);
        int *v = gomap_access(inner, &i);
        s += (v ? *v : -1000) + 1000 * (long)gomap_len(inner);
        gomap_free(inner);
    }
    gomap_free(outer);
    return s;
}

static long through_pointer(int n)
{
    gomap *keep = NULL;
    gomap **pp = &keep;
    long s = 0;
    for (int i = 0; i < n; i++) {
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        *(int *)gomap_assign(m, &i) = i;
        if (*pp) {
            int prev = i - 1;
            int *v = gomap_access(*pp, &prev);
            s += (long)gomap_len(*pp) * 100 + (v ? *v : -1000);
            gomap_free(*pp);
        }
        *pp = m;
    }
    gomap_free(keep);
    return s;
}

static long irreducible(int n, int c)
{
    gomap *prev = NULL;
    long s = 0;
    int i = 0;
    if (c)
        goto B;
A:
    ;
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &i) = i;
    if (prev) {
        int k = i - 1;
        int *v = gomap_access(prev, &k);
        s += v ? *v : -1000;
        gomap_free(prev);
    }
    prev = m;
B:
    if (++i < n)
        goto A;
    gomap_free(prev);
    return s;
}

int main(int argc, char **argv)
{
    (void)argv;
    phase("start");
    printf("outer_holds_inner(5) = %ld\n", outer_holds_inner(5));
    printf("through_pointer(5) = %ld\n", through_pointer(5));
    printf("irreducible(6, entry B) = %ld\n", irreducible(6, argc > 0));
    printf("irreducible(6, entry A) = %ld\n", irreducible(6, argc == 0));
    phase("hazards");
    return 0;
}
// CHECK: outer_holds_inner(5) = 5100
// CHECK: through_pointer(5) = 406
// CHECK: irreducible(6, entry B) = 10
// CHECK: irreducible(6, entry A) = 10
// Only the map made before the loop in outer_holds_inner may be on the stack.
// STACK: hazards: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=1 stack_buckets=1
