// Hostile inputs: GNU C nested functions that touch the parent's map, called
// directly and through a pointer (a trampoline on the parent's stack).  The
// parent's map escapes when a nested function reaches it (the nested function
// reads it through the static chain, which the analysis does not follow: sound);
// a map made and freed inside a nested function is its own local.
// Trampolines need an executable stack, which ASan's fake stack
// (detect_stack_use_after_return) is not: the program runs without that option.
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -Wl,-z,execstack -o %t.on
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=1 %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -Wl,-z,execstack -o %t.off
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=1 %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
#include <stdio.h>
#include "gomap.h"

static gomap *saved;

// CHECK: {{.*}}:[[@LINE+1]]:32: fn does not escape
static void each(int n, void (*fn)(int))
{
    for (int i = 0; i < n; i++) fn(i);
}

size_t parent_local(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    void add(int i) { *(int *)gomap_assign(m, &i) = i * i; }
    each(n, add);
    size_t r = gomap_len(m);
    gomap_free(m);
    return r;
}

size_t parent_leaks(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    void add(int i) { *(int *)gomap_assign(m, &i) = i; if (i == 3) saved = m; }
    each(n, add);
    return gomap_len(m);
}

size_t parent_direct(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    void add(int i) { *(int *)gomap_assign(m, &i) = i; }
    for (int i = 0; i < n; i++) add(i);
    size_t r = gomap_len(m);
    gomap_free(m);
    return r;
}

size_t nested_makes(int n)
{
    size_t t = 0;
    void inner(int i) {
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) does not escape
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        *(int *)gomap_assign(m, &i) = i;
        t += gomap_len(m);
        gomap_free(m);
    }
    each(n, inner);
    return t;
}

int main(void)
{
    size_t a = parent_local(5), b = parent_leaks(5), c = parent_direct(4), d = nested_makes(3);
    printf("%zu %zu %zu %zu %zu\n", a, b, c, d, gomap_len(saved));
    gomap_free(saved);
    return 0;
}
// OUT: 5 5 4 3 5
