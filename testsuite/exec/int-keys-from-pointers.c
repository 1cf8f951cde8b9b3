// Why integers copied through a pointer parameter still carry what the caller
// put there.  Go says `xs does not escape` for a helper that copies the ints
// xs points to into a map it was given (ints hold no pointers in Go).  In C
// the caller may hand it pointer bytes under an integer type: gomap_assign
// copies the key's bytes (a copy, not an exposure), and a later reader of the
// key as an integer exposes them and may turn them back into the pointer
// (C11 7.20.1.4, TS 6010).  With the callee's summary saying nothing leaks
// from *xs, the map whose handle the caller lent would stay on the stack while
// the map holding its bytes outlives the caller.  So the helper keeps
// `leaking param content: xs`: the caller's memory reached by the summary
// cannot be typed from the callee's side (run under ASan with
// detect_stack_use_after_return at -O0 and -O2: a handle on the stack is
// reported when main rebuilds and uses it).
//
// RUN: %cc -O0 -c %s -I %S/Inputs %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s -I %S/Inputs %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -I%S/Inputs 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %t.heap > %t.heap.out
// RUN: %t.stack > %t.stack.out
// RUN: %t.stack0 > %t.stack0.out
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: %FileCheck %s --check-prefix=OUT < %t.stack.out
#include <stdint.h>
#include <stdio.h>
#include "maps.h"

// CHECK: {{.*}}:[[@LINE+2]]:35: m does not escape
// CHECK: {{.*}}:[[@LINE+1]]:54: leaking param content: xs
static NOINL void add_keys(gomap *m, const intptr_t *xs, int n)
{
    for (int i = 0; i < n; i++)
        *(int *)gomap_assign(m, &xs[i]) = i;
}

// The caller lends its map's handle as an integer key of a map it returns.
static NOINL gomap *lend(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(a, &(int){ 4 }) = 44;
    gomap *hold[1] = { a };
    // CHECK: {{.*}}:[[@LINE+1]]:19: make(map[intptr_t]int) escapes to heap
    gomap *keys = gomap_make(GOMAP_TYPE(intptr_t, int), 0);
    add_keys(keys, (const intptr_t *)(void *)hold, 1);
    return keys;
}

int main(void)
{
    // main keeps lend's map (maps made by helpers); `a`, whose bytes it holds, stays on the heap
    // CHECK: {{.*}}:[[@LINE+1]]:19: make(map[intptr_t]int) made by lend does not escape
    gomap *keys = lend();
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, keys);
    while (gomap_iter_next(&it, &k, &v)) {
        gomap *a = (gomap *)*(intptr_t *)k;      /* the key read as data, rebuilt */
        printf("lent: %ld\n", total(a));
        gomap_free(a);
    }
    gomap_free(keys);
    return 0;
}
// OUT: lent: 4044
