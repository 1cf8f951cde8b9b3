// Map calls specialised for the key kind: gomap_access/assign/delete on a map
// whose descriptor is known (through copies and PHIs, back to its gomap_make)
// become gomap_*_fast32/fast64/faststr, heap maps included; on a map placed on
// the stack with its first bucket, access and assign of 4-/8-byte keys become
// gomap_fast.h's one-bucket paths (static noinline functions of the unit,
// one copy each; at most 32 calls per function, none at -O0).  The JSON
// record lists each
// rewrite; transform=no leaves every call alone.
//
// RUN: %cc -O2 %s %plugin -fplugin-arg-escape-json=%t.json -c -o %t.o
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
// RUN: %not grep -E '"function": "(generic|put_public|put_mixed|put_aliased)", "verdict": "specialised"' %t.json
// RUN: nm %t.o | %FileCheck %s --check-prefix=SYMS
// RUN: %cc -O0 %s %plugin -c -o %t0.o && nm %t0.o | %FileCheck %s --check-prefix=SYMS0
// RUN: %cc -O2 %s %plugin -fplugin-arg-escape-transform=no -fplugin-arg-escape-json=%t.no.json -c -o %t.no.o
// RUN: %FileCheck %s --check-prefix=NO < %t.no.json
// RUN: nm %t.no.o | %FileCheck %s --check-prefix=NOSYMS
#include "gomap.h"
#include <stdint.h>

typedef struct { char b[16]; } k16;
typedef struct { char b[129]; } big;
typedef struct { int a, b; } pair;

uint64_t stack_u64(uint64_t k)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    *(uint64_t *)gomap_assign(m, &k) = 1;
    // JSON-DAG: {"kind": "call", "file": "{{.*}}specialise.c", "line": [[@LINE-1]], "col": 18, {{.*}}"function": "stack_u64", "verdict": "specialised", {{.*}}"call": "gomap_assign", "entry": "gomap_small_assign_fast64", "inline": true
    uint64_t *v = gomap_access(m, &k);
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"call": "gomap_access", "entry": "gomap_small_access_fast64", "inline": true
    bool d = gomap_delete(m, &k);
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"call": "gomap_delete", "entry": "gomap_delete_fast64", "inline": false
    uint64_t r = (v ? *v : 0) + d;
    gomap_free(m);
    return r;
}

gomap *heap_u32(uint32_t k)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint32_t, double), 0);
    *(double *)gomap_assign(m, &k) = 1;
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"function": "heap_u32", {{.*}}"entry": "gomap_assign_fast32", "inline": false
    return m;
}

int stack_u32_pair(pair p, int k)
{
    gomap *a = gomap_make(GOMAP_TYPE(int, pair), 0);
    gomap *b = gomap_make(GOMAP_TYPE(pair, int), 0);
    *(pair *)gomap_assign(a, &k) = p;
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"entry": "gomap_small_assign_fast32", "inline": true
    *(int *)gomap_assign(b, &p) = k;
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"entry": "gomap_small_assign_fast64", "inline": true
    int r = (int)gomap_len(a) + *(int *)gomap_access(b, &p);
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"entry": "gomap_small_access_fast64", "inline": true
    gomap_free(a);
    gomap_free(b);
    return r;
}

size_t strings(gostring s)
{
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    *(int *)gomap_assign(m, &s) = 1;
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"entry": "gomap_assign_faststr", "inline": false
    int *v = gomap_access(m, &s);
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"entry": "gomap_access_faststr", "inline": false
    size_t n = gomap_len(m) + (v != NULL);
    gomap_free(m);
    return n;
}

// Two makes of one layout meet in a PHI: specialised; a hint above 8 (no first
// bucket on the stack): the entry point, not the inline path.
uint64_t merged(int c, uint64_t k)
{
    gomap *m = c ? gomap_make(GOMAP_TYPE(uint64_t, int), 0) : gomap_make(GOMAP_TYPE(uint64_t, int), 0);
    gomap *h = gomap_make(GOMAP_TYPE(uint64_t, int), 100);
    *(int *)gomap_assign(m, &k) = 1;
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"function": "merged", {{.*}}"entry": "gomap_small_assign_fast64", "inline": true
    *(int *)gomap_assign(h, &k) = 2;
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"function": "merged", {{.*}}"entry": "gomap_assign_fast64", "inline": false
    uint64_t r = gomap_len(m) + gomap_len(h);
    gomap_free(m);
    gomap_free(h);
    return r;
}

