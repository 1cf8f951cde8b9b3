// Growth: B rises exactly when an insert passes 6.5 entries per bucket (Go's
// overLoadFactor), the hint picks the B that holds it, and every key stays
// findable while old buckets are evacuated incrementally (lookups interleaved).
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include "gomap.h"
#include "gomap_debug.h"

int main(void)
{
    const gomap_type *t = GOMAP_TYPE(uint64_t, uint64_t);
    gomap *m = gomap_make(t, 0);
    gomap_debug d;
    unsigned lastB = 0, growing_seen = 0, bad = 0;
    for (uint64_t k = 0; k < 200000; k++) {
        *(uint64_t *)gomap_assign(m, &k) = k * 3;
        if (k < 2000 || k % 64 == 0) {   /* exact up to B = 8, then sampled */
            gomap_debug_info(m, &d);
            if (d.B != lastB) {
                if (d.B <= 8) printf("len %zu B %u\n", gomap_len(m), d.B);
                lastB = d.B;
            }
            growing_seen += d.growing;
        }
        /* interleaved lookups: a recent key, an old key, and a missing one */
        uint64_t probe[3] = { k / 2, k * 7919 % (k + 1), k + 1 };
        for (int i = 0; i < 3; i++) {
            uint64_t *v = gomap_access(m, &probe[i]);
            if ((v == NULL) != (probe[i] > k) || (v && *v != probe[i] * 3)) bad++;
        }
    }
    // CHECK: len 9 B 1
    // CHECK-NEXT: len 14 B 2
    // CHECK-NEXT: len 27 B 3
    // CHECK-NEXT: len 53 B 4
    // CHECK-NEXT: len 105 B 5
    // CHECK-NEXT: len 209 B 6
    // CHECK-NEXT: len 417 B 7
    // CHECK-NEXT: len 833 B 8
    printf("final B %u, inserts during growth %s, bad lookups %u\n", lastB,
           growing_seen > 200 ? "many" : "few", bad);
    // CHECK-NEXT: final B 15, inserts during growth many, bad lookups 0
    uint64_t sum = 0;
    for (uint64_t k = 0; k < 200000; k++) sum += *(uint64_t *)gomap_access(m, &k);
    printf("sum %llu len %zu\n", (unsigned long long)sum, gomap_len(m));
    // CHECK-NEXT: sum 59999700000 len 200000
    gomap_free(m);

    size_t hints[] = { 0, 8, 9, 13, 14, 26, 27, 100, 1000, 1 << 20 };
    for (unsigned i = 0; i < sizeof hints / sizeof hints[0]; i++) {
        m = gomap_make(t, hints[i]);
        gomap_debug_info(m, &d);
        unsigned B0 = d.B;
        for (uint64_t k = 0; k < hints[i]; k++) gomap_assign(m, &k);
        gomap_debug_info(m, &d);
        printf("hint %zu B %u%s\n", hints[i], B0, d.B == B0 ? "" : " (grew)");
        gomap_free(m);
    }
    // CHECK-NEXT: hint 0 B 0
    // CHECK-NEXT: hint 8 B 0
    // CHECK-NEXT: hint 9 B 1
    // CHECK-NEXT: hint 13 B 1
    // CHECK-NEXT: hint 14 B 2
    // CHECK-NEXT: hint 26 B 2
    // CHECK-NEXT: hint 27 B 3
    // CHECK-NEXT: hint 100 B 4
    // CHECK-NEXT: hint 1000 B 8
    // CHECK-NEXT: hint 1048576 B 18
    return 0;
}
