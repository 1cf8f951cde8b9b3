// Keys and values of an over-aligned type (_Alignas(64) structs) get slots of
// that alignment in heap buckets too: bucket arrays, overflow buckets and the
// objects of indirect keys and values come from an aligned allocation
// (rt_alloc_aligned), not calloc, whose 16-byte alignment left every slot at 16
// mod 64 (UBSan: store to misaligned address; found by an attack helper).  A map
// grows through overflow buckets and several arrays; every slot is checked, and
// UBSan's alignment check runs on the stores.
// RUN: %cc -O2 -fsanitize=alignment -fno-sanitize-recover=all %s %gomap -o %t && %t | %FileCheck %s
// RUN: %cc %asan %s %gomap_asan -o %ta && %ta | %FileCheck %s
// RUN: %cc -O2 -fsanitize=alignment -fno-sanitize-recover=all %s %plugin %gomap -o %tp && %tp | %FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include "gomap.h"

struct v64 { _Alignas(64) long a[8]; };          /* 64 bytes, direct */
struct big64 { _Alignas(64) long a[40]; };       /* 320 bytes: an indirect value */
struct k64 { _Alignas(64) int id; char pad[60]; }; /* an indirect-free 64-byte key */

static int misaligned(const void *p, size_t a) { return (uintptr_t)p % a != 0; }

int main(void)
{
    gomap *a = gomap_make(GOMAP_TYPE(int, struct v64), 0);
    gomap *b = gomap_make(GOMAP_TYPE(int, struct big64), 0);
    gomap *c = gomap_make(GOMAP_TYPE(struct k64, int), 0);
    int bad = 0;
    long sum = 0;
    for (int i = 0; i < 200; i++) {
        struct v64 *p = gomap_assign(a, &i);
        bad += misaligned(p, 64);
        struct v64 v = { { i } };
        *p = v;
        struct big64 *q = gomap_assign(b, &i);
        bad += misaligned(q, 64);
        struct big64 w = { { i, i } };
        *q = w;
        struct k64 k = { .id = i };
        int *r = gomap_assign(c, &k);
        *r = i;
    }
    gomap_iter it;
    void *kp, *vp;
    gomap_iter_init(&it, c);
    while (gomap_iter_next(&it, &kp, &vp)) {
        bad += misaligned(kp, 64);
        sum += ((struct k64 *)kp)->id;
    }
    for (int i = 0; i < 200; i++) {
        sum += ((struct v64 *)gomap_access(a, &i))->a[0];
        sum += ((struct big64 *)gomap_access(b, &i))->a[1];
    }
    // CHECK: misaligned 0 sum 59700 len 200 200 200
    printf("misaligned %d sum %ld len %zu %zu %zu\n", bad, sum, gomap_len(a), gomap_len(b),
           gomap_len(c));
    gomap_free(a);
    gomap_free(b);
    gomap_free(c);
    return 0;
}
