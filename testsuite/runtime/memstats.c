// gomap_read_memstats: exact allocation accounting for a map[int64]int64
// (144-byte buckets, 96-byte header): a B=0 map allocates its bucket lazily, a
// hint allocates 2^B buckets plus 2^(B-4) spares in one array, growth adds the
// new array and frees the old one when evacuation completes, and gomap_free
// returns every counter to its start.
// RUN: %cc %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include "gomap.h"

static gomap_memstats base;

static void show(const char *what)
{
    gomap_memstats s;
    gomap_read_memstats(&s);
    printf("%s: allocs %llu frees %llu bytes %lld\n", what,
           (unsigned long long)(s.heap_allocs - base.heap_allocs),
           (unsigned long long)(s.heap_frees - base.heap_frees),
           (long long)(s.heap_bytes - base.heap_bytes));
}

int main(void)
{
    const gomap_type *t = GOMAP_TYPE(int64_t, int64_t);
    gomap_read_memstats(&base);
    gomap *m = gomap_make(t, 0);
    show("make");
    // CHECK: make: allocs 1 frees 0 bytes 96
    int64_t k = 1;
    gomap_assign(m, &k);
    show("first assign");
    // CHECK-NEXT: first assign: allocs 2 frees 0 bytes 240
    for (k = 2; k <= 9; k++) gomap_assign(m, &k);
    show("9 entries");
    // CHECK-NEXT: 9 entries: allocs 3 frees 1 bytes 384
    gomap_free(m);
    show("free");
    // CHECK-NEXT: free: allocs 3 frees 3 bytes 0
    gomap_read_memstats(&base);
    m = gomap_make(t, 100);
    show("hint 100");
    // CHECK-NEXT: hint 100: allocs 2 frees 0 bytes 2544
    gomap_free(m);
    show("free");
    // CHECK-NEXT: free: allocs 2 frees 2 bytes 0
    return 0;
}
