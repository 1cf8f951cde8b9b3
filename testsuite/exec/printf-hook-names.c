// printf's %s reads its argument unless the unit may replace conversions
// (docs/design.md, "The C library is the one the headers declare"): the unit
// naming register_printf_specifier counts also when it declares the function
// under another name with an asm label (FORM 1), fetches it with dlsym (2), or
// names it as the target of an object's weakref (3).
// The handler keeps the pointer it prints.  The plugin before this rule looked
// for the C name only, took %s for a read, and put the map printed on the stack
// (stack-use-after-return after work() returned; found by attack helpers).
//
// RUN: %cc -O2 -DFORM=1 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=3 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -DFORM=1 %asan %s %plugin %gomap_asan -ldl -o %t1 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t1 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O0 -DFORM=2 %asan %s %plugin %gomap_asan -ldl -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O0 -DFORM=3 %asan %s %plugin %gomap_asan -ldl -o %t3 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t3 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=1 %asan %s %plugin %gomap_asan -ldl -o %t1 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t1 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=2 %asan %s %plugin %gomap_asan -ldl -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=3 %asan %s %plugin %gomap_asan -ldl -o %t3 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t3 | %FileCheck %s --check-prefix=OUT
#define _GNU_SOURCE
#include "gomap.h"
#include <dlfcn.h>
#include <printf.h>
#include <stdio.h>

static const void *kept;

// CHECK: [[@LINE+3]]:25: leaking param: f
// CHECK: [[@LINE+2]]:54: info does not escape
// CHECK: [[@LINE+1]]:79: leaking param content: args
static int keep_s(FILE *f, const struct printf_info *info, const void *const *args)
{
    (void)info;
    kept = *(const void *const *)args[0];
    return fprintf(f, "<obj>");
}

// CHECK: [[@LINE+3]]:50: info does not escape
// CHECK: [[@LINE+2]]:71: types does not escape
// CHECK: [[@LINE+1]]:83: size does not escape
static int keep_s_info(const struct printf_info *info, size_t n, int *types, int *size)
{
    (void)info;
    (void)size;
    if (n > 0)
        types[0] = PA_POINTER;
    return 1;
}

typedef int reg_fn(int, printf_function *, printf_arginfo_size_function *);
#if FORM == 1
reg_fn reg __asm__("register_printf_specifier");
#elif FORM == 3        /* an object weakref to it: its address is the function's */
static const char reg_obj[] __attribute__((weakref("register_printf_specifier")));
#define reg ((reg_fn *)(const void *)reg_obj)
#endif

__attribute__((noinline)) static void work(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 3; i++)
        *(int *)gomap_assign(m, &i) = i * 10;
    printf("[%s]\n", (const char *)m);
}

__attribute__((noinline)) static void scribble(void)
{
    volatile char junk[4096];
    for (int i = 0; i < 4096; i++) junk[i] = (char)0xa5;
}

int main(void)
{
#if FORM == 2
    reg_fn *reg = (reg_fn *)dlsym(RTLD_DEFAULT, "register_printf_specifier");
    if (!reg)
        return 1;
#endif
    reg('s', keep_s, keep_s_info);
    work();
    scribble();
    gomap *m = (gomap *)kept;
    int k = 2;
    int *v = gomap_access(m, &k);
    printf("len=%zu v=%d\n", gomap_len(m), v ? *v : -1);
    return 0;
}
// OUT: [<obj>]
// OUT-NEXT: len=3 v=20
