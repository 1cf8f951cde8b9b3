// Rule: __attribute__((noescape)) is a promise that callers in other units
// trust (they keep their maps on the stack), so a definition compiled here
// whose noescape parameter leaks - to the heap, its contents, or to the result
// - is a compile error at the parameter, naming it and the leak.  The
// analysis' verdict is the check: a parameter it cannot prove kept is rejected
// too (remove the attribute to silence it).  Callers in this unit use the
// body's summary, not the promise, so m in same_unit() escapes.  With -m=2 the
// flow follows as notes.
//
// RUN: %not %cc -O0 -fno-diagnostics-show-caret -c %s %plugin -o /dev/null 2>&1 | %FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %not %cc -O2 -fno-diagnostics-show-caret -c %s %plugin -o /dev/null 2>&1 | %FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %not %cc -O2 -fno-diagnostics-show-caret -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=FLOW
// RUN: %not %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=' escape' --implicit-check-not=leaking
// RUN: %not %root/build/escape-clang %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %not %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=' escape' --implicit-check-not=leaking
// A unit whose promises hold compiles:
// RUN: %cc -O2 -DKEPT_ONLY -c %s %plugin -o /dev/null
// RUN: %root/build/escape-clang %s -- -DKEPT_ONLY -std=gnu11 -I%root/runtime
#include "gomap.h"

gomap *global;
struct box { gomap *m; };

// CHECK: {{.*}}:[[@LINE+1]]:20: m does not escape
size_t kept(gomap *m __attribute__((noescape)))
{
    return gomap_len(m);
}

#ifndef KEPT_ONLY
// ERR: rule-noescape-promise.c:[[@LINE+3]]:20: error: parameter 'p' is declared noescape but leaks to the heap
// FLOW: rule-noescape-promise.c:[[@LINE+2]]:20: error: parameter 'p' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:20: leaking param: p
void stores(gomap *p __attribute__((noescape)))
{
    global = p;
}
// FLOW-NEXT: rule-noescape-promise.c:[[@LINE-4]]:20: note:   flow: {heap} = p:
// FLOW-NEXT: rule-noescape-promise.c:[[@LINE-5]]:20: note:     from p (store to global) at {{.*}}rule-noescape-promise.c:[[@LINE-3]]:12

// ERR: rule-noescape-promise.c:[[@LINE+2]]:27: error: parameter 'b' is declared noescape but leaks its content to the heap
// CHECK: {{.*}}:[[@LINE+1]]:27: leaking param content: b
void contents(struct box *b __attribute__((noescape)))
{
    global = b->m;
}

// ERR: rule-noescape-promise.c:[[@LINE+2]]:23: error: parameter 'p' is declared noescape but leaks to the result ~r0 level=0
// CHECK: {{.*}}:[[@LINE+1]]:23: leaking param: p to result ~r0 level=0
gomap *returns(gomap *p __attribute__((noescape)))
{
    return p;
}

// Only the second parameter is promised.
// ERR: rule-noescape-promise.c:[[@LINE+3]]:30: error: parameter 'b' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+2]]:20: leaking param: a
// CHECK: {{.*}}:[[@LINE+1]]:30: leaking param: b
void second(gomap *a, gomap *b __attribute__((noescape)))
{
    global = a;
    global = b;
}

void same_unit(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    stores(m);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *k = gomap_make(GOMAP_TYPE(int, int), 0);
    kept(k);
    gomap_free(k);
}
#endif
