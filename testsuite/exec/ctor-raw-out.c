// A helper that makes a map and hands it to its caller through an out-parameter
// may have the map made in the caller's storage (docs/design.md "Maps made by
// helpers").  When it writes the handle's bytes as data (memcpy, or a value
// copied out of memory holding them), the caller's object may be an integer
// (uintptr_t here) that it reads as data and turns back into a pointer kept past
// its frame.  Read as an integer, the bytes expose the map (TS 6010,
// PNVI-ae-udi), so the caller's store of the map is raw as the helper's was, and
// its integer read makes the map escape.  Before, main read dead stack memory
// (stack-use-after-return under ASan; a wrong sum or a crash without it).  Found
// by attack helpers, in the forms below.
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %s %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uintptr_t kept[7];

// CHECK: [[@LINE+1]]:26: m does not escape
static long total(gomap *m)
{
    long s = 0;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v))
        s += *(int *)k * 1000L + *(int *)v;
    return s;
}

__attribute__((noinline)) static int scribble(int depth)
{
    volatile char buf[2048];
    memset((char *)buf, 0x5a, sizeof buf);
    return depth ? scribble(depth - 1) + buf[depth] : buf[0];
}

// CHECK: [[@LINE+1]]:35: out does not escape
static void make_into_bytes(void *out, int v)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &v) = v;
    memcpy(out, &m, sizeof m);
}

struct two { gomap *m; uintptr_t u; };

// CHECK: [[@LINE+1]]:41: t does not escape
static void make_into_field(struct two *t, int v)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &v) = v;
    memcpy(&t->u, &m, sizeof m);
    t->m = NULL;
}

// The bytes copied into a local first, then stored with a typed store.
// CHECK: [[@LINE+1]]:38: out does not escape
static void make_via_local(uint64_t *out, int v)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &v) = v;
    uint64_t t[2];
    memcpy(&t[1], &m, sizeof m);
    out[0] = t[1];
}

// No memcpy: a union's pointer member written, the union stored whole (C11
// 6.5p7 allows it: the union has a uint64_t member).
union pun { gomap *p; uint64_t u; };
// CHECK: [[@LINE+1]]:34: out does not escape
static void make_via_union(void *out, int v)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &v) = v;
    union pun t;
    t.p = m;
    *(union pun *)out = t;
}

// Not a helper's map: the caller's own, whose bytes a callee moves inside the
// caller's struct (a move within *p keeps nothing, unless it writes raw bytes).
// CHECK: [[@LINE+1]]:36: leaking param content: p
static void move_bytes(struct two *p)
{
    memcpy(&p->u, &p->m, sizeof p->u);
    p->m = NULL;
}

// The same move through a local the bytes are copied to, then a typed store.
// CHECK: [[@LINE+1]]:40: leaking param content: p
static void move_via_local(struct two *p)
{
    struct { uintptr_t u; } t;
    memcpy(&t, &p->m, sizeof t);
    p->u = t.u;
    p->m = NULL;
}

// A helper's map stored typed into *p, then moved inside *p that way.
// CHECK: [[@LINE+1]]:40: leaking param content: p
static void make_then_move(struct two *p, int v)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &v) = v;
    p->m = m;
    struct { uintptr_t u; } t;
    memcpy(&t, &p->m, sizeof t);
    p->u = t.u;
    p->m = NULL;
}

__attribute__((noinline)) static void keep_moved(void)
{
    struct two t, t2;
    // CHECK: [[@LINE+1]]:11: make(map[int]int) escapes to heap
    t.m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 6;
    *(int *)gomap_assign(t.m, &k) = 6;
    move_via_local(&t);
    // CHECK: [[@LINE+1]]:5: make(map[int]int) made by make_then_move escapes to heap
    make_then_move(&t2, 8);
    kept[5] = t.u;
    kept[6] = t2.u;
}

__attribute__((noinline)) static void keep_more(void)
{
    uint64_t a, b;
    // CHECK: [[@LINE+1]]:5: make(map[int]int) made by make_via_local escapes to heap
    make_via_local(&a, 3);
    // CHECK: [[@LINE+1]]:5: make(map[int]int) made by make_via_union escapes to heap
    make_via_union(&b, 4);
    struct two t;
    // CHECK: [[@LINE+1]]:11: make(map[int]int) escapes to heap
    t.m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 5;
    *(int *)gomap_assign(t.m, &k) = 5;
    move_bytes(&t);
    kept[2] = a;
    kept[3] = b;
    kept[4] = t.u;
}

__attribute__((noinline)) static void keep_bytes(void)
{
    uintptr_t x;
    // CHECK: [[@LINE+1]]:5: make(map[int]int) made by make_into_bytes escapes to heap
    make_into_bytes(&x, 7);
    kept[0] = x;
}

__attribute__((noinline)) static void keep_field(void)
{
    struct two t;
    // CHECK: [[@LINE+1]]:5: make(map[int]int) made by make_into_field escapes to heap
    make_into_field(&t, 9);
    kept[1] = t.u;
}

int main(void)
{
    keep_bytes();
    keep_field();
    keep_more();
    keep_moved();
    scribble(8);
    // OUT: 7007 9009 3003 4004 5005 6006 8008
    printf("%ld %ld %ld %ld %ld %ld %ld\n", total((gomap *)kept[0]), total((gomap *)kept[1]),
           total((gomap *)kept[2]), total((gomap *)kept[3]), total((gomap *)kept[4]),
           total((gomap *)kept[5]), total((gomap *)kept[6]));
    for (int i = 0; i < 7; i++)
        gomap_free((gomap *)kept[i]);
    return 0;
}
