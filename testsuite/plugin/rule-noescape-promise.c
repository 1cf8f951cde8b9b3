// Rule: __attribute__((noescape)) is a promise that callers in other units
// trust (they keep their maps on the stack), so a definition compiled here
// whose noescape parameter leaks - to the heap, its contents, or to the result
// - is a compile error at the parameter, naming it and the leak.  The
// analysis' verdict is the check: a parameter it cannot prove kept is rejected
// too (remove the attribute to silence it).  Callers in this unit use the
// body's summary, not the promise, so m in same_unit() escapes.  With -m=2 the
// flow follows as notes.  A promise is any the unit shows for the function: a
// prototype (here, or in an included header) before the definition, a
// redeclaration after it, a block-scope extern declaration, or a pointer to a
// function type with a noescape parameter that the function's address is
// converted to (a variable, a static initializer, an assignment, an argument, a
// return, a cast called through); the error is at the definition's parameter.
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
#include "Inputs/promise.h"

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
// FLOW-NEXT: rule-noescape-promise.c:[[@LINE-5]]:20: note:     from p (store to global global) at {{.*}}rule-noescape-promise.c:[[@LINE-3]]:12

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

// A prototype before the definition promises.
void proto_before(gomap *p __attribute__((noescape)));
// ERR: rule-noescape-promise.c:[[@LINE+2]]:26: error: parameter 'p' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:26: leaking param: p
void proto_before(gomap *p) { global = p; }

// A redeclaration after the definition promises too.
// ERR: rule-noescape-promise.c:[[@LINE+2]]:26: error: parameter 'p' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:26: leaking param: p
void redecl_after(gomap *p) { global = p; }
void redecl_after(gomap *p __attribute__((noescape)));

// The promise of the shared header (Inputs/promise.h).
// ERR: rule-noescape-promise.c:[[@LINE+2]]:25: error: parameter 'm' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:25: leaking param: m
void header_kept(gomap *m) { global = m; }

// A declaration without the attribute in between forgets nothing.
void middle(gomap *a, gomap *b __attribute__((noescape)));
void middle(gomap *a, gomap *b);
// ERR: rule-noescape-promise.c:[[@LINE+3]]:30: error: parameter 'b' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+2]]:20: leaking param: a
// CHECK: {{.*}}:[[@LINE+1]]:30: leaking param: b
void middle(gomap *a, gomap *b) { global = a; global = b; }

// A block-scope declaration.
// ERR: rule-noescape-promise.c:[[@LINE+2]]:24: error: parameter 'p' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:24: leaking param: p
void blockscope(gomap *p) { global = p; }
void declares(void)
{
    extern void blockscope(gomap *p __attribute__((noescape)));
}

// Function pointer types with a noescape parameter.
typedef void (*visit_fn)(gomap *m __attribute__((noescape)));
struct ops { int x; visit_fn visit; };
void take(visit_fn f);

// ERR: rule-noescape-promise.c:[[@LINE+2]]:20: error: parameter 'm' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:20: leaking param: m
void fp_var(gomap *m) { global = m; }
visit_fn volatile V = fp_var;

// ERR: rule-noescape-promise.c:[[@LINE+2]]:21: error: parameter 'm' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:21: leaking param: m
void fp_init(gomap *m) { global = m; }
struct ops OPS = { 1, fp_init };

// ERR: rule-noescape-promise.c:[[@LINE+2]]:23: error: parameter 'm' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:23: leaking param: m
void fp_assign(gomap *m) { global = m; }
// ERR: rule-noescape-promise.c:[[@LINE+2]]:20: error: parameter 'm' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:20: leaking param: m
void fp_arg(gomap *m) { global = m; }
void assign(void) { V = fp_assign; take(&fp_arg); }

// ERR: rule-noescape-promise.c:[[@LINE+2]]:20: error: parameter 'm' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:20: leaking param: m
void fp_ret(gomap *m) { global = m; }
visit_fn ret(void) { return fp_ret; }

// ERR: rule-noescape-promise.c:[[@LINE+2]]:21: error: parameter 'm' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:21: leaking param: m
void fp_cast(gomap *m) { global = m; }
void cast(void) { ((visit_fn)fp_cast)(global); }

// An array's initializer, and either arm of a conditional.
// ERR: rule-noescape-promise.c:[[@LINE+2]]:22: error: parameter 'm' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:22: leaking param: m
void fp_table(gomap *m) { global = m; }
visit_fn TABLE[] = { fp_var, fp_table };
// ERR: rule-noescape-promise.c:[[@LINE+2]]:21: error: parameter 'm' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:21: leaking param: m
void fp_then(gomap *m) { global = m; }
// ERR: rule-noescape-promise.c:[[@LINE+2]]:21: error: parameter 'm' is declared noescape but leaks to the heap
// CHECK: {{.*}}:[[@LINE+1]]:21: leaking param: m
void fp_else(gomap *m) { global = m; }
void choose(int x) { V = x ? fp_then : fp_else; }

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

// No promise: a plain function pointer to a leaking function, and a function
// whose promise made by a pointer type holds.
// CHECK: {{.*}}:[[@LINE+1]]:19: leaking param: m
void plain(gomap *m) { global = m; }
void (*plain_ptr)(gomap *) = plain;
// CHECK: {{.*}}:[[@LINE+1]]:22: m does not escape
size_t counts(gomap *m) { return gomap_len(m); }
size_t (*counts_ptr)(gomap *m __attribute__((noescape))) = counts;
