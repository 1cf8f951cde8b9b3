// Both front ends: code written through macros.  A site is reported at the
// macro's expansion point, as GCC does; escape-clang cannot read operators
// spelled inside macros from the tokens and falls back on the types (& adds a
// pointer level, * removes one) or on every reading, never losing a flow.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CLANG --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

#define NEW_MAP() gomap_make(GOMAP_TYPE(int, int), 0)
#define ADDR(x) (&(x))
#define DEREF(p) (*(p))
#define SET(a, b) ((a) = (b))
#define ADD_TO(a, b) ((a) += (b))
gomap *global;

size_t through_macros(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = NEW_MAP();
    gomap *n;
    gomap **pn = ADDR(n);
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]int) does not escape
    SET(DEREF(pn), NEW_MAP());
    size_t s = 0;
    ADD_TO(s, gomap_len(n));
    s += gomap_len(m);
    gomap_free(m);
    gomap_free(n);
    return s;
}

void escaping_through_macros(void)
{
    gomap *m;
    gomap **pm = ADDR(m);
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]int) escapes to heap
    SET(DEREF(pm), NEW_MAP());
    SET(global, m);
}
