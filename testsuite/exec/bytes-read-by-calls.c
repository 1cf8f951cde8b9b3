// A call whose result depends on the values of bytes it reads reads them as data:
// under ISO/IEC TS 6010 (PNVI-ae-udi) that exposes a pointer among them, and an
// integer rebuilt from the results may carry its address (docs/design.md,
// "Soundness": the exposure rule).  Each function below learns the bytes of its
// own map's handle from such results alone, one byte at a time: memccpy (which
// stops at a byte equal to the one given: was a byte copied past it?), and the
// map runtime's gomap_access, gomap_assign and gomap_delete, which hash and
// compare their key's bytes (a side map keyed by unsigned char hands back each
// byte's value, stored there as an int; a map keyed by unsigned char[2] hands
// back two, through a `void *` view a helper returns).  main turns the integer back into the
// handle after the frame is gone.  The plugin before this rule modelled
// memccpy as a plain copy and the runtime's key argument as unread, and put
// every map here on the stack (stack-use-after-return at -O0 and -O2; found by
// an attack helper).  The last function is the control: a lookup by an int key
// leaves its map on the stack.
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
#include <string.h>

#define NOINL __attribute__((noinline))

static uintptr_t saved;
static gomap *side;             /* unsigned char -> int: c -> c */

NOINL static void scribble(void)
{
    volatile char junk[4096];
    for (int i = 0; i < 4096; i++) junk[i] = (char)0xa5;
}

NOINL static void by_memccpy(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 42;
    unsigned char buf[1];
    uintptr_t v = 0;
    for (unsigned i = 0; i < sizeof m; i++)
        for (int c = 0; c < 256; c++)
            if (memccpy(buf, (unsigned char *)&m + i, c, 1)) {     /* byte i == c */
                v |= (uintptr_t)c << (8 * i);
                break;
            }
    saved = v;
}

NOINL static void by_access(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 43;
    uintptr_t v = 0;
    for (unsigned i = 0; i < sizeof m; i++)
        v |= (uintptr_t)*(int *)gomap_access(side, (unsigned char *)&m + i) << (8 * i);
    saved = v;
}

NOINL static void by_assign(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 44;
    uintptr_t v = 0;
    for (unsigned i = 0; i < sizeof m; i++)
        v |= (uintptr_t)*(int *)gomap_assign(side, (unsigned char *)&m + i) << (8 * i);
    saved = v;
}

NOINL static void by_delete(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 45;
    uintptr_t v = 0;
    for (unsigned i = 0; i < sizeof m; i++)
        for (int c = 0; c < 256; c++) {
            // CHECK: [[@LINE+1]]:28: make(map[unsigned char]int) does not escape
            gomap *probe = gomap_make(GOMAP_TYPE(unsigned char, int), 0);
            *(int *)gomap_assign(probe, &(unsigned char){(unsigned char)c}) = c;
            bool hit = gomap_delete(probe, (unsigned char *)&m + i);  /* byte i == c */
            gomap_free(probe);
            if (hit) {
                v |= (uintptr_t)c << (8 * i);
                break;
            }
        }
    saved = v;
}

typedef unsigned char k2[2];
// CHECK: [[@LINE+1]]:29: leaking param: p to result ~r0 level=0
NOINL static void *at(void *p, unsigned i) { return (unsigned char *)p + i; }

// Two bytes at a time through a `void *` a helper returns: a pointer that may
// point anywhere into an object reads bytes (the map is keyed by unsigned
// char[2], two bytes, so "a void * read as the key's type" does not apply).
NOINL static void by_void_view(void)
{
    // CHECK: [[@LINE+1]]:20: make(map[k2]int, 65536) buckets escape to heap: hint 65536 > 8
    gomap *pairs = gomap_make(GOMAP_TYPE(k2, int), 65536);
    for (int c = 0; c < 65536; c++) {
        k2 k = { (unsigned char)c, (unsigned char)(c >> 8) };
        *(int *)gomap_assign(pairs, k) = c;
    }
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 46;
    uintptr_t v = 0;
    for (unsigned i = 0; i < sizeof m / 2; i++)
        v |= (uintptr_t)*(int *)gomap_access(pairs, at(&m, 2 * i)) << (16 * i);
    saved = v;
    gomap_free(pairs);
}

// The same through a `void *` variable the view is stored in and read back from:
// only a slot gomap_iter_next writes is read as the key's type.
NOINL static void by_stored_view(void)
{
    // CHECK: [[@LINE+1]]:20: make(map[k2]int, 65536) buckets escape to heap: hint 65536 > 8
    gomap *pairs = gomap_make(GOMAP_TYPE(k2, int), 65536);
    for (int c = 0; c < 65536; c++) {
        k2 k = { (unsigned char)c, (unsigned char)(c >> 8) };
        *(int *)gomap_assign(pairs, k) = c;
    }
    // escape-clang does not follow what writes a variable: any `void *` variable
    // is read as the key's type there (docs/frontends.md).
    // GCC: [[@LINE+2]]:16: make(map[int]int) escapes to heap
    // CLANG: [[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){1}) = 47;
    uintptr_t v = 0;
    for (unsigned i = 0; i < sizeof m / 2; i++) {
        void *slot, **sp = &slot;
        *(void *volatile *)sp = (unsigned char *)&m + 2 * i;
        v |= (uintptr_t)*(int *)gomap_access(pairs, slot) << (16 * i);
    }
    saved = v;
    gomap_free(pairs);
}

NOINL static int control(int k)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &k) = k;
    int r = *(int *)gomap_access(m, &k) + (gomap_delete(m, &k) ? 1 : 0);
    gomap_free(m);
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
    // CHECK: [[@LINE+1]]:12: make(map[unsigned char]int, 256) escapes to heap
    side = gomap_make(GOMAP_TYPE(unsigned char, int), 256);
    for (int c = 0; c < 256; c++)
        *(int *)gomap_assign(side, &(unsigned char){(unsigned char)c}) = c;
    by_memccpy(); show("memccpy");
    by_access(); show("access");
    by_assign(); show("assign");
    by_delete(); show("delete");
    by_void_view(); show("void view");
    by_stored_view(); show("stored view");
    printf("control %d\n", control(7));
    return 0;
}
// OUT: memccpy 1 42
// OUT-NEXT: access 1 43
// OUT-NEXT: assign 1 44
// OUT-NEXT: delete 1 45
// OUT-NEXT: void view 1 46
// OUT-NEXT: stored view 1 47
// OUT-NEXT: control 8
