// Both front ends: calls.  An unknown extern keeps everything but its noescape
// parameters; an indirect call keeps everything unless the pointer's function
// type says noescape (direct or through a typedef); a callee with a body is
// judged by its summary, also through recursion; a weak one may be replaced;
// known libc functions by what they do; varargs escape.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CLANG --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
#include <string.h>
#include "gomap.h"

void sink(gomap *m);
void look(int n, gomap *a __attribute__((noescape)), gomap *b);
void logf_(const char *fmt, ...);
void old_style();
typedef void peek_fn(gomap *m __attribute__((noescape)));
gomap *kept;

void extern_calls(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    look(1, a, b);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *c = gomap_make(GOMAP_TYPE(int, int), 0);
    logf_("%p", c);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *d = gomap_make(GOMAP_TYPE(int, int), 0);
    old_style(d);
    gomap_free(a);
}

// CHECK: {{.*}}:[[@LINE+2]]:24: fn does not escape
// CHECK: {{.*}}:[[@LINE+1]]:35: gn does not escape
void indirect(peek_fn *fn, void (*gn)(gomap *))
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    fn(a);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    gn(b);
    gomap_free(a);
}

// CHECK: {{.*}}:[[@LINE+1]]:28: m does not escape
static size_t count(gomap *m) { return gomap_len(m); }
// CHECK: {{.*}}:[[@LINE+1]]:25: leaking param: m
static void keep(gomap *m) { kept = m; }
// CHECK: {{.*}}:[[@LINE+1]]:31: leaking param: m to result ~r0 level=0
static gomap *identity(gomap *m) { return m; }
// CHECK: {{.*}}:[[@LINE+1]]:48: m does not escape
__attribute__((weak)) size_t weak_count(gomap *m) { return gomap_len(m); }

// CHECK: {{.*}}:[[@LINE+1]]:34: m does not escape
static size_t down(int n, gomap *m)
{
    return n ? down(n - 1, m) : gomap_len(m);
}

size_t summaries(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *c = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *d = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *e = gomap_make(GOMAP_TYPE(int, int), 0);
    keep(b);
    size_t n = count(a) + gomap_len(identity(c)) + weak_count(d) + down(3, e);
    gomap_free(a);
    gomap_free(c);
    gomap_free(e);
    return n;
}

// A map used only as a condition stays; the parameter flows to the result.
// CHECK: {{.*}}:[[@LINE+1]]:24: leaking param: m to result ~r0 level=0
gomap *returned(gomap *m)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) does not escape
    return gomap_make(GOMAP_TYPE(int, int), 0) ? identity(m) : m;
}

// memcpy copies what the source holds (arrays are one location: both escape).
// CHECK: {{.*}}:[[@LINE+1]]:20: leaking param: m
size_t libc(gomap *m)
{
    gomap *slots[2], *copy[2];
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    slots[0] = gomap_make(GOMAP_TYPE(int, int), 0);
    slots[1] = m;
    memcpy(copy, slots, sizeof copy);
    sink(copy[1]);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap *b = memset(&a, 0, 0) ? a : NULL;
    size_t n = gomap_len(b);
    gomap_free(a);
    return n;
}
