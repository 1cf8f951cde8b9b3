// The typed layer (gomap_typed.h) gives exactly the verdicts of the raw calls: each
// case is written twice, raw and typed, and each pair gets the same lines.  The make
// is a macro (the site is in the caller), the wrappers are static inline functions
// whose summaries keep the map (their own lines are not printed: a system header's
// macro wrote them), iteration is a macro.  Same lines at -O0 and -O2, and from
// escape-clang; the JSON records of both front ends still have the wrappers'
// parameters, with the summaries that keep the map.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-json=%t.json0 -o /dev/null
// RUN: %FileCheck %s --check-prefix=JSON < %t.json0
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-json=%t.json -o /dev/null
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
// RUN: %root/build/escape-clang --json=%t.jsonc %s -- -std=gnu11 -I%root/runtime
// RUN: %FileCheck %s --check-prefix=JSON < %t.jsonc
#include <string.h>
#include "gomap_typed.h"

GOMAP_DECLARE(ii, int, int)
GOMAP_DECLARE_STR(wc, int)
GOMAP_DECLARE_SET(iset, int)
GOMAP_DECLARE(ip, int, int *)
GOMAP_DECLARE(im, int, ii *)

// The wrappers' summaries: the map parameter never escapes (only to the result).
// JSON-DAG: "system_header": true, "function": "ii_lookup", "name": "m", {{.*}}"verdict": "does not escape"
// JSON-DAG: "system_header": true, "function": "ii_lookup", "name": "out", {{.*}}"verdict": "does not escape"
// JSON-DAG: "system_header": true, "function": "ip_get", "name": "m", {{.*}}"verdict": "leaking param to result", {{.*}}"heap_level": -1, "result_level": 1
// JSON-DAG: "system_header": true, "function": "ii_delete", "name": "m", {{.*}}"verdict": "does not escape"
// JSON-DAG: "system_header": true, "function": "iset_has", "name": "m", {{.*}}"verdict": "does not escape"
// JSON-DAG: "system_header": true, "function": "ii_gomap", "name": "m", {{.*}}"verdict": "leaking param to result", {{.*}}"heap_level": -1, "result_level": 0

/* 1. local: every operation, delete during range; nothing escapes */
int local_raw(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[int]int) does not escape
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i;
    int k = 3, s = 0;
    int *p = gomap_access(m, &k);
    s += p ? *p : -1;
    k = 2;
    p = gomap_access(m, &k);
    if (p) s += *p;
    size_t before = gomap_len(m);
    k = 9;
    (*(int *)gomap_assign(m, &k))++;
    s += gomap_len(m) != before;
    gomap_iter it;
    void *kp, *vp;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &kp, &vp)) {
        int key = *(int *)kp, v = *(int *)vp;
        if (key == 1) gomap_delete(m, &key);
        s += v;
    }
    gomap_clear(m);
    gomap_free(m);
    return s;
}
int local_typed(int n)
{
    ii *m = gomap_new(ii);
    // CHECK: typed-layer.c:[[@LINE-1]]:13: make(map[int]int) does not escape
    for (int i = 0; i < n; i++) gomap_set(ii, m, i, i);
    int s = ii_get(m, 3, -1), v2;
    if (ii_lookup(m, 2, &v2)) s += v2;
    bool isnew;
    (*gomap_put(ii, m, 9, &isnew))++;
    s += isnew;
    gomap_foreach(ii, m, key, v) {
        if (key == 1) ii_delete(m, key);
        s += v;
    }
    ii_clear(m);
    ii_free(m);
    return s;
}

/* 2. a set with a hint (the raw key copied to a local, as the typed layer passes it
 * by value: `&xs[i]` itself has the runtime read the caller's memory as data, which
 * may be a pointer's bytes: `leaking param content: xs`, docs/diagnostics.md) */
int set_raw(const int *xs, int n)
    // CHECK: typed-layer.c:[[@LINE-1]]:24: xs does not escape
{
    gomap *s = gomap_make(GOMAP_TYPE(int, struct{}), 4);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[int]struct{}, 4) does not escape
    int c = 0;
    for (int i = 0; i < n; i++) {
        size_t b = gomap_len(s);
        int x = xs[i];
        gomap_assign(s, &x);
        c += gomap_len(s) != b;
    }
    int one = 1;
    c += gomap_access(s, &one) != NULL;
    gomap_free(s);
    return c;
}
int set_typed(const int *xs, int n)
    // CHECK: typed-layer.c:[[@LINE-1]]:26: xs does not escape
{
    iset *s = gomap_new(iset, 4);
    // CHECK: typed-layer.c:[[@LINE-1]]:15: make(map[int]struct{}, 4) does not escape
    int c = 0;
    for (int i = 0; i < n; i++) c += gomap_add(iset, s, xs[i]);
    c += iset_has(s, 1);
    gomap_foreach_key(iset, s, k)
        if (k < 0) iset_delete(s, k);
    iset_free(s);
    return c;
}

