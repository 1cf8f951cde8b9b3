// Hostile inputs: __attribute__((cleanup)) on a map variable.  The cleanup
// function gets &m at scope exit: freeing is fine (stack), keeping it is not.
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
#include <stdio.h>
#include "gomap.h"

// CHECK: {{.*}}:[[@LINE+1]]:30: p does not escape
static void free_map(gomap **p) { gomap_free(*p); }

size_t with_cleanup(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:51: make(map[int]int) does not escape
    __attribute__((cleanup(free_map))) gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i;
    return gomap_len(m);
}

static gomap *last;
// CHECK: {{.*}}:[[@LINE+1]]:30: leaking param content: p
static void keep_map(gomap **p) { last = *p; }

size_t cleanup_keeps(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:51: make(map[int]int) escapes to heap
    __attribute__((cleanup(keep_map))) gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 9;
    *(int *)gomap_assign(m, &k) = k;
    return gomap_len(m);
}

int main(void)
{
    size_t a = with_cleanup(6), b = cleanup_keeps();
    printf("%zu %zu %zu\n", a, b, gomap_len(last));
    gomap_free(last);
    return 0;
}
// OUT: 6 1 1
