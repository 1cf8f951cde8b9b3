// gomap_clear (Go 1.19's mapclear): empties the map, keeps its bucket array (B
// unchanged, nothing reallocated), frees what entries own, and is safe under a
// paused iterator, also in the middle of a growth.  Allocation counters balance.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include "gomap.h"
#include "gomap_debug.h"

typedef struct { char b[150]; } big;

int main(void)
{
    gomap_memstats s0, s1, s2;
    gomap_debug d;
    gomap_read_memstats(&s0);
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int k = 0; k < 800; k++) *(int *)gomap_assign(m, &k) = k;
    gomap_debug_info(m, &d);
    unsigned B = d.B;
    gomap_read_memstats(&s1);
    gomap_clear(m);
    gomap_read_memstats(&s2);
    gomap_debug_info(m, &d);
    int found = 0;
    for (int k = 0; k < 1000; k++) found += gomap_access(m, &k) != NULL;
    printf("B %u -> %u, len %zu, found %d, allocations during clear %llu\n", B, d.B,
           gomap_len(m), found, (unsigned long long)(s2.heap_allocs - s1.heap_allocs));
    // CHECK: B 7 -> 7, len 0, found 0, allocations during clear 0
    for (int k = 0; k < 800; k++) *(int *)gomap_assign(m, &k) = -k;
    gomap_debug_info(m, &d);
    int k = 799;
    printf("refilled: B %u len %zu m[799]=%d\n", d.B, gomap_len(m), *(int *)gomap_access(m, &k));
    // CHECK-NEXT: refilled: B 7 len 800 m[799]=-799
    gomap_clear(m);
    gomap_clear(m);   /* already empty */
    gomap_clear(NULL);

    /* clear under a paused iterator, while growing */
    for (k = 0; k < 832; k++) gomap_assign(m, &k);
    gomap_iter it;
    void *kp, *vp;
    gomap_iter_init(&it, m);
    gomap_iter_next(&it, &kp, &vp);
    k = 5000;
    gomap_assign(m, &k);   /* passes the load factor: starts a growth */
    gomap_debug_info(m, &d);
    printf("growing %d\n", d.growing);
    // CHECK-NEXT: growing 1
    gomap_clear(m);
    int after = 0;
    while (gomap_iter_next(&it, &kp, &vp)) after++;
    gomap_debug_info(m, &d);
    printf("after clear the iterator returned %d, growing %d, B %u\n", after, d.growing, d.B);
    // CHECK-NEXT: after clear the iterator returned 0, growing 0, B 8
    gomap_free(m);

    /* indirect keys and values are freed by clear */
    m = gomap_make(GOMAP_TYPE(big, big), 0);
    big b = { { 0 } };
    for (int i = 0; i < 100; i++) {
        b.b[0] = (char)i;
        gomap_assign(m, &b);
    }
    gomap_read_memstats(&s1);
    gomap_clear(m);
    gomap_read_memstats(&s2);
    printf("clear freed %llu objects\n", (unsigned long long)(s2.heap_frees - s1.heap_frees));
    // CHECK-NEXT: clear freed 2{{[0-9][0-9]}} objects
    gomap_free(m);
    gomap_read_memstats(&s2);
    printf("balance: allocs-frees %lld bytes %lld\n",
           (long long)((s2.heap_allocs - s0.heap_allocs) - (s2.heap_frees - s0.heap_frees)),
           (long long)(s2.heap_bytes - s0.heap_bytes));
    // CHECK-NEXT: balance: allocs-frees 0 bytes 0
    return 0;
}
