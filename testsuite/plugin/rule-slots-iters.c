// Rule: a pointer into a map's storage keeps the map: a slot pointer from
// gomap_assign/gomap_access that outlives the function, or an iterator holding
// the map that does, makes the map escape; used locally they do not.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

int *gslot;
gomap_iter giter;

int slot_used_locally(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 3;
    int *slot = gomap_assign(m, &k);
    *slot = 4;
    int v = *(int *)gomap_access(m, &k);
    gomap_free(m);
    return v;
}

int *slot_returned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 3;
    return gomap_assign(m, &k);
}

void access_slot_to_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 3;
    *(int *)gomap_assign(m, &k) = 1;
    gslot = gomap_access(m, &k);
}

// CHECK: {{.*}}:[[@LINE+1]]:35: out does not escape
void slot_through_out_param(int **out)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 3;
    *out = gomap_assign(m, &k);
}

long iterate_locally(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 5; i++)
        *(int *)gomap_assign(m, &i) = i * i;
    long sum = 0;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v))
        sum += *(int *)k + *(int *)v;
    gomap_free(m);
    return sum;
}

void iterator_in_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap_iter_init(&giter, m);
}

// CHECK: {{.*}}:[[@LINE+1]]:39: it does not escape
void iterator_from_caller(gomap_iter *it)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap_iter_init(it, m);
}

// The key pointer the iterator hands out points into the map's storage.
void *iter_key_returned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(m, &k) = 2;
    gomap_iter it;
    void *key = NULL, *val;
    gomap_iter_init(&it, m);
    gomap_iter_next(&it, &key, &val);
    return key;
}

// A copy of a local iterator stored globally keeps the map.
void iterator_copied_out(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap_iter it;
    gomap_iter_init(&it, m);
    giter = it;
}

void *gkey, *gval;

// gomap_iter_next writes the slot pointers where it is told: here, globals.
void iter_into_globals(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(m, &k) = 2;
    gomap_iter it;
    gomap_iter_init(&it, m);
    gomap_iter_next(&it, &gkey, &gval);
}

// ... here, the caller's variable.
// CHECK: {{.*}}:[[@LINE+1]]:33: key does not escape
void iter_into_out_param(void **key)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap_iter it;
    void *v;
    gomap_iter_init(&it, m);
    gomap_iter_next(&it, key, &v);
}

// A key read out of one map is copied into another: no pointer is kept.
size_t key_from_other_map(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(a, &k) = 7;
    *(int *)gomap_assign(b, gomap_access(a, &k)) = 1;
    size_t n = gomap_len(b);
    gomap_free(a);
    gomap_free(b);
    return n;
}
