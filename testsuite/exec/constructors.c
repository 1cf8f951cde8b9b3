// Maps made by helpers (docs/design.md "Maps made by helpers"): a caller that
// keeps a helper's map gives its storage (the helper's clone takes it), at -O0
// and -O2, with and without inlining.  Each phase shows what the runtime did:
// with the plugin, 0 heap allocations for the helpers' maps the callers keep
// (a helper used locally, nested helpers, out-parameter helpers), the heap for
// the same helpers' maps that outlive the caller (returned, stored globally,
// kept across loop iterations, under setjmp/longjmp).  A second unit built
// without the plugin (Inputs/ctor-other.c) calls the public helpers and keeps
// their maps in globals: the original symbols still make them on the heap.
// Everything is used after scribbling over the stack, under ASan with
// detect_stack_use_after_return: a map wrongly in a dead frame is reported.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs -c %S/Inputs/ctor-other.c -o %t.other.o
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.other.o %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.other.o %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.other.o %t.rt/*.o -o %t.stack0
// RUN: %cc -O2 -fno-inline %asan -I %S/Inputs %s %plugin %t.other.o %t.rt/*.o -o %t.stackni
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: %t.stackni > %t.stackni.out 2> %t.stackni.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: diff %t.heap.out %t.stackni.out
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack0.err
// RUN: %FileCheck %s --check-prefix=STACK < %t.stackni.err
// RUN: %FileCheck %s --check-prefix=HEAP < %t.heap.err
#include <setjmp.h>
#include <string.h>
#include "phase.h"
#include "maps.h"

static gomap *counter_new(void)
{
    return gomap_make(GOMAP_TYPE(int, int), 0);
}

// public: also called by the unit without the plugin
gomap *pub_new(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 70;
    return m;
}

static gomap *wc_make(void)
{
    gomap *m = counter_new();
    int k = 3;
    *(int *)gomap_assign(m, &k) = 30;
    return m;
}

struct index { gomap *by_id; gomap *by_name; int n; };

void index_init(struct index *ix)
{
    ix->by_id = gomap_make(GOMAP_TYPE(int, int), 0);
    ix->by_name = gomap_make(GOMAP_TYPE(int, int), 0);
    ix->n = 0;
}

struct db { int tag; struct index ix; };
static void db_init(struct db *d)
{
    d->tag = 1;
    index_init(&d->ix);
}

static NOINL long fill_sum(gomap *m, int n)
{
    for (int i = 0; i < n; i++)
        *(int *)gomap_assign(m, &i) = 10 * i;
    return total(m);
}

// ---- callers that keep the map: the caller's storage ----

static NOINL long local_use(void)
{
    gomap *m = counter_new();
    long s = fill_sum(m, 5);
    gomap_free(m);
    return s;
}

static NOINL long nested(void)
{
    gomap *m = wc_make();
    long s = fill_sum(m, 2) + total(m);
    gomap_free(m);
    return s;
}

static NOINL long out_param(void)
{
    struct index ix;
    index_init(&ix);
    long s = fill_sum(ix.by_id, 3) + fill_sum(ix.by_name, 4);
    gomap_free(ix.by_id);
    gomap_free(ix.by_name);
    return s;
}

static NOINL long nested_out(void)
{
    struct db d;
    db_init(&d);
    long s = fill_sum(d.ix.by_id, 2) + fill_sum(d.ix.by_name, 6) + d.tag;
    gomap_free(d.ix.by_id);
    gomap_free(d.ix.by_name);
    return s;
}

static NOINL long in_loop(int n)
{
    long s = 0;
    for (int i = 0; i < n; i++) {
        gomap *m = counter_new();
        s += fill_sum(m, i + 1);
        gomap_free(m);
    }
    return s;
}

// ---- the same helpers, maps that outlive the caller: the heap ----
// (except pass_on's and in_struct's: they hand their helpers' maps on to main,
// which keeps them, so those two are made in main's frame: "outlive" phase)

static NOINL gomap *pass_on(void)
{
    gomap *m = counter_new();
    fill_sum(m, 4);
    return m;
}

static gomap *global_map;
static NOINL void store_global(void)
{
    global_map = wc_make();
}

// The helper also keeps the map itself.
static gomap *leaked;
static gomap *leaky_new(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    leaked = m;
    return m;
}

static NOINL long use_leaky(void)
{
    gomap *m = leaky_new();
    return fill_sum(m, 3);
}

// Called twice in a loop, both maps kept.
static NOINL long twice(gomap **out)
{
    for (int i = 0; i < 2; i++)
        out[i] = counter_new();
    return fill_sum(out[0], 2) + fill_sum(out[1], 3);
}

// setjmp in the caller, longjmp from a callee after the map was made: the map
// is read after the second return of setjmp.
static jmp_buf jb;
static NOINL void jump(gomap *m) { fill_sum(m, 2); longjmp(jb, 1); }
static NOINL long with_longjmp(gomap **out)
{
    gomap *volatile m = NULL;
    if (setjmp(jb)) {
        *out = m;
        return total(m);
    }
    m = counter_new();
    jump(m);
    return -1;
}

struct holder { gomap *m; int tag; };
static NOINL struct holder in_struct(void)
{
    struct holder h = { NULL, 5 };
    h.m = pub_new();
    return h;
}

static int scribble(int depth)
{
    volatile char buf[4096];
    memset((char *)buf, 0x5a, sizeof buf);
    return depth ? scribble(depth - 1) + buf[depth] : buf[0];
}

extern gomap *other_map;
extern struct index other_ix;
void other_unit_keeps(void);

int main(void)
{
    phase("start");
    printf("local: %ld\n", local_use());
    phase("local");
    printf("nested: %ld\n", nested());
    phase("nested");
    printf("out-param: %ld\n", out_param());
    phase("out-param");
    printf("nested out-param: %ld\n", nested_out());
    phase("nested-out");
    printf("loop: %ld\n", in_loop(4));
    phase("loop");

    gomap *p = pass_on();
    store_global();
    long lk = use_leaky();
    gomap *two[2];
    long tw = twice(two);
    gomap *lj = NULL;
    long jl = with_longjmp(&lj);
    struct holder h = in_struct();
    other_unit_keeps();
    scribble(8);
    printf("returned: %ld\n", total(p));
    printf("global: %ld\n", total(global_map));
    printf("leaky: %ld %ld\n", lk, total(leaked));
    printf("twice: %ld %ld %ld\n", tw, total(two[0]), total(two[1]));
    printf("longjmp: %ld %ld\n", jl, total(lj));
    printf("struct: %d %ld\n", h.tag, total(h.m));
    printf("other unit: %ld %zu %zu\n", total(other_map), gomap_len(other_ix.by_id),
           gomap_len(other_ix.by_name));
    gomap_free(p);
    gomap_free(global_map);
    gomap_free(leaked);
    gomap_free(two[0]);
    gomap_free(two[1]);
    gomap_free(lj);
    gomap_free(h.m);
    gomap_free(other_map);
    gomap_free(other_ix.by_id);
    gomap_free(other_ix.by_name);
    phase("outlive");
    return 0;
}
// CHECK: local: 10100
// CHECK: nested: 8080
// CHECK: out-param: 9090
// CHECK: nested out-param: 16161
// CHECK: loop: 10100
// CHECK: returned: 6060
// CHECK: global: 3030
// CHECK: leaky: 3030 3030
// CHECK: twice: 4040 1010 3030
// CHECK: longjmp: 1010 1010
// CHECK: struct: 5 7070
// CHECK: other unit: 7070 0 0
//
// STACK: local: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=1 stack_buckets=1
// STACK: nested: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=1 stack_buckets=1
// STACK: out-param: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=2 stack_buckets=2
// STACK: nested-out: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=2 stack_buckets=2
// STACK: loop: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=4 stack_buckets=4
// STACK: outlive: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=2 stack_buckets=2
// HEAP: local: heap_allocs={{[1-9][0-9]*}} {{.*}} stack_maps=0 stack_buckets=0
// HEAP: outlive: heap_allocs=[[B:[1-9][0-9]*]] heap_frees=[[B]] heap_bytes=0 stack_maps=0 stack_buckets=0
