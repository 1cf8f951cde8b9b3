// A noescape promise made by a shared header (Inputs/noescape-promise.h: a
// prototype, and a function pointer type) is trusted by the caller's unit, this
// file: with the plugin its maps stay on fill()'s stack.  The defining unit,
// Inputs/noescape-promise-def.c, breaks both promises (its definitions omit the
// attribute and keep the map); compiled with the plugin it is rejected, at
// every -O, so the broken promise cannot be linked.  The old plugin (f1508c4)
// compiled it without a word, and the program read KEPT after fill() returned:
// stack-use-after-return under ASan (shown last, with the defining unit built
// without the plugin).
//
// RUN: %cc -O2 -fno-inline -I %S/Inputs %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-transform=no -c -o /dev/null 2>&1 | %FileCheck %s --check-prefix=M
// RUN: %not %cc -O0 -fno-diagnostics-show-caret -I %S/Inputs -c %S/Inputs/noescape-promise-def.c %plugin -o %t.def0.o 2>&1 | %FileCheck %s --check-prefix=DEF --implicit-check-not=error:
// RUN: %not %cc -O2 -fno-diagnostics-show-caret -I %S/Inputs -c %S/Inputs/noescape-promise-def.c %plugin -o %t.def2.o 2>&1 | %FileCheck %s --check-prefix=DEF --implicit-check-not=error:
// Both units without the plugin: the program is right.
// RUN: %cc -O0 %asan -I %S/Inputs -c %S/Inputs/noescape-promise-def.c -o %t.def.o
// RUN: %cc -O0 %asan -I %S/Inputs %s %t.def.o %gomap_asan -o %t.heap
// RUN: %t.heap | %FileCheck %s
// What the error prevents: the caller trusting the promises, linked with the
// definitions that break them.
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.def.o %gomap_asan -o %t.stack
// RUN: %not %t.stack 2>&1 | %FileCheck %s --check-prefix=UAR
//
// DEF: noescape-promise-def.c:10:17: error: parameter 'm' is declared noescape but leaks to the heap
// DEF: noescape-promise-def.c:12:27: error: parameter 'm' is declared noescape but leaks to the heap
// UAR: ERROR: AddressSanitizer: stack-use-after-return
#include <stdio.h>
#include "noescape-promise.h"

__attribute__((noinline)) static int fill(void)
{
    // M: noescape-promise.c:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // M: noescape-promise.c:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(a, &k) = 11;
    *(int *)gomap_assign(b, &k) = 22;
    return keep(a) + VISIT(b);
}

int main(void)
{
    int r = fill();
    int k = 1;
    // CHECK: 3 11 22
    printf("%d %d %d\n", r, *(int *)gomap_access(KEPT[0], &k), *(int *)gomap_access(KEPT[1], &k));
    return 0;
}
