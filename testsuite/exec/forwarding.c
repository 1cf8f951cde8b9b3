// Functions that pass on their arguments or their result without naming them:
// __builtin_apply_args / __builtin_apply (forward every argument to another
// function) and __builtin_return (return what a block holds).  The analysis
// does not model the blocks, so what flows into them escapes: every parameter
// of a function calling __builtin_apply_args, the arguments of
// __builtin_apply, the block given to __builtin_return, and that function's
// result is unknown.  A plugin that sees none of this ("m does not escape", a
// result with no sources counted as closed) puts the maps below on the stack,
// and the reads after their maker returned are stack-use-after-return reports.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %t.heap > %t.heap.out
// RUN: %t.stack > %t.stack.out
// RUN: %t.stack0 > %t.stack0.out
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: %FileCheck %s < %t.stack.out
#include <stdio.h>
#include <string.h>
#include "maps.h"

static gomap *g_kept;

static NOINL void keep(gomap *m)
{
    g_kept = m;
}

/* 1. Forwards its arguments to keep without naming them. */
static NOINL void forward(gomap *m)
{
    (void)m;
    void *args = __builtin_apply_args();
    __builtin_apply((void (*)())keep, args, 64);
}

static NOINL void make_forward(void)
{
    LOCAL_MAP(m, 3, 10);
    forward(m);
}

/* 2. Forwards its arguments and the callee's result. */
static NOINL gomap *identity(gomap *m)
{
    return m;
}

static NOINL gomap *forward_result(gomap *m)
{
    (void)m;
    void *args = __builtin_apply_args();
    void *ret = __builtin_apply((void (*)())identity, args, 64);
    __builtin_return(ret);
}

static gomap *g_returned;

static NOINL void make_forward_result(void)
{
    LOCAL_MAP(m, 4, 20);
    g_returned = forward_result(m);
}

/* 3. Returns the map a block holds (the integer return register is the
 *    block's first word on x86-64).  The old plugin got this one right (the
 *    block escapes by GCC's flags for __builtin_return); kept so that the
 *    result stays unknown, never "closed" with no sources. */
static NOINL gomap *give_back(gomap **block)
{
    __builtin_return(block);
}

static gomap *g_given;

static NOINL void make_give_back(void)
{
    LOCAL_MAP(m, 5, 30);
    gomap *block[8] = { m };
    g_given = give_back(block);
}

/* An argument selects cases ("13"), none runs all. */
int main(int argc, char **argv)
{
    const char *only = argc > 1 ? argv[1] : "123";
    if (strchr(only, '1')) {
        make_forward();
        printf("forward: total=%ld\n", total(g_kept));
    }
    if (strchr(only, '2')) {
        make_forward_result();
        printf("forward result: total=%ld\n", total(g_returned));
    }
    if (strchr(only, '3')) {
        make_give_back();
        printf("give back: total=%ld\n", total(g_given));
    }
    return 0;
}
// CHECK: forward: total=3033
// CHECK: forward result: total=6086
// CHECK: give back: total=10160
