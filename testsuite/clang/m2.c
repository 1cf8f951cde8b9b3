// Both front ends: -m=2 explains each escape in hops between named locations
// (variables, parameters, ~r0, {heap}, a map's storage); temporaries and a
// variable's copies into itself are folded into the hop they pass through,
// keeping every edge's `from` note.  A call note names the callee and why it
// keeps the argument; a store note says whose memory was written; a store to a
// global names it.  A counter next to a map in a local struct carries nothing
// (the plugin's narrow-field rule).
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --match-full-lines --implicit-check-not=escape --implicit-check-not=leaking --implicit-check-not=flow
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --match-full-lines --implicit-check-not=escape --implicit-check-not=leaking --implicit-check-not=flow
// RUN: %root/build/escape-clang -m=2 %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --match-full-lines --implicit-check-not=escape --implicit-check-not=leaking --implicit-check-not=flow
// RUN: %cc -O0 -fPIC -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=PIC --match-full-lines
// RUN: %root/build/escape-clang -m=2 %s -- -fPIC -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=PIC --match-full-lines
#include "gomap.h"

struct holder { gomap *m; int hits; };
gomap *registry;

// CHECK: {{.*}}:[[@LINE+1]]:32: h does not escape
void into_param(struct holder *h)
{
    // CHECK: {{.*}}:[[@LINE+5]]:16: make(map[int]int) escapes to heap
    // CHECK-NEXT: {{.*}}:[[@LINE+4]]:16:   flow: m = &{storage for make(map[int]int)}:
    // CHECK-NEXT: {{.*}}:[[@LINE+3]]:16:     from make(map[int]int) (call result) at {{.*}}:[[@LINE+3]]:16
    // CHECK-NEXT: {{.*}}:[[@LINE+2]]:16:   flow: {heap} = m:
    // CHECK-NEXT: {{.*}}:[[@LINE+1]]:16:     from m (assign: stored through parameter h) at {{.*}}:[[@LINE+2]]:10
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    h->m = m;
}

gomap *returned(void)
{
    // CHECK: {{.*}}:[[@LINE+5]]:16: make(map[int]int) escapes to heap
    // CHECK-NEXT: {{.*}}:[[@LINE+4]]:16:   flow: m = &{storage for make(map[int]int)}:
    // CHECK-NEXT: {{.*}}:[[@LINE+3]]:16:     from make(map[int]int) (call result) at {{.*}}:[[@LINE+3]]:16
    // CHECK-NEXT: {{.*}}:[[@LINE+2]]:16:   flow: ~r0 = m:
    // CHECK-NEXT: {{.*}}:[[@LINE+1]]:16:     from m (return) at {{.*}}:[[@LINE+2]]:12
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return m;
}

// CHECK: {{.*}}:[[@LINE+3]]:25: leaking param: m
// CHECK-NEXT: {{.*}}:[[@LINE+2]]:25:   flow: {heap} = m:
// CHECK-NEXT: {{.*}}:[[@LINE+1]]:25:     from m (store to global registry) at {{.*}}:[[@LINE+3]]:14
static void keep(gomap *m)
{
    registry = m;
}

void through_call(void)
{
    // CHECK: {{.*}}:[[@LINE+5]]:16: make(map[int]int) escapes to heap
    // CHECK-NEXT: {{.*}}:[[@LINE+4]]:16:   flow: m = &{storage for make(map[int]int)}:
    // CHECK-NEXT: {{.*}}:[[@LINE+3]]:16:     from make(map[int]int) (call result) at {{.*}}:[[@LINE+3]]:16
    // CHECK-NEXT: {{.*}}:[[@LINE+2]]:16:   flow: {heap} = m:
    // CHECK-NEXT: {{.*}}:[[@LINE+1]]:16:     from m (call parameter: keep's summary says leaking param: m) at {{.*}}:[[@LINE+2]]:5
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    keep(m);
}

int counter_field(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:25: make(map[int]int) does not escape
    struct holder h = { gomap_make(GOMAP_TYPE(int, int), 0), 0 };
    h.hits += (int)gomap_len(h.m);
    gomap_free(h.m);
    return h.hits;
}

struct box { gomap *m; int n; };
// CHECK: {{.*}}:[[@LINE+3]]:32: leaking param: b to result ~r0 level=1
// CHECK-NEXT: {{.*}}:[[@LINE+2]]:32:   flow: ~r0 = *b:
// CHECK-NEXT: {{.*}}:[[@LINE+1]]:32:     from *b (return) at {{.*}}:[[@LINE+1]]:{{45|47}}
static gomap *pick(struct box *b) { return b->m; }

