// Maps made in loops (one per iteration), in recursive calls (one per frame,
// passed down to the callees), and kept in structs handed to static helpers
// (more in struct-counter.c) stay on the stack with the plugin; a map kept across iterations escapes.
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
// RUN: %FileCheck %s --check-prefix=HEAP < %t.heap.err
#include "phase.h"

static long per_iteration(int n)
{
    long s = 0;
    for (int i = 0; i < n; i++) {
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        for (int j = 0; j < 5; j++) {
            int v = i * j;
            *(int *)gomap_assign(m, &j) = v;
        }
        int three = 3;
        s += *(int *)gomap_access(m, &three);
        gomap_free(m);
    }
    return s;
}

// Each frame makes a map, fills it from its parent's map and recurses.
static long descend(const gomap *parent, int depth)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, (gomap *)parent);
    while (gomap_iter_next(&it, &k, &v)) {
        int nv = *(int *)v + depth;
        *(int *)gomap_assign(m, k) = nv;
    }
    *(int *)gomap_assign(m, &depth) = depth;
    long s = depth > 0 ? descend(m, depth - 1) : 0;
    int zero = 0;
    int *z = gomap_access(m, &zero);
    s += (long)gomap_len(m) * 100 + (z ? *z : 0);
    gomap_free(m);
    return s;
}

// A map in a local struct handed to a static helper that fills it.
struct table { const char *name; gomap *m; };

static void fill(struct table *t, const int *xs, int n)
{
    for (int i = 0; i < n; i++)
        ++*(int *)gomap_assign(t->m, &xs[i]);
}

static size_t struct_helper(const int *xs, int n)
{
    struct table t = { "t", gomap_make(GOMAP_TYPE(int, int), 0) };
    fill(&t, xs, n);
    size_t r = gomap_len(t.m);
    gomap_free(t.m);
    return r;
}

// The previous iteration's map is read by the next one: it escapes.
static long kept_across(int n)
{
    gomap *prev = NULL;
    long s = 0;
    for (int i = 0; i < n; i++) {
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        *(int *)gomap_assign(m, &i) = i;
        s += (long)gomap_len(prev);
        gomap_free(prev);
        prev = m;
    }
    gomap_free(prev);
    return s;
}

int main(void)
{
    phase("start");
    printf("per_iteration(50) = %ld\n", per_iteration(50));
    phase("loop");
    gomap *root = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 100;
    *(int *)gomap_assign(root, &k) = 1;
    printf("descend(6) = %ld\n", descend(root, 6));
    gomap_free(root);
    phase("recursion");
    static const int xs[] = { 3, 1, 4, 1, 5, 9, 2, 6 };
    printf("struct_helper = %zu\n", struct_helper(xs, 8));
    phase("struct");
    printf("kept_across(10) = %ld\n", kept_across(10));
    phase("kept");
    return 0;
}
// CHECK: per_iteration(50) = 3675
// CHECK: descend(6) = 3500
// CHECK: struct_helper = 7
// CHECK: kept_across(10) = 9
//
// STACK: loop: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=50 stack_buckets=50
// STACK: recursion: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=8 stack_buckets=8
// STACK: struct: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=1 stack_buckets=1
// STACK: kept: heap_allocs=[[K:[1-9][0-9]*]] heap_frees=[[K]] heap_bytes=0 stack_maps=0 stack_buckets=0
// HEAP: loop: heap_allocs=[[L:[1-9][0-9]*]] heap_frees=[[L]] heap_bytes=0 stack_maps=0 stack_buckets=0
// HEAP: recursion: heap_allocs=[[R:[1-9][0-9]*]] heap_frees=[[R]] heap_bytes=0 stack_maps=0 stack_buckets=0
// HEAP: struct: heap_allocs=[[S:[1-9][0-9]*]] heap_frees=[[S]] heap_bytes=0 stack_maps=0 stack_buckets=0
// HEAP: kept: heap_allocs=[[K:[1-9][0-9]*]] heap_frees=[[K]] heap_bytes=0 stack_maps=0 stack_buckets=0
