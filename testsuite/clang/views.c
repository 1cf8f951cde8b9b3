// Both front ends: a callee that reads memory of a pointer-holding type as
// bytes (the exposure rule, clang/expose.c and plugin/gcc/narrow.cc): through
// an `unsigned char *` (converted explicitly, or through `void *`), a union's
// integer member through a pointer, or halves of a `gomap *const *` viewed as
// `const uint32_t *` (a pointer whose declared pointee holds pointers: a pun),
// reads any object's bytes, so what its parameter points to escapes and the
// caller's map, reassembled from those bytes, goes to the heap.  Typed reads
// (a field through the struct's own type, a key handed to the runtime as
// `const void *`) expose nothing.
//
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <stdint.h>
#include "gomap.h"

static uint64_t out;
struct holder { gomap *m; int tag; };

// CHECK: {{.*}}:[[@LINE+1]]:47: leaking param content: h
static uint64_t bytes_of(const struct holder *h)
{
    const unsigned char *b = (const unsigned char *)h;
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | b[i];
    return v;
}

void bytes(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    struct holder h = { m, 1 };
    out = bytes_of(&h);
}

// The same through `void *`, converted implicitly both ways.
// CHECK: {{.*}}:[[@LINE+1]]:53: leaking param content: h
static uint64_t bytes_via_void(const struct holder *h)
{
    const void *p = h;
    const unsigned char *b = p;
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | b[i];
    return v;
}

void via_void(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    struct holder h = { m, 1 };
    out = bytes_via_void(&h);
}

// A union's narrow member read through a pointer overlays its pointer member.
union word { gomap *m; uint32_t h[2]; };
// CHECK: {{.*}}:[[@LINE+1]]:46: leaking param content: w
static uint64_t union_read(const union word *w)
{
    return ((uint64_t)w->h[1] << 32) | w->h[0];
}

void union_through_pointer(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    union word w;
    w.m = m;
    out = union_read(&w);
}

// A union inside a struct, read through `(*s).`: the same.
struct wrapped { int n; union word w; };
// CHECK: {{.*}}:[[@LINE+1]]:52: leaking param content: s
static uint64_t wrapped_read(const struct wrapped *s)
{
    return ((uint64_t)(*s).w.h[1] << 32) | (*s).w.h[0];
}

void union_in_struct(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    struct wrapped s = { 0, { 0 } };
    s.w.m = m;
    out = wrapped_read(&s);
}

// A pointer to the handle itself, viewed as halves with pointer arithmetic.
// CHECK: {{.*}}:[[@LINE+1]]:38: leaking param content: pm
static uint64_t halves(gomap *const *pm)
{
    const uint32_t *q = (const uint32_t *)pm + 1;
    return ((uint64_t)q[0] << 32) | q[-1];
}

void handle_halves(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    out = halves(&m);
}

// The view handed on through a local pointer: the reader takes `const void *`
// and reads bytes, so what its parameter points to escapes.
// CHECK: {{.*}}:[[@LINE+1]]:40: leaking param content: p
static uint64_t first_byte(const void *p)
{
    const unsigned char *b = p;
    return b[0];
}

// CHECK: {{.*}}:[[@LINE+1]]:46: leaking param content: h
static uint64_t hand_on(const struct holder *h)
{
    const struct holder *hh = h;
    return first_byte(hh);
}

void handed_on(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    struct holder h = { m, 1 };
    out = hand_on(&h);
}

// Typed reads are no view: a narrow field read through the struct's own type
// (a qualifier added on the way), and a pointer key handed to the runtime as
// `const void *`, leave the holder's map on the stack.
// CHECK: {{.*}}:[[@LINE+1]]:36: h does not escape
static void tag_out(struct holder *h)
{
    const struct holder *c = h;
    out = (uint64_t)c->tag;
}

struct box { int n; };

// CHECK: {{.*}}:[[@LINE+1]]:24: mp does not escape
static void put(gomap *mp, struct box *const *kp, const struct holder *h)
// CHECK: {{.*}}:[[@LINE-1]]:47: leaking param content: kp
// CHECK: {{.*}}:[[@LINE-2]]:72: h does not escape
{
    *(int *)gomap_assign(mp, kp) = 1;
    out = (uint64_t)h->tag;
}

void typed_reads(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[struct box *]int) does not escape
    gomap *byptr = gomap_make(GOMAP_TYPE(struct box *, int), 0);
    static struct box b1;
    struct box *k = &b1;
    struct holder h = { m, 2 };
    tag_out(&h);
    put(byptr, &k, &h);
    gomap_free(byptr);
    gomap_free(m);
}
