// Which body runs (C11 6.7.4p7): a C99 inline definition (`inline` without
// `extern`) or a gnu_inline `extern inline` body is used only where the call is
// inlined; a call that is not (-O0, -fno-inline) runs the external definition
// of another unit, Inputs/inline-definition-ext.c, which keeps the map in a
// global.  The bodies here keep nothing, so a plugin that summarised them would
// put the maps on fill()'s stack and main() would read them after fill()
// returned: stack-use-after-return under ASan.  (They write `sink` so that
// GCC, which also takes them for the real body, does not delete the calls.)  note_o2's body is optimised even
// at -O0 (GCC keeps it then, and it is too big to inline); the others are
// dropped at -O0 and kept at -O2.  The old plugin (f1508c4) failed at -O0
// (note_o2) and at -O2 -fno-inline (all three).
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -c %S/Inputs/inline-definition-ext.c -o %t.ext.o
// RUN: %cc -O0 %asan -I %S/Inputs %s %t.ext.o %t.rt/*.o -o %t.heap
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.ext.o %t.rt/*.o -o %t.stack0
// RUN: %cc -O2 -fno-inline %asan -I %S/Inputs %s %plugin %t.ext.o %t.rt/*.o -o %t.stack2
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: %t.stack2 > %t.stack2.out 2> %t.stack2.err
// RUN: diff %t.heap.out %t.stack0.out
// RUN: diff %t.heap.out %t.stack2.out
// RUN: %FileCheck %s < %t.stack2.out
// RUN: %FileCheck %s --check-prefix=STATS < %t.stack0.err
// RUN: %FileCheck %s --check-prefix=STATS < %t.stack2.err
// RUN: %cc -O2 -fno-inline -I %S/Inputs %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-transform=no -c -o /dev/null 2>&1 | %FileCheck %s --check-prefix=M
#include "phase.h"

extern int sink;
inline void note(gomap *m) { (void)m; sink++; }
#define MIX sink += sink * 3 + (sink >> 2);
#define MIX10 MIX MIX MIX MIX MIX MIX MIX MIX MIX MIX
__attribute__((optimize("O2"))) inline void note_o2(gomap *m)
{
    (void)m;        /* too big to inline: the call stays a call, even at -O0 */
    MIX10 MIX10 MIX10 MIX10 MIX10 MIX10 MIX10 MIX10 MIX10 MIX10
    MIX10 MIX10 MIX10 MIX10 MIX10 MIX10 MIX10 MIX10 MIX10 MIX10
}
extern inline __attribute__((gnu_inline)) void note_gnu(gomap *m) { (void)m; sink++; }

extern gomap *kept[3];

static void fill(int base)
{
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // M: inline-definition.c:[[@LINE-1]]:16: make(map[int]int) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    // M: inline-definition.c:[[@LINE-1]]:16: make(map[int]int) escapes to heap
    gomap *c = gomap_make(GOMAP_TYPE(int, int), 0);
    // M: inline-definition.c:[[@LINE-1]]:16: make(map[int]int) escapes to heap
    for (int i = 0; i < 5; i++) {
        *(int *)gomap_assign(a, &i) = base + i;
        *(int *)gomap_assign(b, &i) = 2 * base + i;
        *(int *)gomap_assign(c, &i) = 3 * base + i;
    }
    note(a);
    note_o2(b);
    note_gnu(c);
}

int main(void)
{
    fill(100);
    long sum = 0;
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 5; i++)
            sum += kept[k] ? *(int *)gomap_access(kept[k], &i) : -1000;
    printf("kept sum=%ld\n", sum);
    for (int k = 0; k < 3; k++)
        gomap_free(kept[k]);
    phase("inline definitions");
    return 0;
}
// CHECK: kept sum=3030
// STATS: inline definitions: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=0 stack_buckets=0
