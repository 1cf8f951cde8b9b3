// escape-clang checks noescape promises as the plugin does: a noescape
// parameter that leaks is an error line at the parameter (with the -m=2 flow
// when asked) and the exit status is 1, even without -m; a unit whose
// promises hold exits 0.
//
// RUN: %not %root/build/escape-clang %s -- -std=gnu11 -I%root/runtime 2> %t.err
// RUN: %FileCheck %s --check-prefix=ERR --implicit-check-not=error: < %t.err
// RUN: %not %root/build/escape-clang -m=2 %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=FLOW
// RUN: %root/build/escape-clang -m %s -- -DKEPT_ONLY -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=KEPT --implicit-check-not=error:
#include "gomap.h"

gomap *global;

// KEPT: promise.c:[[@LINE+1]]:22: m does not escape
size_t reader(gomap *m __attribute__((noescape)))
{
    return gomap_len(m);
}

#ifndef KEPT_ONLY
struct list { struct list *next; gomap *m; };

// ERR: promise.c:[[@LINE+2]]:31: error: parameter 'l' is declared noescape but leaks its content to the heap
// FLOW: promise.c:[[@LINE+1]]:31: leaking param content: l
void keep_second(struct list *l __attribute__((noescape)))
{
    struct list *n = l->next;
    global = n->m;
}
// FLOW:      promise.c:[[@LINE-5]]:31: error: parameter 'l' is declared noescape but leaks its content to the heap
// FLOW-NEXT: promise.c:[[@LINE-6]]:31:   flow: n = *l:
// FLOW-NEXT: promise.c:[[@LINE-7]]:31:     from *l (assign) at {{.*}}promise.c:[[@LINE-5]]:18
// FLOW-NEXT: promise.c:[[@LINE-8]]:31:   flow: {heap} = *n:
// FLOW-NEXT: promise.c:[[@LINE-9]]:31:     from *n (store to global) at {{.*}}promise.c:[[@LINE-6]]:12
#endif
