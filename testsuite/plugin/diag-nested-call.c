// Diagnostics: a gomap_make call used directly as another call's argument is
// reported at its own location (the column of `gomap_make`), like every site.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

// CHECK: {{.*}}:[[@LINE+1]]:26: m does not escape
static size_t use(gomap *m)
{
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

size_t nested(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    return use(gomap_make(GOMAP_TYPE(int, int), 0));
}

size_t nested_twice(void)
{
    // CHECK: {{.*}}:[[@LINE+2]]:16: make(map[int]int) does not escape
    // CHECK: {{.*}}:[[@LINE+1]]:59: make(map[int]char) does not escape
    return use(gomap_make(GOMAP_TYPE(int, int), 0)) + use(gomap_make(GOMAP_TYPE(int, char), 0));
}

size_t nested_in_compound_assignment(void)
{
    size_t t = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:14: make(map[int]int) does not escape
    t += use(gomap_make(GOMAP_TYPE(int, int), 0));
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) does not escape
    size_t u = use(gomap_make(GOMAP_TYPE(int, int), 0));
    return t + u;
}
