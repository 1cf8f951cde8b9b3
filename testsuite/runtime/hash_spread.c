// The seeded wyhash spreads keys like a random function: at the maximum load
// (6.5 entries per bucket) about 21% of buckets have an overflow bucket (Go's
// table in map.go: 20.90%), for sequential keys, for keys that are multiples of
// the bucket count (which an identity hash would pile into one bucket), and for
// string keys.  Too few overflows would mean a too-regular (identity) hash, too
// many a weak one.
// RUN: %cc -O2 %s %gomap -o %t && %t | %FileCheck %s
#include <stdio.h>
#include "gomap.h"
#include "gomap_debug.h"

enum { B = 12, N = 13 << (B - 1) };   /* 6.5 * 2^12 = 26624: no growth yet */

static const char *verdict(gomap *m)
{
    gomap_debug d;
    gomap_debug_info(m, &d);
    double pct = 100.0 * d.overflow / (1u << d.B);
    if (d.B != B) return "wrong B";
    return pct > 15 && pct < 28 ? "~21%" : pct <= 15 ? "too few" : "too many";
}

int main(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, char), N);
    for (uint64_t k = 0; k < N; k++) gomap_assign(m, &k);
    printf("sequential: %s\n", verdict(m));
    // CHECK: sequential: ~21%
    gomap_free(m);
    m = gomap_make(GOMAP_TYPE(uint64_t, char), N);
    for (uint64_t k = 0; k < N; k++) {
        uint64_t key = k << B;
        gomap_assign(m, &key);
    }
    printf("multiples of 2^B: %s\n", verdict(m));
    // CHECK-NEXT: multiples of 2^B: ~21%
    gomap_free(m);
    static char buf[N][12];
    m = gomap_make(GOMAP_TYPE_STR(char), N);
    for (int k = 0; k < N; k++) {
        int len = snprintf(buf[k], sizeof buf[k], "%d", k);
        gostring s = { buf[k], (size_t)len };
        gomap_assign(m, &s);
    }
    printf("strings: %s\n", verdict(m));
    // CHECK-NEXT: strings: ~21%
    gomap_free(m);
    return 0;
}
