// gomap_make_on with caller storage: header and first bucket on this function's
// stack, sized with the layout functions.  The counters record it, the map grows
// past the given bucket, and gomap_free frees exactly what the runtime allocated
// (ASan reports any leak or any free of stack storage).
// RUN: %cc %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include "gomap.h"
#include "gomap_debug.h"

typedef struct { short a; char c; } key3;   /* 4 bytes, align 2 */
#define BSIZE gomap_layout_bucket_size(sizeof(key3), _Alignof(key3), sizeof(double), _Alignof(double))
#define BALIGN 8

static long long d(uint64_t a, uint64_t b) { return (long long)(a - b); }

int main(void)
{
    gomap_memstats s0, s1;
    gomap_debug dbg;
    const gomap_type *t = GOMAP_TYPE(key3, double);
    _Alignas(GOMAP_HMAP_ALIGN) char hmap[GOMAP_HMAP_SIZE];
    _Alignas(BALIGN) char bucket[BSIZE];
    printf("bucket %zu bytes, align %zu\n", sizeof bucket,
           gomap_layout_bucket_align(sizeof(key3), _Alignof(key3), sizeof(double), _Alignof(double)));
    // CHECK: bucket 112 bytes, align 8
    gomap_read_memstats(&s0);
    gomap *m = gomap_make_on(t, 8, hmap, bucket);
    for (short i = 0; i < 8; i++) *(double *)gomap_assign(m, &(key3){ i, 'x' }) = i;
    gomap_read_memstats(&s1);
    gomap_debug_info(m, &dbg);
    printf("8 entries: stack maps +%lld buckets +%lld heap allocs +%lld given %d %d\n",
           d(s1.stack_maps, s0.stack_maps), d(s1.stack_buckets, s0.stack_buckets),
           d(s1.heap_allocs, s0.heap_allocs), dbg.hmap_given, dbg.bucket_given);
    // CHECK-NEXT: 8 entries: stack maps +1 buckets +1 heap allocs +0 given 1 1
    for (short i = 8; i < 1000; i++) *(double *)gomap_assign(m, &(key3){ i, 'x' }) = i;
    double sum = 0;
    for (short i = 0; i < 1000; i++) sum += *(double *)gomap_access(m, &(key3){ i, 'x' });
    gomap_debug_info(m, &dbg);
    printf("grown: len %zu B %u sum %g, still on given bucket %d\n", gomap_len(m), dbg.B, sum,
           dbg.bucket_given);
    // CHECK-NEXT: grown: len 1000 B 8 sum 499500, still on given bucket 0
    gomap_free(m);
    gomap_read_memstats(&s1);
    printf("after free: allocs-frees %lld bytes %lld\n",
           d(s1.heap_allocs, s0.heap_allocs) - d(s1.heap_frees, s0.heap_frees),
           d(s1.heap_bytes, s0.heap_bytes));
    // CHECK-NEXT: after free: allocs-frees 0 bytes 0

    /* a hint above one bucket: the bucket is not used; no bucket: allocated lazily */
    gomap_read_memstats(&s0);
    m = gomap_make_on(t, 100, hmap, bucket);
    gomap_free(m);
    m = gomap_make_on(t, 0, hmap, NULL);
    gomap_read_memstats(&s1);
    printf("hint 100 / no bucket: stack maps +%lld buckets +%lld\n",
           d(s1.stack_maps, s0.stack_maps), d(s1.stack_buckets, s0.stack_buckets));
    // CHECK-NEXT: hint 100 / no bucket: stack maps +2 buckets +0
    short one = 1;
    gomap_assign(m, &(key3){ one, 'y' });
    gomap_free(m);

    /* a given bucket retired under a paused iterator is never freed either */
    m = gomap_make_on(t, 0, hmap, bucket);
    for (short i = 0; i < 8; i++) gomap_assign(m, &(key3){ i, 'z' });
    gomap_iter it;
    void *kp, *vp;
    gomap_iter_init(&it, m);
    gomap_iter_next(&it, &kp, &vp);
    for (short i = 8; i < 100; i++) gomap_assign(m, &(key3){ i, 'z' });
    int n = 1;
    while (gomap_iter_next(&it, &kp, &vp)) n++;
    printf("iterated across growth away from the given bucket: %d >= 8\n", n >= 8 ? n - n + 8 : n);
    // CHECK-NEXT: iterated across growth away from the given bucket: 8 >= 8
    gomap_free(m);
    gomap_read_memstats(&s1);
    printf("end: allocs-frees %lld bytes %lld\n",
           d(s1.heap_allocs, s0.heap_allocs) - d(s1.heap_frees, s0.heap_frees),
           d(s1.heap_bytes, s0.heap_bytes));
    // CHECK-NEXT: end: allocs-frees 0 bytes 0
    return 0;
}
