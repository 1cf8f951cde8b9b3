// C port of the pointer-parameter cases of Go 1.19's test/escape_param.go.
// Go's `sink interface{}` becomes `void *sink` (or a global of the stored type),
// methods become functions taking the receiver first, &T{...} of a local that
// Go keeps on the stack becomes a local struct, and &T{...} that Go moves to the
// heap becomes malloc.  Omitted: param1 (two results), param11 (returns the
// address of its parameter: undefined in C, and GCC rewrites it to NULL), and
// param14a (interface boxing).  Go's self-assignment rule ("ignoring
// self-assignment in p.p1 = p.p2") is kept to one object: a value read from *p
// and stored back into *p gives the caller nothing new, whatever the indices;
// deeper (box->pair->p1 = box->pair->p2) it is not applied.  Non-pointer parameters (Go's value receivers) get
// no line.  Table: README.md.
// -Wno-dangling-pointer: storing addresses of locals into globals is the point.
//
// RUN: %cc -O0 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <stdlib.h>

void *sink;
long isink;

// in -> out.  Go: leaking param: p to result ~r0 level=0.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:18: leaking param: p to result ~r0 level=0
int *param0(int *p)
{
    return p;
}

// Go: nothing.  Ours: nothing.
void caller0a(void)
{
    int i = 0;
    isink = *param0(&i);
}

// Go: moved to heap: i.  Ours: the same.
void caller0b(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    sink = param0(&i);
}

// in -> other in.  Go: leaking param: p1; p2 does not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:18: leaking param: p1
// CHECK: {{.*}}:[[@LINE+1]]:28: p2 does not escape
void param2(int *p1, int **p2)
{
    *p2 = p1;
}

// Go: moved to heap: i.  Ours: the same (param2 leaks p1).
void caller2a(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int *p;
    param2(&i, &p);
    isink = *p;
}

// Go: moved to heap: i.  Ours: the same.
void caller2b(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int *p;
    param2(&i, &p);
    sink = p;
}

struct Pair { int *p1, *p2; };
struct PairOfPairs { struct Pair *pairs[2]; };
struct BoxedPair { struct Pair *pair; };
struct WrappedPair { struct Pair pair; };

// Go: p does not escape (self-assignment ignored).  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:47: p does not escape
void paramArraySelfAssign(struct PairOfPairs *p)
{
    p->pairs[0] = p->pairs[1];
}

int zero(void) { return 0; }

// Go: leaking param content: p (the call in the index defeats Go's rule).
// Ours: p does not escape: what is stored was read through p (better).
// CHECK: {{.*}}:[[@LINE+1]]:58: p does not escape
void paramArraySelfAssignUnsafeIndex(struct PairOfPairs *p)
{
    p->pairs[zero()] = p->pairs[1];
    p->pairs[zero() + 1] = p->pairs[1];
}

// Go: leaking param: x.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:22: leaking param: x
void leakParam(void *x)
{
    sink = x;
}

// Go: leaking param content: box.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:49: leaking param content: box
void sinkAfterSelfAssignment1(struct BoxedPair *box)
{
    box->pair->p1 = box->pair->p2;
    sink = box->pair->p2;
}

// Go: leaking param content: box.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:49: leaking param content: box
void sinkAfterSelfAssignment2(struct BoxedPair *box)
{
    box->pair->p1 = box->pair->p2;
    sink = box->pair;
}

// Go: leaking param content: box.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:49: leaking param content: box
void sinkAfterSelfAssignment3(struct BoxedPair *box)
{
    box->pair->p1 = box->pair->p2;
    leakParam(box->pair->p2);
}

// Go: leaking param content: box.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:49: leaking param content: box
void sinkAfterSelfAssignment4(struct BoxedPair *box)
{
    box->pair->p1 = box->pair->p2;
    leakParam(box->pair);
}

// Go: box1 does not escape, leaking param content: box2.  Ours (worse): box1's
// content leaks too: the self-assignment rule is kept to one object reached
// at one dereference (box1->pair->p1 is two levels down, see selfAssign).
// CHECK: {{.*}}:[[@LINE+2]]:51: leaking param content: box1
// CHECK: {{.*}}:[[@LINE+1]]:75: leaking param content: box2
void selfAssignmentAndUnrelated(struct BoxedPair *box1, struct BoxedPair *box2)
{
    box1->pair->p1 = box1->pair->p2;
    leakParam(box2->pair->p2);
}

