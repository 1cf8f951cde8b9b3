// Iteration order is randomised: maps holding the same keys (different seeds)
// and repeated iterations of one map (random start bucket and offset) do not all
// produce the same order, while each iteration still yields every key once.
// RUN: %cc %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include <string.h>
#include "gomap.h"

enum { N = 100, RUNS = 20 };

static void order(gomap *m, int *out)
{
    gomap_iter it;
    void *k, *v;
    int n = 0;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v)) out[n < N ? n : N - 1] = *(int *)k, n++;
    if (n != N) printf("iterated %d keys\n", n);
}

int main(void)
{
    const gomap_type *t = GOMAP_TYPE(int, int);
    int first[N], cur[N];
    int differ_maps = 0, differ_iters = 0, differ_small = 0;
    gomap *m0 = gomap_make(t, 0);
    for (int k = 0; k < N; k++) gomap_assign(m0, &k);
    order(m0, first);
    for (int r = 0; r < RUNS; r++) {
        gomap *m = gomap_make(t, 0);
        for (int k = 0; k < N; k++) gomap_assign(m, &k);
        order(m, cur);
        differ_maps += memcmp(first, cur, sizeof cur) != 0;
        gomap_free(m);
        order(m0, cur);
        differ_iters += memcmp(first, cur, sizeof cur) != 0;
    }
    gomap_free(m0);
    /* a one-bucket map: only the in-bucket start offset varies */
    gomap *s = gomap_make(t, 0);
    for (int k = 0; k < 8; k++) gomap_assign(s, &k);
    int a[N], b[N];
    memset(a, 0, sizeof a);
    gomap_iter it;
    void *k, *v;
    int n = 0;
    for (gomap_iter_init(&it, s); gomap_iter_next(&it, &k, &v);) a[n++] = *(int *)k;
    for (int r = 0; r < RUNS; r++) {
        memset(b, 0, sizeof b);
        n = 0;
        for (gomap_iter_init(&it, s); gomap_iter_next(&it, &k, &v);) b[n++] = *(int *)k;
        differ_small += memcmp(a, b, sizeof a) != 0;
    }
    gomap_free(s);
    printf("orders differing from the first: other maps %s, same map %s, one bucket %s\n",
           differ_maps >= RUNS / 2 ? "most" : "few", differ_iters >= RUNS / 2 ? "most" : "few",
           differ_small >= RUNS / 2 ? "most" : "few");
    // CHECK: orders differing from the first: other maps most, same map most, one bucket most
    return 0;
}
