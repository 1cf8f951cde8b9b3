// Rule: a noescape promise made on a declaration that names another function's
// symbol - an asm label (`void keep(gomap *m noescape) __asm__("keep_impl")`)
// or an ifunc whose resolver returns the implementation - is a promise about
// that implementation, and is checked against its body like any other
// (docs/design.md, "noescape promises are checked").  The plugin before this
// rule checked neither: callers trusted the promise while the body kept the
// map (stack-use-after-return at -O0..-O3; found by an attack helper).  Calls
// through such a declaration use the implementation's summary when it promises
// nothing, the checked promise otherwise; an ifunc whose resolver returns
// something other than addresses of functions defined here is not trusted.
// (escape-clang does not check these promises: it reports no error here.)
//
// RUN: %not %cc -O0 -fno-diagnostics-show-caret -c %s %plugin -o /dev/null 2>&1 | %FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %not %cc -O2 -fno-diagnostics-show-caret -c %s %plugin -o /dev/null 2>&1 | %FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %cc -O2 -DKEPT_ONLY -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=KEPT --implicit-check-not=escape
// RUN: %cc -O0 %asan -DOTHER_UNIT -c %s -o %t.other0.o
// RUN: %cc -O2 %asan -DOTHER_UNIT -c %s -o %t.other2.o
// RUN: %cc -O0 %asan -DKEPT_ONLY %s %t.other0.o %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan -DKEPT_ONLY %s %t.other2.o %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdio.h>

typedef void fn_t(gomap *m);

#if defined(OTHER_UNIT)
void other_unit(gomap *m) { (void)m; }
#elif !defined(KEPT_ONLY)
gomap *G;
// ERR: renamed-promise.c:[[@LINE+1]]:23: error: parameter 'm' is declared noescape but leaks to the heap
void keep_impl(gomap *m) { G = m; }
void keep(gomap *m __attribute__((noescape))) __asm__("keep_impl");

// ERR: renamed-promise.c:[[@LINE+1]]:31: error: parameter 'm' is declared noescape but leaks to the heap
static void keep2_impl(gomap *m) { G = m; }
static fn_t *resolve_keep2(void) { return keep2_impl; }
void keep2(gomap *m __attribute__((noescape))) __attribute__((ifunc("resolve_keep2")));

void user(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    keep(m);
    keep2(m);
}
#else
static size_t seen;
// KEPT: renamed-promise.c:[[@LINE+1]]:23: m does not escape
void look_impl(gomap *m) { seen += gomap_len(m); }
void look(gomap *m __attribute__((noescape))) __asm__("look_impl");
void look_plain(gomap *m) __asm__("look_impl");

// KEPT: renamed-promise.c:[[@LINE+1]]:31: m does not escape
static void look2_impl(gomap *m) { seen += 10 * gomap_len(m); }
static fn_t *resolve_look2(void) { return look2_impl; }
void look2(gomap *m __attribute__((noescape))) __attribute__((ifunc("resolve_look2")));

// A resolver returning a pointer read from memory: the promise is not checked
// against whatever it returns, and not trusted.
static fn_t *volatile chosen = look2_impl;
static fn_t *resolve_look3(void) { return chosen; }
void look3(gomap *m __attribute__((noescape))) __attribute__((ifunc("resolve_look3")));

// Bodies that may not be the ones that run, called here first (the plugin
// before took a body-less callee it had met for a body): a function of
// another unit returned by a resolver, a weak alias named by an asm label, a
// weak implementation another unit may replace.  None is trusted.
void other_unit(gomap *m);
static fn_t *resolve_look4(void) { return other_unit; }
void look4(gomap *m __attribute__((noescape))) __attribute__((ifunc("resolve_look4")));
void look5_weak(gomap *m) __attribute__((weak, alias("look_impl")));
void look5(gomap *m __attribute__((noescape))) __asm__("look5_weak");
// KEPT: renamed-promise.c:[[@LINE+1]]:46: m does not escape
__attribute__((weak)) void look6_impl(gomap *m) { seen += gomap_len(m); }
void look6(gomap *m __attribute__((noescape))) __asm__("look6_impl");

static void warm(void)
{
    other_unit(NULL);
    look5_weak(NULL);
    look6_impl(NULL);
}

int main(void)
{
    int k = 1;
    // KEPT: renamed-promise.c:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &k) = 1;
    look(m);
    look_plain(m);
    look2(m);
    // KEPT: renamed-promise.c:[[@LINE+1]]:17: make(map[int]int) escapes to heap
    gomap *m3 = gomap_make(GOMAP_TYPE(int, int), 0);
    look3(m3);
    warm();
    // KEPT: renamed-promise.c:[[@LINE+1]]:17: make(map[int]int) escapes to heap
    gomap *m4 = gomap_make(GOMAP_TYPE(int, int), 0);
    look4(m4);
    // KEPT: renamed-promise.c:[[@LINE+1]]:17: make(map[int]int) escapes to heap
    gomap *m5 = gomap_make(GOMAP_TYPE(int, int), 0);
    look5(m5);
    // KEPT: renamed-promise.c:[[@LINE+1]]:17: make(map[int]int) escapes to heap
    gomap *m6 = gomap_make(GOMAP_TYPE(int, int), 0);
    look6(m6);
    printf("%zu\n", seen);
    gomap_free(m);
    gomap_free(m3);
    gomap_free(m4);
    gomap_free(m5);
    gomap_free(m6);
    return 0;
}
// OUT: 12
#endif
