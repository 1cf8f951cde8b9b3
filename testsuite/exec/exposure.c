// The exposure rule (docs/design.md "Soundness"): a map whose handle's bytes are
// read as data escapes, however the integers are used afterwards.  Each helper
// below hides a handle's bytes in non-pointer data and rebuilds the handle
// after its function returned, in a way the old narrow-load rule (a closed list
// of ways pieces travel) did not follow:
//   table    - bytes translated through a lookup table, out[i] = tab[b[i]]
//              (the index is data, the table's contents carry nothing);
//   arrview  - a view of the handle as const unsigned char (*)[8];
//   mayalias - a view of it as a may_alias struct of uint16_t;
//   carried  - a byte pointer to it carried inside a struct passed by address;
//   viewcpy  - a user function returning a uint16_t view of it (memcpy);
//   viewcast - the same through integer casts, (uint16_t)((uintptr_t)*pm >> 16 * i);
//   wordbuf  - memcpy'd into a uint64_t that a callee reads typed through void *
//              (raw bytes whose address reaches other code);
//   bits     - rebuilt bit by bit through comparisons and if on its bits;
//   switch   - rebuilt nibble by nibble through a switch;
//   channel  - each bit sent through gomap_len of a side map.
// Every map must stay on the heap: with the plugin and
// detect_stack_use_after_return, a stack decision is a stack-use-after-return.
//
// RUN: %cc -O0 -I %S/Inputs -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %cc -O2 -I %S/Inputs -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %cc -O2 %asan -I %S/Inputs -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=M %s
// RUN: %cc -O0 %asan -I %S/Inputs %s %gomap_asan -o %t.heap
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %gomap_asan -o %t.stack0
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %gomap_asan -o %t.stack2
// RUN: %cc -O2 -I %S/Inputs %s %plugin %gomap -o %t.plain2
// RUN: %t.heap > %t.heap.out
// RUN: %t.stack0 > %t.stack0.out
// RUN: %t.stack2 > %t.stack2.out
// RUN: %t.plain2 > %t.plain2.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: diff %t.heap.out %t.stack2.out
// RUN: diff %t.heap.out %t.plain2.out
// RUN: %FileCheck %s < %t.stack2.out
// CHECK: table value 1, len 1
// CHECK-NEXT: arrview value 2, len 1
// CHECK-NEXT: mayalias value 3, len 1
// CHECK-NEXT: carried value 4, len 1
// CHECK-NEXT: viewcpy value 5, len 1
// CHECK-NEXT: viewcast value 6, len 1
// CHECK-NEXT: bits value 7, len 1
// CHECK-NEXT: switch value 8, len 1
// CHECK-NEXT: channel value 9, len 1
// CHECK-NEXT: wordbuf value 10, len 1
#include <string.h>
#include "stale.h"

#define N 10
static uint64_t out[N];
static unsigned char tab[256];

/* ---- table: bytes through a lookup table */
__attribute__((noinline)) static void via_table(const unsigned char *b, unsigned char *o)
{
    for (int i = 0; i < 8; i++)
        o[i] = tab[b[i]];
}

__attribute__((noinline)) static void table(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 1;
    unsigned char o[8];
    via_table((const unsigned char *)&m, o);
    memcpy(&out[0], o, 8);
}

/* ---- arrview: const unsigned char (*)[8] */
__attribute__((noinline)) static uint64_t from_array_view(const unsigned char (*v)[8])
{
    uint64_t r = 0;
    for (int i = 7; i >= 0; i--)
        r = r << 8 | (*v)[i];
    return r;
}

__attribute__((noinline)) static void arrview(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 2;
    out[1] = from_array_view((const unsigned char (*)[8])(const void *)&m);
}

/* ---- mayalias: a may_alias struct of uint16_t */
struct __attribute__((may_alias)) words { uint16_t w[4]; };

__attribute__((noinline)) static uint64_t from_words(const struct words *v)
{
    uint64_t r = 0;
    for (int i = 3; i >= 0; i--)
        r = r << 16 | v->w[i];
    return r;
}

__attribute__((noinline)) static void mayalias(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 3;
    out[2] = from_words((const struct words *)(const void *)&m);
}

/* ---- carried: a byte pointer inside a struct passed by address */
struct carrier { const unsigned char *bytes; int n; };

