// escape-clang checks noescape promises as the plugin does: a noescape
// parameter that leaks is an error line at the parameter (with the -m=2 flow
// when asked) and the exit status is 1, even without -m; a unit whose
// promises hold exits 0.  Every promise the unit shows is checked: a prototype
// (also in a header) before the definition, a redeclaration after it, and a
// pointer to a function type with a noescape parameter that the function's
// address is converted to (initializer, field, assignment, argument).
//
// RUN: %not %root/build/escape-clang %s -- -std=gnu11 -I%root/runtime 2> %t.err
// RUN: %FileCheck %s --check-prefix=ERR --implicit-check-not=error: < %t.err
// RUN: %not %root/build/escape-clang -m=2 %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=FLOW
// RUN: %root/build/escape-clang -m %s -- -DKEPT_ONLY -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=KEPT --implicit-check-not=error:
#include "gomap.h"
#include "../plugin/Inputs/promise.h"

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
// FLOW-NEXT: promise.c:[[@LINE-9]]:31:     from *n (store to global global) at {{.*}}promise.c:[[@LINE-6]]:12

// ERR: promise.c:[[@LINE+1]]:25: error: parameter 'm' is declared noescape but leaks to the heap
void header_kept(gomap *m) { global = m; }

void before(gomap *p __attribute__((noescape)));
// ERR: promise.c:[[@LINE+1]]:20: error: parameter 'p' is declared noescape but leaks to the heap
void before(gomap *p) { global = p; }

// ERR: promise.c:[[@LINE+1]]:19: error: parameter 'p' is declared noescape but leaks to the heap
void after(gomap *p) { global = p; }
void after(gomap *p __attribute__((noescape)));

typedef void (*visit_fn)(gomap *m __attribute__((noescape)));
struct ops { visit_fn visit; };
void take(visit_fn f);
// ERR: promise.c:[[@LINE+1]]:20: error: parameter 'm' is declared noescape but leaks to the heap
void by_var(gomap *m) { global = m; }
visit_fn V = by_var;
// ERR: promise.c:[[@LINE+1]]:22: error: parameter 'm' is declared noescape but leaks to the heap
void by_field(gomap *m) { global = m; }
struct ops OPS = { by_field };
// ERR: promise.c:[[@LINE+1]]:23: error: parameter 'm' is declared noescape but leaks to the heap
void by_assign(gomap *m) { global = m; }
// ERR: promise.c:[[@LINE+1]]:20: error: parameter 'm' is declared noescape but leaks to the heap
void by_arg(gomap *m) { global = m; }
void assign(void) { V = by_assign; take(by_arg); }
#endif

// A plain pointer to a leaking function promises nothing; a promise by a
// pointer type that holds is fine.
void plain(gomap *m) { global = m; }
void (*plain_ptr)(gomap *) = plain;
// KEPT: promise.c:[[@LINE+1]]:22: m does not escape
size_t counts(gomap *m) { return gomap_len(m); }
size_t (*counts_ptr)(gomap *m __attribute__((noescape))) = counts;
