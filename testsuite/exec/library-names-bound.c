// A library function the program defines in the unit is an ordinary function,
// however the unit binds the symbol to its own body (docs/design.md, "The C
// library is the one the headers declare"): strdup defined here as an alias of
// the program's keep_dup (FORM 1), by `#pragma weak strdup = keep_dup` (2), as
// keep_dup renamed to strdup by an asm label (3), or plainly, and called as
// __builtin_strdup, which GCC emits as a call to it (4).  keep_dup keeps its
// argument.  The plugin before this rule judged only the declaration called
// (<string.h>'s prototype) and modelled the call as the library's strdup,
// which keeps nothing: the map was put on the stack and used after work()
// returned (found by an attack helper).
//
// RUN: %cc -O2 -DFORM=1 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,F1 --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,F2 --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=3 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,F3 --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=4 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,F4 --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -DFORM=1 %asan %s %plugin %gomap_asan -o %t1 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t1 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O0 -DFORM=2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O0 -DFORM=3 %asan %s %plugin %gomap_asan -o %t3 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t3 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O0 -DFORM=4 %asan %s %plugin %gomap_asan -o %t4 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t4 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=1 %asan %s %plugin %gomap_asan -o %t1 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t1 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=3 %asan %s %plugin %gomap_asan -o %t3 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t3 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=4 %asan %s %plugin %gomap_asan -o %t4 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t4 | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const void *kept;

#if FORM == 3
char *keep_dup(const char *s) __asm__("strdup");
#endif
// CHECK: [[@LINE+1]]:28: leaking param: s
char *keep_dup(const char *s)
{
    kept = s;
    char *r = malloc(1);
    if (r) r[0] = 0;
    return r;
}
#if FORM == 1
char *strdup(const char *s) __attribute__((alias("keep_dup")));
#elif FORM == 2
#pragma weak strdup = keep_dup
#elif FORM == 4
// F4: [[@LINE+1]]:26: leaking param: s
char *strdup(const char *s)
{
    return keep_dup(s);
}
#endif

__attribute__((noinline)) static void work(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 3; i++)
        *(int *)gomap_assign(m, &i) = i * 10;
#if FORM == 4
    free(__builtin_strdup((const char *)m));
#else
    free(strdup((const char *)m));
#endif
}

__attribute__((noinline)) static void scribble(void)
{
    volatile char junk[4096];
    for (int i = 0; i < 4096; i++) junk[i] = (char)0xa5;
}

int main(void)
{
    work();
    scribble();
    gomap *m = (gomap *)kept;
    int k = 2;
    int *v = gomap_access(m, &k);
    printf("len=%zu v=%d\n", gomap_len(m), v ? *v : -1);
    return 0;
}
// OUT: len=3 v=20
