// Rule: summaries carry levels and results: a helper returning what its
// parameter points to (level=1) makes the caller's map escape only if the
// caller lets the result escape; a recursive helper that returns its argument
// behaves like the identity; a call through an alias uses the aliased body; a
// call through a pointer that may be a keeping function keeps.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

gomap *g;
struct S { int a; gomap *m; };

// CHECK: {{.*}}:[[@LINE+1]]:31: leaking param: s to result ~r0 level=1
static gomap *first(struct S *s)
{
    return s->m;
}

void level1_to_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:23: make(map[int]int) escapes to heap
    struct S s = { 1, gomap_make(GOMAP_TYPE(int, int), 0) };
    g = first(&s);
}

size_t level1_used_locally(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:23: make(map[int]int) does not escape
    struct S s = { 1, gomap_make(GOMAP_TYPE(int, int), 0) };
    size_t n = gomap_len(first(&s));
    gomap_free(s.m);
    return n;
}

// CHECK: {{.*}}:[[@LINE+1]]:27: leaking param: m to result ~r0 level=0
static gomap *deep(gomap *m, int n)
{
    return n ? deep(m, n - 1) : m;
}

gomap *deep_returned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return deep(m, 3);
}

size_t deep_used_locally(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap *r = deep(m, 3);
    size_t n = gomap_len(r);
    gomap_free(r);
    return n;
}

// CHECK: {{.*}}:[[@LINE+1]]:23: leaking param: m
void real_keep(gomap *m)
{
    g = m;
}
void alias_keep(gomap *m) __attribute__((alias("real_keep")));

void calls_alias(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    alias_keep(m);
}

// CHECK: {{.*}}:[[@LINE+1]]:32: leaking param: m
static void keep_static(gomap *m)
{
    g = m;
}

// CHECK: {{.*}}:[[@LINE+1]]:34: m does not escape
static void ignore_static(gomap *m)
{
    (void)m;
}

void calls_either(int c)
{
    void (*fp)(gomap *) = c ? keep_static : ignore_static;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    fp(m);
}
