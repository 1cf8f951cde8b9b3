// C port of Go 1.19's test/escape_map.go (all of it): pointers used as keys and
// values of a map.  make(map[*int]*int) becomes gomap_make(GOMAP_TYPE(int*, int*), 0),
// m[&i] = &j becomes an assignment through the slot gomap_assign returns (the key
// in a local), a map literal becomes make + assign, range becomes gomap_iter, and
// `sink = m` a store to a global.  Go's "moved to heap: x" is our "&x escapes to
// heap".
//
// Go sends every pointer stored into a map to the heap (its test marks several of
// them BAD); we keep what a map holds in the map's own location, so a pointer
// stored into a map escapes only when the map does, or when it is read back out of
// the map and escapes from there.  Keys and values share that location: a value
// read back counts as every key and value (Go's answer for i in map1/map9; sound).
// Table: README.md.
//
// RUN: %cc -O0 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CLANG --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

void *sink;

// Go: make does not escape; i, j moved to heap (both marked BAD).
// Ours: make does not escape; i and j stay (better).  escape-clang, which does
// not follow the map to its descriptor, reads the key &k points to as data (a
// key of unknown size may be part of a pointer): i escapes, Go's answer.
void map0(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    // CLANG: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int j = 0;
    int *k = &i;
    *(int **)gomap_assign(m, &k) = &j;
    gomap_free(m);
}

// Go: make does not escape; i (BAD), j moved to heap.
// Ours: the same: the value read back is returned, and it may be any key or value.
int *map1(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &j escapes to heap
    int j = 0;
    int *k = &i;
    *(int **)gomap_assign(m, &k) = &j;
    int *r = *(int **)gomap_access(m, &k);
    gomap_free(m);
    return r;
}

// Go: make escapes; i, j moved to heap.  Ours: the same.
gomap *map2(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &j escapes to heap
    int j = 0;
    int *k = &i;
    *(int **)gomap_assign(m, &k) = &j;
    return m;
}

// Go: make does not escape; i, j (BAD) moved to heap.  Ours: the same (a key read
// by the iterator is returned; keys and values share the map's location).
int *map3(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &j escapes to heap
    int j = 0;
    int *k = &i;
    *(int **)gomap_assign(m, &k) = &j;
    int *r = NULL;
    gomap_iter it;
    void *key, *val;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &key, &val))
        r = *(int **)key;
    gomap_free(m);
    return r;
}

// Go: make does not escape; i (BAD), j moved to heap.  Ours: the same.
int *map4(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &j escapes to heap
    int j = 0;
    int *k = &i;
    *(int **)gomap_assign(m, &k) = &j;
    int *r = NULL;
    gomap_iter it;
    void *key, *val;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &key, &val))
        if (*(int **)key != NULL)
            r = *(int **)val;
    gomap_free(m);
    return r;
}

// Go: m does not escape; i, j moved to heap.  Ours: the same (the caller's map
// is memory we cannot bound).
// CHECK: {{.*}}:[[@LINE+1]]:18: m does not escape
void map5(gomap *m)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &j escapes to heap
    int j = 0;
    int *k = &i;
    *(int **)gomap_assign(m, &k) = &j;
}

// Go: m does not escape; make does not escape; i, j moved to heap.
// Ours: the same (m may still be the caller's map).
// CHECK: {{.*}}:[[@LINE+1]]:18: m does not escape
void map6(gomap *m)
{
    if (m != NULL)
        // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int*]int*) does not escape
        m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &j escapes to heap
    int j = 0;
    int *k = &i;
    *(int **)gomap_assign(m, &k) = &j;
}

// Go (map literal {&i: &j}): literal does not escape; i, j moved (both BAD).
// Ours: make does not escape; i and j stay (better).
void map7(void)
{
    // CLANG: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int j = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    int *k = &i;
    *(int **)gomap_assign(m, &k) = &j;
    gomap_free(m);
}

// Go: literal escapes to heap; i, j moved to heap.  Ours: the same.
void map8(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &j escapes to heap
    int j = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    int *k = &i;
    *(int **)gomap_assign(m, &k) = &j;
    sink = m;
}

// Go: literal does not escape; i (BAD), j moved to heap.  Ours: the same
// (m[nil] reads a value back out and returns it).
int *map9(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &j escapes to heap
    int j = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    int *k = &i;
    *(int **)gomap_assign(m, &k) = &j;
    int *nil = NULL;
    int **v = gomap_access(m, &nil);
    int *r = v ? *v : NULL;
    gomap_free(m);
    return r;
}
