// Diagnostics, -m=2: a path that ends in a temporary.  The walk's root here is
// the copy of `keep` that `gomap_free(keep)` reads after the loop (at depth 0,
// outside the loop that made the map); that copy is no hop of its own: the
// explanation ends with the hop into `keep`, whose last note is that read.
// GCC only: escape-clang sees the store `*pp = m` as a store through `pp` and
// explains the same verdict through `pp = &keep`.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --match-full-lines --strict-whitespace --implicit-check-not=escape --implicit-check-not=flow
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --match-full-lines --strict-whitespace --implicit-check-not=escape --implicit-check-not=flow
#include "gomap.h"

size_t through_pointer(int n)
{
    // CHECK:{{.*}}diag-m2-tail.c:[[@LINE+1]]:19: make(map[int]int) does not escape
    gomap *keep = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap **pp = &keep;
    size_t s = 0;
    for (int i = 0; i < n; i++) {
        // CHECK-NEXT:{{.*}}diag-m2-tail.c:[[#L:@LINE+6]]:20: make(map[int]int) escapes to heap
        // CHECK-NEXT:{{.*}}diag-m2-tail.c:[[#L]]:20:   flow: m = &{storage for make(map[int]int)}:
        // CHECK-NEXT:{{.*}}diag-m2-tail.c:[[#L]]:20:     from make(map[int]int) (call result) at {{.*}}diag-m2-tail.c:[[#L]]:20
        // CHECK-NEXT:{{.*}}diag-m2-tail.c:[[#L]]:20:   flow: keep = m:
        // CHECK-NEXT:{{.*}}diag-m2-tail.c:[[#L]]:20:     from m (assign) at {{.*}}diag-m2-tail.c:[[#L+3]]:13
        // CHECK-NEXT:{{.*}}diag-m2-tail.c:[[#L]]:20:     from keep (assign) at {{.*}}diag-m2-tail.c:[[#L+5]]:5
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        s += gomap_len(*pp);
        gomap_free(*pp);
        *pp = m;
    }
    gomap_free(keep);
    return s;
}
