// Specialised map calls, executed: stack maps whose access/assign the plugin
// turned into gomap_fast.h's inline one-bucket paths, and heap maps whose calls
// became the runtime's entry points by key kind, give the same results as the
// generic calls without the plugin: maps of 1..40 entries (the inline path
// hands over to the runtime when the map grows past its stack bucket), deletes
// and reinsertion into freed cells, misses, overwrites, iteration, 4- and
// 8-byte keys (numbers and 8-byte structs), values of 1, 24 and 128 bytes,
// string keys, calls in static wrappers, keys named by an element's or a
// field's address.  Under ASan with detect_stack_use_after_return, at -O0 and -O2;
// the JSON record shows the calls were rewritten.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan %s %plugin -fplugin-arg-escape-json=%t.json %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %t.heap > %t.heap.out
// RUN: %t.stack > %t.stack.out
// RUN: %t.stack0 > %t.stack0.out
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// Without a sanitizer (which changes how locals are addressed), -O0 to -O3:
// RUN: %cc -O0 -g %s %plugin %gomap -o %t.plain0 && %t.plain0 | diff %t.heap.out -
// RUN: %cc -O1 %s %plugin %gomap -o %t.plain1 && %t.plain1 | diff %t.heap.out -
// RUN: %cc -O3 -fPIC %s %plugin %gomap -o %t.plain3 && %t.plain3 | diff %t.heap.out -
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
#include "gomap.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t rng = 12345;
static uint64_t rnd(void)
{
    uint64_t z = (rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

typedef struct { uint64_t a, b, c; } v24;
typedef struct { unsigned char b[128]; } v128;
typedef struct { int32_t x, y; } pair;

// n keys from a small range: inserts, overwrites, deletes, misses.
static uint64_t u64_map(unsigned n)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    uint64_t s = 0;
    for (unsigned i = 0; i < 3 * n; i++) {
        uint64_t k = rnd() % (n + 1);
        unsigned op = (unsigned)(rnd() % 4);
        if (op < 2) {
            *(uint64_t *)gomap_assign(m, &k) += i + 1;
        } else if (op == 2) {
            s += gomap_delete(m, &k);
        } else {
            uint64_t *v = gomap_access(m, &k);
            s = s * 31 + (v ? *v : 7);
        }
    }
    gomap_iter it;
    void *kp, *vp;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &kp, &vp)) s += *(uint64_t *)kp * 3 + *(uint64_t *)vp;
    s += gomap_len(m);
    gomap_free(m);
    return s;
}

static uint64_t u32_map(unsigned n)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint32_t, v24), 0);
    uint64_t s = 0;
    for (unsigned i = 0; i < 3 * n; i++) {
        uint32_t k = (uint32_t)(rnd() % (n + 1)) * 0x9e3779b9u;
        unsigned op = (unsigned)(rnd() % 4);
        if (op < 2) {
            v24 *v = gomap_assign(m, &k);
            s += v->a + v->b + v->c;   // zero when new
            v->a += i;
            v->c = k;
        } else if (op == 2) {
            s += gomap_delete(m, &k);
        } else {
            v24 *v = gomap_access(m, &k);
            s = s * 31 + (v ? v->a ^ v->c : 5);
        }
    }
    s += gomap_len(m);
    gomap_free(m);
    return s;
}

static uint64_t pair_map(unsigned n)
{
    gomap *m = gomap_make(GOMAP_TYPE(pair, char), 0);
    uint64_t s = 0;
    for (unsigned i = 0; i < 2 * n; i++) {
        pair k = { (int32_t)(rnd() % (n + 1)), -1 };
        if (rnd() % 3) *(char *)gomap_assign(m, &k) += 1;
        else s += gomap_delete(m, &k);
        pair q = { k.x, -1 };
        char *v = gomap_access(m, &q);
        s = s * 7 + (v ? (unsigned char)*v : 0);
    }
    s += gomap_len(m);
    gomap_free(m);
    return s;
}

