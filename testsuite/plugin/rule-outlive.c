// Rule: a map escapes when its handle can outlive the function - returned,
// stored to a global, to a static local, through an out-parameter, or inside a
// returned struct - and stays on the stack when it is only used and freed.
// transform=no reports the same decisions.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-transform=no -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

gomap *global_map;

size_t local_only(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(m, &k) = 2;
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

gomap *returned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(m, &k) = 2;
    return m;
}

gomap *returned_directly(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[long]char) escapes to heap
    return gomap_make(GOMAP_TYPE(long, char), 0);
}

void to_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:18: make(map[int]int) escapes to heap
    global_map = gomap_make(GOMAP_TYPE(int, int), 0);
}

size_t to_static_local(void)
{
    static gomap *cache;
    if (!cache)
        // CHECK: {{.*}}:[[@LINE+1]]:17: make(map[int]int) escapes to heap
        cache = gomap_make(GOMAP_TYPE(int, int), 0);
    return gomap_len(cache);
}

// CHECK: {{.*}}:[[@LINE+1]]:24: out does not escape
void out_param(gomap **out)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    *out = gomap_make(GOMAP_TYPE(int, int), 0);
}

struct holder { int n; gomap *m; };

struct holder returned_in_struct(void)
{
    struct holder h;
    h.n = 1;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    h.m = gomap_make(GOMAP_TYPE(int, int), 0);
    return h;
}

// CHECK: {{.*}}:[[@LINE+1]]:38: h does not escape
void struct_out_param(struct holder *h)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    h->m = m;
}

// A local pointer to a local variable is not caller-visible memory: the map
// stored through it stays.
size_t through_local_pointer(void)
{
    gomap *slot;
    gomap **p = &slot;
    // CHECK: {{.*}}:[[@LINE+1]]:10: make(map[int]int) does not escape
    *p = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = gomap_len(slot);
    gomap_free(slot);
    return n;
}

// Only one branch returns the map: it escapes (soundness: either path may run).
// CHECK: {{.*}}:[[@LINE+1]]:29: keep does not escape
gomap *sometimes(const int *keep)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    if (*keep)
        return m;
    gomap_free(m);
    return NULL;
}
