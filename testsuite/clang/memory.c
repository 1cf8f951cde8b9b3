// Both front ends: memory.  Structs and arrays are one location each (field-
// insensitive); stores through pointers resolve to the locals they point to, or
// go to the heap when the pointer is unknown (a parameter, an asm output); a
// compound literal is a local; globals, static locals, integer conversions and
// asm inputs make a map escape; a slot or iterator keeps its map alive; what a
// map holds escapes only with the map.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CLANG --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
#include <stdint.h>
#include "gomap.h"

struct box { gomap *m; int n; };
struct pair { struct box a, b; };
gomap *global;
void sink(gomap *m);

int in_struct(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:22: make(map[int]int) does not escape
    struct box b = { gomap_make(GOMAP_TYPE(int, int), 0), 1 };
    int n = b.n + (int)gomap_len(b.m);
    gomap_free(b.m);
    return n;
}

void struct_to_global(void)
{
    struct pair p;
    // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int]int) escapes to heap
    p.a.m = gomap_make(GOMAP_TYPE(int, int), 0);
    p.b = p.a;
    global = p.b.m;
}

size_t through_pointers(void)
{
    gomap *m, **pm = &m, ***ppm = &pm;
    // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int]int) does not escape
    **ppm = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = gomap_len(*pm);
    gomap_free(m);
    return n;
}

// CHECK: {{.*}}:[[@LINE+1]]:34: out does not escape
void store_through_param(gomap **out)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    *out = gomap_make(GOMAP_TYPE(int, int), 0);
}

size_t arrays(int i)
{
    gomap *a[4];
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    a[i & 3] = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = gomap_len(a[0]);
    gomap_free(a[i & 3]);
    return n;
}

size_t compound_literal(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:36: make(map[int]int) does not escape
    struct box *b = &(struct box){ gomap_make(GOMAP_TYPE(int, int), 0), 0 };
    size_t n = gomap_len(b->m);
    gomap_free(b->m);
    return n;
}

void static_local(void)
{
    static gomap *cache;
    // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int]int) escapes to heap
    cache = gomap_make(GOMAP_TYPE(int, int), 0);
}

uintptr_t to_integer(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return (uintptr_t)m;
}

void asm_input(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    __asm__ volatile("" : : "r"(m));
}

void asm_output(void)
{
    gomap **slot;
    __asm__ volatile("" : "=r"(slot));
    // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int]int) escapes to heap
    *slot = gomap_make(GOMAP_TYPE(int, int), 0);
}

int *address_of_local(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &x escapes to heap
    int x = 1;
    int *p = &x;
    global = (gomap *)p;
    return 0;
}

int slots_and_iterators(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *n = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1, s = 0;
    *(int *)gomap_assign(m, &k) = 2;
    int *v = gomap_access(m, &k);
    gomap_iter it;
    gomap_iter_init(&it, n);
    void *key, *val;
    while (gomap_iter_next(&it, &key, &val))
        s += *(int *)val;
    global = (gomap *)v;
    gomap_free(n);
    return s;
}

// CHECK: {{.*}}:[[@LINE+1]]:39: b does not escape
struct box *keys_into_map(struct box *b)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]struct box *) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, struct box *), 0);
    int k = 0;
    *(struct box **)gomap_assign(m, &k) = b;
    gomap_free(m);
    return 0;
}
