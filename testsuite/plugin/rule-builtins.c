// Rule: GCC builtins and variadic arguments move pointers too: atomics store
// and exchange (to globals here), __builtin_assume_aligned, memset and memcpy
// return their destination, stpcpy a pointer into it, va_arg hands out what
// the caller passed.  Each of these maps escapes; a prefetch keeps nothing.
// -Wno-dangling-pointer: GCC rightly warns about the locals stored to globals.
//
// RUN: %cc -O0 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <stdarg.h>
#include <string.h>
#include "gomap.h"

gomap *g;
void *gp;

static void vkeep(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    g = va_arg(ap, gomap *);
    va_end(ap);
}

void via_varargs(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    vkeep(1, m);
}

void via_atomic_store(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    __atomic_store_n(&g, m, __ATOMIC_SEQ_CST);
}

void via_atomic_exchange(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap *old = __atomic_exchange_n(&g, m, __ATOMIC_SEQ_CST);
    gomap_free(old);
}

void via_sync_compare_and_swap(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    (void)__sync_val_compare_and_swap(&g, (gomap *)0, m);
}

void via_assume_aligned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    g = __builtin_assume_aligned(m, 8);
}

void via_memset_result(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: &arr escapes to heap
    gomap *arr[2];
    gomap **p = memset(arr, 0, sizeof arr);
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    p[0] = gomap_make(GOMAP_TYPE(int, int), 0);
    gp = p;
}

void via_memcpy_result(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:12: &arr escapes to heap
    gomap *arr[1];
    gp = memcpy(arr, &m, sizeof m);
}

// CHECK: {{.*}}:[[@LINE+1]]:29: leaking param content: src
void via_stpcpy(const char *src)
{
    // CHECK: {{.*}}:[[@LINE+1]]:10: &buf escapes to heap
    char buf[64] = "";
    gp = stpcpy(buf, src);
}

void prefetch_only(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    __builtin_prefetch(m);
    gomap_free(m);
}