// Through a static wrapper's parameter (every caller passes a map of one
// layout) and a static constructor's result.  A stack map and a heap map meet
// in put_u64: the entry point.  A public wrapper may be called from elsewhere,
// mixed layouts meet in put_mixed: not specialised.
static gomap *new_u64(void) { return gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0); }
static void put_u64(gomap *m, uint64_t k) { *(uint64_t *)gomap_assign(m, &k) = k; }
// JSON-DAG: "line": [[@LINE-1]], {{.*}}"function": "put_u64", {{.*}}"entry": "gomap_assign_fast64", "inline": false
static uint64_t *get_small(gomap *m, uint64_t k) { return gomap_access(m, &k); }
// JSON-DAG: "line": [[@LINE-1]], {{.*}}"function": "get_small", {{.*}}"entry": "gomap_small_access_fast64", "inline": true
void put_public(gomap *m, uint64_t k) { gomap_assign(m, &k); }
static void put_mixed(gomap *m, uint64_t k) { gomap_assign(m, &k); }
// Calls through an alias are the alias's: put_aliased's callers are not all known.
static void put_aliased(gomap *m, uint64_t k) { gomap_assign(m, &k); }
static void put_alias(gomap *m, uint64_t k) __attribute__((alias("put_aliased")));
gomap *wrappers(uint64_t k)
{
    gomap *h = new_u64();
    gomap *s = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    put_u64(h, k);
    put_u64(s, k);
    uint64_t *v = get_small(s, k);
    *(uint64_t *)gomap_access(h, &k) += v ? *v : 0;
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"function": "wrappers", {{.*}}"entry": "gomap_access_fast64", "inline": false
    put_mixed(s, k);
    put_mixed(gomap_make(GOMAP_TYPE(uint64_t, int), 0), k);
    put_aliased(s, k);
    put_alias(gomap_make(GOMAP_TYPE(uint64_t, int), 0), k);
    gomap_free(s);
    return h;
}

// A static constructor whose caller keeps the map gets a clone making it in the
// caller's storage (gomap_make_into, rewrite.cc): its calls are specialised as
// the constructor's own gomap_make's would be (the entry points: the storage
// may be NULL), through the wrapper's parameter too.
static gomap *new_kept(size_t hint) { return gomap_make(GOMAP_TYPE(uint64_t, uint64_t), hint); }
static void put_kept(gomap *m, uint64_t k) { *(uint64_t *)gomap_assign(m, &k) = k; }
// JSON-DAG: "line": [[@LINE-1]], {{.*}}"function": "put_kept", {{.*}}"entry": "gomap_assign_fast64", "inline": false
size_t kept(uint64_t k)
{
    gomap *m = new_kept(0);
    put_kept(m, k);
    uint64_t *v = gomap_access(m, &k);
    // JSON-DAG: "line": [[@LINE-1]], {{.*}}"function": "kept", {{.*}}"entry": "gomap_access_fast64", "inline": false
    size_t n = gomap_len(m) + (v != NULL);
    gomap_free(m);
    return n;
}

// Not specialised: a 16-byte key, a value over 128 bytes, a map from a
// parameter, two layouts meeting in a PHI, a map loaded from memory.
gomap *global;
size_t generic(gomap *param, int c, k16 key, uint64_t k)
{
    gomap *a = gomap_make(GOMAP_TYPE(k16, int), 0);
    gomap *b = gomap_make(GOMAP_TYPE(uint64_t, big), 0);
    gomap *d = c ? gomap_make(GOMAP_TYPE(uint64_t, int), 0) : gomap_make(GOMAP_TYPE(uint64_t, long), 0);
    gomap_assign(a, &key);
    gomap_assign(b, &k);
    gomap_assign(param, &k);
    gomap_assign(d, &k);
    gomap_assign(global, &k);
    size_t n = gomap_len(a) + gomap_len(b) + gomap_len(d);
    gomap_free(a);
    gomap_free(b);
    gomap_free(d);
    return n;
}

// SYMS-DAG: U gomap_access_fast64
// SYMS-DAG: U gomap_assign_fast64
// SYMS-DAG: U gomap_assign_fast32
// SYMS-DAG: U gomap_assign_faststr
// SYMS-DAG: U gomap_access_faststr
// SYMS-DAG: U gomap_delete_fast64
// SYMS-DAG: U gomap_assign
// The one-bucket paths are static functions of the unit, one copy each (noinline):
// SYMS-DAG: t gomap_small_access_fast64
// SYMS-DAG: t gomap_small_assign_fast64
// SYMS-DAG: t gomap_small_assign_fast32
// SYMS-NOT: {{ [TUW] }}gomap_small_
// SYMS-NOT: gomap_access{{$}}
// SYMS-NOT: gomap_delete{{$}}

// At -O0 (and -Os) the plugin calls the entry points only.
// SYMS0-DAG: U gomap_access_fast64
// SYMS0-DAG: U gomap_assign_fast64
// SYMS0-DAG: U gomap_assign_fast32
// SYMS0-NOT: gomap_small_

// NO-NOT: "kind": "call"
// NOSYMS-DAG: U gomap_access
// NOSYMS-DAG: U gomap_assign
// NOSYMS-DAG: U gomap_delete
// NOSYMS-NOT: _fast
