// A map never freed is a leak LeakSanitizer reports with the allocation's stack:
// the ASan runtime keeps frame pointers, so the fast unwinder walks from the
// runtime's allocation through gomap_assign / gomap_make into the user's
// function that made the map.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t
// (Without ASan's fake frames: a dead fake frame still holding the map's pointer
// would make LeakSanitizer see it as reachable.)
// RUN: env ASAN_OPTIONS=detect_leaks=1 %not %t 2>&1 | %FileCheck %s
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: in rt_alloc
// CHECK-NEXT: in gomap_make
// CHECK-NEXT: in forget {{.*}}leak_trace.c
// CHECK: in rt_alloc
// CHECK: in gomap_assign
// CHECK-NEXT: in forget {{.*}}leak_trace.c
#include <stdio.h>
#include "gomap.h"

__attribute__((noinline)) static size_t forget(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i;
    return gomap_len(m);
}

/* Overwrite the dead frames below main, which may still hold the map's address. */
__attribute__((noinline)) static void clobber(void)
{
    volatile char junk[16384];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0;
}

int main(void)
{
    size_t n = forget(100);
    clobber();
    printf("%zu\n", n);
    return 0;
}
