// Hostile input: the program already has a symbol named as the plugin would name
// the clone of a map-making helper ("mk.gomap_stack", docs/design.md "Maps made by
// helpers"), through an asm label, or defined by a top-level asm statement
// ("mk2.gomap_stack").  Cloning mk anyway defined the symbol twice and
// the assembler refused the unit at -O0 and -Og (found by an attack helper).  The
// plugin makes no clone when the name is taken: mk's map is made on the heap, as
// without the clone, and the program builds and runs at every level.  (The
// top-level asm holds directives, which may bind any symbol: no descriptor of the
// unit is resolved, `map[?]?`; docs/design.md, "Symbols bound outside C".)
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape
// RUN: %cc -O0 %s %plugin %gomap -o %t0 && %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -Og %s %plugin %gomap -o %tg && %tg | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %s %plugin %gomap -o %t2 && %t2 | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdio.h>

static gomap *mk(int k)
{
    // CHECK: [[@LINE+1]]:16: make(map[?]?) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &k) = k * 2;
    return m;
}

long other(void) __asm__("mk.gomap_stack");
long other(void) { return 42; }

static gomap *mk2(int k)
{
    // CHECK: [[@LINE+1]]:16: make(map[?]?) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &k) = k * 3;
    return m;
}

__asm__(".text\n.globl mk2.gomap_stack\n.type mk2.gomap_stack, @function\n"
        "mk2.gomap_stack:\n\tmovl $7, %eax\n\tret\n");

__attribute__((noinline)) static long use(int k)
{
    gomap *m = mk(k), *m2 = mk2(k);
    long v = *(int *)gomap_access(m, &k) + *(int *)gomap_access(m2, &k);
    gomap_free(m);
    gomap_free(m2);
    return v;
}

int main(void)
{
    // OUT: 15 42
    printf("%ld %ld\n", use(3), other());
    return 0;
}
