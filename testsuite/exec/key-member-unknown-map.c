// A key `&s.k` (a 2-byte member, no pointer) given to a map of unknown type (a
// global: its descriptor is not traced).  The runtime reads the map's own key
// size from that address: &s.k is &s, the map is keyed by a 10/12/14-byte
// integer struct, so the read covers the handle stored in s.m.  For a map of
// unknown type the whole variable must hold no pointer for the read to be typed
// (docs/design.md, "the exposure rule").  Lookups hand back the handle 2 bytes at
// a time; main rebuilds it after the frame is gone.  The plugin before this rule
// judged the member's type alone and put the map on the stack
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
struct w2 { uint16_t w; };
struct S { struct w2 k; uint16_t pad[3]; gomap *m; };
struct K10 { uint16_t w[5]; };
struct K12 { uint16_t w[6]; };
struct K14 { uint16_t w[7]; };
static gomap *side;     /* unknown type at the lookup */

#define FILL(J, K)                                                           \
    do {                                                                     \
        side = gomap_make(GOMAP_TYPE(K, int), 70000);                        \
        for (int c = 0; c < 65536; c++) {                                    \
            K key = { { 0 } };                                               \
            for (int i = 0; i < J; i++) key.w[4 + i] = pre[i];               \
            key.w[4 + J] = (uint16_t)c;                                      \
            *(int *)gomap_assign(side, &key) = c;                            \
        }                                                                    \
    } while (0)

static uint16_t pre[4];

NOINL static void leak(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 44;
    struct S s = { { 0 }, { 0, 0, 0 }, m };
    for (int j = 0; j < 3; j++) {
        if (j == 0) FILL(0, struct K10);
        if (j == 1) FILL(1, struct K12);
        if (j == 2) FILL(2, struct K14);
        int *p = gomap_access(side, &s.k);
        pre[j] = p ? (uint16_t)*p : 0;
        gomap_free(side);
    }
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
