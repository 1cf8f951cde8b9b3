// Rule: a map handle kept in a local struct or array, copied by struct
// assignment or memcpy, escapes exactly when the copy it ends up in does; turned
// into an integer or handed to inline asm it escapes (we cannot follow it).
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <string.h>
#include "gomap.h"

struct pair { gomap *a, *b; };
struct pair gpair;
uintptr_t gaddr;

size_t in_local_struct(void)
{
    struct pair p;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) does not escape
    p.a = gomap_make(GOMAP_TYPE(int, int), 0);
    p.b = NULL;
    size_t n = gomap_len(p.a);
    gomap_free(p.a);
    return n;
}

struct pair struct_returned(void)
{
    struct pair p;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    p.a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    p.b = gomap_make(GOMAP_TYPE(int, int), 0);
    return p;
}

// One field of a local struct is returned: precise fields are not required,
// but the returned one must escape.
gomap *one_field_returned(void)
{
    struct pair p;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    p.a = gomap_make(GOMAP_TYPE(int, int), 0);
    p.b = p.a;
    return p.b;
}

size_t in_local_array(void)
{
    gomap *ms[3];
    for (int i = 0; i < 3; i++)
        ms[i] = NULL;
    // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int]int) does not escape
    ms[1] = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = gomap_len(ms[1]);
    gomap_free(ms[1]);
    return n;
}

// CHECK: {{.*}}:[[@LINE+1]]:31: out does not escape
void array_copied_out(gomap **out)
{
    gomap *ms[2];
    // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int]int) escapes to heap
    ms[0] = gomap_make(GOMAP_TYPE(int, int), 0);
    ms[1] = NULL;
    memcpy(out, ms, sizeof ms);
}

size_t struct_copy_local(void)
{
    struct pair p, q;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) does not escape
    p.a = gomap_make(GOMAP_TYPE(int, int), 0);
    p.b = NULL;
    q = p;
    size_t n = gomap_len(q.a);
    gomap_free(q.a);
    return n;
}

void struct_copy_to_global(void)
{
    struct pair p;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    p.a = gomap_make(GOMAP_TYPE(int, int), 0);
    p.b = NULL;
    gpair = p;
}

size_t memcpy_local(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap *copy;
    memcpy(&copy, &m, sizeof m);
    size_t n = gomap_len(copy);
    gomap_free(copy);
    return n;
}

void memcpy_to_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    memcpy(&gpair.b, &m, sizeof m);
}

// Byte-wise copy through a char buffer (not memcpy): still tracked or escapes.
void bytewise_to_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    unsigned char buf[sizeof m];
    memcpy(buf, &m, sizeof m);
    memcpy(&gpair.a, buf, sizeof m);
}

uintptr_t to_integer(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uintptr_t u = (uintptr_t)m;
    return u & 1;
}

void to_integer_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gaddr = (uintptr_t)m;
}

void to_asm(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    __asm__ volatile("" : : "r"(m) : "memory");
}

// The asm gets m's address: m itself escapes, and the map with it.
void to_asm_memory(void)
{
    // CHECK: {{.*}}:[[@LINE+2]]:12: &m escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    __asm__ volatile("" : "+m"(m));
    gomap_free(m);
}
