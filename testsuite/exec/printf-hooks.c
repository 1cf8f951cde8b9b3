// glibc lets a program replace printf's conversions (register_printf_specifier,
// register_printf_function), and a handler may keep the pointer a %s receives.
// The format model ("%s reads the bytes and keeps nothing") holds only for the
// standard conversions: in a unit that names one of those functions, every
// pointer argument of a printf-family call escapes.  Here the handler keeps the
// map handle passed to %s; modelled as a read, the map went on the stack and main
// used it after work() returned (a stack-use-after-return under ASan at -O0 and
// -O2, found by an attack helper).  A registration in another unit is not seen
// (docs/design.md, known limits).
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %s %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <printf.h>
#include <stdio.h>

static const void *last_printed;

// CHECK: [[@LINE+3]]:28: leaking param: f
// CHECK: [[@LINE+2]]:57: info does not escape
// CHECK: [[@LINE+1]]:82: leaking param content: args
static int s_handler(FILE *f, const struct printf_info *info, const void *const *args)
{
    (void)info;
    last_printed = *(const void *const *)args[0];
    return fprintf(f, "<obj>");
}

// CHECK: [[@LINE+3]]:48: info does not escape
// CHECK: [[@LINE+2]]:69: argtypes does not escape
// CHECK: [[@LINE+1]]:84: size does not escape
static int s_arginfo(const struct printf_info *info, size_t n, int *argtypes, int *size)
{
    (void)info;
    (void)size;
    if (n > 0)
        argtypes[0] = PA_POINTER;
    return 1;
}

__attribute__((noinline)) static void work(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 3; i++)
        *(int *)gomap_assign(m, &i) = i * 10;
    printf("[%s]\n", (const char *)m);
}

__attribute__((noinline)) static void clobber(void)
{
    volatile char buf[4096];
    for (int i = 0; i < 4096; i++)
        buf[i] = (char)i;
    (void)buf[7];
}

int main(void)
{
    register_printf_specifier('s', s_handler, s_arginfo);
    work();
    clobber();
    gomap *m = (gomap *)last_printed;
    int k = 2;
    int *v = gomap_access(m, &k);
    printf("len=%zu v=%d\n", gomap_len(m), v ? *v : -1);
    return 0;
}
// OUT: [<obj>]
// OUT: len=3 v=20
