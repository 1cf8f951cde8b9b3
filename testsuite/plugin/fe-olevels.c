// The pass runs right after GCC builds SSA form, before early inlining and any
// optimisation, so the diagnostics are the same at every -O level, with or
// without debug info.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2> %t.O0
// RUN: %cc -O1 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2> %t.O1
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2> %t.O2
// RUN: %cc -O3 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2> %t.O3
// RUN: %cc -Os -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2> %t.Os
// RUN: %cc -O2 -g -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2> %t.g
// RUN: %cc -O0 -g3 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2> %t.g3
// RUN: diff %t.O0 %t.O1
// RUN: diff %t.O0 %t.O2
// RUN: diff %t.O0 %t.O3
// RUN: diff %t.O0 %t.Os
// RUN: diff %t.O0 %t.g
// RUN: diff %t.O0 %t.g3
// RUN: %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking < %t.O0
#include "gomap.h"
#include <string.h>

typedef struct { gomap *index; int hits; } cache;
gomap *registry;

// Small enough to be inlined everywhere at -O2: its callers see no call.
// CHECK: {{.*}}:[[@LINE+1]]:39: c does not escape
static inline int lookup(const cache *c, int key)
{
    int *v = gomap_access(c->index, &key);
    return v ? *v : -1;
}

// lookup() gets &c, so what c holds may be rewritten behind our back: the map
// pointer read back from c may point anywhere, and the keys stored through it
// leak (Go sends every map store to the heap anyway).
int hits(const int *keys, int n)
// CHECK: {{.*}}:[[@LINE-1]]:21: leaking param content: keys
{
    // CHECK: {{.*}}:[[@LINE+1]]:26: make(map[int]int) does not escape
    cache c = { .index = gomap_make(GOMAP_TYPE(int, int), 0) };
    for (int i = 0; i < n; i++)
        *(int *)gomap_assign(c.index, &keys[i]) = i;
    for (int i = 0; i < n; i++)
        c.hits += lookup(&c, keys[i]) >= 0;
    gomap_free(c.index);
    return c.hits;
}

// CHECK: {{.*}}:[[@LINE+1]]:28: leaking param: m
static void publish(gomap *m)
{
    registry = m;
}

void make_and_publish(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int, 64) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 64);
    if (n > 0)
        publish(m);
    else
        gomap_free(m);
}

// Copies that -O2 folds into integer loads and stores.
void copied_out(void **out)
// CHECK: {{.*}}:[[@LINE-1]]:24: out does not escape
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    memcpy(out, &m, sizeof m);
}

// A loop the optimisers unroll, vectorise or remove.
long per_round(int rounds)
{
    long t = 0;
    for (int r = 0; r < rounds; r++) {
        gomap_iter it;
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]long, 4) does not escape
        gomap *m = gomap_make(GOMAP_TYPE(int, long), 4);
        for (int i = 0; i < 4; i++) {
            long v = i + r;
            *(long *)gomap_assign(m, &i) = v;
        }
        void *k, *v;
        gomap_iter_init(&it, m);
        while (gomap_iter_next(&it, &k, &v))
            t += *(long *)v;
        gomap_free(m);
    }
    return t;
}

// Dead at -O1 and above: still reported.
void unused(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]int) does not escape
    gomap_make(GOMAP_TYPE(int, int), 0);
}