__attribute__((noinline)) static uint64_t read_carrier(const struct carrier *c)
{
    uint64_t r = 0;
    for (int i = c->n - 1; i >= 0; i--)
        r = r << 8 | c->bytes[i];
    return r;
}

__attribute__((noinline)) static void carried(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 4;
    struct carrier c = { (const unsigned char *)&m, 8 };
    out[3] = read_carrier(&c);
}

/* ---- viewcpy / viewcast: a user function returning a uint16_t view */
__attribute__((noinline)) static uint16_t view_cpy(gomap *const *pm, int i)
{
    uint16_t v;
    memcpy(&v, (const char *)pm + 2 * i, sizeof v);
    return v;
}

__attribute__((noinline)) static uint16_t view_cast(gomap *const *pm, int i)
{
    return (uint16_t)((uintptr_t)*pm >> (16 * i));
}

/* ---- wordbuf: copied into a uint64_t, read typed by a callee through void * */
__attribute__((noinline)) static uint64_t read_word(const void *p)
{
    return *(const uint64_t *)p;
}

__attribute__((noinline)) static void wordbuf(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 10;
    uint64_t w;
    memcpy(&w, &m, sizeof w);
    out[9] = read_word(&w);
}

__attribute__((noinline)) static void viewcpy(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 5;
    uint64_t r = 0;
    for (int i = 3; i >= 0; i--)
        r = r << 16 | view_cpy(&m, i);
    out[4] = r;
}

__attribute__((noinline)) static void viewcast(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 6;
    uint64_t r = 0;
    for (int i = 3; i >= 0; i--)
        r = r << 16 | view_cast(&m, i);
    out[5] = r;
}

/* ---- bits: comparisons and if on the handle's bits */
__attribute__((noinline)) static void bits(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 7;
    const unsigned char *b = (const unsigned char *)&m;
    uint64_t r = 0;
    for (int i = 0; i < 64; i++)
        if ((b[i / 8] >> (i % 8)) & 1)
            r |= (uint64_t)1 << i;
    out[6] = r;
}

/* ---- switch: nibbles through a switch */
__attribute__((noinline)) static void by_switch(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 8;
    const unsigned char *b = (const unsigned char *)&m;
    uint64_t r = 0;
    for (int i = 0; i < 16; i++) {
        uint64_t nib;
        switch ((b[i / 2] >> (4 * (i % 2))) & 15) {
        case 0: nib = 0; break;   case 1: nib = 1; break;   case 2: nib = 2; break;
        case 3: nib = 3; break;   case 4: nib = 4; break;   case 5: nib = 5; break;
        case 6: nib = 6; break;   case 7: nib = 7; break;   case 8: nib = 8; break;
        case 9: nib = 9; break;   case 10: nib = 10; break; case 11: nib = 11; break;
        case 12: nib = 12; break; case 13: nib = 13; break; case 14: nib = 14; break;
        default: nib = 15; break;
        }
        r |= nib << (4 * i);
    }
    out[7] = r;
}

/* ---- channel: each bit through gomap_len of a side map */
__attribute__((noinline)) static void channel(void)
{
    // M: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 7;
    *(int *)gomap_assign(m, &k) = 9;
    // M: {{.*}}:[[@LINE+1]]:19: make(map[int]int) does not escape
    gomap *side = gomap_make(GOMAP_TYPE(int, int), 0);
    uint16_t w[4];
    memcpy(w, &m, sizeof w);
    uint64_t r = 0;
    for (int i = 0; i < 64; i++) {
        gomap_clear(side);
        if (w[i / 16] & (1u << (i % 16))) {
            int one = 1;
            *(int *)gomap_assign(side, &one) = 1;
        }
        r |= (uint64_t)gomap_len(side) << i;
    }
    gomap_free(side);
    out[8] = r;
}

int main(void)
{
    static const char *const names[N] = { "table", "arrview", "mayalias", "carried", "viewcpy",
                                          "viewcast", "bits", "switch", "channel", "wordbuf" };
    for (int i = 0; i < 256; i++)
        tab[i] = (unsigned char)i;
    table();
    arrview();
    mayalias();
    carried();
    viewcpy();
    viewcast();
    bits();
    by_switch();
    channel();
    wordbuf();
    scribble(4);
    for (int i = 0; i < N; i++)
        show(names[i], out[i]);
    return 0;
}