static uint64_t big_map(unsigned n)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, v128), 0);
    uint64_t s = 0;
    for (uint64_t k = 0; k < n; k++) {
        v128 *v = gomap_assign(m, &k);
        for (int j = 0; j < 128; j++) s += v->b[j];
        memset(v->b, (int)k + 1, sizeof v->b);
    }
    for (uint64_t k = 0; k <= n; k++) {
        v128 *v = gomap_access(m, &k);
        s = s * 3 + (v ? v->b[127] : 0);
    }
    gomap_free(m);
    return s;
}

static uint64_t str_map(unsigned n)
{
    static const char *words[] = { "a", "bb", "ccc", "a longer key of more than 32 bytes!!",
                                   "dd", "e", "ffff", "g", "hh", "iii" };
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    uint64_t s = 0;
    for (unsigned i = 0; i < 2 * n; i++) {
        const char *w = words[rnd() % 10];
        gostring k = { w, strlen(w) };
        if (rnd() % 4) *(int *)gomap_assign(m, &k) += 1;
        else s += gomap_delete(m, &k);
        int *v = gomap_access(m, &k);
        s = s * 5 + (v ? (uint64_t)*v : 9);
    }
    s += gomap_len(m);
    gomap_free(m);
    return s;
}

// Static wrappers around the calls, on a stack map: the calls in the wrappers
// take the inline paths (every caller passes this one stack map).
static void w_put(gomap *m, uint32_t k, uint64_t v) { *(uint64_t *)gomap_assign(m, &k) ^= v; }
static uint64_t w_get(gomap *m, uint32_t k)
{
    uint64_t *v = gomap_access(m, &k);
    return v ? *v : 3;
}
static uint64_t wrapped(unsigned n)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint32_t, uint64_t), 0);
    uint64_t s = 0;
    for (unsigned i = 0; i < 2 * n; i++) {
        w_put(m, (uint32_t)(rnd() % (n + 1)), rnd());
        s = s * 3 + w_get(m, (uint32_t)(rnd() % (n + 2)));
    }
    s += gomap_len(m);
    gomap_free(m);
    return s;
}

// A heap map: its calls use the entry points, not the inline paths.
static gomap *made;
static uint64_t heap_map(unsigned n)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    made = m;
    uint64_t s = 0;
    for (uint64_t k = 0; k < n; k++) *(uint64_t *)gomap_assign(m, &k) = k * k;
    for (uint64_t k = 0; k < n; k += 2) s += gomap_delete(m, &k);
    for (uint64_t k = 0; k <= n; k++) {
        uint64_t *v = gomap_access(m, &k);
        s = s * 3 + (v ? *v : 1);
    }
    gomap_free(made);
    return s;
}

// Keys named by the address of an element or a field (`&ks[1]`, `&r.k`): the
// rewrite reads the key through that address, which a GIMPLE memory reference
// may not hold as written; at -O0 without a sanitizer nothing folds it first
// (such a call once crashed GCC's RTL expansion).
struct rec { uint32_t tag; uint64_t k; gostring s; uint32_t k4; };
static uint64_t addressed_keys(unsigned n)
{
    uint64_t ks[3] = { n, n + 1, n * 7 };
    struct rec r = { 1, n * 3, GOSTR("rec"), n + 5 }, rs[2] = { r, r };
    gostring ss[2] = { GOSTR("a"), GOSTR("bb") };
    uint32_t k4s[2] = { n, n * 9 };
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    gomap *h = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    gomap *t = gomap_make(GOMAP_TYPE_STR(uint64_t), 0);
    gomap *q = gomap_make(GOMAP_TYPE(uint32_t, uint64_t), 0);
    made = h;
    rs[1].k = n * 11;
    *(uint64_t *)gomap_assign(m, &ks[1]) = 10;
    *(uint64_t *)gomap_assign(m, &r.k) = 20;
    *(uint64_t *)gomap_assign(m, &rs[1].k) = 30;
    *(uint64_t *)gomap_assign(h, &ks[2]) = 40;
    *(uint64_t *)gomap_assign(h, &rs[0].k) = 50;
    *(uint64_t *)gomap_assign(t, &ss[1]) = 60;
    *(uint64_t *)gomap_assign(t, &r.s) = 70;
    *(uint64_t *)gomap_assign(q, &k4s[1]) = 80;
    *(uint64_t *)gomap_assign(q, &r.k4) = 90;
    uint64_t s = 0, *v;
    if ((v = gomap_access(m, &ks[1]))) s += *v;
    if ((v = gomap_access(m, &rs[1].k))) s += *v;
    if ((v = gomap_access(h, &ks[2]))) s += *v;
    if ((v = gomap_access(t, &rs[1].s))) s += *v;
    if ((v = gomap_access(q, &r.k4))) s += *v;
    s = s * 2 + gomap_delete(m, &r.k) + gomap_delete(h, &rs[0].k) + gomap_delete(t, &ss[1])
        + gomap_delete(q, &k4s[1]);
    s = s * 100 + gomap_len(m) * 1000 + gomap_len(made) + gomap_len(t) + gomap_len(q);
    gomap_free(m);
    gomap_free(made);
    gomap_free(t);
    gomap_free(q);
    return s;
}

