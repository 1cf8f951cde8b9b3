// Maps that escape in subtle ways, used after the function that made them has
// returned: through a returned struct, an out-parameter, another map that
// escapes, a helper that returns its argument, a global iterator, a memcpy'd
// array, a map kept across loop iterations.  Compiled with the plugin and run
// with detect_stack_use_after_return, a map wrongly put on the stack is a
// stack-use-after-return report and the test fails.  Every map here escapes the
// function that makes it; main keeps the seven its helpers return or store
// through their out-parameters, and with the plugin five of them are made in
// main's frame (the helpers' clones take main's storage, docs/design.md "Maps
// made by helpers"); the rest are on the heap.  The two via_memcpy hands out as
// raw bytes (memcpy) are raw in main's pair too, whose address main passes to a
// call: bytes another function could read as data, so they stay on the heap.
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
// RUN: %FileCheck %s --check-prefix=STATS < %t.heap.err
#include <string.h>
#include "phase.h"
#include "maps.h"

static gomap *filled(int n, int base)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++) {
        int v = base + i;
        *(int *)gomap_assign(m, &i) = v;
    }
    return m;
}

struct holder { int tag; gomap *m; };

static struct holder via_struct(void)
{
    struct holder h = { 7, NULL };
    h.m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 3; i++)
        *(int *)gomap_assign(h.m, &i) = 10 * i;
    return h;
}

static void via_out_param(gomap **out)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 4; i++)
        *(int *)gomap_assign(m, &i) = 100 + i;
    *out = m;
}

// The inner maps escape because the outer one does.
static gomap *via_outer_map(void)
{
    gomap *outer = gomap_make(GOMAP_TYPE(int, gomap*), 0);
    for (int i = 0; i < 3; i++) {
        gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
        for (int j = 0; j <= i; j++)
            *(int *)gomap_assign(inner, &j) = i + j;
        *(gomap **)gomap_assign(outer, &i) = inner;
    }
    return outer;
}

static gomap *identity(gomap *m) { return m; }

static gomap *via_helper(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 5;
    *(int *)gomap_assign(m, &k) = 55;
    return identity(m);
}

static gomap_iter giter;

static void iterator_to_global(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 5; i++)
        *(int *)gomap_assign(m, &i) = i * i;
    gomap_iter_init(&giter, m);
}

static void via_memcpy(gomap **dst)
{
    gomap *tmp[2];
    tmp[0] = filled(2, 40);
    tmp[1] = gomap_make(GOMAP_TYPE(int, int), 0);
    memcpy(dst, tmp, sizeof tmp);
}

// Each iteration's map is kept for the next one: one call site, two live maps.
static long across_iterations(int n)
{
    gomap *prev = NULL;
    long s = 0;
    for (int i = 0; i < n; i++) {
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        *(int *)gomap_assign(m, &i) = i;
        if (prev)
            s += total(prev) + (long)gomap_len(m);
        gomap_free(prev);
        prev = m;
    }
    s += total(prev);
    gomap_free(prev);
    return s;
}

// Scribble over the stack so a dangling stack map would be overwritten even
// without the sanitizer.
static int scribble(int depth)
{
    volatile char buf[4096];
    memset((char *)buf, 0x5a, sizeof buf);
    return depth ? scribble(depth - 1) + buf[depth] : buf[0];
}

int main(void)
{
    phase("start");
    gomap *a = filled(6, 1);
    struct holder h = via_struct();
    gomap *o = NULL;
    via_out_param(&o);
    gomap *outer = via_outer_map();
    gomap *hm = via_helper();
    iterator_to_global();
    gomap *pair[2];
    via_memcpy(pair);
    long across = across_iterations(5);
    scribble(8);

    printf("returned: len=%zu total=%ld\n", gomap_len(a), total(a));
    printf("struct: tag=%d len=%zu total=%ld\n", h.tag, gomap_len(h.m), total(h.m));
    printf("out-param: len=%zu total=%ld\n", gomap_len(o), total(o));
    long inner_sum = 0;
    for (int i = 0; i < 3; i++)
        inner_sum += total(*(gomap **)gomap_access(outer, &i));
    printf("outer map: len=%zu inner total=%ld\n", gomap_len(outer), inner_sum);
    int five = 5;
    printf("helper: %d\n", *(int *)gomap_access(hm, &five));
    gomap *gm = giter.h;    /* the iterator forgets its map at the end */
    long it_sum = 0;
    void *k, *v;
    while (gomap_iter_next(&giter, &k, &v))
        it_sum += *(int *)v;
    printf("global iterator: sum=%ld\n", it_sum);
    printf("memcpy: %zu %zu total=%ld\n", gomap_len(pair[0]), gomap_len(pair[1]),
           total(pair[0]));
    printf("across iterations: %ld\n", across);

    gomap_free(a);
    gomap_free(h.m);
    gomap_free(o);
    for (int i = 0; i < 3; i++)
        gomap_free(*(gomap **)gomap_access(outer, &i));
    gomap_free(outer);
    gomap_free(hm);
    gomap_free(gm);
    gomap_free(pair[0]);
    gomap_free(pair[1]);
    phase("escaping");
    return 0;
}
// CHECK: returned: len=6 total=15021
// CHECK: struct: tag=7 len=3 total=3030
// CHECK: out-param: len=4 total=6406
// CHECK: outer map: len=3 inner total=4012
// CHECK: helper: 55
// CHECK: global iterator: sum=30
// CHECK: memcpy: 2 0 total=1081
// CHECK: across iterations: 10014
//
// STATS: escaping: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=0 stack_buckets=0
// STACK: escaping: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=5 stack_buckets=5
