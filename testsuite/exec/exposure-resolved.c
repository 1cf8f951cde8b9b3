// The exposure rule when the raw memory is known only after store resolution
// (docs/design.md "Soundness", plugin/core/store.c): the handle's bytes are
// copied as data into `b` through a pointer `pb`, so `b` becomes raw only when the
// store into `pb->bits` (a memcpy) is resolved to `b`; the later typed read `pb->bits`
// then reads raw memory and exposes it.  The core skips the exposure walks while
// no location of the unit is raw, so every way a location becomes raw must say
// so (c->any_raw): a resolved store is one of them.  Without that, the map went
// on the stack and the rebuilt handle was used after leak() returned (a
// stack-use-after-return under detect_stack_use_after_return).
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t.stack0
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t.stack2
// RUN: %t.stack0 | %FileCheck %s
// RUN: %t.stack2 | %FileCheck %s
// CHECK: len 1, value 42
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "gomap.h"

struct box { long bits; };

__attribute__((noinline)) long leak(void)
{
    // M: {{.*}}exposure-resolved.c:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){ 1 }) = 42;
    gomap *hold = m;
    struct box b;
    struct box *pb = &b;
    memcpy(&pb->bits, &hold, sizeof hold);  /* the handle's bytes, copied as data into b */
    return pb->bits;                    /* read back typed: b's memory is raw */
}

int main(void)
{
    gomap *m = (gomap *)(intptr_t)leak();
    int *v = gomap_access(m, &(int){ 1 });
    printf("len %zu, value %d\n", gomap_len(m), v ? *v : -1);
    gomap_free(m);
    return 0;
}
