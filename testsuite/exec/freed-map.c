// A map used after gomap_free, or freed twice, aborts with "use of freed map",
// whether the plugin put it on the stack (its header stays in the frame, marked
// freed) or it is on the heap (plain runtime: the header is marked before it
// goes back to malloc).  Without the mark, a second gomap_free of a stack map
// would pass stack storage to free().
//
// RUN: %cc -O0 %asan %s %plugin -fplugin-arg-escape-m %gomap_asan -o %t.s0 2>&1 | %FileCheck %s --check-prefix=M
// RUN: %cc -O2 %asan %s %plugin -fplugin-arg-escape-m %gomap_asan -o %t.s2 2>&1 | %FileCheck %s --check-prefix=M
// RUN: %cc -O0 %s %gomap -o %t.h0 && %cc -O2 %s %gomap -o %t.h2
// RUN: %not --crash %t.s0 use 2>&1 | %FileCheck %s
// RUN: %not --crash %t.s2 use 2>&1 | %FileCheck %s
// RUN: %not --crash %t.s0 twice 2>&1 | %FileCheck %s
// RUN: %not --crash %t.s2 twice 2>&1 | %FileCheck %s
// RUN: %not --crash %t.s2 grown 2>&1 | %FileCheck %s
// RUN: %not --crash %t.h0 use 2>&1 | %FileCheck %s
// RUN: %not --crash %t.h2 twice 2>&1 | %FileCheck %s
// RUN: %not --crash %t.h2 grown 2>&1 | %FileCheck %s
// CHECK: before: {{[0-9]+}}
// CHECK-NEXT: fatal error: use of freed map
// CHECK-NOT: after:
#include <stdio.h>
#include <string.h>
#include "gomap.h"

#define NOINL __attribute__((noinline))

NOINL static long misuse(const char *how)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); // M: freed-map.c:[[@LINE]]:16: make(map[int]int) does not escape
    int n = strcmp(how, "grown") ? 4 : 100;
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i;
    long len = (long)gomap_len(m);
    printf("before: %ld\n", len);
    fflush(stdout);
    gomap_free(m);
    if (!strcmp(how, "twice")) gomap_free(m);
    else len += (long)gomap_len(m);
    return len;
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    printf("after: %ld\n", misuse(argv[1]));
    return 0;
}
