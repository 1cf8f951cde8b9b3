// Same-size growth: a map kept at a constant size near the load factor while
// keys churn (insert a new key, delete the oldest) accumulates overflow buckets;
// Go's tooManyOverflowBuckets then regrows it at the same size, which packs the
// entries again, so B and memory stay bounded.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include "gomap.h"
#include "gomap_debug.h"

int main(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    enum { LIVE = 830 };   /* just under 6.5 * 2^7 */
    gomap_memstats s;
    gomap_debug d;
    uint64_t k;
    for (k = 0; k < LIVE; k++) *(uint64_t *)gomap_assign(m, &k) = k;
    gomap_debug_info(m, &d);
    unsigned B0 = d.B, maxB = d.B, samesize = 0, bad = 0, maxovf = 0;
    bool was_same = false;
    uint64_t maxbytes = 0;
    for (; k < 400000; k++) {
        *(uint64_t *)gomap_assign(m, &k) = k;
        uint64_t old = k - LIVE;
        if (!gomap_delete(m, &old)) bad++;
        uint64_t probe = k - LIVE / 2;
        uint64_t *v = gomap_access(m, &probe);
        if (!v || *v != probe) bad++;
        gomap_debug_info(m, &d);
        if (d.same_size && !was_same) samesize++;
        was_same = d.same_size;
        if (d.B > maxB) maxB = d.B;
        if (d.noverflow > maxovf) maxovf = d.noverflow;
        gomap_read_memstats(&s);
        if (s.heap_bytes > maxbytes) maxbytes = s.heap_bytes;
    }
    printf("B %u -> max %u, same-size growths %s, max noverflow %s 2^B, bad %u, len %zu\n", B0,
           maxB, samesize >= 3 ? ">= 3" : "< 3", maxovf <= (1u << maxB) ? "<=" : ">", bad,
           gomap_len(m));
    // CHECK: B 7 -> max 7, same-size growths >= 3, max noverflow <= 2^B, bad 0, len 830
    printf("peak heap %s\n", maxbytes < 3 * 200 * 128 * 24 ? "bounded" : "unbounded");
    // CHECK-NEXT: peak heap bounded
    gomap_free(m);
    return 0;
}
