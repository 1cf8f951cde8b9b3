// Keys and values over 128 bytes are stored indirectly, one allocation each
// (Go's indirectkey/indirectelem): assign allocates two objects, delete frees
// them, iteration and access point at the out-of-line bytes, and growth moves
// only the pointers.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include <string.h>
#include "gomap.h"

typedef struct { char s[200]; } bigkey;
typedef struct { long n[40]; } bigval;   /* 320 bytes */

static bigkey key(int i)
{
    bigkey k;
    memset(&k, 'a' + i % 26, sizeof k);
    snprintf(k.s, sizeof k.s, "key-%d", i);
    return k;
}

static long stat_delta(const gomap_memstats *a, const gomap_memstats *b, int which)
{
    return which ? (long)(b->heap_frees - a->heap_frees) : (long)(b->heap_allocs - a->heap_allocs);
}

int main(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(bigkey, bigval), 1000);
    gomap_memstats s0, s1;
    bigkey k = key(1);
    gomap_read_memstats(&s0);
    bigval *v = gomap_assign(m, &k);
    gomap_read_memstats(&s1);
    long zero = 0;
    for (int i = 0; i < 40; i++) zero |= v->n[i];
    printf("one assign: %ld allocations, value zero %d\n", stat_delta(&s0, &s1, 0), zero == 0);
    // CHECK: one assign: 2 allocations, value zero 1
    v->n[39] = 7;
    gomap_read_memstats(&s0);
    gomap_assign(m, &k);
    gomap_read_memstats(&s1);
    printf("reassign: %ld allocations\n", stat_delta(&s0, &s1, 0));
    // CHECK-NEXT: reassign: 0 allocations
    bool d = gomap_delete(m, &k);
    gomap_read_memstats(&s0);
    printf("delete %d: %ld frees\n", d, stat_delta(&s1, &s0, 1));
    // CHECK-NEXT: delete 1: 2 frees
    for (int i = 0; i < 5000; i++) {
        k = key(i);
        ((bigval *)gomap_assign(m, &k))->n[39] = i;
    }
    long bad = 0, n = 0;
    gomap_iter it;
    void *kp, *vp;
    for (gomap_iter_init(&it, m); gomap_iter_next(&it, &kp, &vp); n++) {
        int i;
        sscanf(((bigkey *)kp)->s, "key-%d", &i);
        k = key(i);
        if (memcmp(kp, &k, sizeof k) || ((bigval *)vp)->n[39] != i) bad++;
        if (gomap_access(m, kp) != vp) bad++;
    }
    printf("iterated %ld, bad %ld\n", n, bad);
    // CHECK-NEXT: iterated 5000, bad 0
    gomap_free(m);
    return 0;
}
