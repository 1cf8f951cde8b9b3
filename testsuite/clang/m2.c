// Both front ends: -m=2 explains each escape with Go's flow lines, the same
// steps and positions (assignments at the '=', call results at the call, a
// return through GCC's <retval> temporary, parameters that are never written
// as their own location).  A counter next to a map in a local struct carries
// nothing (the plugin's narrow-field rule).
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --match-full-lines --implicit-check-not=escape --implicit-check-not=leaking --implicit-check-not=flow
// RUN: %root/build/escape-clang -m=2 %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --match-full-lines --implicit-check-not=escape --implicit-check-not=leaking --implicit-check-not=flow
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
    // CHECK-NEXT: {{.*}}:[[@LINE+1]]:16:     from m (assign) at {{.*}}:[[@LINE+2]]:10
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    h->m = m;
}

gomap *returned(void)
{
    // CHECK: {{.*}}:[[@LINE+7]]:16: make(map[int]int) escapes to heap
    // CHECK-NEXT: {{.*}}:[[@LINE+6]]:16:   flow: m = &{storage for make(map[int]int)}:
    // CHECK-NEXT: {{.*}}:[[@LINE+5]]:16:     from make(map[int]int) (call result) at {{.*}}:[[@LINE+5]]:16
    // CHECK-NEXT: {{.*}}:[[@LINE+4]]:16:   flow: {temp} = m:
    // CHECK-NEXT: {{.*}}:[[@LINE+3]]:16:     from m (assign) at {{.*}}:[[@LINE+4]]:12
    // CHECK-NEXT: {{.*}}:[[@LINE+2]]:16:   flow: ~r0 = {temp}:
    // CHECK-NEXT: {{.*}}:[[@LINE+1]]:16:     from {temp} (return) at {{.*}}:[[@LINE+2]]:12
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return m;
}

// CHECK: {{.*}}:[[@LINE+3]]:25: leaking param: m
// CHECK-NEXT: {{.*}}:[[@LINE+2]]:25:   flow: {heap} = m:
// CHECK-NEXT: {{.*}}:[[@LINE+1]]:25:     from m (store to global) at {{.*}}:[[@LINE+3]]:14
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
    // CHECK-NEXT: {{.*}}:[[@LINE+1]]:16:     from m (call parameter) at {{.*}}:[[@LINE+2]]:5
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
