// A pointer into a map's storage that outlives the function keeps the map
// alive: a slot from gomap_assign and a key pointer from the iterator are
// returned, the map itself is not, and the caller reads through them after
// scribbling over the stack.  Run with detect_stack_use_after_return, a map
// wrongly put on the stack is reported.  A slot is the map's own storage, so the
// maps are the helpers' outputs: with the plugin they are made in main's frame,
// which outlives the reads (docs/design.md "Maps made by helpers").  The maps cannot be freed (only a slot
// pointer survives), so leak detection is off for this program.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.heap > %t.heap.out 2> %t.heap.err
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.stack > %t.stack.out 2> %t.stack.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefix=STATS < %t.heap.err
#include <string.h>
#include "phase.h"

static long *slot_of(int key)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, long), 0);
    for (int i = 0; i < 4; i++)
        *(long *)gomap_assign(m, &i) = 1000L + i;
    return gomap_assign(m, &key);
}

static const int *first_key(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 42;
    *(int *)gomap_assign(m, &k) = 1;
    gomap_iter it;
    void *key = NULL, *val;
    gomap_iter_init(&it, m);
    gomap_iter_next(&it, &key, &val);
    return key;
}

static int scribble(int depth)
{
    volatile char buf[4096];
    memset((char *)buf, 0x5a, sizeof buf);
    return depth ? scribble(depth - 1) + buf[depth] : buf[0];
}

int main(void)
{
    phase("start");
    long *s = slot_of(2);
    const int *k = first_key();
    scribble(8);
    printf("slot: %ld\n", *s);
    printf("key: %d\n", *k);
    phase("slots");
    return 0;
}
// CHECK: slot: 1002
// CHECK: key: 42
// STATS: slots: heap_allocs={{[1-9][0-9]*}} heap_frees=0 heap_bytes={{[1-9][0-9]*}} stack_maps=0 stack_buckets=0
// STACK: slots: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=2 stack_buckets=2
