// A library function the unit renames (`#pragma redefine_extname`, FORM 1, or an
// asm label, FORM 2) to a symbol outside the library's reserved names calls
// whatever function of the program has that name (docs/design.md, "The C
// library is the one the headers declare"): here another unit's keep_verscmp
// (this file built with -DOTHER), which keeps its argument.  strverscmp is not a
// GCC builtin, so nothing folds the call as the library's.  The plugin before
// this rule applied the libc table's strverscmp (reads, keeps nothing) and put
// the map on the stack (stack-use-after-return; found by an attack helper).
//
// RUN: %cc -O2 -DFORM=1 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c -DOTHER %s -o %t.other.o
// RUN: %cc -O0 -DFORM=1 %asan %s %t.other.o %plugin %gomap_asan -o %t1 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t1 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=1 %asan %s %t.other.o %plugin %gomap_asan -o %t1 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t1 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O0 -DFORM=2 %asan %s %t.other.o %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=2 %asan %s %t.other.o %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
#define _GNU_SOURCE
#include "gomap.h"
#include <stdio.h>
#ifdef OTHER
const char *kept;
int keep_verscmp(const char *a, const char *b)
{
    kept = a;
    (void)b;
    return 0;
}
#else
#if FORM == 1
#pragma redefine_extname strverscmp keep_verscmp
#include <string.h>
#else
#include <string.h>
extern int strverscmp(const char *, const char *) __asm__("keep_verscmp");
#endif
extern const char *kept;

__attribute__((noinline)) static int work(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 3; i++)
        *(int *)gomap_assign(m, &i) = i * 10;
    return strverscmp((const char *)m, "x");
}

__attribute__((noinline)) static void scribble(void)
{
    volatile char junk[4096];
    for (int i = 0; i < 4096; i++) junk[i] = (char)0xa5;
}

int main(void)
{
    int r = work();
    scribble();
    gomap *m = (gomap *)kept;
    int *v = gomap_access(m, &(int){2});
    printf("r=%d len=%zu v=%d\n", r, gomap_len(m), v ? *v : -1);
    return 0;
}
#endif
// OUT: r=0 len=3 v=20
