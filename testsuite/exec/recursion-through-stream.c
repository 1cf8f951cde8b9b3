// C stacks do not grow, so a function that may recur gets the recursive frame
// budget (256 bytes of map storage per frame).  A stream made by fopencookie runs
// the unit's write function on every write, so when the unit names fopencookie,
// printf and puts are paths through unknown code in the may-call graph like a
// call through a pointer, and the write function (its address is taken) that
// prints recurs.  The plugin before this rule gave each frame of `wr` six
// stack maps with 1 KiB buckets, and the program overflowed the 8 MiB stack at a
// depth that runs without the plugin (found by an attack helper).
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 100 | %FileCheck %s --check-prefix=SMALL
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 100 | %FileCheck %s --check-prefix=SMALL
// RUN: %cc -O0 %s %plugin %gomap -o %tp0 && %tp0 700 | %FileCheck %s --check-prefix=DEEP
// RUN: %cc -O2 %s %plugin %gomap -o %tp2 && %tp2 700 | %FileCheck %s --check-prefix=DEEP
#define _GNU_SOURCE
#include "gomap.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

typedef struct { char b[120]; } v120;
static int depth;
static long total;

// CHECK: [[@LINE+2]]:25: c does not escape
// CHECK: [[@LINE+1]]:40: buf does not escape
static ssize_t wr(void *c, const char *buf, size_t n)
{
    (void)c; (void)buf;
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) buckets escape to heap: stack frame limit
    gomap *a = gomap_make(GOMAP_TYPE(long, v120), 0);
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) buckets escape to heap: stack frame limit
    gomap *b = gomap_make(GOMAP_TYPE(long, v120), 0);
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) escapes to heap
    gomap *d = gomap_make(GOMAP_TYPE(long, v120), 0);
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) escapes to heap
    gomap *e = gomap_make(GOMAP_TYPE(long, v120), 0);
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) escapes to heap
    gomap *g = gomap_make(GOMAP_TYPE(long, v120), 0);
    // CHECK: [[@LINE+1]]:16: make(map[long]v120) escapes to heap
    gomap *h = gomap_make(GOMAP_TYPE(long, v120), 0);
    *(char *)gomap_assign(a, &(long){depth}) = 1;
    *(char *)gomap_assign(b, &(long){depth}) = 1;
    *(char *)gomap_assign(d, &(long){depth}) = 1;
    *(char *)gomap_assign(e, &(long){depth}) = 1;
    *(char *)gomap_assign(g, &(long){depth}) = 1;
    *(char *)gomap_assign(h, &(long){depth}) = 1;
    if (depth > 0) {
        depth--;
        printf("xy");                   /* wr again, through the cookie */
    }
    total += (long)(gomap_len(a) + gomap_len(b) + gomap_len(d) + gomap_len(e) + gomap_len(g)
                    + gomap_len(h));
    gomap_free(a); gomap_free(b); gomap_free(d); gomap_free(e); gomap_free(g); gomap_free(h);
    return (ssize_t)n;
}

// CHECK: [[@LINE+1]]:27: leaking param content: argv
int main(int argc, char **argv)
{
    depth = argc > 1 ? atoi(argv[1]) : 3;
    FILE *real = stdout;
    cookie_io_functions_t io = { NULL, wr, NULL, NULL };
    FILE *f = fopencookie(NULL, "w", io);
    setvbuf(f, NULL, _IONBF, 0);
    stdout = f;
    int want = depth;
    printf("xy");
    stdout = real;
    fclose(f);
    printf("total %ld of %d\n", total, 6 * (want + 1));
    return 0;
}
// SMALL: total 606 of 606
// DEEP: total [[N:[0-9]+]] of [[N]]
