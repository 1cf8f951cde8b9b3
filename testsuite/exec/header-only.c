// Maps that do not escape but whose first bucket may not go on the stack - a
// key+value size over 128 bytes or a constant hint above 8 - get only their
// header on the stack; the buckets come from the runtime and gomap_free gives
// them back.  A hint known only at run time that fits one bucket uses the
// stack bucket; a descriptor known only at run time gets only the header.
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
#include <string.h>
#include "phase.h"

typedef struct { char b[192]; } v192;

static int big_kv(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int64_t, v192), 0);
    for (int64_t i = 0; i < 5; i++)
        memset(((v192 *)gomap_assign(m, &i))->b, 'A' + (int)i, sizeof(v192));
    int64_t four = 4;
    int r = ((v192 *)gomap_access(m, &four))->b[191];
    gomap_free(m);
    return r;
}

static long big_hint(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 100);
    for (int i = 0; i < 100; i++)
        *(int *)gomap_assign(m, &i) = i;
    long s = 0;
    for (int i = 0; i < 100; i++)
        s += *(int *)gomap_access(m, &i);
    gomap_free(m);
    return s;
}

static size_t runtime_hint(size_t hint)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), hint);
    for (int i = 0; i < 6; i++)
        *(int *)gomap_assign(m, &i) = i;
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

// A descriptor chosen at run time: sizes unknown at compile time, so only the
// header goes on the stack.
static const gomap_type *pick(int c)
{
    return c ? GOMAP_TYPE(int, int) : GOMAP_TYPE(int, long);
}

static size_t unresolved(int c)
{
    gomap *m = gomap_make(pick(c), 0);
    for (int i = 0; i < 3; i++)
        gomap_assign(m, &i);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

int main(int argc, char **argv)
{
    (void)argv;
    phase("start");
    printf("big_kv = %c\n", big_kv());
    phase("kv");
    printf("big_hint = %ld\n", big_hint());
    phase("hint");
    printf("runtime_hint = %zu\n", runtime_hint((size_t)argc + 2));
    phase("runtime-hint");
    printf("unresolved = %zu\n", unresolved(argc));
    phase("unresolved");
    return 0;
}
// CHECK: big_kv = E
// CHECK: big_hint = 4950
// CHECK: runtime_hint = 6
// CHECK: unresolved = 3
//
// STACK: kv: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=1 stack_buckets=0
// STACK: hint: heap_allocs=[[B:[1-9][0-9]*]] heap_frees=[[B]] heap_bytes=0 stack_maps=1 stack_buckets=0
// STACK: runtime-hint: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=1 stack_buckets=1
// STACK: unresolved: heap_allocs=[[D:[1-9][0-9]*]] heap_frees=[[D]] heap_bytes=0 stack_maps=1 stack_buckets=0
// HEAP: kv: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=0 stack_buckets=0
// HEAP: hint: heap_allocs=[[B:[1-9][0-9]*]] heap_frees=[[B]] heap_bytes=0 stack_maps=0 stack_buckets=0
// HEAP: runtime-hint: heap_allocs=[[C:[1-9][0-9]*]] heap_frees=[[C]] heap_bytes=0 stack_maps=0 stack_buckets=0
// HEAP: unresolved: heap_allocs=[[D:[1-9][0-9]*]] heap_frees=[[D]] heap_bytes=0 stack_maps=0 stack_buckets=0
