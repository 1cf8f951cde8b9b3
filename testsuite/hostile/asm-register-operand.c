// Hostile inputs: an asm with a register operand ("+r"(x)) gets the value of x,
// never its address, even when x lives in memory because &x is taken elsewhere:
// x does not escape and the map beside it stays on the stack.
// (An earlier plugin reported "&x escapes" here.)
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
#include <stdio.h>
#include "gomap.h"

size_t asm_unrelated(int x)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    __asm__("" : "+r"(x));
    *(int *)gomap_assign(m, &x) = x;
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}

int main(void)
{
    printf("%zu\n", asm_unrelated(3));
    return 0;
}
// OUT: 1