// Go: box1 does not escape, leaking param content: box2.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:43: box1 does not escape
// CHECK: {{.*}}:[[@LINE+1]]:67: leaking param content: box2
void notSelfAssignment1(struct BoxedPair *box1, struct BoxedPair *box2)
{
    box1->pair->p1 = box2->pair->p1;
}

// Go: p1 does not escape, leaking param content: p2.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:45: p1 does not escape
// CHECK: {{.*}}:[[@LINE+1]]:69: leaking param content: p2
void notSelfAssignment2(struct PairOfPairs *p1, struct PairOfPairs *p2)
{
    p1->pairs[0] = p2->pairs[1];
}

// Go: p1 does not escape, leaking param content: p2.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:45: p1 does not escape
// CHECK: {{.*}}:[[@LINE+1]]:69: leaking param content: p2
void notSelfAssignment3(struct PairOfPairs *p1, struct PairOfPairs *p2)
{
    p1->pairs[0]->p1 = p2->pairs[1]->p1;
}

// Go: box does not escape (self-assignment).  Ours (worse): leaking param
// content: box.  Go's isSelfAssign accepts it because the prefix box.pair is
// the same expression on both sides; our rule looks at levels of box's memory,
// and two levels down a level spans several objects (a caller's box may hold a
// local pair or a global one; `b->x->p1 = b->y->p2` has the same levels), so
// only level 1 (box->f = box->g, one object) is dropped.
// CHECK: {{.*}}:[[@LINE+1]]:44: leaking param content: box
void boxedPairSelfAssign(struct BoxedPair *box)
{
    box->pair->p1 = box->pair->p2;
}

// Go: w does not escape (self-assignment).  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:48: w does not escape
void wrappedPairSelfAssign(struct WrappedPair *w)
{
    w->pair.p1 = w->pair.p2;
}

// in -> in.  Go: p does not escape (self-assignment).  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:26: p does not escape
void param3(struct Pair *p)
{
    p->p1 = p->p2;
}

// Go: nothing.  Ours: nothing.
void caller3a(void)
{
    int i = 0;
    int j = 0;
    struct Pair p = { &i, &j };
    param3(&p);
    isink = *p.p1;
}

struct Pair psink;

// Go: i, j moved to heap; "p escapes to heap" (boxing).  Ours: i and j escape.
void caller3b(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &j escapes to heap
    int j = 0;
    struct Pair p = { &i, &j };
    param3(&p);
    psink = p;
}

// in -> rcvr.  Go: p does not escape, leaking param: i.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:26: p does not escape
// CHECK: {{.*}}:[[@LINE+1]]:34: leaking param: i
void param4(struct Pair *p, int *i)
{
    p->p1 = i;
}

// Go: moved to heap: i.  Ours: the same.
void caller4a(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    struct Pair p = { 0, 0 };
    param4(&p, &i);
    isink = *p.p1;
}

// Go: moved to heap: i; p escapes (boxing).  Ours: i escapes.
void caller4b(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    struct Pair p = { 0, 0 };
    param4(&p, &i);
    psink = p;
}

// in -> heap.  Go: leaking param: i.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:18: leaking param: i
void param5(int *i)
{
    sink = i;
}

// Go: moved to heap: i.  Ours: the same.
void caller5(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    param5(&i);
}

// *in -> heap.  Go: leaking param content: i.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:20: leaking param content: i
void param6(int ***i)
{
    sink = *i;
}

// Go: i, p moved to heap.  Ours: the same.
void caller6a(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p escapes to heap
    int *p = &i;
    int **p2 = &p;
    param6(&p2);
}

// **in -> heap.  Go: leaking param content: i.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:20: leaking param content: i
void param7(int ***i)
{
    sink = **i;
}

// Go: moved to heap: i.  Ours: the same.
void caller7(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int *p = &i;
    int **p2 = &p;
    param7(&p2);
}

// *in -> out.  Go: leaking param: p to result ~r0 level=1.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:21: leaking param: p to result ~r0 level=1
int **param9(int ***p)
{
    return *p;
}

