// Rule (maps made by helpers, docs/design.md "Maps made by helpers"): a map a
// function makes and hands to its caller only as its result or through an
// out-parameter (`*p = m`) is made in the caller's storage when the caller keeps
// it: the caller's line at the call names the helper ("make(...) made by H") and
// gives the verdict for that call; the helper's own make keeps its verdict
// (escapes to heap: callers that do not give storage, and other units, get the
// heap).  Through nested helpers, at -O0 as at -O2, whether or not GCC inlines.
// Helpers that keep the map elsewhere, make it in a loop or under setjmp, recurse,
// or whose address is taken keep today's verdicts: no line at their callers.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// The caller's storage counts against the caller's frame budget:
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-frame-limit=100 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=FRAME
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-recursive-frame-limit=50 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=RFRAME
// In the JSON record, the call's site names the helper's make; the helper's make says how it
// reaches its callers.
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-json=%t.json -o /dev/null
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
#include <setjmp.h>
#include <stdlib.h>
#include "gomap.h"

gomap *kept;
extern void use(gomap *m);

// ---- helpers whose maps their callers may keep ----

static gomap *counter_new(void)
{
    // CHECK: {{.*}}:[[@LINE+2]]:12: make(map[int]int) escapes to heap
    // JSON-DAG: "line": [[@LINE+1]], "col": 12, {{.*}}"function": "counter_new", {{.*}}"escapes": true, {{.*}}"made_by": null, "for_caller": ["~r0"]}
    return gomap_make(GOMAP_TYPE(int, int), 0);
}

// A constructor calling a constructor: the inner call's map is wc_make's output.
static gomap *wc_make(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) made by counter_new escapes to heap
    return counter_new();
}

struct index { gomap *by_id; gomap *by_name; int n; };

// Out-parameter constructor: two maps through one parameter.
// CHECK: {{.*}}:[[@LINE+1]]:31: ix does not escape
void index_init(struct index *ix)
{
    // CHECK: {{.*}}:[[@LINE+1]]:17: make(map[int]int) escapes to heap
    ix->by_id = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:19: make(map[int]double) escapes to heap
    ix->by_name = gomap_make(GOMAP_TYPE(int, double), 0);
    ix->n = 0;
}

// Nested out-parameter constructor.
struct db { int tag; struct index ix; };
// CHECK: {{.*}}:[[@LINE+1]]:25: d does not escape
void db_init(struct db *d)
{
    d->tag = 1;
    // CHECK: {{.*}}:[[@LINE+2]]:5: make(map[int]int) made by index_init escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]double) made by index_init escapes to heap
    index_init(&d->ix);
}

// The hint comes from the caller: not a constant, so the bucket goes on the
// caller's stack (the runtime uses it when the hint fits one bucket).
static gomap *sized(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    return gomap_make(GOMAP_TYPE(int, int), n);
}

// ---- callers ----

size_t local_use(void)
{
    // CHECK: {{.*}}:[[@LINE+3]]:16: make(map[int]int) made by counter_new does not escape
    // FRAME: {{.*}}:[[@LINE+2]]:16: make(map[int]int) made by counter_new buckets escape to heap: stack frame limit
    // JSON-DAG: "line": [[@LINE+1]], "col": 16, {{.*}}"function": "local_use", {{.*}}"verdict": "does not escape", {{.*}}"made_by": {"function": "counter_new", "file": "{{.*}}rule-constructor.c", "line": {{[0-9]+}}, "col": 12, "system_header": false}, "for_caller": []}
    gomap *m = counter_new();
    int k = 1;
    *(int *)gomap_assign(m, &k) = 2;
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

// A recursive caller: its recursive frame budget pays for the helper's map.
size_t rec_caller(int n)
{
    // CHECK: {{.*}}:[[@LINE+2]]:16: make(map[int]int) made by counter_new does not escape
    // RFRAME: {{.*}}:[[@LINE+1]]:16: make(map[int]int) made by counter_new escapes to heap
    gomap *m = counter_new();
    size_t r = gomap_len(m) + (n ? rec_caller(n - 1) : 0);
    gomap_free(m);
    return r;
}

// One caller keeps the helper's map, another returns it.
gomap *pass_on(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) made by counter_new escapes to heap
    return counter_new();
}

void store_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) made by counter_new escapes to heap
    kept = counter_new();
}

void to_unknown(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) made by counter_new escapes to heap
    gomap *m = counter_new();
    use(m);
}

size_t nested(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) made by wc_make does not escape
    gomap *m = wc_make();
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

size_t out_param(void)
{
    struct index ix;
    // CHECK: {{.*}}:[[@LINE+2]]:5: make(map[int]int) made by index_init does not escape
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]double) made by index_init does not escape
    index_init(&ix);
    size_t n = gomap_len(ix.by_id) + gomap_len(ix.by_name);
    gomap_free(ix.by_id);
    gomap_free(ix.by_name);
    return n;
}

// Two out-parameters.
// CHECK: {{.*}}:[[@LINE+2]]:31: a does not escape
// CHECK: {{.*}}:[[@LINE+1]]:42: b does not escape
static void pair_init(gomap **a, gomap **b)
{
    // CHECK: {{.*}}:[[@LINE+1]]:10: make(map[int]int) escapes to heap
    *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:10: make(map[int]double) escapes to heap
    *b = gomap_make(GOMAP_TYPE(int, double), 0);
}

