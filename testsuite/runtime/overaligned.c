// A key or value type whose size is not a multiple of its alignment (a typedef with
// a larger `aligned` attribute) cannot be an array element, and a bucket holds arrays
// of keys and values: the descriptor is refused with a clear message, instead of
// misaligned slots (UBSan reported every other value slot before).
// RUN: %cc %asan %s %gomap_asan -o %t && %not --crash %t 2>&1 | %FileCheck %s
// RUN: %cc -O2 %s %plugin %gomap -o %t2 && %not --crash %t2 2>&1 | %FileCheck %s
#include <stdio.h>
#include "gomap.h"

typedef long al16 __attribute__((aligned(16)));

int main(void)
{
    gomap *ok = gomap_make(GOMAP_TYPE(int, long), 0);   /* an ordinary one is fine */
    gomap_free(ok);
    printf("ok made\n");
    // CHECK: ok made
    gomap_make(GOMAP_TYPE(int, al16), 0);
    // CHECK: fatal error: gomap: descriptor for map[int]al16: a key or value size is not a multiple of its alignment (key 4/4, value 8/16 bytes)
    printf("not reached\n");
    // CHECK-NOT: not reached
    return 0;
}
