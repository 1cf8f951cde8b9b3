// Hostile inputs: setjmp/longjmp around map creation.  What is sound:
//  - a setjmp return is a back edge: a map made after setjmp, kept (in a
//    volatile) across a longjmp back to it and used while the same site makes
//    the next map, must not share one stack slot with that next map (rounds);
//  - a map made after setjmp and used after a longjmp from a callee back into
//    the same function lives in a frame that is still there (once);
//  - a map whose frame a longjmp unwinds is dead (callee): nothing refers to it.
// The verdicts below are what the plugin gives; `rounds` and `once` must escape
// or the program reads a reinitialised or reused map (the output shows it).
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 %s %plugin %asan %root/runtime/*.c -o %t.on0 && %t.on0 > %t.on0.out
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: diff %t.on0.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
#include <setjmp.h>
#include <stdio.h>
#include "gomap.h"

static jmp_buf env;

size_t rounds(void)
{
    volatile int round = 0;
    gomap *volatile prev = NULL;
    volatile size_t total = 0;
    setjmp(env);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i <= round; i++) *(int *)gomap_assign(m, &i) = i;
    if (prev) {
        total += gomap_len(prev) * 10 + gomap_len(m);
        printf("round %d: prev %zu, m %zu, same %d\n", round, gomap_len(prev), gomap_len(m),
               prev == m);
        gomap_free(prev);
    }
    prev = m;
    if (++round < 3) longjmp(env, 1);
    gomap_free(m);
    return total;
}

static void bail(int code) { longjmp(env, code); }

size_t once(int fail)
{
    gomap *volatile m = NULL;
    if (setjmp(env) == 0) {
        // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int]int) escapes to heap
        m = gomap_make(GOMAP_TYPE(int, int), 0);
        int k = 1;
        *(int *)gomap_assign(m, &k) = 1;
        if (fail) bail(2);
    }
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

static size_t callee(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 3;
    *(int *)gomap_assign(m, &k) = 3;
    size_t n = gomap_len(m);
    gomap_free(m);
    bail((int)n);
    return n;
}

int caller(void)
{
    int r = setjmp(env);
    if (r == 0) callee();
    return r;
}

/* The same with the maps kept in an array in memory, and the jump from a callee. */
size_t rounds_array(void)
{
    gomap *hold[4] = { 0 };
    int r = setjmp(env);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i <= r; i++) *(int *)gomap_assign(m, &i) = i;
    hold[r] = m;
    if (r < 2) bail(r + 1);
    size_t total = 0;
    for (int i = 0; i < 3; i++) {
        printf("hold %d: %zu, same %d\n", i, gomap_len(hold[i]), i < 2 && hold[i] == hold[2]);
        total += gomap_len(hold[i]);
    }
    for (int i = 0; i < 3; i++)
        if (i == 2 || hold[i] != hold[2]) gomap_free(hold[i]);
    return total;
}

int main(void)
{
    printf("array %zu\n", rounds_array());
    size_t r = rounds();
    size_t a = once(0), b = once(1);
    int c = caller();
    printf("rounds %zu once %zu %zu caller %d\n", r, a, b, c);
    return 0;
}
// OUT: hold 0: 1, same 0
// OUT-NEXT: hold 1: 2, same 0
// OUT-NEXT: hold 2: 3, same 0
// OUT-NEXT: array 6
// OUT-NEXT: round 1: prev 1, m 2, same 0
// OUT-NEXT: round 2: prev 2, m 3, same 0
// OUT-NEXT: rounds 35 once 1 1 caller 1
