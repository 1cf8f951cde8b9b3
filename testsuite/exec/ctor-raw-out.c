// A helper that makes a map and hands it to its caller through an out-parameter
// may have the map made in the caller's storage (docs/design.md "Maps made by
// helpers"), but not when it writes the handle's bytes with memcpy: the caller's
// object may be an integer (uintptr_t here) that it reads as data and turns back
// into a pointer kept past its frame.  Read as an integer, the bytes expose the
// map (TS 6010, PNVI-ae-udi); the caller's analysis sees only the helper's
// summary, and raw marks do not cross calls, so such a map goes to the heap.
// With the map in the caller's frame, main read dead stack memory
// (stack-use-after-return under ASan; a wrong sum or a crash without it).
// Found by an attack helper, in both forms below.
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

static uintptr_t kept[2];

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

__attribute__((noinline)) static void keep_bytes(void)
{
    uintptr_t x;
    make_into_bytes(&x, 7);
    kept[0] = x;
}

__attribute__((noinline)) static void keep_field(void)
{
    struct two t;
    make_into_field(&t, 9);
    kept[1] = t.u;
}

int main(void)
{
    keep_bytes();
    keep_field();
    scribble(8);
    // OUT: 7007 9009
    printf("%ld %ld\n", total((gomap *)kept[0]), total((gomap *)kept[1]));
    gomap_free((gomap *)kept[0]);
    gomap_free((gomap *)kept[1]);
    return 0;
}
