// A helper's map kept for its caller (docs/design.md "Maps made by helpers")
// holds another map of the helper, a slot of one, or a slot of itself: the caller
// models the call as handing it the outer map, not what that map already holds,
// so what it reads back out (a map handle, a value pointer) must not be in its
// frame.  The helper's walk from its result or out-parameter goes on through an
// output's storage marking the path inner: a map whose address is reached there
// escapes (the outer one too, when it holds a slot of itself).  The plugin before
// this rule made every such map the caller's (stack-use-after-return in main at
// -O0..-O3 and -flto; found by an attack helper); the outer maps below stay the
// callers'.  (The inner maps kept only as slot pointers cannot be freed: no leak
// check.)
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %s %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdio.h>
#include <string.h>

#define NOINL __attribute__((noinline))

__attribute__((noinline)) static int scribble(int depth)
{
    volatile char buf[2048];
    memset((char *)buf, 0x5a, sizeof buf);
    return depth ? scribble(depth - 1) + buf[depth] : buf[0];
}

// The inner map's handle, returned inside the outer map.
static NOINL gomap *outer_holds_map(int x)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]gomap *) escapes to heap
    gomap *a = gomap_make(GOMAP_TYPE(int, gomap *), 0);
    // CHECK: [[@LINE+1]]:16: make(map[int]long) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, long), 0);
    int k = 1;
    *(long *)gomap_assign(b, &k) = x;
    *(gomap **)gomap_assign(a, &k) = b;
    return a;
}

// A value slot of the inner map, through an out-parameter.
// CHECK: [[@LINE+1]]:44: out does not escape
static NOINL void outer_holds_slot(gomap **out, int x)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]long *) escapes to heap
    gomap *a = gomap_make(GOMAP_TYPE(int, long *), 0);
    // CHECK: [[@LINE+1]]:16: make(map[int]long) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, long), 0);
    int k = 1;
    *(long *)gomap_assign(b, &k) = x;
    *(long **)gomap_assign(a, &k) = gomap_access(b, &k);
    *out = a;
}

// A slot of the map itself (a[1] = &a[2]).
static NOINL gomap *holds_own_slot(long x)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]long) escapes to heap
    gomap *a = gomap_make(GOMAP_TYPE(int, long), 0);
    int k1 = 1, k2 = 2;
    *(long *)gomap_assign(a, &k2) = x;
    *(long *)gomap_assign(a, &k1) = (long)gomap_access(a, &k2);
    return a;
}

static gomap *kept_map;
static long *kept_slot, *kept_own;

// CHECK: [[@LINE+1]]:37: leaking param content: a
static NOINL void keep_inner(gomap *a)
{
    int k = 1;
    kept_map = *(gomap **)gomap_access(a, &k);
}

static NOINL void c1(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]gomap *) made by outer_holds_map does not escape
    gomap *a = outer_holds_map(41);
    keep_inner(a);
    gomap_free(a);
}

static NOINL void c2(void)
{
    gomap *a;
    // CHECK: [[@LINE+1]]:5: make(map[int]long *) made by outer_holds_slot does not escape
    outer_holds_slot(&a, 42);
    int k = 1;
    kept_slot = *(long **)gomap_access(a, &k);
    gomap_free(a);
}

static NOINL void c3(void)
{
    gomap *a = holds_own_slot(43);
    int k = 1;
    kept_own = (long *)*(long *)gomap_access(a, &k);
}

int main(void)
{
    c1();
    c2();
    c3();
    scribble(8);
    int k = 1;
    // OUT: 41 42 43
    printf("%ld %ld %ld\n", *(long *)gomap_access(kept_map, &k), *kept_slot, *kept_own);
    return 0;
}
