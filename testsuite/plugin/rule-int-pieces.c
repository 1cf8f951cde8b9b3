// Rule: a map handle turned into integers escapes, also when it is taken apart
// without a pointer-to-integer conversion: memcpy into narrower integers, or a
// union, and put back together elsewhere.  (Narrow integer loads may carry a
// piece of a pointer.)  Ints that never held a pointer carry nothing:
// counters next to a map in a struct do not make it escape.  Pieces written by
// typed stores, or read by a callee, are followed too (plugin/gcc/narrow.cc,
// plugin/clang/narrow.c).
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <string.h>
#include "gomap.h"

uint64_t g64;
uint32_t g32[2];
unsigned char gbytes[8];

void halves_recombined(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uint32_t half[2];
    memcpy(half, &m, sizeof m);
    g64 = ((uint64_t)half[1] << 32) | half[0];
}

void halves_stored(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    union { gomap *m; uint32_t half[2]; } u;
    u.m = m;
    g32[0] = u.half[0];
    g32[1] = u.half[1];
}

void bytes_stored(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    unsigned char b[sizeof m];
    memcpy(b, &m, sizeof m);
    for (size_t i = 0; i < sizeof m; i++)
        gbytes[i] = b[i];
}

struct table { gomap *m; int hits; };

// CHECK: {{.*}}:[[@LINE+1]]:31: t does not escape
static void hit(struct table *t, int k)
{
    ++*(int *)gomap_assign(t->m, &k);
    t->hits++;
}

int counters_next_to_map(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:24: make(map[int]int) does not escape
    struct table t = { gomap_make(GOMAP_TYPE(int, int), 0), 0 };
    for (int i = 0; i < 4; i++)
        hit(&t, i % 2);
    int r = t.hits;
    gomap_free(t.m);
    return r;
}

char *gbase;
ptrdiff_t gdiff;
long gflag;

// A pointer difference exposes nothing (TS 6010): m - gbase of two objects is
// undefined (C11 6.5.6p9), and gbase + gdiff could only point into gbase's
// object.  The map stays.
void difference_to_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gdiff = (char *)m - gbase;
}

// A comparison gives one bit: nothing escapes.
void comparison_to_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gflag = (char *)m < gbase;
    gomap_free(m);
}

// Pieces written by ordinary typed stores into narrow fields, then read back
// narrowly: the loads carry what the stores carried.
struct halves { uint32_t lo, hi; };

void halves_typed_stores(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    struct halves h;
    h.lo = (uint32_t)u;
    h.hi = (uint32_t)(u >> 32);
    g64 = ((uint64_t)h.hi << 32) | h.lo;
}

// CHECK: {{.*}}:[[@LINE+1]]:37: p does not escape
static uint32_t low(const uint32_t *p) { return *p; }

// A pointer's bytes handed to a function that reads them in narrow pieces.
void callee_reads_pieces(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    g64 = low((const uint32_t *)&u) | (uint64_t)low((const uint32_t *)&u + 1) << 32;
}

void callee_reads_stored_pieces(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    struct halves h;
    h.lo = (uint32_t)u;
    h.hi = (uint32_t)(u >> 32);
    g64 = low(&h.lo) | (uint64_t)low(&h.hi) << 32;
}

// A callee storing a piece through a pointer: the caller may read it back.
// CHECK: {{.*}}:[[@LINE+2]]:34: h does not escape
// CHECK: {{.*}}:[[@LINE+1]]:44: leaking param: m
static void split(struct halves *h, gomap *m)
{
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    h->lo = (uint32_t)u;
    h->hi = (uint32_t)(u >> 32);
}

void callee_stores_pieces(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    struct halves h;
    split(&h, m);
    g64 = ((uint64_t)h.hi << 32) | h.lo;
}

// Counters computed from the map's length hold no piece of it.
struct counted { gomap *m; int n; };

int length_counter(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:26: make(map[int]int) does not escape
    struct counted c = { gomap_make(GOMAP_TYPE(int, int), 0), 0 };
    int k = 1;
    *(int *)gomap_assign(c.m, &k) = 2;
    c.n = (int)gomap_len(c.m) + 1;
    int r = c.n;
    gomap_free(c.m);
    return r;
}
