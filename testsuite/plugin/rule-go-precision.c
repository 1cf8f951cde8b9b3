// Verdicts where the analysis gives Go's answer for the map counterparts of
// Go's own tests: a map reached two dereferences down a chain a helper returns
// (escape_param.go's param10/caller10b), a self-recursive helper writing into
// the map it is given, a string key borrowing a local buffer of a map that does
// not escape (the runtime copies no key bytes for GOMAP_TYPE_STR: the buffer
// must live as long as the map, which holds when the map does not escape), and
// an integer read through a pointer parameter (it carries nothing: it never
// came from an exposed pointer).
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <stddef.h>
#include "gomap.h"

gomap *g;

// Go: leaking param: p to result ~r0 level=2.
// CHECK: {{.*}}:[[@LINE+1]]:24: leaking param: p to result ~r0 level=2
gomap *deref2(gomap ***p)
{
    return **p;
}

// Go: make(map) escapes; m, p1, p2 do not (no &m line).
void caller10b(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap **p1 = &m;
    gomap ***p2 = &p1;
    g = deref2(p2);
}

// Go: the same through &p1 directly.
void caller10c(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap **p1 = &m;
    g = deref2(&p1);
}

// Go: m does not escape (a recursive helper only writing into m).
// CHECK: {{.*}}:[[@LINE+1]]:25: m does not escape
static void fill(gomap *m, int n)
{
    if (n <= 0)
        return;
    *(int *)gomap_assign(m, &n) = *(int *)gomap_access(m, &n) + n;
    fill(m, n - 1);
}

int filled(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    fill(m, 10);
    return (int)gomap_len(m);
}

// A string key borrowing a local buffer: no &buf line, the map stays.
int borrowed(int n)
{
    char buf[16];
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[gostring]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    for (int i = 0; i < n && i < 16; i++) {
        buf[i] = (char)('a' + i);
        gostring k = { buf, (size_t)i + 1 };
        *(int *)gomap_assign(m, &k) = i;
    }
    return (int)gomap_len(m);
}

// Go: a does not escape.
// CHECK: {{.*}}:[[@LINE+1]]:26: a does not escape
int narrow(const size_t *a)
{
    return (int)*a;
}
