// A pointer whose bytes may have been written as data is unknown: under
// ISO/IEC TS 6010 (PNVI-ae-udi) an integer may carry the address of any exposed
// object, and exposed objects are the heap's here (docs/design.md, "Soundness":
// "Pointers rebuilt from data").  Each function below first points a local
// pointer at `local`, then rewrites its bytes with G's address written as data
// (a union's integer member, memcpy from an integer array, one character at a
// time, a may_alias integer store, the caller's out-parameter as an integer,
// memset, snprintf, a constant, constant bytes through a char-array view),
// or forms the pointer from an integer holding copied bytes (a conversion, a
// PHI of a copy and arithmetic), or reads it through a may_alias view of an
// integer field or out of a va_list record va_start wrote, or gets it from a
// helper's rebuilt out-parameter or a callee's rebuilt result; then it stores
// a map through the pointer.  The plugin before
// this rule resolved each store to `local` and put the map on the stack while
// G kept it (stack-use-after-return at -O0..-O3; found by attack helpers).  The
// last two functions are the controls: typed data (a parameter's too) next to
// a typed pointer leaves the store resolved, and the map on the stack.
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CLANG --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %s %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NOINL __attribute__((noinline))
typedef uintptr_t __attribute__((may_alias)) auptr;
typedef gomap **__attribute__((may_alias)) apmap;

__attribute__((noinline)) static int scribble(int depth)
{
    volatile char buf[2048];
    memset((char *)buf, 0x5a, sizeof buf);
    return depth ? scribble(depth - 1) + buf[depth] : buf[0];
}

static gomap *G;
static NOINL uintptr_t where(void) { return (uintptr_t)&G; }

static NOINL gomap *mk(int v)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &v) = v;
    return m;
}

// CHECK: [[@LINE+1]]:36: leaking param content: what
static NOINL void show(const char *what)
{
    scribble(8);
    int k = 1, n = 0;
    for (; k < 16 && !gomap_access(G, &k); k++) {}
    n = gomap_access(G, &k) ? *(int *)gomap_access(G, &k) : -1;
    printf("%s %zu %d\n", what, gomap_len(G), n);
    gomap_free(G);
    G = NULL;
}

static NOINL void union_int(void)
{
    gomap *local = NULL;
    union { gomap **p; uintptr_t u; } v;
    v.p = &local;
    v.u = where();
    // CHECK: [[@LINE+1]]:12: make(map[int]int) escapes to heap
    *v.p = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(G, &(int){1}) = 1;
}

static NOINL void memcpy_data(void)
{
    gomap *local = NULL;
    struct { gomap **dst; } h = { &local };
    uintptr_t raw[1] = { where() };
    memcpy(&h.dst, raw, sizeof h.dst);
    // CHECK: [[@LINE+1]]:14: make(map[int]int) escapes to heap
    *h.dst = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(G, &(int){2}) = 2;
}

static NOINL void bytewise(unsigned char key)
{
    gomap *local = NULL;
    gomap **q = &local;
    uintptr_t v = where();
    unsigned char *d = (unsigned char *)&q;
    for (size_t i = 0; i < sizeof q; i++)
        d[i] = (unsigned char)(v >> (8 * i)) ^ key;
    // CHECK: [[@LINE+1]]:10: make(map[int]int) escapes to heap
    *q = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(G, &(int){3}) = 3;
}

static NOINL void mayalias_store(void)
{
    gomap *local = NULL;
    gomap **q = &local;
    *(auptr *)&q = where();
    // CHECK: [[@LINE+1]]:10: make(map[int]int) escapes to heap
    *q = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(G, &(int){4}) = 4;
}

// CHECK: [[@LINE+1]]:39: leaking param: out
static NOINL void out_as_data(gomap **out)
{
    gomap *local = NULL;
    struct { gomap **dst; } h = { &local };
    uintptr_t bits = (uintptr_t)out;
    memcpy(&h.dst, &bits, sizeof h.dst);
    // CHECK: [[@LINE+1]]:14: make(map[int]int) escapes to heap
    *h.dst = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(*out, &(int){5}) = 5;
}

static NOINL void copy_converted(int c)
{
    gomap *local = NULL;
    uintptr_t raw[1] = { where() }, x;
    memcpy(&x, raw, sizeof x);
    gomap **q = c ? (gomap **)x : &local;
    // CHECK: [[@LINE+1]]:10: make(map[int]int) escapes to heap
    *q = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(G, &(int){6}) = 6;
}

