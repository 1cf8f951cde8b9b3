// Deep recursion with maps in every frame: C stacks do not grow, so functions
// in a recursive cycle get only recursive-frame-limit (256) bytes of map
// storage per frame.  rec() makes three maps per frame (map[int]int twice,
// map[int64_t]v120 once: 1488 bytes if all went on the stack); with the limit
// only the first fits (176 bytes).  The recursion runs 8000 deep on a thread
// with a 4 MiB stack: it fits with the limit, it would not without it.  Plain
// -O2 without sanitizers: ASan's fake frames would blur the stack use.
//
// RUN: %cc -O2 -I %S/Inputs %s %root/runtime/*.c -lpthread -o %t.heap
// RUN: %cc -O2 -I %S/Inputs %s %plugin %root/runtime/*.c -lpthread -o %t.stack
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefix=HEAP < %t.heap.err
#include <pthread.h>
#include "phase.h"

typedef struct { char b[120]; } v120;

static long rec(int d)
{
    if (d == 0)
        return 0;
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap *c = gomap_make(GOMAP_TYPE(int64_t, v120), 0);
    *(int *)gomap_assign(a, &d) = d;
    *(int *)gomap_assign(b, &d) = 2 * d;
    int64_t k = d;
    ((v120 *)gomap_assign(c, &k))->b[0] = (char)(d & 0x3f);
    long r = *(int *)gomap_access(a, &d) + *(int *)gomap_access(b, &d) +
             ((v120 *)gomap_access(c, &k))->b[0] + rec(d - 1);
    gomap_free(a);
    gomap_free(b);
    gomap_free(c);
    return r;
}

static void *run(void *arg)
{
    *(long *)arg = rec(8000);
    return NULL;
}

int main(void)
{
    pthread_attr_t attr;
    pthread_t t;
    long result = 0;
    phase("start");
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 4u << 20);
    if (pthread_create(&t, &attr, run, &result) || pthread_join(t, NULL))
        return 1;
    printf("rec(8000) = %ld\n", result);
    phase("recursion");
    return 0;
}
// CHECK: rec(8000) = 96264000
// One map per frame on the stack, header and bucket: 8000; the others on the heap.
// STACK: recursion: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=8000 stack_buckets=8000
// HEAP: recursion: heap_allocs=[[B:[1-9][0-9]*]] heap_frees=[[B]] heap_bytes=0 stack_maps=0 stack_buckets=0
