// C library functions the core's table models (plugin/core/libc.c): maps that
// may stay on the stack beside them, and the attacks on each model, run under
// ASan with detect_stack_use_after_return at -O0 and -O2.  An attack keeps a
// pointer the library function made (strtol's end pointer, strchrnul's or
// memmem's result into a value slot, a block from realloc or posix_memalign
// holding the handle) and uses the map behind it after the frame that made the
// map has returned: a model that lost that pointer would put the map on the
// stack and the use would be reported.
//
// RUN: %cc -D_GNU_SOURCE -O2 -c %s -I %S/Inputs %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -D_GNU_SOURCE -I%root/runtime -I%S/Inputs 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -Wno-format-extra-args -D_GNU_SOURCE -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -Wno-format-extra-args -D_GNU_SOURCE -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -Wno-format-extra-args -D_GNU_SOURCE -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.heap > %t.heap.out 2> %t.heap.err
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.stack > %t.stack.out 2> %t.stack.err
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: %FileCheck %s --check-prefix=OUT < %t.stack.out
// RUN: %FileCheck %s --check-prefixes=STATS,STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefixes=STATS,STACK < %t.stack0.err
// RUN: %FileCheck %s --check-prefixes=STATS,HEAP < %t.heap.err
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "phase.h"
#include "maps.h"

// Keys formatted into local buffers and parsed back: the map stays.  The map
// borrows a key's bytes (GOMAP_TYPE_STR), so each key keeps its own buffer.
static NOINL long formatted(int n)
{
    char bufs[4][32];
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[gostring]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    long sum = 0;
    for (int i = 0; i < n; i++) {
        char *buf = bufs[i % 4];
        snprintf(buf, sizeof bufs[0], "%d", i % 4);
        gostring k = { buf, strlen(buf) };
        char *end;
        long v = strtol(buf, &end, 10);
        *(int *)gomap_assign(m, &k) += (int)v + (int)(end - buf);
        sum += v;
    }
    sum = sum * 100 + (long)gomap_len(m);
    gomap_free(m);
    return sum;
}

typedef struct text16 { char s[16]; } text16;
static char *end_kept, *found_kept, *mem_kept;

// Each attack keeps, in a global, a pointer a library function made from a
// value slot (the map's own storage) and never the handle, so the map escapes
// only through that pointer.  main reads through it after the maker returned.
// (These maps are never freed: the handle is gone on purpose, so the leak
// checker is off for these runs.)

// strtol's end pointer points into the slot.
static NOINL void parse_kept(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]text16) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, text16), 0);
    char *v = gomap_assign(m, &(int){ 1 });
    strcpy(v, "12x");
    strtol(v, &end_kept, 10);
}

// strchrnul's result points into the slot.
static NOINL void search_kept(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]text16) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, text16), 0);
    char *v = gomap_assign(m, &(int){ 2 });
    strcpy(v, "a:b");
    found_kept = strchrnul(v, ':');
}

// memmem's result, returned through a helper.
// CHECK: {{.*}}:[[@LINE+2]]:33: leaking param content: v
// CHECK: {{.*}}:[[@LINE+1]]:33: leaking param: v to result ~r0 level=0
static NOINL char *find_y(char *v)
{
    return memmem(v, 3, "y", 1);
}

static NOINL void memmem_kept(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]text16) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, text16), 0);
    char *v = gomap_assign(m, &(int){ 3 });
    strcpy(v, "xyz");
    mem_kept = find_y(v);
}

// The map's address printed with %p after a literal %%s (and one argument
// too many, which C allows): a parser taking %%s for a conversion would judge
// the handle a string (read, not kept).  main scans the text
// back and uses the map.
static char printed[64];
static NOINL void printed_kept(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){ 6 }) = 60;
    snprintf(printed, sizeof printed, "%%s %p %d", (void *)m, 7, 0);
}

// A map stored through realloc's and posix_memalign's blocks: unknown memory.
static NOINL gomap **grown(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){ 1 }) = 10;
    gomap **arr = realloc(NULL, sizeof *arr);
    arr[0] = m;
    arr = realloc(arr, 2 * sizeof *arr);
    arr[1] = NULL;
    return arr;
}

static NOINL void *aligned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: &local escapes to heap
    gomap *local = NULL;
    void *x = &local;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){ 2 }) = 20;
    if (posix_memalign(&x, 16, 64))
        abort();
    *(gomap **)x = m;
    return x;
}


int main(void)
{
    printf("formatted: %ld\n", formatted(10));
    parse_kept();
    search_kept();
    memmem_kept();
    char buf[64];           /* reuses the makers' stack, as another call would */
    memset(buf, '#', sizeof buf - 1);
    buf[63] = 0;
    printf("kept: %s %s %s (%s)\n", end_kept, found_kept, mem_kept, buf + 63);
    printed_kept();
    // CHECK: {{.*}}:[[@LINE+1]]:11: &pm escapes to heap
    void *pm = NULL;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &w escapes to heap
    int w = 0;
    if (sscanf(printed, "%%s %p %d", &pm, &w) == 2) {
        printf("printed: %d %ld\n", w, total(pm));
        gomap_free(pm);
    }
    gomap **arr = grown();
    printf("grown: %ld\n", total(arr[0]));
    gomap_free(arr[0]);
    free(arr);
    gomap **x = aligned();
    printf("aligned: %ld\n", total(*x));
    gomap_free(*x);
    free(x);
    phase("libc");
    return 0;
}
// OUT: formatted: 1304
// OUT-NEXT: kept: x :b yz ()
// OUT-NEXT: printed: 7 6060
// OUT-NEXT: grown: 1010
// OUT-NEXT: aligned: 2020
// STATS: libc: heap_allocs={{[0-9]+}} heap_frees={{[0-9]+}} heap_bytes={{[0-9]+}}
// STACK-SAME: stack_maps=1 stack_buckets=1
// HEAP-SAME: stack_maps=0 stack_buckets=0