int main(void)
{
    for (unsigned n = 1; n <= 40; n++) {
        uint64_t a = u64_map(n), b = u32_map(n), c = pair_map(n), d = big_map(n),
                 e = str_map(n), f = heap_map(n), g = wrapped(n), k = addressed_keys(n);
        printf("%u %llx %llx %llx %llx %llx %llx %llx %llu\n", n, (unsigned long long)a,
               (unsigned long long)b, (unsigned long long)c, (unsigned long long)d,
               (unsigned long long)e, (unsigned long long)f, (unsigned long long)g,
               (unsigned long long)k);
    }
    printf("done\n");
    return 0;
}
// CHECK: 1 {{.*}} 50403
// CHECK: 40 {{.*}} 50403
// CHECK: done

// JSON-DAG: "function": "u64_map", {{.*}}"entry": "gomap_small_assign_fast64", "inline": true
// JSON-DAG: "function": "u64_map", {{.*}}"entry": "gomap_small_access_fast64", "inline": true
// JSON-DAG: "function": "u64_map", {{.*}}"entry": "gomap_delete_fast64", "inline": false
// JSON-DAG: "function": "u32_map", {{.*}}"entry": "gomap_small_assign_fast32", "inline": true
// JSON-DAG: "function": "u32_map", {{.*}}"entry": "gomap_small_access_fast32", "inline": true
// JSON-DAG: "function": "u32_map", {{.*}}"entry": "gomap_delete_fast32", "inline": false
// JSON-DAG: "function": "pair_map", {{.*}}"entry": "gomap_small_assign_fast64", "inline": true
// JSON-DAG: "function": "big_map", {{.*}}"entry": "gomap_assign_fast64", "inline": false
// JSON-DAG: "function": "str_map", {{.*}}"entry": "gomap_assign_faststr", "inline": false
// JSON-DAG: "function": "str_map", {{.*}}"entry": "gomap_delete_faststr", "inline": false
// JSON-DAG: "function": "heap_map", {{.*}}"entry": "gomap_assign_fast64", "inline": false
// JSON-DAG: "function": "heap_map", {{.*}}"entry": "gomap_access_fast64", "inline": false
// JSON-DAG: "function": "w_put", {{.*}}"entry": "gomap_small_assign_fast32", "inline": true
// JSON-DAG: "function": "w_get", {{.*}}"entry": "gomap_small_access_fast32", "inline": true
// JSON-DAG: "function": "addressed_keys", {{.*}}"entry": "gomap_small_assign_fast64", "inline": true
// JSON-DAG: "function": "addressed_keys", {{.*}}"entry": "gomap_assign_faststr", "inline": false
// JSON-DAG: "function": "addressed_keys", {{.*}}"entry": "gomap_delete_fast32", "inline": false
