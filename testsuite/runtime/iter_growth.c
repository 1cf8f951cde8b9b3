// Iteration while the map grows, shrinks and churns: inserts that trigger growth
// (incremental evacuation under a paused iterator), deletes and re-inserts.
// Every key present and untouched for the whole iteration is seen exactly once,
// a deleted key is never returned after its deletion, and storage kept for
// paused iterators is released (ASan checks leaks and use after free).
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include <string.h>
#include "gomap.h"
#include "gomap_debug.h"

#define N 4000
static unsigned char seen[32768], present[32768];
static unsigned errors;

static void put(gomap *m, uint32_t k) { *(uint32_t *)gomap_assign(m, &k) = ~k; present[k] = 1; }
static void del(gomap *m, uint32_t k) { gomap_delete(m, &k); present[k] = 0; }

/* Iterate; after each step run `step`; check the exactly-once rule for keys in
 * [lo, hi) that the steps never touch. */
static void run(const char *name, gomap *m, void (*step)(gomap *, uint32_t, unsigned),
                uint32_t lo, uint32_t hi)
{
    gomap_iter it;
    void *k, *v;
    unsigned n = 0, growing = 0;
    gomap_debug d;
    memset(seen, 0, sizeof seen);
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v)) {
        uint32_t key = *(uint32_t *)k;
        if (!present[key] || *(uint32_t *)v != ~key) errors++;
        seen[key]++;
        step(m, key, n++);
        gomap_debug_info(m, &d);
        growing += d.growing;
    }
    unsigned once = 0;
    for (uint32_t i = lo; i < hi; i++) {
        once += seen[i] == 1;
        if (seen[i] > 1) errors++;
    }
    gomap_debug_info(m, &d);
    printf("%s: untouched keys seen once %u/%u, steps while growing %s, errors %u, "
           "iters live %u\n", name, once, hi - lo, growing ? "yes" : "no", errors, d.iters);
}

static void grow_step(gomap *m, uint32_t key, unsigned n)   /* adds keys >= N */
{
    (void)key;
    for (int i = 0; i < 3 && n < 2 * N; i++) put(m, N + 3 * n + i);
}
static void churn_step(gomap *m, uint32_t key, unsigned n)  /* touches keys >= N/2 */
{
    (void)key;
    uint32_t a = N / 2 + (n * 7) % (N / 2);
    if (n % 2) del(m, a); else put(m, a);
    put(m, 2 * N + n % N);
    if (n % 3 == 0) del(m, 2 * N + (n / 3) % N);
}
static void self_delete_step(gomap *m, uint32_t key, unsigned n)
{
    (void)n;
    del(m, key);
}

int main(void)
{
    const gomap_type *t = GOMAP_TYPE(uint32_t, uint32_t);
    gomap_memstats s0, s1;
    gomap_read_memstats(&s0);

    gomap *m = gomap_make(t, 0);
    for (uint32_t k = 0; k < N; k++) put(m, k);
    run("grow", m, grow_step, 0, N);
    // CHECK: grow: untouched keys seen once 4000/4000, steps while growing yes, errors 0, iters live 0
    run("churn", m, churn_step, 0, N / 2);
    // CHECK-NEXT: churn: untouched keys seen once 2000/2000, steps while growing {{yes|no}}, errors 0, iters live 0
    run("self-delete", m, self_delete_step, 0, 0);
    printf("after self-delete len %zu\n", gomap_len(m));
    // CHECK: after self-delete len 0
    gomap_free(m);

    /* a paused iterator across a whole growth, then abandoned: its old array is
     * kept (a grave) until gomap_free */
    m = gomap_make(t, 0);
    memset(present, 0, sizeof present);
    for (uint32_t k = 0; k < 100; k++) put(m, k);
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    gomap_iter_next(&it, &k, &v);
    uint32_t first = *(uint32_t *)k;
    gomap_debug d;
    for (uint32_t i = 100; i < 3000; i++) put(m, i);
    gomap_debug_info(m, &d);
    printf("paused: B %u graves %s iters %u\n", d.B, d.graves ? "yes" : "no", d.iters);
    // CHECK-NEXT: paused: B 9 graves yes iters 1
    memset(seen, 0, sizeof seen);
    seen[first] = 1;
    unsigned old_once = 1, total = 1;
    while (gomap_iter_next(&it, &k, &v)) {
        uint32_t key = *(uint32_t *)k;
        if (key < 100 && !seen[key]) old_once++;
        seen[key]++;
        total++;
    }
    gomap_debug_info(m, &d);
    printf("resumed: first 100 keys seen %u, iters %u\n", old_once, d.iters);
    // CHECK-NEXT: resumed: first 100 keys seen 100, iters 0
    uint32_t key = 5;
    gomap_delete(m, &key);
    gomap_debug_info(m, &d);
    printf("after a write with no live iterator: graves %zu\n", d.graves);
    // CHECK-NEXT: after a write with no live iterator: graves 0
    gomap_iter_init(&it, m);
    gomap_iter_next(&it, &k, &v);   /* abandoned */
    for (uint32_t i = 3000; i < 20000; i++) put(m, i);
    gomap_free(m);

    gomap_read_memstats(&s1);
    printf("balance: allocs-frees %lld bytes %lld\n",
           (long long)((s1.heap_allocs - s0.heap_allocs) - (s1.heap_frees - s0.heap_frees)),
           (long long)(s1.heap_bytes - s0.heap_bytes));
    // CHECK-NEXT: balance: allocs-frees 0 bytes 0
    return 0;
}
