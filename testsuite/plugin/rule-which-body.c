// Rule: a summary comes only from the body a call runs.  A C99 inline
// definition (`inline`, no `extern` anywhere) and a gnu_inline or
// -fgnu89-inline `extern inline` body are only for inlining: a call that is not
// inlined runs the external definition of another unit (C11 6.7.4p7), which may
// keep everything, so callers keep everything but noescape parameters.  Unless
// always_inline: every call is inlined.  A naked function's body is asm: its
// parameters leak and callers trust nothing.  noipa: callers must not look
// inside.  The bodies themselves are still analysed (when the compiler keeps
// them: GCC drops the inline-only ones at -O0, escape-clang never emits them).
// (testsuite/exec/inline-definition.c runs the case.)
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,C99 --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,C99,O2,O2C99 --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fgnu89-inline -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GNU89,O2,BODY89 --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,C99,CLANG --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -fgnu89-inline -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,GNU89,CLANG,BODY89 --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

// O2C99: {{.*}}:[[@LINE+2]]:25: m does not escape
// BODY89: {{.*}}:[[@LINE+1]]:25: m does not escape
inline void note(gomap *m) { (void)m; }

// O2: {{.*}}:[[@LINE+2]]:64: m does not escape
// CLANG: {{.*}}:[[@LINE+1]]:64: m does not escape
extern inline __attribute__((gnu_inline)) void note_gnu(gomap *m) { (void)m; }

// CHECK: {{.*}}:[[@LINE+1]]:39: m does not escape
extern inline void note_extern(gomap *m) { (void)m; }

// CHECK: {{.*}}:[[@LINE+1]]:82: m does not escape
extern inline __attribute__((gnu_inline, always_inline)) void note_always(gomap *m) { (void)m; }

// CHECK: {{.*}}:[[@LINE+1]]:45: leaking param: m
__attribute__((naked)) void note_asm(gomap *m) { __asm__("ret"); }

// CHECK: {{.*}}:[[@LINE+1]]:47: m does not escape
__attribute__((noipa)) void note_noipa(gomap *m) { (void)m; }

// CHECK: {{.*}}:[[@LINE+1]]:32: m does not escape
static void note_static(gomap *m) { (void)m; }

void calls(void)
{
    // C99: {{.*}}:[[@LINE+2]]:16: make(map[int]int) escapes to heap
    // GNU89: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    note(a);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    note_gnu(b);
    // C99: {{.*}}:[[@LINE+2]]:16: make(map[int]int) does not escape
    // GNU89: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *c = gomap_make(GOMAP_TYPE(int, int), 0);
    note_extern(c);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *d = gomap_make(GOMAP_TYPE(int, int), 0);
    note_always(d);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *e = gomap_make(GOMAP_TYPE(int, int), 0);
    note_asm(e);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *f = gomap_make(GOMAP_TYPE(int, int), 0);
    note_noipa(f);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *g = gomap_make(GOMAP_TYPE(int, int), 0);
    note_static(g);
    gomap_free(d);
    gomap_free(g);
}
