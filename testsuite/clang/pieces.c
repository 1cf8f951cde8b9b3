// Both front ends: the exposure rule (plugin/gcc/narrow.cc, clang/expose.c) in
// the shapes a C front end sees, with a map handle copied out with memcpy:
// designated and compound-literal initializers, narrow locals, compound
// assignments, struct copies and macros read its bytes as data (the map
// escapes where they are read); a copy stored through a pointer into a map's
// slot and read back as data there escapes.  A map's address handed to a
// `const void *` parameter read typed (a `uint32_t`, not the handle's type:
// C11 6.5p7) exposes nothing.  Counters and comparisons carry nothing; a copy
// of a counter into a global is a typed copy of memory that holds no raw bytes
// (esc_copy): it carries nothing.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK --implicit-check-not=escape --implicit-check-not=leaking
#include <stdint.h>
#include <string.h>
#include "gomap.h"

struct halves { uint32_t lo, hi; };
uint64_t g64;
uint32_t g32;

#define LO(x) ((uint32_t)(x))

void designated(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    struct halves h = { .hi = (uint32_t)(u >> 32), .lo = (uint32_t)u };
    g64 = ((uint64_t)h.hi << 32) | h.lo;
}

void compound_literal(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    struct halves h = (struct halves){ (uint32_t)u, (uint32_t)(u >> 32) };
    g64 = ((uint64_t)h.hi << 32) | h.lo;
}

void through_narrow_local(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    uint32_t lo = (uint32_t)u, hi = (uint32_t)(u >> 32);
    struct halves h;
    h.lo = lo;
    h.hi = hi;
    g64 = ((uint64_t)h.hi << 32) | h.lo;
}

void compound_assignment(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    struct halves h = { 0, 0 };
    h.lo |= (uint32_t)u;
    h.hi += (uint32_t)(u >> 32);
    g64 = ((uint64_t)h.hi << 32) | h.lo;
}

void struct_copy(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    struct halves h;
    h.lo = LO(u);
    h.hi = LO(u >> 32);
    struct halves copy = h;
    g64 = ((uint64_t)copy.hi << 32) | copy.lo;
}

// CHECK: {{.*}}:[[@LINE+1]]:34: mm does not escape
static uint32_t read_slot(gomap *mm)
{
    int k = 0;
    uint32_t *v = gomap_access(mm, &k);
    return v ? *v : 0;
}

// The caller reads a union's integer member (any object's bytes): its map
// escapes there.  A parameter is no copy of memory: stored into mm's slot and
// read back typed, it exposes nothing, and mm stays.
static uint32_t stash(uint32_t w)
{
    // CHECK: {{.*}}:[[@LINE+1]]:17: make(map[int]int) does not escape
    gomap *mm = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 0;
    *(uint32_t *)gomap_assign(mm, &k) = w;
    uint32_t r = read_slot(mm);
    gomap_free(mm);
    return r;
}

void piece_into_slot(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    union { gomap *m; uintptr_t u; } x;
    x.m = m;
    g32 = stash((uint32_t)x.u);
}

// CHECK: {{.*}}:[[@LINE+1]]:40: p does not escape
static uint32_t first_word(const void *p)
{
    return *(const uint32_t *)p;
}

// CHECK: {{.*}}:[[@LINE+1]]:35: pm does not escape
static size_t count(gomap *const *pm)
{
    return gomap_len(*pm);
}

// A typed read of the handle through `const void *` as a uint32_t: under C11's
// effective-type rules no conforming program reads a pointer this way, so its
// bytes are not exposed (as `*(int *)slot`).
void bytes_to_void_parameter(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    g32 = first_word(&m);
}

size_t typed_parameter(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = count(&m);
    gomap_free(m);
    return n;
}

struct counted { gomap *m; int n; unsigned flags; };

// Counters, comparisons and the map's length next to the map carry nothing,
// and reading the typed counters exposes nothing (c holds no raw bytes).
int counters(int x)
{
    // CHECK: {{.*}}:[[@LINE+1]]:26: make(map[int]int) does not escape
    struct counted c = { gomap_make(GOMAP_TYPE(int, int), 0), .n = 1 };
    c.n = c.n * 2 + 1;
    c.n += (int)gomap_len(c.m);
    c.flags = c.m != NULL;
    c.flags |= (uint32_t)(x < 3);
    c.flags |= LO(x > 7);           /* read in the macro's argument: a comparison */
    int r = c.n + (int)c.flags;
    g32 = (uint32_t)c.n + 1;
    gomap_free(c.m);
    return r;
}

// A counter copied as it is into a global: a typed copy (an int read as an
// int, C11 6.5p7) of c, which holds no raw bytes, carries nothing.
void counter_copied(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:26: make(map[int]int) does not escape
    struct counted c = { gomap_make(GOMAP_TYPE(int, int), 0), .n = 1 };
    g32 = (uint32_t)c.n;
}

