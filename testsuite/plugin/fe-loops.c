// Loop depth as the GCC front end computes it (Go's loopDepth): SSA values at
// the depth of their block, a PHI of a loop header one less (it carries values
// around the back edge), memory variables at depth 0 unless every reference is
// in a loop whose iterations their end-of-scope clobbers separate.  A map site in
// an irreducible region or reached by a return from setjmp counts one deeper.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,PLAIN --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,PLAIN --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,PLAIN --implicit-check-not=escape --implicit-check-not=leaking
// Under ASan (use-after-scope) ASAN_MARK (POISON) replaces the end-of-scope
// clobbers of addressable variables; other variables get no end marker at all,
// so they stay at depth 0 (conservative: slot_in_body's map escapes).
// RUN: %cc -O0 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,ASAN --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,ASAN --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"
#include <setjmp.h>

// The iterator is declared in the loop body: a new one each iteration.
int iterator_in_body(int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        gomap_iter it;
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) does not escape
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        *(int *)gomap_assign(m, &i) = i;
        gomap_iter_init(&it, m);
        void *k, *v;
        while (gomap_iter_next(&it, &k, &v))
            s += *(int *)v;
        gomap_free(m);
    }
    return s;
}

// The iterator outlives the iterations: it still holds the previous map when
// the call site makes the next one.
int iterator_outside(int n)
{
    int s = 0;
    gomap_iter it;
    for (int i = 0; i < n; i++) {
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        gomap_iter_init(&it, m);
        void *k, *v;
        while (gomap_iter_next(&it, &k, &v))
            s++;
    }
    return s;
}

// A loop-scoped variable read before it is written: its value crosses the back
// edge only through the clobber, so it is still a new variable each time.
int slot_in_body(int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        gomap *slot[1];
        // PLAIN: {{.*}}:[[@LINE+2]]:19: make(map[int]int) does not escape
        // ASAN: {{.*}}:[[@LINE+1]]:19: make(map[int]int) escapes to heap
        slot[0] = gomap_make(GOMAP_TYPE(int, int), 0);
        s += (int)gomap_len(slot[0]);
        gomap_free(slot[0]);
    }
    return s;
}

// A variable of the loop body whose address is kept across iterations (Go:
// moved to heap: slot); the map stored in it escapes too.
int address_in_phi(int n)
{
    int s = 0;
    gomap **keep = 0;
    for (int i = 0; i < n; i++) {
        // CHECK: {{.*}}:[[@LINE+1]]:16: &slot escapes to heap
        gomap *slot[1];
        keep = i ? keep : slot;
        // CHECK: {{.*}}:[[@LINE+1]]:19: make(map[int]int) escapes to heap
        slot[0] = gomap_make(GOMAP_TYPE(int, int), 0);
        s += (int)gomap_len(*keep);
    }
    return s;
}

// A map made inside a loop formed by goto.
int goto_loop(int n)
{
    int s = 0;
again:;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    s += (int)gomap_len(m);
    gomap_free(m);
    if (--n > 0)
        goto again;
    return s;
}

// Two entries into the loop (irreducible): no loop structure to trust, so the
// site counts as deeper than everything around it.
int irreducible(int n)
{
    int s = 0;
    if (n & 1)
        goto middle;
top:;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    s += (int)gomap_len(m);
    gomap_free(m);
middle:
    if (--n > 0)
        goto top;
    return s;
}

// Before setjmp: a longjmp back resumes after the site, which runs once per
// frame (the frame lives while longjmp can return into it).
jmp_buf env;
int with_setjmp(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    if (setjmp(env))
        return 0;
    return (int)gomap_len(m);
}

// After setjmp: a longjmp back runs the site again while the old handle may be
// live (a back edge no loop shows): one level deeper, so the handle's variable
// outlives it.
int after_setjmp(void)
{
    if (setjmp(env))
        return 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return (int)gomap_len(m);
}
