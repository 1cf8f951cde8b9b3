// C port of the pointer-parameter and map cases of Go 1.19's test/escape2.go.
// Go's globals stay globals (gxx, xxx, F, pf, ptrMap), methods become functions
// taking the receiver first, map literals become gomap_make + gomap_assign and
// range becomes gomap_iter.  Omitted: cases that return the address of a
// parameter (foo3: undefined in C, GCC rewrites it to NULL), closures, slices,
// channels, interfaces and value receivers of struct type (no pointer parameter
// in C, hence no line).  Table: README.md.
// -Wno-dangling-pointer: storing addresses of locals into globals is the point.
//
// RUN: %cc -O0 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CLANG --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
#include <stdbool.h>
#include "gomap.h"

int *gxx;
long isink;

// Go: moved to heap: x.  Ours: &x escapes (x is the parameter).
// CHECK: {{.*}}:[[@LINE+1]]:15: &x escapes to heap
void foo1(int x)
{
    gxx = &x;
}

// Go: leaking param: yy.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:16: leaking param: yy
void foo2(int *yy)
{
    gxx = yy;
}

// Go (type T *T; *t = t): leaking param: t.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:19: leaking param: t
void foo3b(void **t)
{
    *t = t;
}

// Go: xx, yy do not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:16: xx does not escape
// CHECK: {{.*}}:[[@LINE+1]]:25: yy does not escape
void foo4(int *xx, int *yy)
{
    xx = yy;
    (void)xx;
}

// Go: xx, yy do not escape (xx = &yy, never used).  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:17: xx does not escape
// CHECK: {{.*}}:[[@LINE+1]]:26: yy does not escape
void foo5(int **xx, int *yy)
{
    xx = &yy;
    (void)xx;
}

// Go: xx does not escape; leaking param: yy.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:17: xx does not escape
// CHECK: {{.*}}:[[@LINE+1]]:26: leaking param: yy
void foo6(int **xx, int *yy)
{
    *xx = yy;
}

// Go: both leak to result ~r0 level=0.  Ours: only yy does: xx's incoming
// value is dead after `xx = yy` (SSA makes the analysis flow-sensitive for
// locals and parameters; better).  escape-clang, flow-insensitive like Go,
// says what Go says (docs/frontends.md).
// GCC: {{.*}}:[[@LINE+3]]:16: xx does not escape
// CLANG: {{.*}}:[[@LINE+2]]:16: leaking param: xx to result ~r0 level=0
// CHECK: {{.*}}:[[@LINE+1]]:25: leaking param: yy to result ~r0 level=0
int *foo9(int *xx, int *yy)
{
    xx = yy;
    return xx;
}

// Go: nothing.  Ours: nothing.
int foo11(void)
{
    int x = 0, y = 42;
    int *xx = &x;
    int *yy = &y;
    *xx = *yy;
    return x;
}

int **xxx;

// Go: leaking param: yyy.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:18: leaking param: yyy
void foo12(int **yyy)
{
    xxx = yyy;
}

// Go: leaking param content: yyy.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:18: leaking param content: yyy
void foo13(int **yyy)
{
    *xxx = *yyy;
}

// Go: moved to heap: yy.  Ours: &yy escapes, and with it the value yy holds
// (Go's heap copy of yy leaks too, it just does not say so).
// CHECK: {{.*}}:[[@LINE+2]]:17: leaking param: yy
// CHECK: {{.*}}:[[@LINE+1]]:17: &yy escapes to heap
void foo15(int *yy)
{
    xxx = &yy;
}

// Go: leaking param: yy.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:17: leaking param: yy
void foo16(int *yy)
{
    *xxx = yy;
}

// Go: moved to heap: y.  Ours: &y escapes.
// CHECK: {{.*}}:[[@LINE+1]]:16: &y escapes to heap
void foo18(int y)
{
    *xxx = &y;
}

// Go: nothing.  Ours: nothing.
void foo19(int y)
{
    **xxx = y;
}

struct Bar { int i; int *ii; };

// Go: leaking param: b to result ~r0 level=0.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:27: leaking param: b to result ~r0 level=0
int *Bar_Leak(struct Bar *b)
{
    return &b->i;
}

// Go: leaking param: b to result ~r0 level=1.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:33: leaking param: b to result ~r0 level=1
int *Bar_AlsoNoLeak(struct Bar *b)
{
    return b->ii;
}

int *x;

// Go: leaking param: xx.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:18: leaking param: xx
int fooleak(int *xx)
{
    x = xx;
    return *x;
}

// Go: moved to heap: x.  Ours: &x escapes (through fooleak's summary).
// CHECK: {{.*}}:[[@LINE+1]]:15: &x escapes to heap
int foo31(int x)
{
    return fooleak(&x);
}

struct Foo { int *xx; int x; };
struct Foo F;
struct Foo *pf;

// Go: leaking param: f.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:30: leaking param: f
void Foo_fooleak(struct Foo *f)
{
    pf = f;
}

// Go: leaking param: f.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:27: leaking param: f
void Foo_Leak(struct Foo *f)
{
    Foo_fooleak(f);
}

