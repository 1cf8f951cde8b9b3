// Both front ends: loops (Go's loopDepth).  A map made in a loop and kept
// somewhere that lives across the iterations escapes (its call site would reuse
// the storage); one that dies in its iteration stays.  Loops are for/while/do,
// backward gotos (an irreducible one keeps the old handle live: escapes) and,
// for setjmp, what follows the call.  One legitimate difference
// (docs/frontends.md, flow-insensitivity): a variable declared outside the
// loop and assigned inside it is, for escape-clang, one location at the outer
// depth, as in Go; the plugin's SSA sees each iteration's value die.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CLANG --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
#include <setjmp.h>
#include "gomap.h"

void sink(gomap *m);

size_t fresh_each_iteration(int n)
{
    size_t s = 0;
    for (int i = 0; i < n; i++) {
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) does not escape
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        s += gomap_len(m);
        gomap_free(m);
    }
    return s;
}

size_t kept_across_iterations(int n)
{
    gomap *prev = NULL;
    size_t s = 0;
    while (n-- > 0) {
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        s += gomap_len(prev);
        gomap_free(prev);
        prev = m;
    }
    gomap_free(prev);
    return s;
}

size_t assigned_in_loop(int n)
{
    gomap *m;
    size_t s = 0;
    do {
        // GCC: {{.*}}:[[@LINE+2]]:13: make(map[int]int) does not escape
        // CLANG: {{.*}}:[[@LINE+1]]:13: make(map[int]int) escapes to heap
        m = gomap_make(GOMAP_TYPE(int, int), 0);
        s += gomap_len(m);
        gomap_free(m);
    } while (--n > 0);
    return s;
}

size_t made_in_for_init(int n)
{
    size_t s = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:21: make(map[int]int) does not escape
    for (gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); n > 0; n--)
        s += gomap_len(m);
    return s;
}

size_t goto_loop(int n)
{
    size_t s = 0;
again:;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    s += gomap_len(m);
    gomap_free(m);
    if (--n > 0)
        goto again;
    return s;
}

size_t irreducible(int n)
{
    size_t s = 0;
    if (n & 1)
        goto middle;
top:;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    s += gomap_len(m);
    gomap_free(m);
middle:
    if (--n > 0)
        goto top;
    return s;
}

size_t switch_in_loop(int n)
{
    size_t s = 0;
    for (int i = 0; i < n; i++) {
        switch (i & 1) {
        case 0: {
            // CHECK: {{.*}}:[[@LINE+1]]:24: make(map[int]int) does not escape
            gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
            s += gomap_len(m);
            gomap_free(m);
            break;
        }
        default:
            break;
        }
    }
    return s;
}

jmp_buf env;
size_t with_setjmp(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    if (setjmp(env))
        return 0;
    return gomap_len(m);
}

// After setjmp: a longjmp back runs the site again while the old handle may be
// live (a back edge no loop shows): one level deeper, so the handle's variable
// outlives it.
size_t after_setjmp(void)
{
    if (setjmp(env))
        return 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return gomap_len(m);
}

// A member of a struct returned by a call, in a loop: GCC keeps the returned
// struct in a function-wide temporary (loop depth 0), so the map reaching it
// from inside the loop outlives the iteration for the plugin; for escape-clang
// the temporary lives at the call (docs/frontends.md).
struct wrapped { gomap *m; int n; };
// CHECK: {{.*}}:[[@LINE+1]]:35: leaking param: m to result ~r0 level=0
static struct wrapped wrap(gomap *m)
{
    struct wrapped w = { m, 2 };
    return w;
}

size_t member_of_result(void)
{
    size_t s = 0;
    for (int i = 0; i < 3; i++) {
        // GCC: {{.*}}:[[@LINE+2]]:20: make(map[int]int) escapes to heap
        // CLANG: {{.*}}:[[@LINE+1]]:20: make(map[int]int) does not escape
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        gomap *h = wrap(m).m;
        s += gomap_len(h);
        gomap_free(m);
    }
    return s;
}
