// Rule: when the descriptor given to gomap_make is not a GOMAP_TYPE literal the
// plugin can read (chosen at run time, passed in by the caller), the key and
// value sizes are unknown: a map that does not escape still gets its header on
// the stack, but never its bucket (reason `key+value size unknown`, in
// docs/diagnostics.md).
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

static const gomap_type *pick(int c)
{
    return c ? GOMAP_TYPE(int, int) : GOMAP_TYPE(int, long);
}

size_t chosen_at_run_time(int c)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(pick(c), 0);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

// CHECK: {{.*}}:[[@LINE+1]]:36: t does not escape
size_t passed_in(const gomap_type *t)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?, 3) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(t, 3);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

// CHECK: {{.*}}:[[@LINE+1]]:46: leaking param: t
gomap *escaping_unresolved(const gomap_type *t)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[?]?) escapes to heap
    return gomap_make(t, 0);
}
