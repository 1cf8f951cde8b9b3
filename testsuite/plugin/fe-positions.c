// Positions: a make nested in a call is reported at its own `gomap_make`, not
// at the call it is passed to (GCC's gimplifier gives arguments the outer
// call's location; the plugin keeps the inner one); a make inside a user macro
// at the macro's expansion point; parameters at their declarations; &x at x's
// declaration.
//
// RUN: %cc -O0 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,DISPLAY --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,DISPLAY --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,DISPLAY --implicit-check-not=escape --implicit-check-not=leaking
// Columns as GCC counts them: tabs expanded unless -fdiagnostics-column-unit=byte.
// RUN: %cc -O2 -Wno-dangling-pointer -fdiagnostics-column-unit=byte -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,BYTE --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

size_t consume(gomap *m);
void *sink;

#define NEW_SET() gomap_make(GOMAP_TYPE(int, char), 0)

// CHECK: {{.*}}:[[@LINE+1]]:28: m does not escape
static size_t count(gomap *m)
{
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

size_t nested(void)
{
    size_t t = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    t += count(gomap_make(GOMAP_TYPE(int, int), 0));
    // CHECK: {{.*}}:[[@LINE+1]]:22: make(map[int]int) does not escape
    size_t u = count(gomap_make(GOMAP_TYPE(int, int), 0));
    t += count(
        // CHECK: {{.*}}:[[@LINE+1]]:9: make(map[int]int, 3) does not escape
        gomap_make(GOMAP_TYPE(int, int), 3));
    // CHECK: {{.*}}:[[@LINE+1]]:28: make(map[int]int) escapes to heap
    return t + u + consume(gomap_make(GOMAP_TYPE(int, int), 0));
}

size_t macro(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]char) does not escape
    gomap *s = NEW_SET();
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]char) escapes to heap
    sink = NEW_SET();
    return count(s);
}

size_t tabbed(void)
{
	// DISPLAY: {{.*}}:[[@LINE+2]]:20: make(map[int]int) does not escape
	// BYTE: {{.*}}:[[@LINE+1]]:13: make(map[int]int) does not escape
	gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
	return count(m);
}

// CHECK: {{.*}}:[[@LINE+1]]:16: leaking param: p
void keep(int *p, int *q)
// CHECK: {{.*}}:[[@LINE-1]]:24: q does not escape
{
    sink = p;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &x escapes to heap
    int x = *q;
    sink = &x;
}
