// The map type is read from the descriptor's static initializer at compile
// time (gomap_layout.h field order), through SSA copies.  A descriptor the
// plugin cannot read (extern, a parameter, writable, another layout version)
// leaves the type unknown: the header may still go on the stack, never the
// bucket.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

typedef struct { double x, y; } point;
extern const gomap_type extern_type;
static const gomap_type own_type = { GOMAP_LAYOUT_VERSION, 8, 16, 8, 8, 0, "map[id]point" };
static gomap_type writable_type = { GOMAP_LAYOUT_VERSION, 8, 16, 8, 8, 0, "map[id]point" };
static const gomap_type future_type = { GOMAP_LAYOUT_VERSION + 1, 8, 16, 8, 8, 0, "map[id]point" };

size_t resolved(void)
{
    const gomap_type *t = GOMAP_TYPE(int, point);
    const gomap_type *u = t;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]point) does not escape
    gomap *a = gomap_make(u, 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[gostring]int) does not escape
    gomap *b = gomap_make(GOMAP_TYPE_STR(int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[id]point) does not escape
    gomap *c = gomap_make(&own_type, 0);
    return gomap_len(a) + gomap_len(b) + gomap_len(c);
}

// CHECK: {{.*}}:[[@LINE+1]]:37: t does not escape
size_t unresolved(const gomap_type *t)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *a = gomap_make(t, 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *b = gomap_make(&extern_type, 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *c = gomap_make(&writable_type, 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *d = gomap_make(&future_type, 0);
    return gomap_len(a) + gomap_len(b) + gomap_len(c) + gomap_len(d);
}

// Sizes come from the descriptor: 129 + 4 bytes of key and value is over the
// default limit of 128.
typedef struct { char b[129]; } big;
size_t too_big(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[big]int) buckets escape to heap: key+value size 133 > 128
    gomap *m = gomap_make(GOMAP_TYPE(big, int), 0);
    return gomap_len(m);
}