// A string or a constant in a local array: typed and character reads of
// memory that holds no pointer expose nothing of what pm points to.
// CHECK: {{.*}}:[[@LINE+1]]:37: pm does not escape
size_t constants_only(gomap *const *pm)
{
    char name[] = "abc";
    unsigned char bytes[4] = { 1, 2, 3, (unsigned char)sizeof name };
    return count(pm) + (size_t)name[0] + bytes[3];
}

// Indexing a local array or taking an element's address for a typed parameter
// writes no raw bytes; neither does a typed address inside another call's
// argument: the callees read `it` and `arr` as pointers.
// CHECK: {{.*}}:[[@LINE+1]]:34: leaking param: p to result ~r0 level=1
static gomap *load(gomap *const *p) { return *p; }
// CHECK: {{.*}}:[[@LINE+1]]:38: it does not escape
static size_t iter_count(gomap_iter *it)
{
    void *k, *v;
    size_t n = 0;
    while (gomap_iter_next(it, &k, &v))
        n++;
    return n;
}
static size_t twice(size_t n) { return 2 * n; }

size_t typed_addresses(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap **pm = &m;
    gomap *arr[2] = { NULL, NULL };
    // CHECK: {{.*}}:[[@LINE+1]]:14: make(map[int]int) does not escape
    arr[1] = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap_iter it;
    gomap_iter_init(&it, *pm);
    size_t n = twice(iter_count(&it)) + gomap_len(load(&arr[1]));
    gomap_free(arr[1]);
    gomap_free(m);
    return n;
}

// Pointer bytes written raw into a local of any type (a memcpy's destination,
// a store through a cast) and read back as data through a pointer to it: the
// typed read exposes them (the local is raw).
uint32_t gpair[2];

// CHECK: {{.*}}:[[@LINE+1]]:50: leaking param content: pm
static void halves_through_pointer(gomap *const *pm)
{
    uint32_t half[2];
    memcpy(half, pm, sizeof half);
    const uint32_t *q = half + 1;
    gpair[0] = q[-1];
    gpair[1] = q[0];
}

// CHECK: {{.*}}:[[@LINE+1]]:46: leaking param content: pm
static void copy_through_alias(gomap *const *pm)
{
    uint32_t half[2];
    uint32_t *q = half;
    memcpy(q, pm, sizeof half);
    gpair[0] = q[0];
    gpair[1] = q[1];
}

// CHECK: {{.*}}:[[@LINE+1]]:46: leaking param content: pm
static void store_through_cast(gomap *const *pm)
{
    uint32_t half[2];
    *(gomap **)half = *pm;
    const uint32_t *q = half;
    gpair[0] = q[0];
    gpair[1] = q[1];
}

// CHECK: {{.*}}:[[@LINE+1]]:45: leaking param content: pm
static void copy_into_literal(gomap *const *pm)
{
    uint32_t *q = (uint32_t[2]){ 0, 0 };
    memcpy(q, pm, 2 * sizeof *q);
    gpair[0] = q[0];
    gpair[1] = q[1];
}

void raw_writes(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    halves_through_pointer(&m);
    copy_through_alias(&m);
    store_through_cast(&m);
    copy_into_literal(&m);
    gomap_free(m);
}

// A struct returned with the pieces in it (split_ret reads u, which a memcpy
// wrote, as data: m's bytes are exposed there), and a union whose pointer
// member a callee reads in halves through a pointer (a union member: any
// object's bytes): the map escapes.
// CHECK: {{.*}}:[[@LINE+1]]:39: leaking param: m{{$}}
static struct halves split_ret(gomap *m)
{
    uintptr_t u;
    memcpy(&u, &m, sizeof u);
    struct halves h = { (uint32_t)u, (uint32_t)(u >> 32) };
    return h;
}

void struct_result(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    struct halves h = split_ret(m);
    g64 = ((uint64_t)h.hi << 32) | h.lo;
}

union word { gomap *m; uint32_t h[2]; };
// CHECK: {{.*}}:[[@LINE+1]]:45: leaking param content: w
static uint64_t halves_of(const union word *w)
{
    return ((uint64_t)w->h[1] << 32) | w->h[0];
}

void union_to_callee(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    union word w;
    w.m = m;
    g64 = halves_of(&w);
}

// A union's integer member read as an argument: the map escapes at the read
// (the compound literal and its reader see only an integer).
// CHECK: {{.*}}:[[@LINE+1]]:42: p does not escape
static uint32_t first_of(const uint32_t *p)
{
    return p[0];
}

static void via_literal(uint32_t w)
{
    g32 = first_of((uint32_t[]){ w, 0 });
}

void compound_literal_piece(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    union word x;
    x.m = m;
    via_literal(x.h[0]);
}
