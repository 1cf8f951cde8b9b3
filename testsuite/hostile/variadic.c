// Hostile inputs: maps passed through `...` and read back with va_arg, directly
// and through a va_list handed to another function.  A variadic callee may keep
// what va_arg gives it, so maps passed through `...` escape (sound; the plugin
// does not summarise variadic arguments), even when the callee only reads them.
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
#include <stdarg.h>
#include <stdio.h>
#include "gomap.h"

static gomap *keep;

/* Keeps the map at index `which` of its variadic arguments. */
static size_t sum_lens(int n, int which, ...)
{
    va_list ap;
    size_t t = 0;
    va_start(ap, which);
    for (int i = 0; i < n; i++) {
        gomap *m = va_arg(ap, gomap *);
        t += gomap_len(m);
        if (i == which) keep = m;
    }
    va_end(ap);
    return t;
}

static size_t count_only(int n, ...)
{
    va_list ap;
    size_t t = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++) t += gomap_len(va_arg(ap, gomap *));
    va_end(ap);
    return t;
}

// CHECK: {{.*}}:[[@LINE+1]]:34: ap does not escape
static size_t fwd(int n, va_list ap)
{
    size_t t = 0;
    for (int i = 0; i < n; i++) t += gomap_len(va_arg(ap, gomap *));
    return t;
}

static size_t via_valist(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    size_t t = fwd(n, ap);
    va_end(ap);
    return t;
}

size_t user(int which)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(b, &k) = 1;
    size_t t = sum_lens(2, which, a, b);
    if (keep != a) gomap_free(a);
    if (keep != b) gomap_free(b);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *c = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(c, &k) = 2;
    t += count_only(1, c) * 10;
    gomap_free(c);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *d = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(d, &k) = 3;
    t += via_valist(1, d) * 100;
    gomap_free(d);
    return t;
}

int main(void)
{
    size_t t = user(1);
    printf("%zu %zu\n", t, gomap_len(keep));
    gomap_free(keep);
    return 0;
}
// OUT: 111 1
