// Attacks on the exposure rule (each tried to break it; all must keep their
// maps on the heap): a union inside a struct passed by value; a byte copy loop
// through an addressable char local into a uint64_t passed by value; a
// map[int]uint64 slot holding memcpy'd handle bytes read back as an integer by
// another function; a struct returned by value holding the bytes; typed copies
// of raw words into another array; a pointer that is either a parameter or a
// raw local, read typed.  A stack decision is a stack-use-after-return under
// ASan (detect_stack_use_after_return).
//
// RUN: %cc -O0 -I %S/Inputs -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %cc -O2 -I %S/Inputs -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %cc -O0 %asan -I %S/Inputs %s %gomap_asan -o %t.heap
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %gomap_asan -o %t.stack0
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %gomap_asan -o %t.stack2
// RUN: %t.heap > %t.heap.out
// RUN: %t.stack0 > %t.stack0.out
// RUN: %t.stack2 > %t.stack2.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: diff %t.heap.out %t.stack2.out
// RUN: %FileCheck %s < %t.stack2.out
// CHECK: unionbyval value 1, len 1
// CHECK-NEXT: charloop value 2, len 1
// CHECK-NEXT: slotword value 3, len 1
// CHECK-NEXT: retstruct value 4, len 1
// CHECK-NEXT: typedcopy value 5, len 1
// CHECK-NEXT: pick value 6, len 1
#include <string.h>
#include "stale.h"

#define N 6
static uint64_t out[N];

static gomap *fill(int v)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = v;
    return m;
}

/* 1: union inside a struct passed by value */
struct boxed { int tag; union { gomap *m; uint32_t h[2]; } u; };
__attribute__((noinline)) static uint64_t from_boxed(struct boxed b)
{
    return (uint64_t)b.u.h[1] << 32 | b.u.h[0];
}
__attribute__((noinline)) static void a1(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 1;
    struct boxed b;
    b.tag = 1;
    b.u.m = m;
    out[0] = from_boxed(b);
}

/* 2: copy loop through an addressable char local into a uint64_t passed by value */
__attribute__((noinline)) static uint64_t ident(uint64_t w) { return w; }
__attribute__((noinline)) static void a2(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 2;
    uint64_t w = 0;
    for (int i = 0; i < 8; i++) {
        unsigned char c;
        memcpy(&c, (const char *)&m + i, 1);
        memcpy((char *)&w + i, &c, 1);
    }
    out[1] = ident(w);
}

/* 3: a map[int]uint64 slot with memcpy'd handle bytes, read as an integer elsewhere */
__attribute__((noinline)) static uint64_t slot_word(gomap *side)
{
    int k = 1;
    return *(uint64_t *)gomap_access(side, &k);
}
__attribute__((noinline)) static void a3(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 3;
    // M: {{.*}}:[[@LINE+1]]:19: make(map[int]uint64_t) does not escape
    gomap *side = gomap_make(GOMAP_TYPE(int, uint64_t), 0);
    int one = 1;
    memcpy(gomap_assign(side, &one), &m, sizeof m);
    out[2] = slot_word(side);
    gomap_free(side);
}

/* 4: a struct returned by value holding the handle's bytes */
struct word { uint64_t w; };
__attribute__((noinline)) static struct word hide(gomap *m)
{
    struct word r;
    memcpy(&r.w, &m, sizeof m);
    return r;
}
__attribute__((noinline)) static void a4(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 4;
    struct word r = hide(m);
    out[3] = r.w;
}

/* 5: typed copies of raw words into another array, read typed */
__attribute__((noinline)) static void a5(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 5;
    uint32_t a[2], b[2];
    memcpy(a, &m, sizeof a);
    b[0] = a[0];
    b[1] = a[1];
    volatile int sink = 0;
    (void)sink;
    out[4] = (uint64_t)b[1] << 32 | b[0];
}

/* 6: a pointer that is either a parameter or a raw local, read typed */
__attribute__((noinline)) static uint64_t pick(const uint64_t *p, int c, gomap *m)
{
    uint64_t w;
    memcpy(&w, &m, sizeof w);
    const uint64_t *q = c ? p : &w;
    return *q;
}
__attribute__((noinline)) static void a6(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 6;
    uint64_t z = 0;
    out[5] = pick(&z, 0, m);
}

int main(void)
{
    static const char *const names[N] = { "unionbyval", "charloop", "slotword", "retstruct",
                                          "typedcopy", "pick" };
    a1(); a2(); a3(); a4(); a5(); a6();
    scribble(4);
    for (int i = 0; i < N; i++)
        show(names[i], out[i]);
    gomap_free(fill(0));
    return 0;
}
