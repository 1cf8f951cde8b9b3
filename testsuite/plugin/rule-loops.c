// Rule: a map made in a loop and kept in a location that lives across the back
// edge (so the next iteration's map from the same call site could share its
// storage) escapes; a map used and freed within one iteration stays.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=TAIL --match-full-lines --strict-whitespace
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=TAIL --match-full-lines --strict-whitespace
#include "gomap.h"

size_t per_iteration(int n)
{
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) does not escape
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        *(int *)gomap_assign(m, &i) = i;
        total += gomap_len(m);
        gomap_free(m);
    }
    return total;
}

// The previous iteration's map is still read in the next one.
size_t kept_across_iterations(int n)
{
    gomap *prev = NULL;
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        total += gomap_len(prev);
        gomap_free(prev);
        prev = m;
    }
    gomap_free(prev);
    return total;
}

// All maps of the loop are collected in an array declared outside it.
size_t collected_in_array(void)
{
    gomap *all[4];
    size_t total = 0;
    for (int i = 0; i < 4; i++)
        // CHECK: {{.*}}:[[@LINE+1]]:18: make(map[int]int) escapes to heap
        all[i] = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 4; i++) {
        total += gomap_len(all[i]);
        gomap_free(all[i]);
    }
    return total;
}

// Made before the loop, used inside it: one map, no back-edge problem.
size_t made_before_loop(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++)
        *(int *)gomap_assign(m, &i) = i;
    size_t len = gomap_len(m);
    gomap_free(m);
    return len;
}

// Nested loops: made in the inner loop, kept in a variable of the outer loop.
size_t nested_kept_in_outer(int n)
{
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        gomap *last = NULL;
        for (int j = 0; j < n; j++) {
            gomap_free(last);
            // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
            last = gomap_make(GOMAP_TYPE(int, int), 0);
        }
        total += gomap_len(last);
        gomap_free(last);
    }
    return total;
}

// Nested loops: made and freed in the inner loop.
size_t nested_per_iteration(int n)
{
    size_t total = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            // CHECK: {{.*}}:[[@LINE+1]]:24: make(map[int]int) does not escape
            gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
            *(int *)gomap_assign(m, &j) = i;
            total += gomap_len(m);
            gomap_free(m);
        }
    return total;
}

// A loop written with goto.
size_t goto_loop_kept(int n)
{
    gomap *prev = NULL;
    size_t total = 0;
again:
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    total += gomap_len(prev);
    gomap_free(prev);
    prev = m;
    if (--n > 0)
        goto again;
    gomap_free(prev);
    return total;
}

// Each iteration's map is stored into a map made before the loop: the outer map
// holds them all at once, so they escape (the outer one does not).
long stored_into_outer_map(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]gomap*) does not escape
    gomap *outer = gomap_make(GOMAP_TYPE(int, gomap*), 0);
    for (int i = 0; i < n; i++) {
        // CHECK: {{.*}}:[[@LINE+1]]:24: make(map[int]int) escapes to heap
        gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
        *(gomap **)gomap_assign(outer, &i) = inner;
    }
    long s = 0;
    for (int i = 0; i < n; i++) {
        gomap *inner = *(gomap **)gomap_access(outer, &i);
        s += (long)gomap_len(inner);
        gomap_free(inner);
    }
    gomap_free(outer);
    return s;
}

// Kept across iterations through a pointer to a variable outside the loop.
// -m=2 (TAIL): the walk's root is the copy of `keep` that `gomap_free(keep)`
// reads after the loop; that temporary is no hop of its own: the explanation
// ends with the hop into `keep`, whose last note is that read.  (escape-clang
// sees `*pp = m` as a store through `pp` and explains it through `pp = &keep`.)
size_t kept_through_pointer(int n)
{
    gomap *keep = NULL;
    gomap **pp = &keep;
    size_t s = 0;
    for (int i = 0; i < n; i++) {
        // TAIL:{{.*}}rule-loops.c:[[#L:@LINE+7]]:20: make(map[int]int) escapes to heap
        // TAIL-NEXT:{{.*}}rule-loops.c:[[#L]]:20:   flow: m = &{storage for make(map[int]int)}:
        // TAIL-NEXT:{{.*}}rule-loops.c:[[#L]]:20:     from make(map[int]int) (call result) at {{.*}}rule-loops.c:[[#L]]:20
        // TAIL-NEXT:{{.*}}rule-loops.c:[[#L]]:20:   flow: keep = m:
        // TAIL-NEXT:{{.*}}rule-loops.c:[[#L]]:20:     from m (assign) at {{.*}}rule-loops.c:[[#L+3]]:13
        // TAIL-NEXT:{{.*}}rule-loops.c:[[#L]]:20:     from keep (assign) at {{.*}}rule-loops.c:[[#L+5]]:5
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        s += gomap_len(*pp);
        gomap_free(*pp);
        *pp = m;
    }
    gomap_free(keep);
    return s;
}

// An irreducible loop (two entries, A and B): still a loop.
size_t irreducible_kept(int n, int c)
{
    gomap *prev = NULL;
    size_t s = 0;
    int i = 0;
    if (c)
        goto B;
A:
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    s += gomap_len(prev);
    gomap_free(prev);
    prev = m;
B:
    if (++i < n)
        goto A;
    gomap_free(prev);
    return s;
}
