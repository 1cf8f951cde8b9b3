// Both front ends: the typed layer (gomap_typed.h) against the raw calls, in user
// functions that take maps as parameters (their summaries), a map in a struct, a
// word count over gostring keys, nested gomap_foreach.  Each pair gets the same
// lines; the header's own functions get none.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC0 --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,CONTENT --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CONTENT --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
#include <string.h>
#include "gomap_typed.h"

GOMAP_DECLARE(ii, int, int)
GOMAP_DECLARE_STR(wc, int)

/* helpers taking a map: fill (stores), count (reads), stash (keeps it) */
static void fill_raw(gomap *m, int n)
    // CHECK: typed-layer.c:[[@LINE-1]]:29: m does not escape
{
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = 2 * i;
}
static void fill_typed(ii *m, int n)
    // CHECK: typed-layer.c:[[@LINE-1]]:28: m does not escape
{
    for (int i = 0; i < n; i++) gomap_set(ii, m, i, 2 * i);
}
/* (At -O0 the plugin does not resolve m's map type here: the key may be of any
 * size, and a gostring holding w is read as data, w leaks; at -O2 it does, a
 * string key: w's content leaks; escape-clang takes a gostring for a string key.) */
static int count_raw(const gomap *m, const char *w)
    // CHECK: typed-layer.c:[[@LINE-1]]:35: m does not escape
    // GCC0: typed-layer.c:[[@LINE-2]]:50: leaking param: w
    // CONTENT: typed-layer.c:[[@LINE-3]]:50: leaking param content: w
{
    gostring k = { w, strlen(w) };
    int *p = gomap_access(m, &k);
    return p ? *p : 0;
}
static int count_typed(const wc *m, const char *w)
    // CHECK: typed-layer.c:[[@LINE-1]]:34: m does not escape
    // GCC0: typed-layer.c:[[@LINE-2]]:49: leaking param: w
    // CONTENT: typed-layer.c:[[@LINE-3]]:49: leaking param content: w
{
    gostring k = { w, strlen(w) };
    return wc_get(m, k, 0);
}
gomap *stash_raw_g;
wc *stash_typed_g;
static void stash_raw(gomap *m) { stash_raw_g = m; }
    // CHECK: typed-layer.c:[[@LINE-1]]:30: leaking param: m
static void stash_typed(wc *m) { stash_typed_g = m; }
    // CHECK: typed-layer.c:[[@LINE-1]]:29: leaking param: m

long use_fill_raw(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[int]int) does not escape
    fill_raw(m, 5);
    long s = 0;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v)) {
        gomap_iter it2;
        void *k2, *v2;
        gomap_iter_init(&it2, m);
        while (gomap_iter_next(&it2, &k2, &v2)) s += *(int *)v * *(int *)v2;
    }
    gomap_free(m);
    return s;
}
long use_fill_typed(void)
{
    ii *m = gomap_new(ii);
    // CHECK: typed-layer.c:[[@LINE-1]]:13: make(map[int]int) does not escape
    fill_typed(m, 5);
    long s = 0;
    gomap_foreach(ii, m, k, v) {
        (void)k;
        gomap_foreach(ii, m, k2, v2) { (void)k2; s += v * v2; }
    }
    ii_free(m);
    return s;
}

int wordcount_raw(const char *const *ws, int n)
    // CHECK: typed-layer.c:[[@LINE-1]]:38: leaking param content: ws
{
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[gostring]int) does not escape
    for (int i = 0; i < n; i++) {
        gostring k = { ws[i], strlen(ws[i]) };
        (*(int *)gomap_assign(m, &k))++;
    }
    int r = count_raw(m, "the");
    gomap_free(m);
    return r;
}
int wordcount_typed(const char *const *ws, int n)
    // CHECK: typed-layer.c:[[@LINE-1]]:40: leaking param content: ws
{
    wc *m = gomap_new(wc);
    // CHECK: typed-layer.c:[[@LINE-1]]:13: make(map[gostring]int) does not escape
    for (int i = 0; i < n; i++) {
        gostring k = { ws[i], strlen(ws[i]) };
        (*gomap_put(wc, m, k, NULL))++;
    }
    int r = count_typed(m, "the");
    wc_free(m);
    return r;
}

void kept_raw(void)
{
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[gostring]int) escapes to heap
    stash_raw(m);
}
void kept_typed(void)
{
    wc *m = gomap_new(wc);
    // CHECK: typed-layer.c:[[@LINE-1]]:13: make(map[gostring]int) escapes to heap
    stash_typed(m);
}

/* a map in a local struct, and in a struct returned */
struct holder_raw { int tag; gomap *m; };
struct holder_typed { int tag; ii *m; };
int in_struct_raw(void)
{
    struct holder_raw h = { 1, gomap_make(GOMAP_TYPE(int, int), 0) };
    // CHECK: typed-layer.c:[[@LINE-1]]:32: make(map[int]int) does not escape
    int k = 1;
    *(int *)gomap_assign(h.m, &k) = 3;
    int r = (int)gomap_len(h.m);
    gomap_free(h.m);
    return r;
}
int in_struct_typed(void)
{
    struct holder_typed h = { 1, gomap_new(ii) };
    // CHECK: typed-layer.c:[[@LINE-1]]:34: make(map[int]int) does not escape
    gomap_set(ii, h.m, 1, 3);
    int r = (int)ii_len(h.m);
    ii_free(h.m);
    return r;
}
struct holder_raw ret_struct_raw(void)
{
    struct holder_raw h = { 1, gomap_make(GOMAP_TYPE(int, int), 0) };
    // CHECK: typed-layer.c:[[@LINE-1]]:32: make(map[int]int) escapes to heap
    return h;
}
struct holder_typed ret_struct_typed(void)
{
    struct holder_typed h = { 1, gomap_new(ii) };
    // CHECK: typed-layer.c:[[@LINE-1]]:34: make(map[int]int) escapes to heap
    return h;
}
