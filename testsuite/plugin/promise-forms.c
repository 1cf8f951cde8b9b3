// Rule: more ways a function's address reaches a pointer whose type promises
// noescape, each checked against the function's body like the forms of
// rule-noescape-promise.c (docs/design.md, "noescape promises are checked"):
// stored by an __atomic_* / __sync_* builtin (GCC passes the address as an
// integer), passed to an unprototyped call whose definition's parameter has
// the promising type, and a nested function passed through its trampoline.
// The plugin before this rule checked none of them: callers kept their maps
// on the stack while these bodies kept them (stack-use-after-return; found by
// an attack helper).  An ifunc whose resolver returns the ifunc itself is
// never checked against anything, and is not trusted; it compiled to an
// internal compiler error (unbounded recursion) before.  (escape-clang does
// not check these forms.)
//
// RUN: %not %cc -O0 -fno-diagnostics-show-caret -c %s %plugin -o /dev/null 2>&1 | %FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %not %cc -O2 -fno-diagnostics-show-caret -c %s %plugin -o /dev/null 2>&1 | %FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %cc -O2 -DCYCLE -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=CYCLE
#include "gomap.h"

gomap *G;
typedef void visit_fn(gomap *m __attribute__((noescape)));

#ifndef CYCLE
// ERR: promise-forms.c:[[@LINE+1]]:28: error: parameter 'm' is declared noescape but leaks to the heap
static void keeper1(gomap *m) { G = m; }
// ERR: promise-forms.c:[[@LINE+1]]:28: error: parameter 'm' is declared noescape but leaks to the heap
static void keeper2(gomap *m) { G = m; }
// ERR: promise-forms.c:[[@LINE+1]]:28: error: parameter 'm' is declared noescape but leaks to the heap
static void keeper3(gomap *m) { G = m; }
static visit_fn *hook1, *hook2;

static void run();

void install(void)
{
    __atomic_store_n(&hook1, keeper1, __ATOMIC_RELEASE);
    __sync_lock_test_and_set(&hook2, keeper2);
    run(keeper3, 3);
}

static void run(visit_fn *cb, int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &n) = n;
    cb(m);
}

void outer(void)
{
    gomap *saved = NULL;
    // ERR: promise-forms.c:[[@LINE+1]]:23: error: parameter 'm' is declared noescape but leaks to the heap
    void inner(gomap *m) { saved = m; }
    run(inner, 4);
    gomap_free(saved);
}
#else
typedef void fn_t(gomap *m);
void keep(gomap *m __attribute__((noescape)));
static fn_t *resolve_keep(void) { return keep; }
void keep(gomap *m __attribute__((noescape))) __attribute__((ifunc("resolve_keep")));

void user(void)
{
    // CYCLE: promise-forms.c:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    keep(m);
}
#endif
