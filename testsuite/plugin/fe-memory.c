// How GIMPLE moves pointers through memory, at -O0 and -O2 alike: at -O2 a
// small memcpy is already an integer load and store, so integers carry
// pointers; a conversion the user writes from pointer to integer escapes (Go's
// uintptr rule); an integer made into a pointer points anywhere; inline asm
// operands escape.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// Zeroing the padding of locals writes no pointer bytes:
// RUN: %cc -O2 -ftrivial-auto-var-init=pattern -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// Sanitizer instrumentation changes nothing:
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"
#include <stdint.h>
#include <string.h>

gomap *global;
struct box { gomap *m; int n; };
union pun { gomap *m; uintptr_t bits; };

void memcpy_to_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    memcpy(&global, &m, sizeof m);
}

size_t memcpy_between_locals(void)
{
    struct box a, b;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) does not escape
    a.m = gomap_make(GOMAP_TYPE(int, int), 0);
    a.n = 1;
    memcpy(&b, &a, sizeof a);
    return gomap_len(b.m);
}

// CHECK: {{.*}}:[[@LINE+1]]:40: out does not escape
void struct_copy_to_global(struct box *out)
{
    struct box a;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    a.m = gomap_make(GOMAP_TYPE(int, int), 0);
    a.n = 0;
    *out = a;
}

// The int field is read, the map is not: an int cannot hold the map's address.
int int_field(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:22: make(map[int]int) does not escape
    struct box a = { gomap_make(GOMAP_TYPE(int, int), 0), 3 };
    int n = a.n + (int)gomap_len(a.m);
    gomap_free(a.m);
    return n;
}

// Bytes can: a byte-wise copy carries the map along.
void bytewise(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    const unsigned char *src = (const unsigned char *)&m;
    unsigned char *dst = (unsigned char *)&global;
    for (size_t i = 0; i < sizeof m; i++)
        dst[i] = src[i];
}

uintptr_t to_integer(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return (uintptr_t)m & 0xff;
}

// A union member of pointer width is the same bits.
uintptr_t through_union(void)
{
    union pun u;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    u.m = gomap_make(GOMAP_TYPE(int, int), 0);
    return u.bits;
}

// An integer turned into a pointer may point anywhere: storing through it
// escapes.
void from_integer(uintptr_t where)
{
    // CHECK: {{.*}}:[[@LINE+1]]:24: make(map[int]int) escapes to heap
    *(gomap **)where = gomap_make(GOMAP_TYPE(int, int), 0);
}

void inline_asm(void)
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

void asm_memory(void)
{
    // CHECK: {{.*}}:[[@LINE+2]]:12: &m escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    __asm__ volatile("" : : "m"(m));
}
