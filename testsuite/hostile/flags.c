// Hostile inputs: the same file under the option sets users build with: -O0 -O1
// -O2 -O3 -Os -Og, -g3 (macro debug info), -fsanitize=address (and the %asan set:
// address,undefined), -fPIC with hidden visibility, -fno-inline, -fstack-protector-all,
// -ftrivial-auto-var-init=zero/pattern, -fno-strict-aliasing, -funroll-loops,
// -fsanitize=thread, coverage and profiling instrumentation, CET and stack-clash,
// -fgnu-tm (whose passes refuse the kept inline paths: the plugin calls the runtime's
// entry points there; a unit including gomap.h failed to compile before).  Verdicts
// must not depend on them, and the program must print the same with and without
// the plugin.  Except one: an explicit -fno-strict-aliasing makes every data load
// one that may read any object's bytes (the exposure rule, docs/design.md), so
// `t->dups++` exposes t's contents there (prefix NSA).
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O1 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O3 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -Os -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -Og -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -g3 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fsanitize=address -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fPIC -fvisibility=hidden -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fno-inline -fstack-protector-all -ftrivial-auto-var-init=zero -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O3 -fno-strict-aliasing -funroll-loops -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=NSA --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fsanitize=thread -ftrivial-auto-var-init=pattern -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fprofile-arcs -ftest-coverage -pg -fcf-protection=full -fstack-clash-protection -ffunction-sections -c %s %plugin -fplugin-arg-escape-m -o %t.cov.o 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fgnu-tm %s %plugin -fplugin-arg-escape-m %gomap -o %t.tm 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %t.tm > %t.tm.out
// RUN: %cc -O3 -g3 %s %plugin %asan %root/runtime/*.c -o %t.on3 && %t.on3 > %t.on3.out
// RUN: %cc -Os -fPIC -fvisibility=hidden %s %plugin %asan %root/runtime/*.c -o %t.ons && %t.ons > %t.ons.out
// RUN: %cc -O0 -g3 %s %plugin -fsanitize=address %root/runtime/*.c -o %t.on0 && %t.on0 > %t.on0.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on3.out %t.off.out
// RUN: diff %t.tm.out %t.off.out
// RUN: diff %t.ons.out %t.off.out
// RUN: diff %t.on0.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.off.out
#include <stdio.h>
#include <string.h>
#include "gomap.h"

#define WORDS(X) X("the") X("quick") X("the") X("fox") X("the")

struct table { gomap *m; int dups; };
static gomap *global;

// NSA: {{.*}}:[[@LINE+2]]:36: leaking param content: t
// CHECK: {{.*}}:[[@LINE+1]]:36: t does not escape
static void count_in(struct table *t, gostring w)
{
    int *n = gomap_assign(t->m, &w);
    if ((*n)++) t->dups++;
}

int word_dups(void)
{
    // NSA: {{.*}}:[[@LINE+2]]:24: make(map[gostring]int) escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:24: make(map[gostring]int) does not escape
    struct table t = { gomap_make(GOMAP_TYPE_STR(int), 0), 0 };
#define ADD(s) count_in(&t, GOSTR(s));
    WORDS(ADD)
#undef ADD
    gomap_free(t.m);
    return t.dups;
}

gomap *returned(int n)
{
    // NSA: {{.*}}:[[@LINE+2]]:16: make(map[int]int, 16) escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int, 16) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 16);
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i;
    return m;
}

size_t stored(void)
{
    // NSA: {{.*}}:[[@LINE+2]]:14: make(map[long]long) escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:14: make(map[long]long) escapes to heap
    global = gomap_make(GOMAP_TYPE(long, long), 0);
    long k = 1;
    *(long *)gomap_assign(global, &k) = 2;
    return gomap_len(global);
}

typedef struct { char b[200]; } big;

size_t big_values(int n)
{
    // NSA: {{.*}}:[[@LINE+2]]:16: make(map[int]big) buckets escape to heap: key+value size 204 > 128
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]big) buckets escape to heap: key+value size 204 > 128
    gomap *m = gomap_make(GOMAP_TYPE(int, big), 0);
    for (int i = 0; i < n; i++) memset(gomap_assign(m, &i), i, sizeof(big));
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}

size_t iterate(int n)
{
    // NSA: {{.*}}:[[@LINE+2]]:16: make(map[int]int) does not escape
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i * i;
    gomap_iter it;
    void *k, *v;
    size_t sum = 0;
    for (gomap_iter_init(&it, m); gomap_iter_next(&it, &k, &v);) sum += (size_t)*(int *)v;
    gomap_free(m);
    return sum;
}

int main(void)
{
    // main keeps the map returned() makes: its header is main's (docs/design.md
    // "Maps made by helpers"); the hint puts the buckets on the heap.
    // NSA: {{.*}}:[[@LINE+2]]:16: make(map[int]int, 16) made by returned buckets escape to heap: hint 16 > 8
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int, 16) made by returned buckets escape to heap: hint 16 > 8
    gomap *r = returned(20);
    size_t a = stored();
    printf("%d %zu %zu %zu %zu\n", word_dups(), gomap_len(r), a, big_values(30), iterate(10));
    gomap_free(r);
    gomap_free(global);
    return 0;
}
// OUT: 2 20 1 30 285
