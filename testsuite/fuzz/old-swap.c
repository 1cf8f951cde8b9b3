// Reduced by tools/fuzz/reduce.py from `tools/fuzz/gen.py 28 --families swap` (and
// tidied so that every program here is well-defined): a map leaves its maker only through
// helpers that copy between pointers they were given - `*r.dst = *r.src` with a struct
// passed by value, a swap of `p->a->m` and `p->b->m` where one holder is global, and
// `*v[0] = *v[1]` over a table of pointers. The caller uses the maps after the maker
// returned. The plugin of f1508c4 puts them on the stack: stack-use-after-return.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc -O0 %asan %s %gomap_asan -o %t/heap0
// RUN: %cc -O0 %asan %plugin %s %gomap_asan -o %t/stack0
// RUN: %cc -O2 %asan %plugin %s %gomap_asan -o %t/stack2
// RUN: %t/heap0 > %t/heap.out
// RUN: %t/stack0 > %t/stack0.out
// RUN: %t/stack2 > %t/stack2.out
// RUN: diff %t/heap.out %t/stack0.out
// RUN: diff %t/heap.out %t/stack2.out
#include <stdio.h>
#include "gomap.h"

struct route { gomap **dst, **src; };
struct holder { gomap *m; };
struct pair { struct holder *a, *b; };

static gomap *routed, *tabled;
static struct holder held;

static void route(struct route r) { *r.dst = *r.src; }
static void swap_holders(struct pair *p) { gomap *t = p->a->m; p->a->m = p->b->m; p->b->m = t; }
static void copy_slot(gomap **v[]) { *v[0] = *v[1]; }

static gomap *filled(int v)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int k = 0; k < 3; k++)
        *(int *)gomap_assign(m, &k) = v + k;
    return m;
}

__attribute__((noinline)) static void make_routed(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(m, &k) = 11;
    struct route r = { &routed, &m };
    route(r);
}

__attribute__((noinline)) static void make_held(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 2;
    *(int *)gomap_assign(m, &k) = 22;
    struct holder h = { m };
    struct pair p = { &h, &held };
    swap_holders(&p);
    printf("left behind %d\n", h.m == NULL);
}

__attribute__((noinline)) static void make_tabled(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 3;
    *(int *)gomap_assign(m, &k) = 33;
    gomap **v[2] = { &tabled, &m };
    copy_slot(v);
}

static void show(const char *what, gomap *m, int k)
{
    int *v = gomap_access(m, &k);
    printf("%s: len %zu, [%d] = %d\n", what, gomap_len(m), k, v ? *v : -1);
    gomap_free(m);
}

int main(void)
{
    gomap *noise = filled(100);     /* the dead frames get reused before the reads */
    make_routed();
    make_held();
    make_tabled();
    show("noise", noise, 1);
    show("routed", routed, 1);
    show("held", held.m, 2);
    show("tabled", tabled, 3);
    return 0;
}
