// Reduced by tools/fuzz/reduce.py from `tools/fuzz/gen.py 15 --families forward` (and
// tidied): a function forwards its arguments with __builtin_apply_args() /
// __builtin_apply() / __builtin_return() to a callee that stores the map in a global;
// the caller uses the map after its maker returned. The plugin of f1508c4 puts it on the
// stack: stack-use-after-return.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc -O0 %asan %s %gomap_asan -o %t/heap0
// RUN: %cc -O0 %asan %plugin %s %gomap_asan -o %t/stack0
// RUN: %cc -O2 %asan %plugin %s %gomap_asan -o %t/stack2
// RUN: %t/heap0 > %t/heap.out
// RUN: %t/stack0 > %t/stack0.out
// RUN: %t/stack2 > %t/stack2.out
// RUN: diff %t/heap.out %t/stack0.out
// RUN: diff %t/heap.out %t/stack2.out
#include <stdio.h>
#include "gomap.h"

static gomap *kept;

static void keep(gomap *m, int n) { kept = m; printf("kept with %d\n", n); }

__attribute__((noinline)) static void forward(gomap *m, int n)
{
    (void)m;
    (void)n;
    void *args = __builtin_apply_args();
    void *ret = __builtin_apply((void (*)())keep, args, 64);
    __builtin_return(ret);
}

__attribute__((noinline)) static void make(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 4;
    *(int *)gomap_assign(m, &k) = 44;
    forward(m, 7);
}

int main(void)
{
    make();
    int k = 4;
    int *v = gomap_access(kept, &k);
    printf("len %zu, [4] = %d\n", gomap_len(kept), v ? *v : -1);
    gomap_free(kept);
    return 0;
}