// Go: moved to heap: x.  Ours: &x escapes.
// CHECK: {{.*}}:[[@LINE+1]]:16: &x escapes to heap
void foo41(int x)
{
    F.xx = &x;
}

// Go: f does not escape; moved to heap: x.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:24: f does not escape
// CHECK: {{.*}}:[[@LINE+1]]:31: &x escapes to heap
void foo43(struct Foo *f, int x)
{
    f->xx = &x;
}

// Go: leaking param: yy.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:17: leaking param: yy
void foo44(int *yy)
{
    F.xx = yy;
}

// Go: leaking param content: f.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:28: leaking param content: f
void Foo_foo46(struct Foo *f)
{
    F.xx = f->xx;
}

// Go: leaking param: f.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:28: leaking param: f
void Foo_foo47(struct Foo *f)
{
    f->xx = &f->x;
}

gomap *ptrMap;

// Go: leaking param: i.  Ours: the same (ptrMap is a global map).
// CHECK: {{.*}}:[[@LINE+1]]:17: leaking param: i
void foo51(int *i)
{
    *(int **)gomap_assign(ptrMap, &i) = i;
}

// Go: leaking param: x; map literal escapes.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:19: leaking param: x
gomap *foo90(int *x)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    int *nil = NULL;
    *(int **)gomap_assign(m, &nil) = x;
    return m;
}

// Go: leaking param: x; map literal escapes.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:19: leaking param: x
gomap *foo91(int *x)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    *(int **)gomap_assign(m, &x) = NULL;
    return m;
}

// Go: leaking param: m to result ~r0 level=1 (keys and values are returned).
// Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:19: leaking param: m to result ~r0 level=1
int *foo94(gomap *m, bool b)
{
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v)) {
        if (b)
            return *(int **)k;
        return *(int **)v;
    }
    return NULL;
}

// Go: m does not escape; leaking param: x.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:19: m does not escape
// CHECK: {{.*}}:[[@LINE+1]]:27: leaking param: x
void foo95(gomap *m, int *x)
{
    *(int **)gomap_assign(m, &x) = x;
}

// Go (map[int]*int, return m[0]): m does not escape, because Go sends everything
// stored into any map to the heap, so what comes out of one needs no tracking.
// We keep what a map holds with the map, so a value read out of the caller's map
// and returned is m's content flowing to the result: leaking param: m to result
// ~r0 level=1 (Go's answer for a slice, foo96).  Worse for m, the price of map0.
// CHECK: {{.*}}:[[@LINE+1]]:19: leaking param: m to result ~r0 level=1
int *foo98(gomap *m)
{
    int zero = 0;
    int **v = gomap_access(m, &zero);
    return v ? *v : NULL;
}

// Go: leaking param: x; map literal escapes.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:20: leaking param: x
gomap *foo107(int *x)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    *(int **)gomap_assign(m, &x) = NULL;
    return m;
}

// Go: leaking param: x; map literal escapes.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:20: leaking param: x
gomap *foo108(int *x)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    int *nil = NULL;
    *(int **)gomap_assign(m, &nil) = x;
    return m;
}

// Go: leaking param: x (a key read back is returned); the map does not escape.
// Ours: x leaks to the result (level=0: the returned key is x itself); the map
// does not escape.  Better: Go cannot say where x goes.  escape-clang, which does
// not follow the map to its descriptor, reads the key &x points to as data (a key
// of unknown size): Go's answer.
// GCC: {{.*}}:[[@LINE+2]]:18: leaking param: x to result ~r0 level=0
// CLANG: {{.*}}:[[@LINE+1]]:18: leaking param: x
int *foo109(int *x)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    *(int **)gomap_assign(m, &x) = NULL;
    int *r = NULL;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    if (gomap_iter_next(&it, &k, &v))
        r = *(int **)k;
    gomap_free(m);
    return r;
}

// Go: leaking param: x (m[nil] is returned); the map does not escape.
// Ours: leaking param: x to result ~r0 level=0; the map does not escape (better).
// CHECK: {{.*}}:[[@LINE+1]]:18: leaking param: x to result ~r0 level=0
int *foo110(int *x)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int*]int*) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int*, int*), 0);
    int *nil = NULL;
    *(int **)gomap_assign(m, &nil) = x;
    int *r = *(int **)gomap_access(m, &nil);
    gomap_free(m);
    return r;
}

// Go: make(map[int]int) does not escape.  Ours: the same.
void makemap0(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 0;
    *(int *)gomap_assign(m, &k) = 0;
    k = 1;
    ++*(int *)gomap_assign(m, &k);
    gomap_delete(m, &k);
    k = 0;
    isink = *(int *)gomap_access(m, &k);
    gomap_free(m);
}

// Go: make(map[int]int) escapes to heap.  Ours: the same.
gomap *makemap1(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    return gomap_make(GOMAP_TYPE(int, int), 0);
}

void *sink;

// Go: make(map[int]int) escapes to heap.  Ours: the same.
void makemap2(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    sink = m;
}

// Go (nonescapingEface: m[k] read as a bool): m does not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:30: m does not escape
bool nonescapingEface(gomap *m)
{
    gostring k = GOSTR("foo");
    bool *v = gomap_access(m, &k);
    return v && *v;
}