// Only one of the two maps is kept: the clone gets NULL storage for the other,
// which it makes on the heap.
void out_param_half(void)
{
    gomap *y;
    // CHECK: {{.*}}:[[@LINE+2]]:5: make(map[int]int) made by pair_init escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]double) made by pair_init does not escape
    pair_init(&kept, &y);
    gomap_free(y);
}

size_t nested_out(void)
{
    struct db d;
    // CHECK: {{.*}}:[[@LINE+2]]:5: make(map[int]int) made by db_init does not escape
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]double) made by db_init does not escape
    db_init(&d);
    size_t n = gomap_len(d.ix.by_id);
    gomap_free(d.ix.by_id);
    gomap_free(d.ix.by_name);
    return n;
}

// Out-parameter whose struct escapes: both maps with it.
struct index gix;
void out_param_global(void)
{
    // CHECK: {{.*}}:[[@LINE+2]]:5: make(map[int]int) made by index_init escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]double) made by index_init escapes to heap
    index_init(&gix);
}

// Out-parameter into memory from malloc: the maps go where that memory goes.
struct index *out_param_malloc(void)
{
    struct index *ix = malloc(sizeof *ix);
    // CHECK: {{.*}}:[[@LINE+2]]:5: make(map[int]int) made by index_init escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]double) made by index_init escapes to heap
    index_init(ix);
    return ix;
}

size_t with_hint(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) made by sized does not escape
    gomap *m = sized(n);
    size_t r = gomap_len(m);
    gomap_free(m);
    return r;
}

// In a loop, each iteration's map dies with it: the storage is reused.
size_t in_loop(int n)
{
    size_t s = 0;
    for (int i = 0; i < n; i++) {
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) made by counter_new does not escape
        gomap *m = counter_new();
        *(int *)gomap_assign(m, &i) = i;
        s += gomap_len(m);
        gomap_free(m);
    }
    return s;
}

// Twice in a loop, both kept: one site, two live maps.
size_t twice_in_loop(void)
{
    gomap *ms[2];
    for (int i = 0; i < 2; i++)
        // CHECK: {{.*}}:[[@LINE+1]]:17: make(map[int]int) made by counter_new escapes to heap
        ms[i] = counter_new();
    size_t n = gomap_len(ms[0]) + gomap_len(ms[1]);
    gomap_free(ms[0]);
    gomap_free(ms[1]);
    return n;
}

// A caller that calls setjmp: as for its own gomap_make, a map made before the
// setjmp is made once per frame, and the frame lives whenever longjmp can return
// into it: on the stack.  (A call after the setjmp counts one loop deeper.)
jmp_buf jb;
size_t caller_setjmp(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) made by counter_new does not escape
    gomap *m = counter_new();
    if (setjmp(jb))
        return gomap_len(m);
    gomap_free(m);
    return 0;
}

size_t caller_setjmp_after(void)
{
    if (setjmp(jb))
        return 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) made by counter_new escapes to heap
    gomap *m = counter_new();
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

// ---- helpers that keep today's behaviour: no line at their callers ----

// Also stored globally by the helper.
static gomap *leaky_new(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    kept = m;
    return m;
}

// Made in a loop in the helper: the last of several.
static gomap *last_of(int n)
{
    gomap *m = NULL;
    for (int i = 0; i < n; i++) {
        gomap_free(m);
        // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int]int) escapes to heap
        m = gomap_make(GOMAP_TYPE(int, int), 0);
    }
    return m;
}

// Made after setjmp in the helper.
static jmp_buf hjb;
static gomap *after_setjmp(void)
{
    if (setjmp(hjb))
        return NULL;
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    return gomap_make(GOMAP_TYPE(int, int), 0);
}

// Recursive.
static gomap *rec_new(int n)
{
    if (n > 0)
        return rec_new(n - 1);
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    return gomap_make(GOMAP_TYPE(int, int), 0);
}

// Address taken.
static gomap *addr_new(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    return gomap_make(GOMAP_TYPE(int, int), 0);
}
gomap *(*addr_fp)(void) = addr_new;

// Variadic: no clone can take storage parameters after the `...`.
static gomap *var_new(int n, ...)
{
    (void)n;
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    return gomap_make(GOMAP_TYPE(int, int), 0);
}

// The pointer stored through is the parameter at first, and a local later (a store
// resolved in a later round gives q its second target): the map also reaches `kept`.
// CHECK: {{.*}}:[[@LINE+1]]:32: p does not escape
static void retargeted(gomap **p, int c)
{
    gomap **q;
    gomap *local = NULL;
    gomap ***qq = &q;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    q = p;
again:
    *q = m;
    if (c--) {
        *qq = &local;
        goto again;
    }
    kept = local;
}

size_t keeps_today(void)
{
    gomap *a = leaky_new();
    gomap *b = last_of(3);
    gomap *c = after_setjmp();
    gomap *d = rec_new(2);
    gomap *e = addr_new();
    gomap *f = var_new(0);
    gomap *g;
    retargeted(&g, 1);
    size_t n = gomap_len(a) + gomap_len(b) + gomap_len(c) + gomap_len(d) + gomap_len(e)
               + gomap_len(f) + gomap_len(g);
    gomap_free(b);
    gomap_free(c);
    gomap_free(d);
    gomap_free(e);
    gomap_free(f);
    return n;
}
