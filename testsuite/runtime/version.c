// A descriptor built for another layout version is refused with a clear message.
// RUN: %cc %asan %s %gomap_asan -o %t && %not --crash %t 2>&1 | %FileCheck %s
#include <stdio.h>
#include "gomap.h"

int main(void)
{
    static const gomap_type old = { GOMAP_LAYOUT_VERSION + 1, 4, 4, 4, 4, 0, "map[int]int" };
    gomap_make(&old, 0);
    // CHECK: fatal error: gomap: descriptor for map[int]int has layout version 2, this runtime expects 1
    printf("not reached\n");
    // CHECK-NOT: not reached
    return 0;
}
