// Rule: more ways a function's address reaches a pointer whose type promises
// noescape, each checked against the function's body like the forms of
// rule-noescape-promise.c (docs/design.md, "noescape promises are checked"):
// stored by an __atomic_* / __sync_* builtin (GCC passes the address as an
// integer), passed to an unprototyped call whose definition's parameter has
// the promising type, a nested function passed through its trampoline (also one
// set up by a sibling), an alias of an ifunc, GNU arithmetic on a function's
// address, an unprototyped call through an alias, and a body written in a
// system header (not exempt: callers trust it as any other).
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
    // ERR: promise-forms.c:[[@LINE+1]]:24: error: parameter 'm' is declared noescape but leaks to the heap
    void inner2(gomap *m) { saved = m; }
    visit_fn *sibling(void) { return inner2; }  /* the trampoline set up in another body */
    run(inner, 4);
    run(sibling(), 5);
    gomap_free(saved);
}

// An alias of an ifunc (its resolvers returning the next ifunc, ten deep),
// GNU arithmetic on a function's address, an unprototyped call through an alias.
typedef void fn_t(gomap *m);
// ERR: promise-forms.c:[[@LINE+1]]:28: error: parameter 'm' is declared noescape but leaks to the heap
static void keeper4(gomap *m) { G = m; }
#define LEVEL(n, next) static fn_t *res##n(void) { return next; } \
    void k##n(gomap *m) __attribute__((ifunc("res" #n)));
LEVEL(9, keeper4) LEVEL(8, k9) LEVEL(7, k8) LEVEL(6, k7) LEVEL(5, k6)
LEVEL(4, k5) LEVEL(3, k4) LEVEL(2, k3) LEVEL(1, k2) LEVEL(0, k1)
void k0_alias(gomap *m __attribute__((noescape))) __attribute__((alias("k0")));
// ERR: promise-forms.c:[[@LINE+1]]:28: error: parameter 'm' is declared noescape but leaks to the heap
static void keeper5(gomap *m) { G = m; }
// ERR: promise-forms.c:[[@LINE+1]]:28: error: parameter 'm' is declared noescape but leaks to the heap
static void keeper6(gomap *m) { G = m; }
void run_alias() __attribute__((alias("run_impl")));
void run_impl(visit_fn *cb, int n) { run(cb, n); }

void install2(void)
{
    hook1 = k0_alias;
    hook2 = keeper5 + 0;
    run_alias(keeper6, 6);
}

// A body written in a system header promises as any other.
# 1 "visit.h" 1 3
static void sys_keeper(gomap *m) { G = m; }
# 91 "promise-forms.c" 2
// ERR: visit.h:1:31: error: parameter 'm' is declared noescape but leaks to the heap
void install3(void) { hook1 = sys_keeper; }
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
