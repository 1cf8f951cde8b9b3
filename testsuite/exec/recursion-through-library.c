// C stacks do not grow, so a function that may recur gets the recursive frame
// budget (256 bytes of map storage per frame).  A call may lead back into the
// unit through library code: GCC declares the builtins that cannot `leaf`, and
// one that is not (GOMP_parallel runs the outlined body of `#pragma omp
// parallel`, which calls f again) is a path through unknown code in the
// may-call graph; so is printf when the unit installs its own conversions
// (register_printf_specifier: "%W" calls f).  The plugin before this rule gave
// each frame of both recursions four stack maps (about 4.5 KiB), and the
// programs overflowed the 8 MiB stack at depths 3000 and 1000 that run without
// the plugin (found by an attack helper).
//
// RUN: %cc -O2 -fopenmp -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -fopenmp -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -fopenmp %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 100 100 | %FileCheck %s --check-prefix=SMALL
// RUN: %cc -O2 -fopenmp %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 100 100 | %FileCheck %s --check-prefix=SMALL
// RUN: %cc -O0 -fopenmp %s %plugin %gomap -o %tp0 && %tp0 3000 1000 | %FileCheck %s --check-prefix=DEEP
// RUN: %cc -O2 -fopenmp %s %plugin %gomap -o %tp2 && %tp2 3000 1000 | %FileCheck %s --check-prefix=DEEP
#define _GNU_SOURCE
#include "gomap.h"
#include <printf.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { char b[120]; } v120;

static long through_omp(int n)
{
    if (n == 0) return 0;
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) buckets escape to heap: stack frame limit
    gomap *a = gomap_make(GOMAP_TYPE(long, v120), 0);
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) buckets escape to heap: stack frame limit
    gomap *b = gomap_make(GOMAP_TYPE(long, v120), 0);
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) escapes to heap
    gomap *c = gomap_make(GOMAP_TYPE(long, v120), 0);
    *(char *)gomap_assign(a, &(long){n}) = 1;
    *(char *)gomap_assign(b, &(long){n}) = 1;
    *(char *)gomap_assign(c, &(long){n}) = 1;
    long r = 0;
#pragma omp parallel num_threads(1)
    r = through_omp(n - 1);
    r += (long)(gomap_len(a) + gomap_len(b) + gomap_len(c));
    gomap_free(a); gomap_free(b); gomap_free(c);
    return r;
}

static long through_printf(int n);
static long hooked;

// CHECK: [[@LINE+3]]:29: s does not escape
// CHECK: [[@LINE+2]]:58: info does not escape
// CHECK: [[@LINE+1]]:83: args does not escape
static int conversion(FILE *s, const struct printf_info *info, const void *const *args)
{
    (void)s; (void)info;
    hooked += through_printf(**(const int **)args);
    return 0;
}

// CHECK: [[@LINE+3]]:46: info does not escape
// CHECK: [[@LINE+2]]:67: argtypes does not escape
// CHECK: [[@LINE+1]]:82: size does not escape
static int arginfo(const struct printf_info *info, size_t n, int *argtypes, int *size)
{
    (void)info; (void)size;
    if (n > 0) argtypes[0] = PA_INT;
    return 1;
}

static long through_printf(int n)
{
    if (n == 0) return 0;
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) buckets escape to heap: stack frame limit
    gomap *a = gomap_make(GOMAP_TYPE(long, v120), 0);
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) buckets escape to heap: stack frame limit
    gomap *b = gomap_make(GOMAP_TYPE(long, v120), 0);
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) escapes to heap
    gomap *c = gomap_make(GOMAP_TYPE(long, v120), 0);
    *(char *)gomap_assign(a, &(long){n}) = 1;
    *(char *)gomap_assign(b, &(long){n}) = 1;
    *(char *)gomap_assign(c, &(long){n}) = 1;
    char buf[8];
    snprintf(buf, sizeof buf, "%W", n - 1);
    long r = (long)(gomap_len(a) + gomap_len(b) + gomap_len(c));
    gomap_free(a); gomap_free(b); gomap_free(c);
    return r;
}

// CHECK: [[@LINE+1]]:27: leaking param content: argv
int main(int argc, char **argv)
{
    register_printf_specifier('W', conversion, arginfo);
    int omp = argc > 2 ? atoi(argv[1]) : 3, hook = argc > 2 ? atoi(argv[2]) : 3;
    printf("omp %ld\n", through_omp(omp));
    long top = through_printf(hook);
    printf("printf %ld %ld\n", top, hooked);
    return 0;
}
// SMALL: omp 300
// SMALL-NEXT: printf 3 297
// DEEP: omp 9000
// DEEP-NEXT: printf 3 2997
