// The map runtime hashes and compares a key's bytes, so its read is typed (only a
// pointer-typed key matters) only where the key pointer is known to point to an
// object of the key's type; anywhere else the memory is read as data (docs/design.md,
// "Soundness": the exposure rule).  Each function below learns its own map's handle
// two bytes at a time from lookups in a map keyed by a 2-byte struct, through a
// pointer declared `struct w2 *` that is really a view into the handle:
//   - made by character arithmetic in the function itself;
//   - made by the caller and received as a parameter (the helper's
//     `leaking param content: k`, as for strlen);
//   - an iterator's key slot of a map keyed by `gomap *` (the slot holds the
//     handle; a slot is read at the key's type only from maps with that key type).
// main rebuilds the handle after the frame is gone.  The plugin before this rule
// trusted the pointer's declared type (`struct w2 *`, the key's size) or the slot,
// and put these maps on the stack (stack-use-after-return at -O0 and -O2; found
// by an attack helper).  The controls: a key copied to a local, a helper given an
// int, and a map copied by iterating one of the same key type stay on the stack.
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CLANG --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %s %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdint.h>
#include <stdio.h>

#define NOINL __attribute__((noinline))

struct w2 { uint16_t w; };
static uintptr_t saved;
static gomap *wide;             /* struct w2 -> int: c -> c */

NOINL static void scribble(void)
{
    volatile char junk[4096];
    for (int i = 0; i < 4096; i++) junk[i] = (char)0xa5;
}

NOINL static void by_arithmetic(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 42;
    uintptr_t v = 0;
    for (unsigned i = 0; i < sizeof m / 2; i++) {
        const struct w2 *k = (const struct w2 *)((unsigned char *)&m + 2 * i);
        v |= (uintptr_t)*(int *)gomap_access(wide, k) << (16 * i);
    }
    saved = v;
}

// CHECK: [[@LINE+1]]:40: leaking param content: k
NOINL static int look(const struct w2 *k)
{
    return *(int *)gomap_access(wide, k);
}

NOINL static void by_parameter(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 43;
    uintptr_t v = 0;
    for (unsigned i = 0; i < sizeof m / 2; i++)
        v |= (uintptr_t)look((const struct w2 *)(void *)&m + i) << (16 * i);
    saved = v;
}

// The slot of a map keyed by handles, used as the key of maps keyed by 2-, 4- and
// 6-byte structs: each lookup hands back the next two bytes of the handle.
struct w1 { uint16_t w[1]; };
struct w4 { uint16_t w[2]; };
struct w6 { uint16_t w[3]; };
#define LEARN(J, K)                                                          \
    do {                                                                     \
        gomap *b = gomap_make(GOMAP_TYPE(K, int), 0);                        \
        for (int c = 0; c < 65536; c++) {                                    \
            K key = { { 0 } };                                               \
            for (int i = 0; i < J; i++) key.w[i] = pre[i];                   \
            key.w[J] = (uint16_t)c;                                          \
            *(int *)gomap_assign(b, &key) = c;                               \
        }                                                                    \
        gomap_iter it;                                                       \
        void *k, *val;                                                       \
        gomap_iter_init(&it, a);                                             \
        while (gomap_iter_next(&it, &k, &val))                               \
            pre[J] = (uint16_t)*(int *)gomap_access(b, k);                   \
        gomap_free(b);                                                       \
    } while (0)

NOINL static void by_iterator_slot(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 44;
    // CHECK: [[@LINE+1]]:16: make(map[gomap *]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(gomap *, int), 0);
    *(int *)gomap_assign(a, &m) = 1;
    uint16_t pre[4] = { 0, 0, 0, 0 };
    // CHECK: [[@LINE+1]]:5: make(map[struct w1]int) does not escape
    LEARN(0, struct w1);
    // CHECK: [[@LINE+1]]:5: make(map[struct w4]int) does not escape
    LEARN(1, struct w4);
    // CHECK: [[@LINE+1]]:5: make(map[struct w6]int) does not escape
    LEARN(2, struct w6);
    saved = (uintptr_t)pre[0] | (uintptr_t)pre[1] << 16 | (uintptr_t)pre[2] << 32;
    gomap_free(a);
}

// Controls.
NOINL static int copied_key(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 45;
    struct w2 k;
    __builtin_memcpy(&k, &(uint16_t){7}, sizeof k);
    int r = *(int *)gomap_access(wide, &k) + *(int *)gomap_access(m, &(int){1});
    gomap_free(m);
    return r;
}

NOINL static int given_int(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 46;
    struct w2 k = { 9 };
    int r = look(&k) + *(int *)gomap_access(m, &(int){1});
    gomap_free(m);
    return r;
}

NOINL static int copied_map(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[gomap *]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(gomap *, int), 0);
    // CHECK: [[@LINE+1]]:16: make(map[gomap *]int) does not escape
    gomap *b = gomap_make(GOMAP_TYPE(gomap *, int), 0);
    // escape-clang, which does not follow a map to its descriptor, reads a pointer
    // key as data (the key of a map of unknown type may be part of it).
    // GCC: [[@LINE+2]]:16: make(map[int]int) does not escape
    // CLANG: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(a, &m) = 47;
    gomap_iter it;
    void *k, *val;
    gomap_iter_init(&it, a);
    while (gomap_iter_next(&it, &k, &val))
        *(int *)gomap_assign(b, k) = *(int *)val;
    int r = *(int *)gomap_access(b, &m);
    gomap_free(m);
    gomap_free(b);
    gomap_free(a);
    return r;
}

// CHECK: [[@LINE+1]]:36: leaking param content: what
NOINL static void show(const char *what)
{
    scribble();
    gomap *m = (gomap *)saved;
    int *p = gomap_access(m, &(int){1});
    printf("%s %zu %d\n", what, gomap_len(m), p ? *p : -1);
}

int main(void)
{
    // CHECK: [[@LINE+1]]:12: make(map[struct w2]int, 65536) escapes to heap
    wide = gomap_make(GOMAP_TYPE(struct w2, int), 65536);
    for (int c = 0; c < 65536; c++)
        *(int *)gomap_assign(wide, &(struct w2){ (uint16_t)c }) = c;
    by_arithmetic(); show("arithmetic");
    by_parameter(); show("parameter");
    by_iterator_slot(); show("iterator slot");
    printf("controls %d %d %d\n", copied_key(), given_int(), copied_map());
    return 0;
}
// OUT: arithmetic 1 42
// OUT-NEXT: parameter 1 43
// OUT-NEXT: iterator slot 1 44
// OUT-NEXT: controls 52 55 47
