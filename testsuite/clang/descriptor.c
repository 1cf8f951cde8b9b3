// Both front ends: the map type and the bucket.  The descriptor is read from
// GOMAP_TYPE / GOMAP_TYPE_STR or a const descriptor defined in the unit (an
// extern one or another layout version stays unresolved: header on the stack,
// bucket on the heap); a constant hint above 8 or a key+value size above
// max-kv-size keeps the bucket on the heap.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,CLANG --allow-unused-prefixes --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-max-kv-size=16 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=KV16
// RUN: %root/build/escape-clang -m --max-kv-size=16 %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=KV16
#include "gomap.h"

typedef struct { char bytes[200]; } big;
extern const gomap_type extern_type;
static const gomap_type own_type = { GOMAP_LAYOUT_VERSION, 8, 16, 8, 8, 0, "map[id]point" };
static const gomap_type future_type = { GOMAP_LAYOUT_VERSION + 1, 8, 16, 8, 8, 0, "map[id]point" };
enum { HINT = 8 };

size_t hints(size_t n)
{
    // KV16: {{.*}}:[[@LINE+2]]:16: make(map[int]int, 8) does not escape
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int, 8) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 8);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int, 9) buckets escape to heap: hint 9 > 8
    gomap *b = gomap_make(GOMAP_TYPE(int, int), HINT + 1);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *c = gomap_make(GOMAP_TYPE(int, int), n);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int, 9223372036854775807) buckets escape to heap: hint 9223372036854775807 > 8
    gomap *d = gomap_make(GOMAP_TYPE(int, int), (size_t)-1);
    size_t s = gomap_len(a) + gomap_len(b) + gomap_len(c) + gomap_len(d);
    gomap_free(a); gomap_free(b); gomap_free(c); gomap_free(d);
    return s;
}

size_t sizes(void)
{
    // KV16: {{.*}}:[[@LINE+2]]:16: make(map[long]big) buckets escape to heap: key+value size 208 > 16
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[long]big) buckets escape to heap: key+value size 208 > 128
    gomap *a = gomap_make(GOMAP_TYPE(long, big), 0);
    // KV16: {{.*}}:[[@LINE+2]]:16: make(map[gostring]double) buckets escape to heap: key+value size 24 > 16
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[gostring]double) does not escape
    gomap *b = gomap_make(GOMAP_TYPE_STR(double), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[char]char[120]) does not escape
    gomap *c = gomap_make(GOMAP_TYPE(char, char[120]), 0);
    size_t s = gomap_len(a) + gomap_len(b) + gomap_len(c);
    gomap_free(a); gomap_free(b); gomap_free(c);
    return s;
}

size_t descriptors(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[id]point) does not escape
    gomap *a = gomap_make(&own_type, 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *b = gomap_make(&extern_type, 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *c = gomap_make(&future_type, 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[id]point) does not escape
    gomap *d = gomap_make((const gomap_type *)&own_type, 0);
    size_t s = gomap_len(a) + gomap_len(b) + gomap_len(c) + gomap_len(d);
    gomap_free(a); gomap_free(b); gomap_free(c); gomap_free(d);
    return s;
}
