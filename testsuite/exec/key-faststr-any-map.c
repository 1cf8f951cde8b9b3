// gomap_access_faststr on a map that is not a string map: the fast entry points
// "behave exactly as the generic calls with &key, on any map" (gomap.h), so the
// runtime hashes the first key-size bytes of the gostring, its ptr: a handle
// here.  The gostring by value is read as data unless the map is known to be a
// string map (runtime_model.c: KEYV).  Lookups in maps keyed by 2/4/6-byte
// integer structs hand back the handle 2 bytes at a time; main rebuilds it.  The
// plugin before this rule read only the bytes ptr points to and put the map on
// the stack
// (stack-use-after-return at -O0 and -O2; found by an attack helper).
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %s %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdint.h>
#include <stdio.h>
#define NOINL __attribute__((noinline))
static uintptr_t saved;
NOINL static void scribble(void)
{
    volatile char junk[4096];
    for (int i = 0; i < 4096; i++) junk[i] = (char)0xa5;
}
struct w1 { uint16_t w[1]; };
struct w4 { uint16_t w[2]; };
struct w6 { uint16_t w[3]; };
static uint16_t pre[4];

#define LEARN(J, K)                                                          \
    do {                                                                     \
        gomap *side = gomap_make(GOMAP_TYPE(K, int), 70000);                 \
        for (int c = 0; c < 65536; c++) {                                    \
            K key = { { 0 } };                                               \
            for (int i = 0; i < J; i++) key.w[i] = pre[i];                   \
            key.w[J] = (uint16_t)c;                                          \
            *(int *)gomap_assign(side, &key) = c;                            \
        }                                                                    \
        int *p = gomap_access_faststr(side, g);                              \
        pre[J] = p ? (uint16_t)*p : 0;                                       \
        gomap_free(side);                                                    \
    } while (0)

NOINL static void leak(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 44;
    gostring g = { (const char *)m, 0 };
    LEARN(0, struct w1);
    LEARN(1, struct w4);
    LEARN(2, struct w6);
    saved = (uintptr_t)pre[0] | (uintptr_t)pre[1] << 16 | (uintptr_t)pre[2] << 32;
}
int main(void)
{
    leak();
    scribble();
    gomap *m = (gomap *)saved;
    int *p = gomap_access(m, &(int){1});
    printf("%zu %d\n", gomap_len(m), p ? *p : -1);
    return 0;
}
// OUT: 1 44
