// Stores that look like Go's self-assignment (`val.x = val.y`) but move a value
// between two different objects reached through one parameter: two levels below
// the parameter a level spans several objects (here a caller's local and a
// global), so each helper hands the caller's map to a global.  Go's rule is
// only sound for one object (level 1: `p->x = p->y`); a plugin that skips these
// stores puts the map on the stack and the reads after the maker returned are
// stack-use-after-return reports.  Shapes: two holders swapping their maps,
// `p->y->a = p->x->b`, `*v[0] = *v[1]` over a table of pointers, a struct passed
// by value holding two pointers, an entry moved between two sub-maps of a map,
// gomap_iter_init(j->it, *j->mp) through a job struct.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %t.heap > %t.heap.out
// RUN: %t.stack > %t.stack.out
// RUN: %t.stack0 > %t.stack0.out
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: %FileCheck %s < %t.stack.out
#include <stdio.h>
#include <string.h>
#include "maps.h"

/* 1. Two holders swap their maps. */
struct holder { gomap *m; };
struct pair { struct holder *a, *b; };
static struct holder g_holder;

static NOINL void swap_maps(struct pair *p)
{
    gomap *t = p->a->m;
    p->a->m = p->b->m;
    p->b->m = t;
}

static NOINL long make_swap(void)
{
    LOCAL_MAP(m, 3, 10);
    struct holder mine = { m };
    struct pair pr = { &mine, &g_holder };
    swap_maps(&pr);
    return (long)gomap_len(mine.m);
}

/* 2. p->y->a = p->x->b */
struct ab { gomap *a, *b; };
struct xy { struct ab *x, *y; };
static struct ab g_ab;

static NOINL void cross(struct xy *p)
{
    p->y->a = p->x->b;
}

static NOINL void make_cross(void)
{
    LOCAL_MAP(m, 4, 20);
    struct ab mine = { NULL, m };
    struct xy q = { &mine, &g_ab };
    cross(&q);
}

/* 3. *v[0] = *v[1] over a table of pointers. */
static gomap *g_slot;

static NOINL void table_copy(gomap ***v)
{
    *v[0] = *v[1];
}

static NOINL void make_table(void)
{
    LOCAL_MAP(m, 5, 30);
    gomap **tab[2] = { &g_slot, &m };
    table_copy(tab);
}

/* 4. A struct by value holding two pointers. */
struct ref { gomap **dst, **src; };
static gomap *g_byval;

static NOINL void by_value(struct ref r)
{
    *r.dst = *r.src;
}

static NOINL void make_by_value(void)
{
    LOCAL_MAP(m, 6, 40);
    struct ref r = { &g_byval, &m };
    by_value(r);
}

/* 5. An entry moved between two sub-maps of a map. */
static NOINL void move_entry(gomap *outer)
{
    int from = 0, to = 1, key = 7;
    gomap *a = *(gomap **)gomap_access(outer, &from);
    gomap *b = *(gomap **)gomap_access(outer, &to);
    *(gomap **)gomap_assign(b, &key) = *(gomap **)gomap_access(a, &key);
}

static gomap *g_sub;            /* sub-map 1, global: map[int]*gomap */

static NOINL void make_move(void)
{
    LOCAL_MAP(m, 7, 50);
    gomap *sub0 = gomap_make(GOMAP_TYPE(int, gomap *), 0);
    int key = 7, zero = 0, one = 1;
    *(gomap **)gomap_assign(sub0, &key) = m;
    gomap *outer = gomap_make(GOMAP_TYPE(int, gomap *), 0);
    *(gomap **)gomap_assign(outer, &zero) = sub0;
    *(gomap **)gomap_assign(outer, &one) = g_sub;
    move_entry(outer);
    gomap_free(outer);
    gomap_free(sub0);
}

/* 6. gomap_iter_init(j->it, *j->mp) through a job struct. */
struct job { gomap_iter *it; gomap **mp; };
static gomap_iter g_iter;

static NOINL void start_job(struct job *j)
{
    gomap_iter_init(j->it, *j->mp);
}

static NOINL void make_job(void)
{
    LOCAL_MAP(m, 3, 60);
    struct job j = { &g_iter, &m };
    start_job(&j);
}

