// Reduced by tools/fuzz/reduce.py from `tools/fuzz/gen.py 14 --families inline` (and
// tidied): main.c has an inline definition of stash() that keeps nothing (C99 `inline`,
// or `extern inline __attribute__((gnu_inline))`), ext.c its external definition, which
// keeps the map in a global. Built with -fno-inline (and at -O0), the external definition
// is the one called; the caller uses the map after its maker returned. The plugin of
// f1508c4 trusts the inline body and puts the map on the stack (at -O2):
// stack-use-after-return.
// RUN: rm -rf %t && split-file %s %t
// RUN: %cc -O2 -fno-inline %asan %t/main.c %t/ext.c %gomap_asan -o %t/heap
// RUN: %cc -O2 -fno-inline %asan %plugin %t/main.c %t/ext.c %gomap_asan -o %t/stack
// RUN: %cc -O2 -fno-inline -DGNU %asan %plugin %t/main.c %t/ext.c %gomap_asan -o %t/stack-gnu
// RUN: %cc -O0 %asan %plugin %t/main.c %t/ext.c %gomap_asan -o %t/stack0
// RUN: %t/heap > %t/heap.out
// RUN: %t/stack > %t/stack.out
// RUN: %t/stack-gnu > %t/stack-gnu.out
// RUN: %t/stack0 > %t/stack0.out
// RUN: diff %t/heap.out %t/stack.out
// RUN: diff %t/heap.out %t/stack-gnu.out
// RUN: diff %t/heap.out %t/stack0.out

//--- main.c
#include <stdio.h>
#include <stdlib.h>
#include "gomap.h"

extern gomap *stashed;

#ifdef GNU
extern inline __attribute__((gnu_inline)) void stash(gomap *m, int n)
#else
inline void stash(gomap *m, int n)
#endif
{
    (void)m;
    if (n < 0)
        abort();
}

__attribute__((noinline)) static void make(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 5;
    *(int *)gomap_assign(m, &k) = 55;
    stash(m, 1);
}

int main(void)
{
    make();
    int k = 5;
    int *v = gomap_access(stashed, &k);
    printf("len %zu, [5] = %d\n", gomap_len(stashed), v ? *v : -1);
    gomap_free(stashed);
    return 0;
}

//--- ext.c
#include "gomap.h"

gomap *stashed;

void stash(gomap *m, int n)
{
    stashed = m;
    (void)n;
}
