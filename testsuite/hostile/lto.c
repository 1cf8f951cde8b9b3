// Hostile inputs: -flto, compiled and linked with the plugin (the plugin also
// loaded at link time, in lto1).  The analysis runs per translation unit before
// the IR is streamed: functions of the other file are unknown callees, so maps
// passed to them escape, whatever the linker sees later; a local map stays on the
// stack, and the rewrite survives LTO (the program counts maps on given storage).
// RUN: %cc -flto -O2 -c %s %plugin -fplugin-arg-escape-m -o %t.o 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -flto -O2 -c %S/Inputs/lto-other.c %plugin -fplugin-arg-escape-m -o %t.other.o 2>&1 | %FileCheck --check-prefix=OTHER %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -flto -O2 %t.o %t.other.o %plugin %gomap -o %t.on 2>&1 | count 0
// RUN: %t.on > %t.on.out
// RUN: %cc -flto -O2 %s %S/Inputs/lto-other.c %plugin %asan %root/runtime/*.c -o %t.asan && %t.asan > %t.asan.out
// RUN: %cc -flto -O2 %s %S/Inputs/lto-other.c %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: %FileCheck --check-prefix=ON %s < %t.on.out
// RUN: %FileCheck --check-prefix=ON %s < %t.asan.out
// RUN: %FileCheck --check-prefix=OFF %s < %t.off.out
// OTHER: lto-other.c:5:22: leaking param: m
// OTHER: lto-other.c:6:25: m does not escape
#include <stdio.h>
#include "gomap.h"

extern gomap *lto_kept;
void lto_keep(gomap *m);
size_t lto_count(gomap *m);

size_t kept(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    lto_keep(m);
    return gomap_len(m);
}

size_t counted(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = lto_count(m);
    gomap_free(m);
    return n;
}

size_t local(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int k = 0; k < 5; k++) *(int *)gomap_assign(m, &k) = k;
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

int main(void)
{
    size_t a = kept(), b = counted(), c = local();
    gomap_memstats s;
    gomap_read_memstats(&s);
    printf("%zu %zu %zu stack maps %d\n", a, b, c, (int)s.stack_maps);
    gomap_free(lto_kept);
    return 0;
}
// ON: 0 0 5 stack maps 1
// OFF: 0 0 5 stack maps 0
