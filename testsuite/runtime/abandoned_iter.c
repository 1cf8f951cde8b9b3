// The "take any key" idiom (start an iteration, break after one entry) on a
// map that keeps churning: each abandoned iterator looks live forever, so the
// storage kept for paused iterators is capped (about twice the bucket array);
// memory stays bounded and the map stays correct.  An iteration run to its end
// afterwards is unaffected.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include "gomap.h"
#include "gomap_debug.h"

int main(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    enum { LIVE = 830 };
    uint64_t next = 0, oldest = 0, bad = 0, peak = 0;
    gomap_memstats s0, s;
    gomap_debug d;
    for (; next < LIVE; next++) *(uint64_t *)gomap_assign(m, &next) = next;
    gomap_read_memstats(&s0);
    for (int round = 0; round < 3000; round++) {
        gomap_iter it;
        void *k, *v;
        gomap_iter_init(&it, m);
        if (!gomap_iter_next(&it, &k, &v) || *(uint64_t *)v != *(uint64_t *)k) bad++;
        /* abandoned: it is never resumed */
        for (int i = 0; i < 200; i++, next++, oldest++) {
            *(uint64_t *)gomap_assign(m, &next) = next;
            gomap_delete(m, &oldest);
        }
        gomap_read_memstats(&s);
        if (s.heap_bytes - s0.heap_bytes > peak) peak = s.heap_bytes - s0.heap_bytes;
    }
    gomap_debug_info(m, &d);
    printf("len %zu, B %u, bad %llu, iterators counted live %s, some storage reclaimed %s\n",
           gomap_len(m), d.B, (unsigned long long)bad, d.iters == 3000 ? "3000" : "?",
           d.reclaimed ? "yes" : "no");
    // CHECK: len 830, B 7, bad 0, iterators counted live 3000, some storage reclaimed yes
    printf("peak extra heap %s\n", peak < 8 * 144 * 128 + 200000 ? "bounded" : "unbounded");
    // CHECK-NEXT: peak extra heap bounded
    unsigned n = 0;
    gomap_iter it;
    void *k, *v;
    for (gomap_iter_init(&it, m); gomap_iter_next(&it, &k, &v);) n++;
    for (uint64_t i = oldest; i < next; i++)
        if (!gomap_access(m, &i)) bad++;
    printf("full iteration %u, bad %llu\n", n, (unsigned long long)bad);
    // CHECK-NEXT: full iteration 830, bad 0
    gomap_free(m);
    return 0;
}
