// A map handle copied out in pieces narrower than a pointer - memcpy into two
// uint32_t, then recombined into a global uint64_t - outlives its function just
// as if it were stored whole, and the caller reads the map through it after
// the frame is gone.  The map must stay on the heap: with the plugin and
// detect_stack_use_after_return, a stack decision is a stack-use-after-return
// report.  The second map goes out in halves written by typed stores into a
// struct of two uint32_t (no memcpy, union or cast at the stores).
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %t.heap > %t.heap.out
// RUN: %t.stack > %t.stack.out
// RUN: diff %t.heap.out %t.stack.out
// RUN: %FileCheck %s < %t.stack.out
// CHECK: value 42, len 1
// CHECK: typed value 43, len 1
#include <string.h>
#include "phase.h"
#include "stale.h"

uint64_t stashed;

__attribute__((noinline)) static void stash(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 42;
    uint32_t half[2];
    memcpy(half, &m, sizeof m);
    stashed = ((uint64_t)half[1] << 32) | half[0];
}

struct halves { uint32_t lo, hi; };
uint64_t stashed_typed;

__attribute__((noinline)) static void stash_typed(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 43;
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    struct halves h;
    h.lo = (uint32_t)u;
    h.hi = (uint32_t)(u >> 32);
    stashed_typed = ((uint64_t)h.hi << 32) | h.lo;
}

int main(void)
{
    stash();
    stash_typed();
    scribble(4);
    show("", stashed);
    show("typed", stashed_typed);
    return 0;
}
