// A value slot pointer kept across a growth points into the map's first bucket,
// which the growth abandoned.  Without the plugin that bucket was malloc'd and is
// freed (heap-use-after-free); with the plugin it is the frame's storage, which
// the ASan runtime poisons once the map stops using it (use-after-poison): the
// stale read is reported in keep_slot either way.  Maps made again on the same
// storage (a loop), or freed, leave nothing behind that later frames could trip
// over ("clean").  Poisoning needs ASan's fake frames, as lit runs tests
// (detect_stack_use_after_return=1); without them the stack bucket is not
// poisoned and the stale read goes unreported ("real stack").
//
// RUN: %cc -O0 %asan %s %plugin -fplugin-arg-escape-m %gomap_asan -o %t.s0 2>&1 | %FileCheck %s --check-prefix=M
// RUN: %cc -O2 %asan %s %plugin -fplugin-arg-escape-m %gomap_asan -o %t.s2 2>&1 | %FileCheck %s --check-prefix=M
// RUN: %cc -O0 %asan %s %gomap_asan -o %t.h0 && %cc -O2 %asan %s %gomap_asan -o %t.h2
// RUN: %not %t.s0 kept 2>&1 | %FileCheck %s
// RUN: %not %t.s2 kept 2>&1 | %FileCheck %s
// RUN: %not %t.h0 kept 2>&1 | %FileCheck %s
// RUN: %not %t.h2 kept 2>&1 | %FileCheck %s
// CHECK: ERROR: AddressSanitizer: {{heap-use-after-free|use-after-poison}}
// CHECK: #0 {{.*}} in keep_slot {{.*}}kept-slot.c
// RUN: %t.s0 clean | %FileCheck %s --check-prefix=CLEAN
// RUN: %t.s2 clean | %FileCheck %s --check-prefix=CLEAN
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=0 %t.s2 clean | %FileCheck %s --check-prefix=CLEAN
// CLEAN: clean 4500 1000
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=0 %t.s2 kept | %FileCheck %s --check-prefix=REAL
// REAL: real stack: read 1
#include <stdio.h>
#include <string.h>
#include "gomap.h"

#define NOINL __attribute__((noinline))

NOINL static int keep_slot(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); // M: kept-slot.c:[[@LINE]]:16: make(map[int]int) does not escape
    int k = 0;
    int *slot = gomap_assign(m, &k);
    *slot = 1;
    for (int i = 1; i < 100; i++) *(int *)gomap_assign(m, &i) = i;
    int r = *slot;   /* stale: the entry moved at the growth */
    gomap_free(m);
    return r;
}

/* A stack map per iteration, grown past its bucket and freed. */
NOINL static long grow_in_loop(void)
{
    long sum = 0;
    for (int round = 0; round < 10; round++) {
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); // M: kept-slot.c:[[@LINE]]:20: make(map[int]int) does not escape
        for (int i = 0; i < 100; i++) *(int *)gomap_assign(m, &i) = i;
        sum += gomap_len(m) * round;
        gomap_free(m);
    }
    return sum;
}

/* A frame at the same depth, touching all of its locals. */
NOINL static int reuse_stack(void)
{
    char buf[1000];
    memset(buf, 1, sizeof buf);
    int s = 0;
    for (size_t i = 0; i < sizeof buf; i++) s += buf[i];
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "kept")) {
        printf("real stack: read %d\n", keep_slot());
    } else {
        long s = grow_in_loop();
        printf("clean %ld %d\n", s, reuse_stack());
    }
    return 0;
}
