// GOMAP_TYPE(K, V) hashes and compares a key's sizeof(K) bytes, all of them:
// unlike Go, 0.0 and -0.0 are two keys, a NaN finds itself (same bits), and
// padding bytes count, so two structs with equal members but different padding
// are two keys (zero a padded key with memset before filling it in).
// RUN: %cc %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "gomap.h"

typedef struct { char c; /* 3 padding bytes */ int i; } padded;

int main(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(double, int), 0);
    double pz = 0.0, nz = -0.0, nan = NAN;
    *(int *)gomap_assign(m, &pz) = 1;
    *(int *)gomap_assign(m, &nz) = 2;
    *(int *)gomap_assign(m, &nan) = 3;
    printf("0.0==-0.0 %d, len %zu, +0 %d, -0 %d, nan %d\n", pz == nz, gomap_len(m),
           *(int *)gomap_access(m, &pz), *(int *)gomap_access(m, &nz), *(int *)gomap_access(m, &nan));
    // CHECK: 0.0==-0.0 1, len 3, +0 1, -0 2, nan 3
    gomap_free(m);

    gomap *p = gomap_make(GOMAP_TYPE(padded, int), 0);
    padded a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0xff, sizeof b);
    a.c = b.c = 'x';
    a.i = b.i = 7;
    *(int *)gomap_assign(p, &a) = 1;
    printf("members equal %d, found b %d\n", a.c == b.c && a.i == b.i, gomap_access(p, &b) != NULL);
    // CHECK: members equal 1, found b 0
    memset(&b, 0, sizeof b);
    b.c = 'x';
    b.i = 7;
    printf("zeroed b found %d\n", *(int *)gomap_access(p, &b));
    // CHECK: zeroed b found 1
    gomap_free(p);
    return 0;
}
