// A noescape promise is one the program declares, not one C's type rules make:
// GCC keeps the attribute on the parameter's type, and the type of a conditional
// of two function pointers is the composite of both (C11 6.5.15p6), into which
// GCC merges either operand's attributes; a cast (also one spelled with
// __typeof__ of a noescape parameter, or of the variable's address:
// `(*(ne_fn *)&plain)(m)`) is no declaration of the pointer either.
// A call through a pointer trusts a promise only when every declared source of
// the pointer (the variable, parameter, field or element it was read from, or
// the function whose address it is) makes it (docs/design.md, "noescape
// promises are checked").  The plugin before this rule put each map below on
// the stack although keep, which runs, keeps it (stack-use-after-return at -O0
// and -O2), and rejected the valid `(c ? look : keep)(m)` with "parameter 'm'
// is declared noescape but leaks" at keep (found by attack helpers).  A table
// declared with that composite type (`__typeof__(1 ? keep_elsewhere : look)`)
// is a declaration, but keep_elsewhere's body is in another unit (this file
// built with -DOTHER), which never sees the promise: no unit checks it, so
// calls through that type do not trust it.  The last function is the control:
// a variable declared with the promise keeps it, and its map stays on the stack.
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking --implicit-check-not=error
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking --implicit-check-not=error
// RUN: %cc -O2 %asan -c -DOTHER %s -o %t.other.o
// RUN: %cc -O0 %asan %s %t.other.o %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan %s %t.other.o %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -c -DOTHER %s -o %t.otherp.o
// RUN: %cc -O2 %s %t.otherp.o %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdio.h>

#define NOINL __attribute__((noinline))
typedef void (*ne_fn)(gomap *m __attribute__((noescape)));
typedef void (*pl_fn)(gomap *m);
typedef void (*any_fn)(void);

#ifdef OTHER
extern gomap *G;
void keep_elsewhere(gomap *m) { G = m; }
#else
gomap *G;
void keep_elsewhere(gomap *m);

// CHECK: [[@LINE+1]]:31: m does not escape
NOINL static void look(gomap *m __attribute__((noescape))) { (void)gomap_len(m); }
// CHECK: [[@LINE+1]]:31: leaking param: m
NOINL static void keep(gomap *m) { G = m; }

NOINL static int scribble(void)
{
    volatile char b[4096];
    for (int i = 0; i < 4096; i++) b[i] = (char)0xa5;
    return b[7];
}

static gomap *filled(int base)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int k = 0; k < 4; k++) *(int *)gomap_assign(m, &k) = base + k;
    return m;
}

// CHECK: [[@LINE+2]]:43: a does not escape
// CHECK: [[@LINE+1]]:52: b does not escape
NOINL static size_t pointers(int c, ne_fn a, pl_fn b)
{
    // CHECK: [[@LINE+1]]:19: make(map[int]int) escapes to heap
    gomap *mine = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(mine, &(int){2}) = 12;
    (c ? a : b)(mine);             /* composite type: a's attribute merged in */
    return gomap_len(mine);
}

NOINL static size_t functions(int c)
{
    // CHECK: [[@LINE+1]]:19: make(map[int]int) escapes to heap
    gomap *mine = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(mine, &(int){2}) = 22;
    (c ? look : keep)(mine);       /* valid C: keep never promised */
    return gomap_len(mine);
}

// CHECK: [[@LINE+2]]:34: m does not escape
// CHECK: [[@LINE+1]]:70: fn does not escape
NOINL static size_t typed(gomap *m __attribute__((noescape)), any_fn fn)
{
    // CHECK: [[@LINE+1]]:19: make(map[int]int) escapes to heap
    gomap *mine = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(mine, &(int){2}) = 32;
    ((void (*)(__typeof__(m)))fn)(mine);   /* a cast to m's (noescape) type */
    return gomap_len(mine) + gomap_len(m);
}

static __typeof__(1 ? keep_elsewhere : look) table[2] = { keep_elsewhere, look };

NOINL static size_t tabled(int i)
{
    // CHECK: [[@LINE+1]]:19: make(map[int]int) escapes to heap
    gomap *mine = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(mine, &(int){2}) = 52;
    table[i](mine);                /* keep_elsewhere's promise: nobody checks it */
    return gomap_len(mine);
}

static pl_fn plain = keep;

NOINL static size_t reread(void)
{
    // CHECK: [[@LINE+1]]:19: make(map[int]int) escapes to heap
    gomap *mine = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(mine, &(int){2}) = 62;
    (*(ne_fn *)&plain)(mine);      /* plain is declared without the promise */
    return gomap_len(mine);
}

NOINL static size_t control(int c)
{
    ne_fn f = c ? look : look;
    // CHECK: [[@LINE+1]]:19: make(map[int]int) does not escape
    gomap *mine = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(mine, &(int){2}) = 42;
    f(mine);
    size_t n = gomap_len(mine);
    gomap_free(mine);
    return n;
}

// CHECK: [[@LINE+1]]:30: leaking param content: what
static void show(const char *what, size_t n)
{
    scribble();
    int *v = gomap_access(G, &(int){2});
    printf("%s %zu %zu %d\n", what, n, gomap_len(G), v ? *v : -1);
}

int main(void)
{
    // CHECK: [[@LINE+1]]:20: make(map[int]int) made by filled does not escape
    gomap *other = filled(0);
    show("pointers", pointers(0, look, keep));
    show("functions", functions(0));
    show("typed", typed(other, (any_fn)keep));
    show("tabled", tabled(0));
    show("reread", reread());
    printf("control %zu\n", control(1));
    return 0;
}
#endif
// OUT: pointers 1 1 12
// OUT-NEXT: functions 1 1 22
// OUT-NEXT: typed 5 1 32
// OUT-NEXT: tabled 1 1 52
// OUT-NEXT: reread 1 1 62
// OUT-NEXT: control 1
