// Diagnostics: a gomap_make written inside a user macro is reported where the
// macro is used (its expansion point), so each use gets its own line.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

#define NEWMAP() gomap_make(GOMAP_TYPE(int, int), 0)

gomap *g;

void kept(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = NEWMAP();
    g = m;
}

size_t local(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = NEWMAP();
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

/* A function a user macro writes keeps its lines (a system header's macro, such as
 * gomap_typed.h's GOMAP_DECLARE, hides them: typed-layer.c). */
#define DEFINE_KEEPER(name) void name(gomap *m) { g = m; }
// CHECK: {{.*}}:[[@LINE+1]]:1: leaking param: m
DEFINE_KEEPER(keeper)