/* 3. kept in a global, returned, passed to an unknown function: escapes */
gomap *g_raw;
wc *g_typed;
void unknown(gomap *m);
void global_raw(void)
{
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[gostring]int) escapes to heap
    gostring k = GOSTR("a");
    *(int *)gomap_assign(m, &k) = 1;
    g_raw = m;
}
void global_typed(void)
{
    wc *m = gomap_new(wc);
    // CHECK: typed-layer.c:[[@LINE-1]]:13: make(map[gostring]int) escapes to heap
    gomap_set(wc, m, GOSTR("a"), 1);
    g_typed = m;
}
gomap *returned_raw(void)
{
    return gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:12: make(map[int]int) escapes to heap
}
ii *returned_typed(void)
{
    return gomap_new(ii);
    // CHECK: typed-layer.c:[[@LINE-1]]:12: make(map[int]int) escapes to heap
}
void unknown_raw(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[int]int) escapes to heap
    unknown(m);
}
void unknown_typed(void)
{
    ii *m = gomap_new(ii);
    // CHECK: typed-layer.c:[[@LINE-1]]:13: make(map[int]int) escapes to heap
    unknown(ii_gomap(m));
}

/* 4. string keys borrowed from a parameter: the bytes go into the map */
int strkey_raw(const char *w)
    // CHECK: typed-layer.c:[[@LINE-1]]:28: leaking param content: w
{
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[gostring]int) does not escape
    gostring k = { w, strlen(w) };
    (*(int *)gomap_assign(m, &k))++;
    int *p = gomap_access(m, &k);
    int r = p ? *p : 0;
    gomap_free(m);
    return r;
}
int strkey_typed(const char *w)
    // CHECK: typed-layer.c:[[@LINE-1]]:30: leaking param content: w
{
    wc *m = gomap_new(wc);
    // CHECK: typed-layer.c:[[@LINE-1]]:13: make(map[gostring]int) does not escape
    gostring k = gostr(w);
    (*gomap_put(wc, m, k, NULL))++;
    int r;
    wc_lookup(m, k, &r);
    wc_free(m);
    return r;
}

/* 5. a pointer stored as a value escapes; the map does not */
int ptrval_raw(void)
{
    int x = 5;
    gomap *m = gomap_make(GOMAP_TYPE(int, int *), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[int]int *) does not escape
    int k = 1;
    *(int **)gomap_assign(m, &k) = &x;
    int **p = gomap_access(m, &k);
    int r = p ? **p : 0;
    gomap_free(m);
    return r;
}
int ptrval_typed(void)
{
    int x = 5;
    ip *m = gomap_new(ip);
    // CHECK: typed-layer.c:[[@LINE-1]]:13: make(map[int]int *) does not escape
    gomap_set(ip, m, 1, &x);
    int r = *ip_get(m, 1, &x);
    ip_free(m);
    return r;
}

/* 6. a map as another map's value escapes; the outer one does not */
int nested_raw(void)
{
    gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:20: make(map[int]int) does not escape
    gomap *outer = gomap_make(GOMAP_TYPE(int, gomap *), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:20: make(map[int]gomap *) does not escape
    int k = 1;
    *(gomap **)gomap_assign(outer, &k) = inner;
    int r = (int)gomap_len(outer);
    gomap_free(outer);
    gomap_free(inner);
    return r;
}
int nested_typed(void)
{
    ii *inner = gomap_new(ii);
    // CHECK: typed-layer.c:[[@LINE-1]]:17: make(map[int]int) does not escape
    im *outer = gomap_new(im);
    // CHECK: typed-layer.c:[[@LINE-1]]:17: make(map[int]ii *) does not escape
    gomap_set(im, outer, 1, inner);
    int r = (int)im_len(outer);
    im_free(outer);
    ii_free(inner);
    return r;
}

/* 7. a hint too big for the first bucket on the stack */
size_t hint_raw(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 1000);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[int]int, 1000) buckets escape to heap: hint 1000 > 8
    int k = 1;
    *(int *)gomap_assign(m, &k) = 1;
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}
size_t hint_typed(void)
{
    ii *m = gomap_new(ii, 1000);
    // CHECK: typed-layer.c:[[@LINE-1]]:13: make(map[int]int, 1000) buckets escape to heap: hint 1000 > 8
    gomap_set(ii, m, 1, 1);
    size_t n = ii_len(m);
    ii_free(m);
    return n;
}

/* 8. a slot pointer returned: the map escapes */
int *slot_raw(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: typed-layer.c:[[@LINE-1]]:16: make(map[int]int) escapes to heap
    int k = 1;
    return gomap_assign(m, &k);
}
int *slot_typed(void)
{
    ii *m = gomap_new(ii);
    // CHECK: typed-layer.c:[[@LINE-1]]:13: make(map[int]int) escapes to heap
    return gomap_put(ii, m, 1, NULL);
}
