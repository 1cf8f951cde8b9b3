// A map kept in a struct next to an int counter, both updated by a static
// helper through a pointer to the struct: the helper writes only into the
// caller's struct and map, so the map stays on the caller's stack.
// (The store `c->dups++` writes back into *c what was read from *c: it gives
// the caller nothing new to reach.)
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefix=HEAP < %t.heap.err
#include "phase.h"

struct counter { gomap *seen; int dups; };

static void count_in(struct counter *c, int x)
{
    int *n = gomap_assign(c->seen, &x);
    if ((*n)++)
        c->dups++;
}

static int dups(const int *xs, int n)
{
    struct counter c = { gomap_make(GOMAP_TYPE(int, int), 0), 0 };
    for (int i = 0; i < n; i++)
        count_in(&c, xs[i]);
    int r = c.dups * 100 + (int)gomap_len(c.seen);
    gomap_free(c.seen);
    return r;
}

int main(void)
{
    static const int xs[] = { 3, 1, 4, 1, 5, 9, 2, 6 };
    phase("start");
    printf("dups = %d\n", dups(xs, 8));
    phase("counter");
    return 0;
}
// CHECK: dups = 107
// STACK: counter: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=1 stack_buckets=1
// HEAP: counter: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=0 stack_buckets=0
