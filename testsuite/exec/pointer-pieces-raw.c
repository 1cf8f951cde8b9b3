// More ways a map handle leaves its function in pieces and comes back whole
// after the frame is gone (each once fooled the plugin's narrow-load rule):
//   raw      - memcpy'd through a pointer into a uint32_t[2] and read back
//              through another pointer to it (a non-pointer local written raw);
//   cast     - stored through a cast, *(gomap **)half = m, read as halves;
//   returned - split into a struct of halves by a callee that returns it;
//   union    - put in a union whose halves a callee reads through its pointer;
//   bytes    - a callee views the handle's bytes through an unsigned char *;
//   memset   - its bytes written one by one into a byte buffer by memset;
//   via      - stored whole through a pointer to a uint32_t[2], read as halves;
//   handed   - a struct holding it passed on by pointer to a byte reader.
// Every map must stay on the heap: with the plugin and
// detect_stack_use_after_return, a stack decision is a stack-use-after-return.
//
// RUN: %cc -O0 -I %S/Inputs -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %cc -O2 -I %S/Inputs -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -I %S/Inputs 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %cc -O0 %asan -I %S/Inputs %s %gomap_asan -o %t.heap
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %gomap_asan -o %t.stack0
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %gomap_asan -o %t.stack2
// RUN: %t.heap > %t.heap.out
// RUN: %t.stack0 > %t.stack0.out
// RUN: %t.stack2 > %t.stack2.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: diff %t.heap.out %t.stack2.out
// RUN: %FileCheck %s < %t.stack2.out
// CHECK: raw value 1, len 1
// CHECK-NEXT: cast value 2, len 1
// CHECK-NEXT: returned value 3, len 1
// CHECK-NEXT: union value 4, len 1
// CHECK-NEXT: bytes value 5, len 1
// CHECK-NEXT: memset value 6, len 1
// CHECK-NEXT: via value 7, len 1
// CHECK-NEXT: handed value 8, len 1
#include <string.h>
#include "phase.h"
#include "stale.h"

static uint64_t out[8];

static gomap *filled(int v)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = v;
    return m;
}

__attribute__((noinline)) static void halves_through_pointer(gomap *const *pm, uint64_t *to)
{
    uint32_t half[2];
    uint32_t *q = half;
    memcpy(q, pm, sizeof half);
    const uint32_t *r = half + 1;
    *to = ((uint64_t)r[0] << 32) | r[-1];
}

__attribute__((noinline)) static void raw(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 1;
    halves_through_pointer(&m, &out[0]);
}

__attribute__((noinline)) static void cast(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 2;
    uint32_t half[2];
    *(gomap **)half = m;
    const uint32_t *q = half;
    out[1] = ((uint64_t)q[1] << 32) | q[0];
}

struct halves { uint32_t lo, hi; };

__attribute__((noinline)) static struct halves split(gomap *m)
{
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    struct halves h = { (uint32_t)u, (uint32_t)(u >> 32) };
    return h;
}

__attribute__((noinline)) static void returned(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 3;
    struct halves h = split(m);
    out[2] = ((uint64_t)h.hi << 32) | h.lo;
}

union word { gomap *m; uint32_t h[2]; };

__attribute__((noinline)) static uint64_t halves_of(const union word *w)
{
    return ((uint64_t)w->h[1] << 32) | w->h[0];
}

__attribute__((noinline)) static void through_union(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 4;
    union word w;
    w.m = m;
    out[3] = halves_of(&w);
}

struct holder { gomap *m; int tag; };

__attribute__((noinline)) static uint64_t bytes_of(const struct holder *h)
{
    const unsigned char *b = (const unsigned char *)h;
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | b[i];
    return v;
}

__attribute__((noinline)) static void bytes(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 5;
    struct holder h = { m, 1 };
    out[4] = bytes_of(&h);
}

__attribute__((noinline)) static void by_memset(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 6;
    uintptr_t u = (uintptr_t)m;
    unsigned char buf[8];
    for (int i = 0; i < 8; i++)
        memset(&buf[i], (unsigned char)(u >> 8 * i), 1);
    const unsigned char *b = buf;
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | b[i];
    out[5] = v;
}

__attribute__((noinline)) static void via(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 7;
    uint32_t half[2];
    uint32_t *q = half;
    *(uintptr_t *)q = (uintptr_t)m;
    const uint32_t *r = q;
    out[6] = ((uint64_t)r[1] << 32) | r[0];
}

__attribute__((noinline)) static uint64_t read_bytes(const void *p)
{
    const unsigned char *b = p;
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | b[i];
    return v;
}

__attribute__((noinline)) static uint64_t hand_on(const struct holder *h)
{
    const struct holder *hh = h;
    return read_bytes(hh);
}

__attribute__((noinline)) static void handed(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 8;
    struct holder h = { m, 1 };
    out[7] = hand_on(&h);
}

int main(void)
{
    static const char *const names[] = { "raw", "cast", "returned", "union", "bytes",
                                         "memset", "via", "handed" };
    raw();
    cast();
    returned();
    through_union();
    bytes();
    by_memset();
    via();
    handed();
    scribble(4);
    for (int i = 0; i < 8; i++)
        show(names[i], out[i]);
    gomap_free(filled(0));
    return 0;
}
