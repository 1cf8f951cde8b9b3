// Hostile inputs: inline asm taking a map (input operand, or moving it to an
// output): the asm may keep it, so the map escapes (docs/diagnostics.md: "passed to inline asm").
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
#include <stdio.h>
#include "gomap.h"

size_t asm_input(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    __asm__ volatile("" : : "r"(m) : "memory");
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}

size_t asm_move(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap *n;
    __asm__("mov %1, %0" : "=r"(n) : "r"(m));
    int k = 2;
    *(int *)gomap_assign(n, &k) = k;
    size_t t = gomap_len(n);
    gomap_free(n);
    return t;
}

size_t asm_memory_operand(void)
{
    // CHECK: {{.*}}:[[@LINE+2]]:12: &m escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    __asm__ volatile("" : "+m"(m));
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}

int main(void)
{
    size_t a = asm_input(), b = asm_move(), c = asm_memory_operand();
    printf("%zu %zu %zu\n", a, b, c);
    return 0;
}
// OUT: 0 1 0
