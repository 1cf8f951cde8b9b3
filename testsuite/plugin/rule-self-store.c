// Rule: a store into *p of a value read from *p, p a pointer parameter, gives
// the caller nothing it could not reach already (Go's self-assignment rule,
// one object: rule-self-assign.c has the deeper levels); any other value stored through a
// parameter leaks, including one that only may come from a local.  (GCC stores
// `c ? p->y : m` as one temporary, so the plugin cannot see its self part;
// escape-clang stores each source: see docs/frontends.md, "one store per
// source".)
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CLANG --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

struct P { gomap *x; gomap *y; };

// CHECK: {{.*}}:[[@LINE+1]]:26: p does not escape
void self_copy(struct P *p)
{
    p->x = p->y;
}

// The map stored into the caller's struct escapes; copying it around inside
// that struct afterwards changes nothing.
// CHECK: {{.*}}:[[@LINE+1]]:32: p does not escape
void local_into_self(struct P *p)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    p->y = m;
    p->x = p->y;
}

// Either the caller's own value or a fresh map: the map escapes.
// GCC: {{.*}}:[[@LINE+2]]:22: leaking param content: p
// CLANG: {{.*}}:[[@LINE+1]]:22: p does not escape
void mixed(struct P *p, int c)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    p->x = c ? p->y : m;
}

// Read through a pointer that is p or a local struct: not a self-store.
// CHECK: {{.*}}:[[@LINE+1]]:30: leaking param content: p
void through_alias(struct P *p, int c)
{
    struct P local;
    // CHECK: {{.*}}:[[@LINE+1]]:15: make(map[int]int) escapes to heap
    local.y = gomap_make(GOMAP_TYPE(int, int), 0);
    struct P *q = c ? p : &local;
    p->x = q->y;
}

// A value of one parameter stored through another leaks.
// CHECK: {{.*}}:[[@LINE+2]]:21: leaking param content: a
// CHECK: {{.*}}:[[@LINE+1]]:34: leaking param content: b
void swap(struct P *a, struct P *b)
{
    gomap *t = a->x;
    a->x = b->x;
    b->x = t;
}

// The caller's local struct handed to self_copy keeps its map.
size_t caller_of_self_copy(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:26: make(map[int]int) does not escape
    struct P p = { NULL, gomap_make(GOMAP_TYPE(int, int), 0) };
    self_copy(&p);
    size_t n = gomap_len(p.x);
    gomap_free(p.y);
    return n;
}