// Go: nothing.  Ours: nothing.
void caller9a(void)
{
    int i = 0;
    int *p = &i;
    int **p2 = &p;
    isink = **param9(&p2);
}

// Go: i, p moved to heap.  Ours: the same.
void caller9b(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p escapes to heap
    int *p = &i;
    int **p2 = &p;
    sink = param9(&p2);
}

// **in -> out.  Go: leaking param: p to result ~r0 level=2.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:21: leaking param: p to result ~r0 level=2
int *param10(int ***p)
{
    return **p;
}

// Go: nothing.  Ours: nothing.
void caller10a(void)
{
    int i = 0;
    int *p = &i;
    int **p2 = &p;
    isink = *param10(&p2);
}

// Go: moved to heap: i.  Ours: the same.
void caller10b(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int *p = &i;
    int **p2 = &p;
    sink = param10(&p2);
}

// &in -> rcvr.  Go: r does not escape; moved to heap: i (the parameter).
// Ours: r does not escape; &i escapes (the parameter's own storage), and with
// it the value i holds.
struct Indir { int ***p; };
// CHECK: {{.*}}:[[@LINE+3]]:28: r does not escape
// CHECK: {{.*}}:[[@LINE+2]]:37: leaking param: i
// CHECK: {{.*}}:[[@LINE+1]]:37: &i escapes to heap
void param12(struct Indir *r, int **i)
{
    r->p = &i;
}

// Go: i, p moved to heap.  Ours: the same (param12 stores its parameter, the
// address of p, into memory we do not bound).
void caller12a(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p escapes to heap
    int *p = &i;
    struct Indir r = { 0 };
    param12(&r, &p);
}

// Go: i, p moved to heap; r (sink = r, boxing).  Ours: i, p escape.
struct Indir rsink;
void caller12c(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p escapes to heap
    int *p = &i;
    struct Indir r = { 0 };
    param12(&r, &p);
    rsink = r;
}

// in -> value rcvr.  Go: v does not escape (a struct: no line here), leaking
// param: i.  Ours: leaking param: i.
struct Val { int **p; };
// CHECK: {{.*}}:[[@LINE+1]]:33: leaking param: i
void param13(struct Val v, int *i)
{
    *v.p = i;
}

// Go: moved to heap: i.  Ours: the same.
void caller13a(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int *p;
    struct Val v;
    v.p = &p;
    param13(v, &i);
    isink = *p;
}

// Go: i, p moved to heap.  Ours: the same.
struct Val vsink;
void caller13d(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p escapes to heap
    int *p;
    struct Val v;
    v.p = &p;
    param13(v, &i);
    vsink = v;
}

// Go (v := &Val{&p}, sink = v): i, p moved; &Val{...} escapes to heap.
// Ours: i, p and the struct vv escape.
void caller13f(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p escapes to heap
    int *p;
    // CHECK: {{.*}}:[[@LINE+1]]:16: &vv escapes to heap
    struct Val vv = { &p };
    struct Val *v = &vv;
    param13(*v, &i);
    sink = v;
}

// Go: moved to heap: i.  Ours: the same.
void caller13g(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int *p;
    struct Val v = { &p };
    param13(v, &i);
    sink = *v.p;
}

struct Node { struct Node *p; };
struct Node *Sink;

// Go: leaking param content: x (&Node{x.p} escapes).  Ours: the same (malloc'd).
// CHECK: {{.*}}:[[@LINE+1]]:21: leaking param content: x
void f(struct Node *x)
{
    struct Node *n = malloc(sizeof *n);
    n->p = x->p;
    Sink = n;
}

// Go: leaking param content: x.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:29: leaking param content: x
struct Node *g(struct Node *x)
{
    struct Node *n = malloc(sizeof *n);
    n->p = x->p;
    return n;
}

// Go: leaking param: x; &Node{x} does not escape.  Ours: the same (y stays).
// CHECK: {{.*}}:[[@LINE+1]]:21: leaking param: x
void h(struct Node *x)
{
    struct Node y = { x };
    Sink = g(&y);
    f(&y);
}

// Go (param14b, a pointer converted to a direct interface): leaking param: x to
// result ~r0 level=0.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:21: leaking param: x to result ~r0 level=0
void *param14b(int *x)
{
    return x;
}
