// The nil map (NULL): reads see an empty map, delete/clear/iterate/free do
// nothing, and assignment panics like Go and aborts.
// RUN: %cc %asan %s %gomap_asan -o %t && %not --crash %t 2>&1 | %FileCheck %s
#include <stdio.h>
#include "gomap.h"

int main(void)
{
    gomap *m = NULL;
    long k = 1;
    void *kp = &k, *vp = &k;
    gomap_iter it;
    gomap_iter_init(&it, m);
    void *a = gomap_access(m, &k);
    bool d = gomap_delete(m, &k), n = gomap_iter_next(&it, &kp, &vp);
    printf("access %p len %zu delete %d next %d %p %p\n", a, gomap_len(m), d, n, kp, vp);
    // CHECK: access (nil) len 0 delete 0 next 0 (nil) (nil)
    gomap_clear(m);
    gomap_free(m);
    printf("assigning\n");
    // CHECK-NEXT: assigning
    fflush(stdout);
    gomap_assign(m, &k);
    // CHECK-NEXT: panic: assignment to entry in nil map
    printf("not reached\n");
    // CHECK-NOT: not reached
    return 0;
}
