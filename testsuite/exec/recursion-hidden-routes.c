// More routes back into a function than calls by name: a call through a weak
// alias of a function defined here (the alias may be replaced, so the call is
// unknown code's, which may be that body: it counts as address-taken), libgomp's
// taskwait (GCC declares it `leaf`, but it runs deferred tasks on the caller's
// stack) and abort (declared `leaf` too, it raises SIGABRT, whose handler may be
// the unit's).  Each function below then has the recursive frame budget (256
// bytes of map storage).  The plugin before this rule gave each 64 KiB, and the
// weak-alias recursion overflowed the 8 MiB stack at depth 1000, which runs
// without the plugin (found by an attack helper; the taskwait and abort routes
// need a second thread and a signal handler that jumps out, so they are checked
// by their verdicts here).
//
// RUN: %cc -O2 -fopenmp -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s
// RUN: %cc -O0 -fopenmp -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s
// RUN: %cc -O0 -fopenmp %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 20 | %FileCheck %s --check-prefix=SMALL
// RUN: %cc -O2 -fopenmp %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 20 | %FileCheck %s --check-prefix=SMALL
// RUN: %cc -O0 -fopenmp %s %plugin %gomap -o %tp0 && %tp0 1000 | %FileCheck %s --check-prefix=DEEP
// RUN: %cc -O2 -fopenmp %s %plugin %gomap -o %tp2 && %tp2 1000 | %FileCheck %s --check-prefix=DEEP
#include "gomap.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { char b[120]; } v120;
#define MAKE(v) gomap *v = gomap_make(GOMAP_TYPE(long, v120), 0); \
    ((v120 *)gomap_assign(v, &(long){d}))->b[0] = 1;
#define USE(v) r += ((v120 *)gomap_access(v, &(long){d}))->b[0]; gomap_free(v);

static long rec(int d);
extern long rec_alias(int d) __attribute__((weak, alias("rec")));

static long rec(int d)
{
    if (d == 0) return 0;
    long r = rec_alias(d - 1);
    // CHECK: [[@LINE+1]]:5: make(map[long]v120) buckets escape to heap: stack frame limit
    MAKE(a)
    // CHECK: [[@LINE+2]]:5: make(map[long]v120) buckets escape to heap: stack frame limit
    // CHECK: [[@LINE+1]]:13: make(map[long]v120) escapes to heap
    MAKE(b) MAKE(c) MAKE(e) MAKE(f) MAKE(g) MAKE(h) MAKE(i) MAKE(j)
    USE(a) USE(b) USE(c) USE(e) USE(f) USE(g) USE(h) USE(i) USE(j)
    return r;
}

static long waits(int d)        /* a task spawner runs it; its taskwait runs tasks */
{
    // CHECK: [[@LINE+1]]:5: make(map[long]v120) buckets escape to heap: stack frame limit
    MAKE(a)
    long r = 0;
#pragma omp taskwait
    USE(a)
    return r;
}

static long spawn(int d)
{
    // CHECK: [[@LINE+1]]:10: &r escapes to heap
    long r = 0;
#pragma omp task shared(r)
    r = waits(d);
#pragma omp taskwait
    return r;
}

static long aborts(int d)
{
    // CHECK: [[@LINE+1]]:5: make(map[long]v120) buckets escape to heap: stack frame limit
    MAKE(a)
    long r = 0;
    if (d < 0)
        abort();
    USE(a)
    return r;
}

static void on_abort(int sig) { (void)sig; _Exit((int)aborts(1)); }

// CHECK: [[@LINE+1]]:27: leaking param content: argv
int main(int argc, char **argv)
{
    signal(SIGABRT, on_abort);
    int n = argc > 1 ? atoi(argv[1]) : 3;
    printf("rec %ld\n", rec(n));
    printf("waits %ld aborts %ld\n", spawn(n), aborts(n));
    return 0;
}
// SMALL: rec 180
// SMALL-NEXT: waits 1 aborts 1
// DEEP: rec 9000
// DEEP-NEXT: waits 1 aborts 1
