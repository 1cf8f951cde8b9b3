// Both front ends: the exposure rule (docs/design.md "Soundness"; clang/expose.c,
// plugin/gcc/narrow.cc).  A map handle whose bytes are read as data escapes at
// the read, whatever happens to the integers afterwards: a byte table indexed
// by the handle's bytes, byte views through `const unsigned char (*)[8]` and a
// may_alias struct, a byte pointer carried inside a struct passed by address, a
// function returning a uint16_t view of the handle, and bit-by-bit rebuilding
// through comparisons, a switch and the length of a side map.  Typed accesses
// stay precise: a struct's int field next to the map, an int slot of the map,
// int arrays through int pointers, memcpy of a handle between two pointer
// locals, struct copies.  The plugin's later choices, mirrored by escape-clang:
// typed copies carry only raw memory (esc_copy), a pointer stored through a
// pointer declaring other contents writes raw bytes, aggregates passed by value
// expose their bytes, pointer differences expose nothing.
//
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --implicit-check-not=escape --implicit-check-not=leaking
#include <stdint.h>
#include <string.h>
#include "gomap.h"

gomap *G;
uint64_t g64;
int g;

// ---- the handle's bytes read as data: the map escapes ------------------------------

static const uint8_t tab[256] = { [1] = 1, [2] = 2, [255] = 255 };

void byte_table(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    const uint8_t *b = (const uint8_t *)&m;
    uint8_t out[sizeof m];
    for (size_t i = 0; i < sizeof m; i++)
        out[i] = tab[b[i]];
    memcpy(&G, out, sizeof G);
}

void array_view(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    const unsigned char (*v)[8] = (const unsigned char (*)[8])&m;
    uint64_t r = 0;
    for (int i = 7; i >= 0; i--)
        r = r << 8 | (*v)[i];
    g64 = r;
}

struct __attribute__((may_alias)) quarters { uint16_t q[4]; };

void may_alias_view(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    const struct quarters *v = (const void *)&m;
    g64 = (uint64_t)v->q[3] << 48 | (uint64_t)v->q[2] << 32 | (uint64_t)v->q[1] << 16 | v->q[0];
}

struct cursor { const unsigned char *p; size_t n; };

// CHECK: {{.*}}:[[@LINE+1]]:38: leaking param content: c
static uint64_t drain(struct cursor *c)
{
    uint64_t v = 0;
    while (c->n) {
        c->n--;
        v = v << 8 | *c->p++;
    }
    return v;
}

// GCC only: drain's `c->p++` is, in GIMPLE, a load of c->p into a temporary
// and a store of temporary + 1 back; with c's content exposed the core's
// self-store rule does not apply, so the store leaks c's content (&m).  For
// escape-clang `c->p++` writes nothing new (docs/frontends.md, "One store per
// source").
void carried_in_struct(void)
{
    // GCC: {{.*}}:[[@LINE+2]]:12: &m escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    struct cursor c = { (const unsigned char *)&m, sizeof m };
    g64 = drain(&c);
}

// CHECK: {{.*}}:[[@LINE+1]]:36: leaking param content: pm
static uint16_t half(gomap *const *pm, int i)
{
    return ((const uint16_t *)pm)[i];
}

void returned_view(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uint64_t r = 0;
    for (int i = 3; i >= 0; i--)
        r = r << 16 | half(&m, i);
    g64 = r;
}

void bits_by_comparison(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uintptr_t u, r = 0;
    memcpy(&u, &m, sizeof u);
    for (int i = 0; i < 64; i++)
        if (u & (uintptr_t)1 << i)
            r |= (uintptr_t)1 << i;
    G = (gomap *)r;
}

void bytes_by_switch(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    unsigned char b[sizeof m], out[sizeof m];
    memcpy(b, &m, sizeof m);
    for (size_t i = 0; i < sizeof m; i++)
        for (int bit = 0; bit < 8; bit++) {
            switch (b[i] >> bit & 1) {
            case 0: out[i] &= (unsigned char)~(1u << bit); break;
            default: out[i] |= (unsigned char)(1u << bit); break;
            }
        }
    memcpy(&G, out, sizeof G);
}

void bits_through_side_map(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uint64_t r = 0;
    for (int i = 0; i < 64; i++) {
        // CHECK: {{.*}}:[[@LINE+1]]:23: make(map[int]int) does not escape
        gomap *side = gomap_make(GOMAP_TYPE(int, int), 0);
        uint64_t word;
        memcpy(&word, &m, sizeof word);
        for (uint64_t k = 0; k < (word >> i & 1); k++) {
            int key = (int)k;
            *(int *)gomap_assign(side, &key) = 1;
        }
        r |= (uint64_t)gomap_len(side) << i;
        gomap_free(side);
    }
    G = (gomap *)(uintptr_t)r;
}

// ---- typed accesses: the maps stay on the stack -------------------------------------

struct counter { gomap *m; int hits; };

int typed_field(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:26: make(map[int]int) does not escape
    struct counter c = { gomap_make(GOMAP_TYPE(int, int), 0), 0 };
    for (int i = 0; i < n; i++)
        c.hits += i;
    struct counter copy = c;            // a struct copy: no raw bytes
    int r = c.hits * 2 + copy.hits;
    gomap_free(c.m);
    return r;
}

int typed_slot(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = n;
    void *slot = gomap_assign(m, &k);
    *(int *)slot = n;
    int r = *(int *)slot + 1;
    gomap_free(m);
    return r;
}

struct table { gomap *m; int xs[4]; };

int int_array(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:24: make(map[int]int) does not escape
    struct table t = { gomap_make(GOMAP_TYPE(int, int), 0), { 1, 2, 3, 4 } };
    int *p = t.xs, s = 0;
    for (int i = 0; i < 4; i++)
        s += p[i];
    gomap_free(t.m);
    return s;
}

size_t handle_memcpy(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0), *b;
    memcpy(&b, &a, sizeof b);
    size_t n = gomap_len(b);
    gomap_free(b);
    return n;
}

// ---- the plugin's later choices, mirrored (esc_copy, raw stores, aggregates) -------

uint32_t g32;
struct pair { gomap *m; uint64_t w; };
extern void take_pair(struct pair p);

// A typed copy of memory holding the handle's bytes is a copy of raw bytes: the
// destination is raw too, and its bytes go to a global.
void typed_copy_of_raw(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uint64_t w[1], v[1];
    memcpy(w, &m, sizeof m);
    v[0] = w[0];
    memcpy(&G, v, sizeof G);
}

// A typed copy of memory that holds no raw bytes carries nothing.
void typed_copy_of_typed(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:23: make(map[int]int) does not escape
    struct pair p = { gomap_make(GOMAP_TYPE(int, int), 0), 7 };
    g64 = p.w;
    gomap_free(p.m);
}

// A pointer stored through a pointer that declares other contents (a
// uint32_t *, not void) writes raw bytes; reading them typed exposes them.
void store_through_other_pointee(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uint32_t half[2], *hp = half;
    *(gomap **)hp = m;
    g32 = hp[0] ^ hp[1];
}

// An aggregate passed by value: the callee may read its raw bytes typed.
void raw_aggregate_by_value(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    struct pair p = { 0, 0 };
    memcpy(&p.w, &m, sizeof m);
    take_pair(p);
}

// A pointer difference reads no pointer's bytes.
long pointer_difference(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0), *a[2] = { m, m };
    long d = &a[1] - &a[0];
    gomap_free(m);
    return d;
}