static NOINL void phi_of_copy(int c)
{
    // (escape-clang counts the copy's use by the conversion as reading pl's bytes)
    // CLANG: [[@LINE+1]]:12: &local escapes to heap
    gomap *local = NULL;
    gomap **pl = &local;
    uintptr_t x = where() ^ 0x5555u;
    uintptr_t bits = c ? *(auptr *)&pl : x ^ 0x5555u;
    // CHECK: [[@LINE+1]]:23: make(map[int]int) escapes to heap
    *(gomap **)bits = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(G, &(int){7}) = 7;
}

static NOINL void punned_read(void)
{
    gomap *local = NULL;
    struct { uintptr_t u; gomap **q; } s = { where(), &local };
    gomap **p = *(apmap *)&s.u;
    // CHECK: [[@LINE+1]]:10: make(map[int]int) escapes to heap
    *p = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(G, &(int){8}) = 8;
}

static NOINL void memset_bytes(void)
{
    gomap *local = NULL;
    gomap **q = &local;
    uintptr_t v = where();
    for (size_t i = 0; i < sizeof q; i++)
        memset((unsigned char *)&q + i, (int)(v >> (8 * i)) & 0xff, 1);
    // CHECK: [[@LINE+1]]:10: make(map[int]int) escapes to heap
    *q = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(G, &(int){9}) = 9;
}

static NOINL void printed_bytes(void)
{
    gomap *local = NULL;
    struct { gomap **q; char pad[8]; } h = { &local, "" };
    uintptr_t v = where();
    for (size_t i = 0; i < sizeof h.q; i++)
        snprintf((char *)&h.q + i, 2, "%c", (int)(v >> (8 * i)) & 0xff);
    // CHECK: [[@LINE+1]]:12: make(map[int]int) escapes to heap
    *h.q = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(G, &(int){10}) = 10;
}

// va_start writes the va_list record: pointers into the frame's save area,
// which holds the variadic argument &G (x86-64: the record's reg_save_area).
static NOINL void va_record(int n, ...)
{
    gomap *local = NULL;
    gomap **tab[8] = { &local, &local, &local, &local, &local, &local, &local, &local };
    va_list ap;
    ap[0].reg_save_area = tab;
    ap[0].gp_offset = 8;
    va_start(ap, n);
    gomap **q = ((gomap ***)ap[0].reg_save_area)[ap[0].gp_offset / 8];
    // CHECK: [[@LINE+1]]:10: make(map[int]int) escapes to heap
    *q = gomap_make(GOMAP_TYPE(int, int), 0);
    va_end(ap);
    *(int *)gomap_assign(G, &(int){11}) = 11;
}

// Verdicts only (the stores do not run): a fixed address written as a
// constant (GCC folds the cast), and its bytes through a char-array view.
static NOINL void fixed_address(int c)
{
    gomap *local = NULL, *other = NULL;
    gomap **q = c ? (gomap **)0x20000000 : &local;
    // CHECK: [[@LINE+1]]:10: make(map[int]int) escapes to heap
    *q = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap **r = &other;
    unsigned char (*v)[sizeof r] = (unsigned char (*)[sizeof r])&r;
    if (c) {
        (*v)[0] = 0x00; (*v)[1] = 0x00; (*v)[2] = 0x00; (*v)[3] = 0x20;
        (*v)[4] = 0x00; (*v)[5] = 0x00; (*v)[6] = 0x00; (*v)[7] = 0x00;
    }
    // CHECK: [[@LINE+1]]:10: make(map[int]int) escapes to heap
    *r = gomap_make(GOMAP_TYPE(int, int), 0);
    printf("fixed %zu %zu\n", gomap_len(local), gomap_len(other));
    gomap_free(local);
    gomap_free(other);
}

