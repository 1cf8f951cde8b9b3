// A function with a C library name is the library's only when the unit does not
// have the program's own body for it: the libc table (plugin/core/libc.c) and GCC's
// builtin flags describe the library's strdup, not a program's own.  GCC keeps
// builtin status for a user's definition of the same name and type, and a
// definition merged with <string.h>'s prototype keeps the header's location, so
// the plugin must look at where the body is.  Here the program's strdup keeps its
// argument; modelled as the library's ("reads, keeps nothing") the map went on the
// stack and main used it after work() returned: a stack-use-after-return under
// ASan at -O0, a crash without ASan.
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O0 %s %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdio.h>
#include <stdlib.h>

void *saved;

// CHECK: [[@LINE+1]]:26: leaking param: s
char *strdup(const char *s)
{
    saved = (void *)s;
    char *r = malloc(1);
    r[0] = 0;
    return r;
}

__attribute__((noinline)) static void work(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 3; i++)
        *(int *)gomap_assign(m, &i) = i * 10;
    free(strdup((const char *)m));
}

__attribute__((noinline)) static void clobber(void)
{
    volatile char buf[2048];
    for (int i = 0; i < 2048; i++)
        buf[i] = (char)i;
}

int main(void)
{
    work();
    clobber();
    gomap *m = (gomap *)saved;
    int k = 2;
    int *v = gomap_access(m, &k);
    printf("len=%zu v=%d\n", gomap_len(m), v ? *v : -1);
    return 0;
}
// OUT: len=3 v=20
