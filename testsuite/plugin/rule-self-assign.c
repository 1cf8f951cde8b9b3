// Rule: Go's self-assignment rule (`val.x = val.y`) for one object only.  A
// store into *p (p a pointer parameter, plus offsets) of a value loaded from
// *p adds no edge; two levels down a level of p's memory spans several objects
// (a caller's local and a global), so each shape below is a flow the caller's
// graph lacks and p's content leaks.  exec/self-assign.c runs these shapes.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

struct holder { gomap *m; };
struct pair { struct holder *a, *b; };

// Level 1: one object.
// CHECK: {{.*}}:[[@LINE+1]]:29: p does not escape
void level_one(struct pair *p)
{
    p->a = p->b;
}

// Level 1 through offsets into an array of holders: still one object.
// CHECK: {{.*}}:[[@LINE+1]]:30: p does not escape
void in_array(struct holder *p)
{
    p[0].m = p[1].m;
}

// Two holders swap their maps.
// CHECK: {{.*}}:[[@LINE+1]]:29: leaking param content: p
void swap_maps(struct pair *p)
{
    gomap *t = p->a->m;
    p->a->m = p->b->m;
    p->b->m = t;
}

struct ab { gomap *a, *b; };
struct xy { struct ab *x, *y; };

// CHECK: {{.*}}:[[@LINE+1]]:23: leaking param content: p
void cross(struct xy *p)
{
    p->y->a = p->x->b;
}

// A table of pointers.
// CHECK: {{.*}}:[[@LINE+1]]:26: leaking param content: v
void table_copy(gomap ***v)
{
    *v[0] = *v[1];
}

struct ref { gomap **dst, **src; };

// A struct by value holding two pointers: no -m line for a struct parameter,
// but what it points to escapes (the caller's map, below).
void by_value(struct ref r)
{
    *r.dst = *r.src;
}

// CHECK: {{.*}}:[[@LINE+1]]:28: leaking param content: out
void make_by_value(gomap **out)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    struct ref r = { out, &m };
    by_value(r);
}

// An entry moved between two sub-maps of a map.
// CHECK: {{.*}}:[[@LINE+1]]:24: leaking param content: outer
void move_entry(gomap *outer)
{
    int from = 0, to = 1, key = 7;
    gomap *a = *(gomap **)gomap_access(outer, &from);
    gomap *b = *(gomap **)gomap_access(outer, &to);
    *(gomap **)gomap_assign(b, &key) = *(gomap **)gomap_access(a, &key);
}

struct job { gomap_iter *it; gomap **mp; };

// CHECK: {{.*}}:[[@LINE+1]]:28: leaking param content: j
void start_job(struct job *j)
{
    gomap_iter_init(j->it, *j->mp);
}