/* Attacks on the level-1 rule (the old rule caught these too). */
/* 7. The store pointer is a PHI of p and a global holder. */
static struct holder g_phi;

static NOINL void phi_ptr(struct holder *p, int c)
{
    struct holder *h = c ? p : &g_phi;
    h->m = p->m;
}

static NOINL void make_phi(int c)
{
    LOCAL_MAP(m, 3, 70);
    struct holder mine = { m };
    phi_ptr(&mine, c);
}

/* 8. The store pointer is rebound to a global through an address-taken local. */
static struct holder g_rebound;

static NOINL void rebind(struct holder *p, int c)
{
    struct holder *q = p;
    struct holder **qq = &q;
    gomap *v = q->m;
    if (c) *qq = &g_rebound;
    q->m = v;
}

static NOINL void make_rebind(int c)
{
    LOCAL_MAP(m, 4, 80);
    struct holder mine = { m };
    rebind(&mine, c);
}

/* 9. Recursion: each activation swaps the holders, the last one their maps. */
static struct holder g_rec;

static NOINL void pass(struct pair *p, int n)
{
    if (n) {
        struct pair q = { p->b, p->a };
        pass(&q, n - 1);
        return;
    }
    gomap *t = p->a->m;
    p->a->m = p->b->m;
    p->b->m = t;
}

static NOINL void make_rec(int n)
{
    LOCAL_MAP(m, 5, 90);
    struct holder mine = { m };
    struct pair pr = { &g_rec, &mine };
    pass(&pr, n);
}

/* 0. Level 1 through offsets into an array of holders: one object, the map
 * may stay on the stack. */
static NOINL void rot(struct holder *p)
{
    p[0].m = p[1].m;
}

static NOINL long make_rot(void)
{
    LOCAL_MAP(m, 6, 100);
    struct holder arr[2] = { { NULL }, { m } };
    rot(arr);
    long s = total(arr[0].m);
    gomap_free(m);
    return s;
}

/* An argument selects shapes ("135"), none runs all: ASan stops at the first
 * report, so each shape can be checked on its own. */
int main(int argc, char **argv)
{
    const char *only = argc > 1 ? argv[1] : "1234567890";
    if (strchr(only, '1')) {
        long n = make_swap();
        printf("swap: len=%ld total=%ld\n", n, total(g_holder.m));
    }
    if (strchr(only, '2')) {
        make_cross();
        printf("cross: total=%ld\n", total(g_ab.a));
    }
    if (strchr(only, '3')) {
        make_table();
        printf("table: total=%ld\n", total(g_slot));
    }
    if (strchr(only, '4')) {
        make_by_value();
        printf("by value: total=%ld\n", total(g_byval));
    }
    if (strchr(only, '5')) {
        g_sub = gomap_make(GOMAP_TYPE(int, gomap *), 0);
        make_move();
        int key = 7;
        printf("move: total=%ld\n", total(*(gomap **)gomap_access(g_sub, &key)));
    }
    if (strchr(only, '6')) {
        make_job();
        gomap *held = g_iter.h;         /* the iterator clears it at the end */
        long s = 0;
        void *k, *v;
        while (gomap_iter_next(&g_iter, &k, &v))
            s += *(int *)k * 1000L + *(int *)v;
        printf("job: sum=%ld\n", s);
        gomap_free(held);
    }
    if (strchr(only, '7')) {
        make_phi(0);
        printf("phi: total=%ld\n", total(g_phi.m));
    }
    if (strchr(only, '8')) {
        make_rebind(argc < 100);
        printf("rebind: total=%ld\n", total(g_rebound.m));
    }
    if (strchr(only, '9')) {
        make_rec(argc < 100);
        printf("recursion: total=%ld\n", total(g_rec.m));
    }
    if (strchr(only, '0'))
        printf("array: total=%ld\n", make_rot());
    return 0;
}
// CHECK: swap: len=0 total=3033
// CHECK: cross: total=6086
// CHECK: table: total=10160
// CHECK: by value: total=15255
// CHECK: move: total=21371
// CHECK: job: sum=3183
// CHECK: phi: total=3213
// CHECK: rebind: total=6326
// CHECK: recursion: total=10460
// CHECK: array: total=15615
