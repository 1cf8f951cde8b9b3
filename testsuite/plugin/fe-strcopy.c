// GOMAP_TYPE_STRCOPY under the plugin: the word counter's map goes on the stack
// (header and first bucket) while the key copies the runtime makes are on the
// heap, owned and freed by the runtime: the program prints the same counts with
// and without the plugin, ASan reports nothing (no leak, no stale read of the
// reused line buffer), and the counters balance.
//
// RUN: %cc -O0 %asan %s %plugin -fplugin-arg-escape-m %gomap_asan -o %t.s0 2>&1 | %FileCheck %s --check-prefix=M
// RUN: %cc -O2 %asan %s %plugin -fplugin-arg-escape-m %gomap_asan -o %t.s2 2>&1 | %FileCheck %s --check-prefix=M
// RUN: %cc -O2 %asan %s %gomap_asan -o %t.h
// RUN: %t.s0 < %S/../runtime/Inputs/words.txt > %t.s0.out
// RUN: %t.s2 < %S/../runtime/Inputs/words.txt > %t.s2.out
// RUN: %t.h < %S/../runtime/Inputs/words.txt > %t.h.out
// RUN: %FileCheck %s --check-prefixes=CHECK,STACK < %t.s0.out
// RUN: %FileCheck %s --check-prefixes=CHECK,STACK < %t.s2.out
// RUN: %FileCheck %s --check-prefixes=CHECK,HEAP < %t.h.out
#include <stdio.h>
#include <string.h>
#include "gomap.h"

#define NOINL __attribute__((noinline))

static char line[256];

/* Counts the words of stdin (wNN appears NN times, a 40-byte word 3 times). */
NOINL static void count(int *bad, int *total, int *distinct)
{
    gomap *m = gomap_make(GOMAP_TYPE_STRCOPY(int), 0); // M: fe-strcopy.c:[[@LINE]]:16: make(map[gostring]int) does not escape
    while (fgets(line, sizeof line, stdin)) {
        char *p = line;
        for (;;) {
            while (*p == ' ' || *p == '\n') p++;
            if (!*p) break;
            char *w = p;
            while (*p && *p != ' ' && *p != '\n') p++;
            gostring k = { w, (size_t)(p - w) };
            ++*(int *)gomap_assign(m, &k);
        }
    }
    memset(line, 0, sizeof line);   /* the map's keys are its own copies */
    gomap_iter it;
    void *kp, *vp;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &kp, &vp)) {
        const gostring *k = kp;
        int n = *(int *)vp;
        int want = k->len == 3 && k->ptr[0] == 'w' ? (k->ptr[1] - '0') * 10 + (k->ptr[2] - '0')
                   : k->len == 40 ? 3 : -1;
        *bad += n != want;
        *total += n;
    }
    *distinct = (int)gomap_len(m);
    gomap_free(m);
}

int main(void)
{
    gomap_memstats s0, s1;
    int bad = 0, total = 0, distinct = 0;
    gomap_read_memstats(&s0);
    count(&bad, &total, &distinct);
    gomap_read_memstats(&s1);
    printf("distinct %d total %d bad %d\n", distinct, total, bad);
    // CHECK: distinct 41 total 823 bad 0
    printf("balanced %d stack maps %llu\n",
           s1.heap_allocs - s0.heap_allocs == s1.heap_frees - s0.heap_frees
               && s1.heap_bytes == s0.heap_bytes,
           (unsigned long long)(s1.stack_maps - s0.stack_maps));
    // STACK: balanced 1 stack maps 1
    // HEAP: balanced 1 stack maps 0
    return 0;
}
