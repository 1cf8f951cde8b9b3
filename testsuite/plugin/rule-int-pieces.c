// Rule: a map handle turned into integers escapes, also when it is taken apart
// without a pointer-to-integer conversion: memcpy into narrower integers, or a
// union, and put back together elsewhere.  (Narrow integer loads may carry a
// piece of a pointer.)  Ints that never held a pointer carry nothing:
// counters next to a map in a struct do not make it escape.
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

// A pointer difference is an integer from which the pointer can be rebuilt
// (gbase + gdiff): the map escapes.
void difference_to_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
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