// CHECK: {{.*}}:[[@LINE+1]]:31: xs does not escape
gomap *make_counts(const int *xs, int n)
{
    // CHECK: {{.*}}:[[@LINE+6]]:22: make(map[int]int) escapes to heap
    // CHECK-NEXT: {{.*}}:[[@LINE+5]]:22:   flow: b = &{storage for make(map[int]int)}:
    // CHECK-NEXT: {{.*}}:[[@LINE+4]]:22:     from make(map[int]int) (assign) at {{.*}}:[[@LINE+4]]:16
    // CHECK-NEXT: {{.*}}:[[@LINE+3]]:22:   flow: ~r0 = b:
    // CHECK-NEXT: {{.*}}:[[@LINE+2]]:22:     from &b (call parameter: pick's summary says leaking param: b to result ~r0 level=1) at {{.*}}:[[@LINE+8]]:12
    // CHECK-NEXT: {{.*}}:[[@LINE+1]]:22:     from b (return) at {{.*}}:[[@LINE+7]]:12
    struct box b = { gomap_make(GOMAP_TYPE(int, int), 0), 0 };
    for (int i = 0; i < n; i++) {
        int k = xs[i];
        int *v = gomap_assign(b.m, &k);
        ++*v;
    }
    return pick(&b);
}

void elsewhere(gomap *m);
void log_all(const char *fmt, ...);

void no_body(void)
{
    // CHECK: {{.*}}:[[@LINE+5]]:16: make(map[int]int) escapes to heap
    // CHECK-NEXT: {{.*}}:[[@LINE+4]]:16:   flow: m = &{storage for make(map[int]int)}:
    // CHECK-NEXT: {{.*}}:[[@LINE+3]]:16:     from make(map[int]int) (call result) at {{.*}}:[[@LINE+3]]:16
    // CHECK-NEXT: {{.*}}:[[@LINE+2]]:16:   flow: {heap} = m:
    // CHECK-NEXT: {{.*}}:[[@LINE+1]]:16:     from m (call parameter: elsewhere has no body in this unit) at {{.*}}:[[@LINE+2]]:5
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    elsewhere(m);
}

// CHECK: {{.*}}:[[@LINE+1]]:22: fn does not escape
void indirect(void (*fn)(gomap *))
{
    // CHECK: {{.*}}:[[@LINE+5]]:16: make(map[int]int) escapes to heap
    // CHECK-NEXT: {{.*}}:[[@LINE+4]]:16:   flow: m = &{storage for make(map[int]int)}:
    // CHECK-NEXT: {{.*}}:[[@LINE+3]]:16:     from make(map[int]int) (call result) at {{.*}}:[[@LINE+3]]:16
    // CHECK-NEXT: {{.*}}:[[@LINE+2]]:16:   flow: {heap} = m:
    // CHECK-NEXT: {{.*}}:[[@LINE+1]]:16:     from m (indirect call through fn) at {{.*}}:[[@LINE+2]]:5
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    fn(m);
}

void variadic(void)
{
    // CHECK: {{.*}}:[[@LINE+5]]:16: make(map[int]int) escapes to heap
    // CHECK-NEXT: {{.*}}:[[@LINE+4]]:16:   flow: m = &{storage for make(map[int]int)}:
    // CHECK-NEXT: {{.*}}:[[@LINE+3]]:16:     from make(map[int]int) (call result) at {{.*}}:[[@LINE+3]]:16
    // CHECK-NEXT: {{.*}}:[[@LINE+2]]:16:   flow: {heap} = m:
    // CHECK-NEXT: {{.*}}:[[@LINE+1]]:16:     from m (call parameter: variadic argument 2 of log_all) at {{.*}}:[[@LINE+2]]:5
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    log_all("%p", (void *)m);
}

// CHECK: {{.*}}:[[@LINE+1]]:25: m does not escape
void public_keep(gomap *m)
{
    (void)gomap_len(m);
}

void calls_public(void)
{
    // CHECK: {{.*}}:[[@LINE+6]]:16: make(map[int]int) does not escape
    // PIC: {{.*}}:[[@LINE+5]]:16: make(map[int]int) escapes to heap
    // PIC-NEXT: {{.*}}:[[@LINE+4]]:16:   flow: m = &{storage for make(map[int]int)}:
    // PIC-NEXT: {{.*}}:[[@LINE+3]]:16:     from make(map[int]int) (call result) at {{.*}}:[[@LINE+3]]:16
    // PIC-NEXT: {{.*}}:[[@LINE+2]]:16:   flow: {heap} = m:
    // PIC-NEXT: {{.*}}:[[@LINE+1]]:16:     from m (call parameter: public_keep is interposable (-fPIC or weak), its body here may not be the one that runs) at {{.*}}:[[@LINE+2]]:5
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    public_keep(m);
    gomap_free(m);
}
