// Rule: recursion through function pointers and callbacks counts for the frame
// budget.  An indirect call, or a call to a function without a trusted body
// here (qsort, another unit's function, a weak one), may call any function
// whose address is taken in the unit; a function that can reach itself that
// way gets recursive-frame-limit (256) bytes of map storage per frame: one
// map[int]int (96 + 80) fits, a second header does not.  main calling unknown
// code does not make main recursive: nothing takes its address.
// (testsuite/exec/recursion-pointer.c runs the case that overflowed.)
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <stdlib.h>
#include "gomap.h"

static long (*next)(int);

static long rec(int d)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    long r = d ? next(d - 1) : 0;
    gomap_free(a);
    gomap_free(b);
    return r;
}

// CHECK: {{.*}}:[[@LINE+2]]:33: x does not escape
// CHECK: {{.*}}:[[@LINE+1]]:48: y does not escape
static int by_value(const void *x, const void *y)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *c = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *e = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap_free(c);
    gomap_free(e);
    return *(const int *)x - *(const int *)y;
}

// CHECK: {{.*}}:[[@LINE+1]]:28: leaking param: xs
static void sort_deep(int *xs, int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *g = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *h = gomap_make(GOMAP_TYPE(int, int), 0);
    qsort(xs, (size_t)n, sizeof *xs, by_value);     /* may call hook: sort_deep */
    gomap_free(g);
    gomap_free(h);
}

void (*hook)(int *, int) = sort_deep;

int main(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *i = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *j = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:9: &xs escapes to heap
    int xs[3] = { 3, 1, 2 };
    next = rec;
    qsort(xs, 3, sizeof *xs, by_value);
    gomap_free(i);
    gomap_free(j);
    return (int)rec(3) + xs[0];
}
