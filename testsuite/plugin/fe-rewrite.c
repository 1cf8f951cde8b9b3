// The rewrite, executed: non-escaping gomap_make calls become gomap_make_on
// with function-level stack storage, at every optimisation level, with debug
// info, with -flto (the call graph edge is rebuilt so LTO streams the new
// callee) and under ASan/UBSan with detect_stack_use_after_return.  The
// program's results match the untransformed build; memstats count the maps
// and buckets that got stack storage.
//
// RUN: %cc -O2 %s %gomap -o %t.heap && %t.heap > %t.heap.out 2> %t.heap.stats
// RUN: %FileCheck %s --check-prefix=OUT < %t.heap.out
// RUN: %FileCheck %s --check-prefix=HEAP < %t.heap.stats
// RUN: %cc -O0 %s %plugin %gomap -o %t.0 && %t.0 > %t.0.out 2> %t.0.stats && diff %t.heap.out %t.0.out
// RUN: %cc -O1 %s %plugin %gomap -o %t.1 && %t.1 > %t.1.out 2> %t.1.stats && diff %t.heap.out %t.1.out
// RUN: %cc -O2 %s %plugin %gomap -o %t.2 && %t.2 > %t.2.out 2> %t.2.stats && diff %t.heap.out %t.2.out
// RUN: %cc -O3 %s %plugin %gomap -o %t.3 && %t.3 > %t.3.out 2> %t.3.stats && diff %t.heap.out %t.3.out
// RUN: %cc -O2 -g %s %plugin %gomap -o %t.g && %t.g > %t.g.out 2> %t.g.stats && diff %t.heap.out %t.g.out
// RUN: %cc -O2 -flto %s %plugin %gomap -o %t.lto && %t.lto > %t.lto.out 2> %t.lto.stats && diff %t.heap.out %t.lto.out
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t.a0 && %t.a0 > %t.a0.out 2> %t.a0.stats && diff %t.heap.out %t.a0.out
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t.a2 && %t.a2 > %t.a2.out 2> %t.a2.stats && diff %t.heap.out %t.a2.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.2.stats
// RUN: %FileCheck %s --check-prefix=STACK < %t.lto.stats
// RUN: %FileCheck %s --check-prefix=STACK < %t.a2.stats
#include "gomap.h"
#include <stdio.h>

gomap *kept;

static void stats(const char *what)
{
    gomap_memstats st;
    gomap_read_memstats(&st);
    fprintf(stderr, "%s: stack_maps=%llu stack_buckets=%llu\n", what,
           (unsigned long long)st.stack_maps, (unsigned long long)st.stack_buckets);
}

// Header and bucket on the stack.
static int distinct(const int *xs, int n)
{
    gomap *seen = gomap_make(GOMAP_TYPE(int, char), 0);
    for (int i = 0; i < n; i++)
        *(char *)gomap_assign(seen, &xs[i]) = 1;
    int r = (int)gomap_len(seen);
    gomap_free(seen);
    return r;
}

// Header only: the hint is above one bucket.
static int squares(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 100);
    for (int i = 0; i < n; i++) {
        int sq = i * i;
        *(int *)gomap_assign(m, &i) = sq;
    }
    int s = 0, k = n / 2;
    int *v = gomap_access(m, &k);
    s = v ? *v : -1;
    gomap_free(m);
    return s;
}

// One map per iteration, iterated; grows past its stack bucket.
static long per_iteration(int rounds)
{
    long total = 0;
    for (int r = 0; r < rounds; r++) {
        gomap_iter it;
        gomap *m = gomap_make(GOMAP_TYPE(int, long), 0);
        for (int i = 0; i < 20 * (r + 1); i++) {
            long v = (long)i * r;
            *(long *)gomap_assign(m, &i) = v;
        }
        void *k, *v;
        gomap_iter_init(&it, m);
        while (gomap_iter_next(&it, &k, &v))
            total += *(long *)v + *(int *)k;
        gomap_free(m);
    }
    return total;
}

// Recursion: every frame has its own map.
static int depth_sum(int d)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &d) = d;
    int below = d > 0 ? depth_sum(d - 1) : 0;
    int *mine = gomap_access(m, &d);
    int r = below + (mine ? *mine : -1000);
    gomap_free(m);
    return r;
}

// Escapes: stays on the heap.
static void keep_one(void)
{
    kept = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(kept, &k) = 2;
}

int main(void)
{
    int xs[] = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9 };
    int d = 0;
    for (int i = 0; i < 3; i++)
        d += distinct(xs, 15);
    printf("distinct=%d\n", d);
    stats("distinct");
    printf("squares=%d\n", squares(50));
    stats("squares");
    printf("per_iteration=%ld\n", per_iteration(4));
    stats("per_iteration");
    printf("depth_sum=%d\n", depth_sum(6));
    stats("depth_sum");
    keep_one();
    printf("kept=%zu\n", gomap_len(kept));
    stats("kept");
    gomap_free(kept);
    return 0;
}
// OUT: distinct=27
// OUT-NEXT: squares=625
// OUT-NEXT: per_iteration=19700
// OUT-NEXT: depth_sum=21
// OUT-NEXT: kept=1
// HEAP: distinct: stack_maps=0 stack_buckets=0
// HEAP: kept: stack_maps=0 stack_buckets=0
// STACK: distinct: stack_maps=3 stack_buckets=3
// STACK-NEXT: squares: stack_maps=4 stack_buckets=3
// STACK-NEXT: per_iteration: stack_maps=8 stack_buckets=7
// STACK-NEXT: depth_sum: stack_maps=15 stack_buckets=14
// STACK-NEXT: kept: stack_maps=15 stack_buckets=14
