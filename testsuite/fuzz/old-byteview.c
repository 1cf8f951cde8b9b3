// Reduced by tools/fuzz/reduce.py from `tools/fuzz/gen.py 3 --families byteview` (and
// tidied): a maker exposes its map handle's bytes as non-pointer data - the lengths of
// side maps (gomap_len as the channel), a permutation table `out[i] = perm[b[i]]`, bits
// through `switch`, a byte pointer carried in a struct passed by address - and returns;
// the caller rebuilds the handle from that data (defined under PNVI-ae-udi: the bytes
// were exposed) and uses the map. The plugin of f1508c4 puts the maps on the stack:
// stack-use-after-return.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc -O0 %asan %s %gomap_asan -o %t/heap0
// RUN: %cc -O0 %asan %plugin %s %gomap_asan -o %t/stack0
// RUN: %cc -O2 %asan %plugin %s %gomap_asan -o %t/stack2
// RUN: %t/heap0 > %t/heap.out
// RUN: %t/stack0 > %t/stack0.out
// RUN: %t/stack2 > %t/stack2.out
// RUN: diff %t/heap.out %t/stack0.out
// RUN: diff %t/heap.out %t/stack2.out
#include <stdio.h>
#include <string.h>
#include "gomap.h"

#define PB sizeof(gomap *)
static gomap *side[PB];                     /* byte i = gomap_len(side[i]) */
static unsigned char permuted[PB], bits[8 * PB], carried[PB];
struct carry { const unsigned char *p; size_t n; };

static unsigned char perm(unsigned char x) { return (unsigned char)(x * 167 + 13); }
static unsigned char unperm(unsigned char y) { return (unsigned char)((y - 13) * 23); }

static gomap *filled(int v)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int k = 0; k < 3; k++)
        *(int *)gomap_assign(m, &k) = v + k;
    return m;
}

__attribute__((noinline)) static void make_side(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(m, &k) = 11;
    const unsigned char *b = (const unsigned char *)&m;
    for (size_t i = 0; i < PB; i++) {
        side[i] = gomap_make(GOMAP_TYPE(int, int), 0);
        for (int j = 0; j < b[i]; j++)
            *(int *)gomap_assign(side[i], &j) = j;
    }
}

__attribute__((noinline)) static void make_table(void)
{
    static const unsigned char *tab;
    static unsigned char t[256];
    if (!tab) {
        for (int x = 0; x < 256; x++)
            t[x] = perm((unsigned char)x);
        tab = t;
    }
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 2;
    *(int *)gomap_assign(m, &k) = 22;
    const unsigned char *b = (const unsigned char *)&m;
    for (size_t i = 0; i < PB; i++)
        permuted[i] = tab[b[i]];
}

__attribute__((noinline)) static void make_bits(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 3;
    *(int *)gomap_assign(m, &k) = 33;
    const unsigned char *b = (const unsigned char *)&m;
    for (size_t i = 0; i < 8 * PB; i++) {
        switch ((b[i / 8] >> (i % 8)) & 1) {
        case 0: bits[i] = 0; break;
        default: bits[i] = 1; break;
        }
    }
}

static void put_carried(struct carry *c)
{
    for (size_t i = 0; i < c->n; i++)
        carried[i] = c->p[i];
}

__attribute__((noinline)) static void make_carried(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 4;
    *(int *)gomap_assign(m, &k) = 44;
    struct carry c = { (const unsigned char *)&m, sizeof m };
    put_carried(&c);
}

static void show(const char *what, const unsigned char *t, int k)
{
    gomap *m;
    memcpy(&m, t, sizeof m);
    int *v = gomap_access(m, &k);
    printf("%s: len %zu, [%d] = %d\n", what, gomap_len(m), k, v ? *v : -1);
    gomap_free(m);
}

int main(void)
{
    unsigned char t[PB];
    gomap *noise = filled(100);
    make_side();
    make_table();
    make_bits();
    make_carried();
    gomap_free(noise);
    for (size_t i = 0; i < PB; i++) {
        t[i] = (unsigned char)gomap_len(side[i]);
        gomap_free(side[i]);
    }
    show("side maps", t, 1);
    for (size_t i = 0; i < PB; i++)
        t[i] = unperm(permuted[i]);
    show("table", t, 2);
    memset(t, 0, sizeof t);
    for (size_t i = 0; i < 8 * PB; i++)
        switch (bits[i]) {
        case 1: t[i / 8] |= (unsigned char)(1u << (i % 8)); break;
        default: break;
        }
    show("bits", t, 3);
    show("carried", carried, 4);
    return 0;
}
