// Rule: more ways for a map handle to outlive its function - each must make the
// map escape: through a pointer to a global returned by a helper, a union with
// an integer, a malloc'd box, thread-local storage, the iterator's map field, a
// helper defined later that keeps it in a static, alloca'd memory, a
// conditional, a volatile local, a GNU nested function, a callback, an
// integer-to-pointer round trip, memcpy through a map slot, a struct returned by
// value, a struct passed by value, a key read back out of a local map.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <alloca.h>
#include <stdlib.h>
#include <string.h>
#include "gomap.h"

gomap *g;
uint64_t g64;
void *gp;
__thread gomap *tl;

static gomap **global_slot(void)
{
    return &g;
}

void via_returned_global_slot(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *global_slot() = m;
}

void via_union(void)
{
    union { gomap *m; uint64_t u; } x;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    x.m = gomap_make(GOMAP_TYPE(int, int), 0);
    g64 = x.u;
}

void via_malloc_box(void)
{
    gomap **box = malloc(sizeof *box);
    if (!box)
        return;
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    *box = gomap_make(GOMAP_TYPE(int, int), 0);
    gp = box;
}

void via_thread_local(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:10: make(map[int]int) escapes to heap
    tl = gomap_make(GOMAP_TYPE(int, int), 0);
}

void via_iterator_field(void)
{
    gomap_iter it;
    // CHECK: {{.*}}:[[@LINE+1]]:26: make(map[int]int) escapes to heap
    gomap_iter_init(&it, gomap_make(GOMAP_TYPE(int, int), 0));
    g = it.h;
}

static void keeps_later(gomap *m);

void calls_helper_defined_later(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    keeps_later(m);
}

// CHECK: {{.*}}:[[@LINE+1]]:32: leaking param: m
static void keeps_later(gomap *m)
{
    static gomap *keep;
    if (!keep)
        keep = m;
}

gomap *via_alloca(void)
{
    gomap **p = alloca(sizeof *p);
    // CHECK: {{.*}}:[[@LINE+1]]:10: make(map[int]int) escapes to heap
    *p = gomap_make(GOMAP_TYPE(int, int), 0);
    return *p;
}

gomap *via_conditional(int c)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return c ? m : NULL;
}

void via_volatile(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:25: make(map[int]int) escapes to heap
    gomap *volatile v = gomap_make(GOMAP_TYPE(int, int), 0);
    g = v;
}

void via_nested_function(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    void inner(void) { g = m; }
    inner();
}

struct callbacks { void (*fn)(gomap *); };

// CHECK: {{.*}}:[[@LINE+1]]:37: c does not escape
void via_callback(struct callbacks *c)
{
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    c->fn(gomap_make(GOMAP_TYPE(int, int), 0));
}

// The address of slot is turned into an integer: slot escapes, and the map with it.
void via_integer_address(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: &slot escapes to heap
    gomap *slot = NULL;
    uintptr_t a = (uintptr_t)&slot;
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
    *(gomap **)a = gomap_make(GOMAP_TYPE(int, int), 0);
    g = slot;
}

void via_slot_memcpy(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]gomap*) does not escape
    gomap *outer = gomap_make(GOMAP_TYPE(int, gomap*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
    gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 0;
    memcpy(gomap_assign(outer, &k), &inner, sizeof inner);
    memcpy(&g, gomap_access(outer, &k), sizeof g);
    gomap_free(outer);
}

void via_key_read_back(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[gomap*]int) does not escape
    gomap *outer = gomap_make(GOMAP_TYPE(gomap*, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
    gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(outer, &inner) = 1;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, outer);
    while (gomap_iter_next(&it, &k, &v))
        g = *(gomap **)k;
    gomap_free(outer);
}

struct S { int a; gomap *m; };

static struct S make_s(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:23: make(map[int]int) escapes to heap
    struct S s = { 1, gomap_make(GOMAP_TYPE(int, int), 0) };
    return s;
}

void via_struct_result(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:18: make(map[int]int) made by make_s escapes to heap
    struct S s = make_s();
    g = s.m;
}

static void keeps_struct(struct S s)
{
    g = s.m;
}

void via_struct_argument(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:23: make(map[int]int) escapes to heap
    struct S s = { 1, gomap_make(GOMAP_TYPE(int, int), 0) };
    keeps_struct(s);
}

// Deleting by a key never stores the key: the inner map stays, when the outer map's
// key type is known to be a pointer (the handle is hashed and compared).
void delete_by_map_key(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[gomap *]int) does not escape
    gomap *outer = gomap_make(GOMAP_TYPE(gomap *, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) does not escape
    gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap_delete(outer, &inner);
    gomap_free(inner);
    gomap_free(outer);
}

// A map of unknown type may have keys of any size: the runtime may read part of
// the handle's bytes as data (map[uint16_t]int), which rebuilds it later.
// CHECK: {{.*}}:[[@LINE+1]]:39: outer does not escape
void delete_by_map_key_unknown(gomap *outer)
{
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
    gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap_delete(outer, &inner);
    gomap_free(inner);
}

// A variadic argument escapes; a length printed does not take the map along.
void printed_pointer(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    __builtin_printf("%p\n", (void *)m);
}

void printed_length(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 3;
    *(int *)gomap_assign(m, &k) = 4;
    __builtin_printf("%zu %d\n", gomap_len(m), *(int *)gomap_access(m, &k));
    gomap_free(m);
}
