// The typed layer (gomap_typed.h) with the plugin: small typed maps that do not
// escape live on the stack (zero runtime heap allocations, one stack header and
// bucket per map made), exactly as the raw calls do; typed maps that escape (returned,
// kept in a global, a slot returned, a map stored in a map that escapes) are used
// after their function returned, which detect_stack_use_after_return reports if one
// was wrongly put on the stack.  Same output with and without the plugin.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack0.err
// RUN: %FileCheck %s --check-prefix=HEAP < %t.heap.err
#include <string.h>
#include "phase.h"
#include "gomap_typed.h"

#define NOINL __attribute__((noinline))

GOMAP_DECLARE(ii, int, int)
GOMAP_DECLARE_STR(wc, int)
GOMAP_DECLARE_SET(cset, char)
GOMAP_DECLARE(im, int, ii *)

/* small maps that do not escape */
static NOINL long squares(int n)
{
    ii *m = gomap_new(ii);
    for (int i = 0; i < n; i++) gomap_set(ii, m, i, i * i);
    long s = 0;
    gomap_foreach(ii, m, k, v) {
        if (k == 2) ii_delete(m, k);
        else s += v;
    }
    s = s * 100 + (long)ii_len(m);
    ii_free(m);
    return s;
}

static NOINL int distinct(const char *text)
{
    cset *s = gomap_new(cset, 8);
    int added = 0;
    for (const char *p = text; *p; p++) added += gomap_add(cset, s, *p);
    int r = added * 10 + cset_has(s, 'e');
    cset_free(s);
    return r;
}

static NOINL int words(const char *const *ws, int n)
{
    wc *m = gomap_new(wc);
    for (int i = 0; i < n; i++) {
        gostring w = { ws[i], strlen(ws[i]) };
        bool isnew;
        (*gomap_put(wc, m, w, &isnew))++;
        (void)isnew;
    }
    int v = 0, r = wc_lookup(m, GOSTR("b"), &v) * 1000 + v * 100 + wc_get(m, GOSTR("z"), 7);
    wc_free(m);
    return r;
}

static NOINL int nested_local(void)
{
    ii *inner = gomap_new(ii);
    im *outer = gomap_new(im);
    gomap_set(ii, inner, 1, 42);
    gomap_set(im, outer, 7, inner);
    int r = ii_get(im_get(outer, 7, NULL), 1, 0);
    im_free(outer);
    ii_free(inner);
    return r;
}

/* maps that escape, used after their function returned */
static wc *kept;
static NOINL ii *made(int n)
{
    ii *m = gomap_new(ii);
    for (int i = 0; i < n; i++) gomap_set(ii, m, i, -i);
    return m;
}
static NOINL void keep(void)
{
    wc *m = gomap_new(wc);
    gomap_set(wc, m, GOSTR("kept"), 5);
    kept = m;
}
static ii *slot_owner;          /* set after the slot is taken, to free the map */
static NOINL int *slot(void)
{
    ii *m = gomap_new(ii);
    int *p = gomap_put(ii, m, 3, NULL);
    slot_owner = m;
    return p;
}
static NOINL im *outer_escapes(void)
{
    ii *inner = gomap_new(ii);
    gomap_set(ii, inner, 2, 20);
    im *outer = gomap_new(im);
    gomap_set(im, outer, 1, inner);
    return outer;
}

int main(void)
{
    static const char *const ws[] = { "a", "b", "a", "c", "b", "b" };
    phase("start");
    for (int rep = 0; rep < 3; rep++)
        printf("squares %ld distinct %d words %d nested %d\n", squares(8),
               distinct("eleven trees"), words(ws, 6), nested_local());
    phase("small");
    ii *m = made(5);
    keep();
    int *s = slot();
    *s = 9;
    im *o = outer_escapes();
    ii *in = im_get(o, 1, NULL);
    printf("made %zu %d kept %d slot %d outer %d\n", ii_len(m), ii_get(m, 4, 0),
           wc_get(kept, GOSTR("kept"), 0), *s, ii_get(in, 2, 0));
    ii_free(m);
    wc_free(kept);
    ii_free(in);
    im_free(o);
    ii_free(slot_owner);
    phase("escaping");
    return 0;
}
// CHECK-COUNT-3: squares 13607 distinct 81 words 1307 nested 42
// CHECK: made 5 -4 kept 5 slot 9 outer 20
//
// 3 repetitions x 5 maps: all on the stack with the plugin, none without it.
// STACK: small: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=15 stack_buckets=15
// HEAP: small: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=0 stack_buckets=0
// main keeps made()'s map and outer_escapes()'s outer map on its own stack (maps
// made by helpers); the inner map, which main reads back out of the outer one, and
// slot()'s and keep()'s stay on the heap.
// STACK: escaping: heap_allocs=6 heap_frees=6 heap_bytes=0 stack_maps=2 stack_buckets=2
// HEAP: escaping: {{.*}} stack_maps=0 stack_buckets=0
