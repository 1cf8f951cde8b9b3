// An iterator paused while many other iterations were abandoned and the map
// regrew repeatedly may find its bucket array reclaimed by the graveyard cap: it
// then stops the program with a message rather than read freed memory.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %not --crash %t 2>&1 | %FileCheck %s
// CHECK: resuming
// CHECK-NEXT: fatal error: gomap: iteration over map[uint64_t]uint64_t resumed after its bucket array was reclaimed
#include <stdio.h>
#include "gomap.h"

int main(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    uint64_t next = 0, oldest = 0;
    for (; next < 830; next++) gomap_assign(m, &next);
    gomap_iter paused, it;
    void *k, *v;
    gomap_iter_init(&paused, m);
    gomap_iter_next(&paused, &k, &v);
    for (int round = 0; round < 3000; round++) {
        gomap_iter_init(&it, m);   /* abandoned */
        gomap_iter_next(&it, &k, &v);
        for (int i = 0; i < 200; i++, next++, oldest++) {
            gomap_assign(m, &next);
            gomap_delete(m, &oldest);
        }
    }
    printf("resuming\n");
    fflush(stdout);
    while (gomap_iter_next(&paused, &k, &v)) {}
    printf("not reached\n");
    gomap_free(m);
    return 0;
}
