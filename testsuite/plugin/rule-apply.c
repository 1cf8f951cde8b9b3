// Rule: builtins that read or return a function's arguments without naming
// them are not modelled, so what flows into them escapes.
// __builtin_apply_args(): every parameter escapes (the block holds them), the
// block is an unknown pointer; __builtin_apply(f, args, n): an unknown call;
// __builtin_return(b): b and what it points to escape, the function's result
// is unknown (not closed: callers do not trust it).  GCC only: Clang has none
// of these builtins.  exec/forwarding.c runs them.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

void keep(gomap *m);

// CHECK: {{.*}}:[[@LINE+2]]:21: leaking param: m
// CHECK: {{.*}}:[[@LINE+1]]:32: leaking param: n
void forward(gomap *m, gomap **n)
{
    (void)m, (void)n;
    __builtin_apply((void (*)())keep, __builtin_apply_args(), 64);
}

// The block escapes, and so does what it holds.
// CHECK: {{.*}}:[[@LINE+1]]:26: leaking param: block
gomap *give_back(gomap **block)
{
    __builtin_return(block);
}

// give_back's result is unknown: a store through it goes to the heap (it
// did before too: a result with no sources points nowhere, and a store through
// a pointer to nowhere goes to the heap at the fixpoint).
void store_through(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: &slot escapes to heap
    gomap *slot[8] = { 0 };
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(gomap **)give_back(slot) = m;
}
