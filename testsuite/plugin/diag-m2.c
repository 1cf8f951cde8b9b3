// Diagnostics: -fplugin-arg-escape-m=2 follows every escaping map and leaking
// parameter with Go's -m=2 explanation, one `flow:` / `from ... at` pair per
// edge from the map's storage to where it outlives the function.  Maps that stay
// and parameters that do not escape get no explanation.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --match-full-lines --strict-whitespace --implicit-check-not=escape --implicit-check-not=leaking --implicit-check-not=flow
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --match-full-lines --strict-whitespace --implicit-check-not=escape --implicit-check-not=leaking --implicit-check-not=flow
// RUN: %root/build/escape-clang -m=2 %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --match-full-lines --strict-whitespace --implicit-check-not=escape --implicit-check-not=leaking --implicit-check-not=flow
#include "gomap.h"

struct cache { gomap *m; };

// CHECK:{{.*}}diag-m2.c:[[@LINE+1]]:25: c does not escape
void init(struct cache *c)
{
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L:@LINE+7]]:16: make(map[int]int) escapes to heap
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:   flow: m = &{storage for make(map[int]int)}:
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:     from make(map[int]int) (call result) at {{.*}}diag-m2.c:[[#L]]:16
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:   flow: {heap} = m:
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:     from m (assign: stored through parameter c) at {{.*}}diag-m2.c:[[#L+1]]:10
    // The store `c->m = m` writes memory the caller owns: for this function that
    // is the heap, and the note says whose memory it was.
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    c->m = m;
}

gomap *new_index(void)
{
    // The return goes through a temporary (GCC's <retval>): no hop of its own.
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L:@LINE+5]]:16: make(map[gostring]int) escapes to heap
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:   flow: m = &{storage for make(map[gostring]int)}:
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:     from make(map[gostring]int) (call result) at {{.*}}diag-m2.c:[[#L]]:16
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:   flow: ~r0 = m:
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:     from m (return) at {{.*}}diag-m2.c:[[#L+1]]:12
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    return m;
}

gomap *registry;

// CHECK-NEXT:{{.*}}diag-m2.c:[[#L:@LINE+3]]:18: leaking param: m
// CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:18:   flow: {heap} = m:
// CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:18:     from m (store to global registry) at {{.*}}diag-m2.c:[[#L+2]]:14
void keep(gomap *m)
{
    registry = m;
}

// CHECK-NEXT:{{.*}}diag-m2.c:[[#L:@LINE+3]]:22: leaking param: pm to result ~r0 level=1
// CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:22:   flow: ~r0 = *pm:
// CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:22:     from *pm (return) at {{.*}}diag-m2.c:[[#L+2]]:12
gomap *inner(gomap **pm)
{
    return *pm;
}

// The map passed to keep() escapes through keep's summary: the note names the
// callee and quotes its summary.
void registers(void)
{
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L:@LINE+5]]:16: make(map[int]int) escapes to heap
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:   flow: m = &{storage for make(map[int]int)}:
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:     from make(map[int]int) (call result) at {{.*}}diag-m2.c:[[#L]]:16
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:   flow: {heap} = m:
    // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:16:     from m (call parameter: keep's summary says leaking param: m) at {{.*}}diag-m2.c:[[#L+1]]:5
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    keep(m);
}

// A map that stays, a parameter that does not escape: one line each.
// CHECK:{{.*}}diag-m2.c:[[@LINE+1]]:27: m does not escape
size_t count(const gomap *m)
{
    return gomap_len(m);
}

size_t local(void)
{
    // CHECK-NEXT:{{.*}}diag-m2.c:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = count(m);
    gomap_free(m);
    return n;
}

// A map kept across loop iterations: the path ends at `last` of the outer level.
// GCC's loop PHI `last = PHI <last, round>` copies the variable into itself; that
// copy is no hop (Go: `flow: last = round` and nothing more).
size_t rounds(void)
{
    gomap *last = NULL;
    for (int r = 0; r < 3; r++) {
        // CHECK-NEXT:{{.*}}diag-m2.c:[[#L:@LINE+5]]:24: make(map[int]int) escapes to heap
        // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:24:   flow: round = &{storage for make(map[int]int)}:
        // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:24:     from make(map[int]int) (call result) at {{.*}}diag-m2.c:[[#L]]:24
        // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:24:   flow: last = round:
        // CHECK-NEXT:{{.*}}diag-m2.c:[[#L]]:24:     from round (assign) at {{.*}}diag-m2.c:[[#L+2]]:14
        gomap *round = gomap_make(GOMAP_TYPE(int, int), 0);
        *(int *)gomap_assign(round, &r) = (int)gomap_len(last);
        last = round;
    }
    return gomap_len(last);
}
