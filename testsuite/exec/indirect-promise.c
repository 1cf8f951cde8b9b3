// A noescape parameter of a call through a pointer: the callee keeps nothing, but
// it reads and writes the memory it is given, as a direct call's callee may.
// Before, such an argument was only "not escaping": its memory was not marked as
// seen by other code (ext), so a callee writing a global's address into the
// caller's struct, and a callee reading pointer bytes the caller memcpy'd into a
// uintptr_t as an integer (an exposure, TS 6010), went unseen and the maps stayed
// on the stack (stack-use-after-return in main; found by an attack helper).  The
// direct calls beside them were right.
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %s %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct box { gomap **slot; };
static gomap *G;
static uintptr_t W;

typedef void (*fill_fn)(struct box *b __attribute__((noescape)));
typedef uintptr_t (*read_fn)(const uintptr_t *p __attribute__((noescape)));

// CHECK: [[@LINE+1]]:30: b does not escape
static void fill(struct box *b __attribute__((noescape)))
{
    b->slot = &G;
}

// CHECK: [[@LINE+1]]:45: p does not escape
static uintptr_t read_word(const uintptr_t *p __attribute__((noescape)))
{
    return *p;
}

fill_fn volatile FILL = fill;
read_fn volatile READ = read_word;

// The callee points the caller's box at a global: the store through it is global.
__attribute__((noinline)) static void through_box(void)
{
    gomap *mine = NULL;
    struct box b = { &mine };
    FILL(&b);
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 5;
    *b.slot = m;
}

// The callee reads the handle's bytes as an integer, which the caller keeps.
__attribute__((noinline)) static void through_bytes(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 6;
    uintptr_t w;
    memcpy(&w, &m, sizeof w);
    W = READ(&w);
}

__attribute__((noinline)) static int scribble(int depth)
{
    volatile char buf[2048];
    memset((char *)buf, 0x5a, sizeof buf);
    return depth ? scribble(depth - 1) + buf[depth] : buf[0];
}

int main(void)
{
    through_box();
    through_bytes();
    scribble(6);
    int k = 7;
    gomap *w = (gomap *)W;
    // OUT: 5 6
    printf("%d %d\n", *(int *)gomap_access(G, &k), *(int *)gomap_access(w, &k));
    gomap_free(G);
    gomap_free(w);
    return 0;
}
