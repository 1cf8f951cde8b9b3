// Unions whose members are all data (no member can hold a pointer): their
// members overlay data with data, so reading one member of what another wrote
// is a typed data read, and the struct around them is not raw memory by its
// type.  A map next to such a union stays on the stack.  The attacks put a map
// handle's bytes into a data union anyway (memcpy, a store through a punned
// pointer, a union that also has a pointer member, a pointer converted to an
// integer member, a callee reading the union of raw memory) and rebuild the
// handle after the maker returned: each map must escape, or ASan reports the
// use (detect_stack_use_after_return, -O0 and -O2).
//
// RUN: %cc -O0 -c %s -I %S/Inputs %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s -I %S/Inputs %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -I%S/Inputs 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: %FileCheck %s --check-prefix=OUT < %t.stack.out
// RUN: %FileCheck %s --check-prefixes=STATS,STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefixes=STATS,STACK < %t.stack0.err
// RUN: %FileCheck %s --check-prefixes=STATS,HEAP < %t.heap.err
#include <stdint.h>
#include <string.h>
#include "phase.h"
#include "maps.h"

union num { long l; double d; struct { int lo, hi; } w; };
struct tagged { gomap *m; int kind; union num v; };

// CHECK: {{.*}}:[[@LINE+1]]:43: t does not escape
static NOINL long read_num(struct tagged *t)
{
    return t->v.l + t->v.w.lo;
}

// Precision: the union is written as one member and read as another; the map
// beside it stays.
static NOINL long tagged_local(int x)
{
    struct tagged t;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) does not escape
    t.m = gomap_make(GOMAP_TYPE(int, int), 0);
    t.kind = 1;
    t.v.d = x;
    *(int *)gomap_assign(t.m, &x) = x;
    t.v.l = t.v.w.hi + read_num(&t);
    long r = total(t.m) + (t.v.l != 0);
    gomap_free(t.m);
    return r;
}

static long kept_bits;
static union num kept_num;

// Attack: a handle's bytes copied into a data union and read as its integer.
static NOINL void copied_in(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){ 1 }) = 10;
    union num u;
    memcpy(&u, &m, sizeof m);
    kept_bits = u.l;
}

// Attack: a store through a punned pointer, then the union copied out.
static NOINL void punned_in(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){ 2 }) = 20;
    union num u;
    *(gomap **)&u = m;
    kept_num = u;
}

// Attack: a union that also has a pointer member is still any bytes.
union mixed { gomap *m; long l; };
static NOINL void mixed_union(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){ 3 }) = 30;
    union mixed u;
    u.m = m;
    kept_bits = u.l;
}

// Attack: the pointer converted to an integer member (Go's uintptr rule).
union bits { uintptr_t u; double d; };
static NOINL void converted(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){ 4 }) = 40;
    union bits b;
    b.u = (uintptr_t)m;
    kept_num.d = b.d;
}

// Attack: raw memory holding the handle read through the union by a callee.
// CHECK: {{.*}}:[[@LINE+1]]:41: t does not escape
static NOINL long read_num_l(union num *t)
{
    return t->l;
}

static NOINL void callee_reads(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){ 5 }) = 50;
    union num u;
    memcpy(&u, &m, sizeof m);
    kept_bits = read_num_l(&u);
}

static long use_bits(long bits)
{
    gomap *m = (gomap *)(uintptr_t)bits;
    long t = total(m);
    gomap_free(m);
    return t;
}

int main(void)
{
    printf("tagged_local: %ld\n", tagged_local(7));
    copied_in();
    printf("copied_in: %ld\n", use_bits(kept_bits));
    punned_in();
    printf("punned_in: %ld\n", use_bits(kept_num.l));
    mixed_union();
    printf("mixed_union: %ld\n", use_bits(kept_bits));
    converted();
    printf("converted: %ld\n", use_bits(kept_num.l));
    callee_reads();
    printf("callee_reads: %ld\n", use_bits(kept_bits));
    phase("union");
    return 0;
}
// OUT: tagged_local: 7008
// OUT-NEXT: copied_in: 1010
// OUT-NEXT: punned_in: 2020
// OUT-NEXT: mixed_union: 3030
// OUT-NEXT: converted: 4040
// OUT-NEXT: callee_reads: 5050
// STATS: union: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0
// STACK-SAME: stack_maps=1 stack_buckets=1
// HEAP-SAME: stack_maps=0 stack_buckets=0
