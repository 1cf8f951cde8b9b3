// The frame budget is a frame's, and GCC inlines after the plugin has placed the
// maps: a function holding map storage in its frame is not inlined (the plugin
// marks it noinline), or its storage (arrays of the whole body) would join the
// caller's frame once per inlined call and in every frame of a recursive caller;
// an always_inline function, which must be inlined, gets the recursive budget
// (256 bytes).  The plugin before this rule let `leaf` (40 maps with 1 KiB
// buckets, within its own 64 KiB budget) be inlined into the recursive `rec`,
// and `pinned` (always_inline) into `rec2`: both recursions overflowed the 8 MiB
// stack at depths that run without the plugin (found by an attack helper).
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 20 | %FileCheck %s --check-prefix=SMALL
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 20 | %FileCheck %s --check-prefix=SMALL
// RUN: %cc -O2 %s %plugin %gomap -o %tp2 && %tp2 600 | %FileCheck %s --check-prefix=DEEP
// RUN: %cc -O3 %s %plugin %gomap -o %tp3 && %tp3 600 | %FileCheck %s --check-prefix=DEEP
#include "gomap.h"
#include <stdio.h>
#include <stdlib.h>

struct big { char b[120]; };
#define MAP(i) { gomap *m = gomap_make(GOMAP_TYPE(int, struct big), 0); \
    ((struct big *)gomap_assign(m, &x))->b[0] = (char)(x + i); \
    s += ((struct big *)gomap_access(m, &x))->b[0] + (long)gomap_len(m); gomap_free(m); }
#define MAP8(i) MAP(i) MAP(i + 1) MAP(i + 2) MAP(i + 3) MAP(i + 4) MAP(i + 5) MAP(i + 6) MAP(i + 7)

static long leaf(int x)         /* called once: GCC would inline it into rec */
{
    long s = 0;
    MAP8(0) MAP8(8) MAP8(16) MAP8(24) MAP8(32)
    return s;
}

__attribute__((noinline)) static long rec(int n)
{
    volatile char pad[8192];    /* the stack-growth limit then allows the inlining */
    pad[n % 8192] = (char)n;
    long s = leaf(n);
    if (n > 0) s += rec(n - 1);
    return s + pad[n % 8192];
}

static inline __attribute__((always_inline)) long pinned(int x)
{
    long s = 0;
    // CHECK: [[@LINE+1]]:16: make(map[int]struct big) buckets escape to heap: stack frame limit
    gomap *a = gomap_make(GOMAP_TYPE(int, struct big), 0);
    // CHECK: [[@LINE+1]]:16: make(map[int]struct big) buckets escape to heap: stack frame limit
    gomap *b = gomap_make(GOMAP_TYPE(int, struct big), 0);
    // CHECK: [[@LINE+1]]:16: make(map[int]struct big) escapes to heap
    gomap *c = gomap_make(GOMAP_TYPE(int, struct big), 0);
    ((struct big *)gomap_assign(a, &x))->b[0] = 1;
    ((struct big *)gomap_assign(b, &x))->b[0] = 2;
    ((struct big *)gomap_assign(c, &x))->b[0] = 3;
    s += (long)(gomap_len(a) + gomap_len(b) + gomap_len(c));
    gomap_free(a); gomap_free(b); gomap_free(c);
    MAP8(0) MAP8(8) MAP8(16) MAP8(24) MAP8(32)
    return s;
}

__attribute__((noinline)) static long rec2(int n)
{
    long s = pinned(n);
    if (n > 0) s += rec2(n - 1);
    return s;
}

int main(int argc, char **argv)
{
    int d = argc > 1 ? atoi(argv[1]) : 10;
    printf("rec %ld\n", rec(d));
    printf("rec2 %ld\n", rec2(d));
    return 0;
}
// SMALL: rec [[R:-?[0-9]+]]
// SMALL-NEXT: rec2 {{[0-9]+}}
// DEEP: rec [[R:-?[0-9]+]]
// DEEP-NEXT: rec2 {{[0-9]+}}