// Verdicts only (not run): explicit_bzero over half of a pointer; an integer
// stored and a struct returned through a pointer punned over a pointer object
// (outside strict aliasing, and caught where GCC already folded the address);
// constant characters through a view of the same struct type shifted onto
// its pointer field (not a declared field of the object: found by a helper).
struct word { long w; };
static NOINL struct word word_of(uintptr_t v) { return (struct word){ (long)v }; }
static NOINL void unrun_forms(int c)
{
    gomap *l1 = NULL, *l2 = NULL, *l3 = NULL, *l4 = NULL;
    gomap **q1 = &l1, **q2 = &l2, **q3 = &l3;
    struct view { char name[8]; gomap **q; } s4 = { "", &l4 };
    struct view *sp = (struct view *)((char *)&s4 + 8);   /* name over s4.q */
    if (c) {
        sp->name[0] = 0; sp->name[1] = 0; sp->name[2] = 0; sp->name[3] = 0x20;
        explicit_bzero((char *)&q1 + 4, 4);
        long *w = (long *)&q2;
        *w = (long)where();
        *(struct word *)&q3 = word_of(where());
    }
    // CHECK: [[@LINE+1]]:11: make(map[int]int) escapes to heap
    *q1 = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: [[@LINE+1]]:11: make(map[int]int) escapes to heap
    *q2 = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: [[@LINE+1]]:11: make(map[int]int) escapes to heap
    *q3 = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: [[@LINE+1]]:13: make(map[int]int) escapes to heap
    *s4.q = gomap_make(GOMAP_TYPE(int, int), 0);
    printf("unrun %zu\n", gomap_len(l1) + gomap_len(l2) + gomap_len(l3) + gomap_len(l4));
    gomap_free(l4);
    gomap_free(l1);
    gomap_free(l2);
    gomap_free(l3);
}

// The control: typed data beside a typed pointer (a character among them)
// leaves the store resolved to `local`.
static NOINL size_t typed_neighbour(void)
{
    gomap *local = NULL;
    int key = 3;
    struct { int n; char name[8]; gomap **q; } s;
    s.n = key;
    s.name[0] = 'x';            // data into declared data: s is not raw
    s.q = &local;
    // CHECK: [[@LINE+1]]:12: make(map[int]int) does not escape
    *s.q = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(local, &key) = s.n;    // a typed read of s: exposes only raw memory
    size_t r = gomap_len(local);
    gomap_free(local);
    return r;
}

// A helper's out-parameter and a callee's result rebuilt from data: the map
// is not an output the caller could hold in its frame (docs/design.md "Maps
// made by helpers"), and the result is not closed over the parameter.
// CHECK: [[@LINE+1]]:37: out does not escape
static NOINL void make_into(gomap **out, uintptr_t alt)
{
    if (alt)
        *(auptr *)&out = alt;
    // CHECK: [[@LINE+1]]:12: make(map[int]int) escapes to heap
    *out = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(*out, &(int){12}) = 12;
}

// CHECK: [[@LINE+1]]:35: leaking param: p to result ~r0 level=0
static NOINL gomap **pick(gomap **p, uintptr_t alt)
{
    if (alt)
        *(auptr *)&p = alt;
    return p;
}

static NOINL void through_pick(void)
{
    gomap *local = NULL;
    // CHECK: [[@LINE+1]]:30: make(map[int]int) escapes to heap
    *pick(&local, where()) = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(G, &(int){13}) = 13;
}

// An integer parameter carries no pointer either: stored beside a pointer it
// leaves the pointer's store resolved.
static NOINL size_t typed_param(int n)
{
    gomap *local = NULL;
    struct { int n; gomap **q; } s = { n, &local };
    // CHECK: [[@LINE+1]]:12: make(map[int]int) does not escape
    *s.q = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(local, &n) = s.n;
    size_t r = gomap_len(local);
    gomap_free(local);
    return r;
}

int main(void)
{
    union_int(); show("union");
    memcpy_data(); show("memcpy");
    bytewise(0); show("bytes");
    mayalias_store(); show("may_alias");
    out_as_data(&G); show("out");
    copy_converted(1); show("conversion");
    phi_of_copy(0); show("phi");
    punned_read(); show("punned");
    memset_bytes(); show("memset");
    printed_bytes(); show("snprintf");
    va_record(1, &G); show("va_start");
    fixed_address(0);
    unrun_forms(0);
    gomap *mine = NULL;
    make_into(&mine, where()); show("out param");
    through_pick(); show("result");
    printf("typed %zu %zu\n", typed_neighbour(), typed_param(5));
    // CHECK: [[@LINE+1]]:16: make(map[int]int) made by mk does not escape
    gomap *m = mk(1);
    gomap_free(m);
    return 0;
}
// OUT: union 1 1
// OUT-NEXT: memcpy 1 2
// OUT-NEXT: bytes 1 3
// OUT-NEXT: may_alias 1 4
// OUT-NEXT: out 1 5
// OUT-NEXT: conversion 1 6
// OUT-NEXT: phi 1 7
// OUT-NEXT: punned 1 8
// OUT-NEXT: memset 1 9
// OUT-NEXT: snprintf 1 10
// OUT-NEXT: va_start 1 11
// OUT-NEXT: fixed 0 0
// OUT-NEXT: unrun 0
// OUT-NEXT: out param 1 12
// OUT-NEXT: result 1 13
// OUT-NEXT: typed 1 1
