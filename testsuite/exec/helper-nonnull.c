// A helper whose map its caller may keep gets a clone with two storage
// parameters appended (docs/design.md, "Maps made by helpers"); a caller keeping
// the map on the heap passes NULL for them.  The clone keeps the helper's
// function-type attributes, but a bare `nonnull` (every pointer parameter) would
// then cover the storage parameters: it becomes `nonnull` of the helper's own
// pointer parameters.  The plugin before this rule made valid code fail under
// -Wall -Werror ("argument 5 null where non-null expected" in a call the program
// never wrote), and with the runtime built from source under -flto GCC folded
// the clone's `hmap ? gomap_make_on : gomap_make` to gomap_make_on(NULL) (found
// by an attack helper).
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -Wall -Werror -fno-inline %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O0 -Wall -Werror %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -flto -w %s %root/runtime/gomap.c %root/runtime/gomap_iter.c %root/runtime/gomap_mem.c %plugin -lpthread -o %tl && %tl | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdio.h>

gomap *G;

// CHECK: [[@LINE+2]]:55: a does not escape
// CHECK: [[@LINE+1]]:66: b does not escape
__attribute__((nonnull, noinline)) void init2(gomap **a, gomap **b)
{
    // CHECK: [[@LINE+1]]:10: make(map[int]int) escapes to heap
    *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: [[@LINE+1]]:10: make(map[int]int) escapes to heap
    *b = gomap_make(GOMAP_TYPE(int, int), 0);
}

__attribute__((noinline)) static size_t both_local(void)
{
    gomap *x, *y;
    // CHECK: [[@LINE+1]]:5: make(map[int]int) made by init2 does not escape
    init2(&x, &y);                  /* both on the stack */
    *(int *)gomap_assign(x, &(int){2}) = 1;
    size_t n = gomap_len(x) + gomap_len(y);
    gomap_free(x);
    gomap_free(y);
    return n;
}

int main(void)
{
    gomap *la;
    // CHECK: [[@LINE+2]]:5: make(map[int]int) made by init2 does not escape
    // CHECK: [[@LINE+1]]:5: make(map[int]int) made by init2 escapes to heap
    init2(&la, &G);                 /* la on the stack; G's map on the heap */
    *(int *)gomap_assign(la, &(int){1}) = 5;
    *(int *)gomap_assign(G, &(int){1}) = 6;
    printf("%zu %zu %zu\n", gomap_len(la), gomap_len(G), both_local());
    return 0;
}
// OUT: 1 1 1
