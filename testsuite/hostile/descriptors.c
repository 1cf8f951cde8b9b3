// Hostile inputs: descriptors the plugin cannot trust or read - a mutable
// (non-const) one changed before the make (its initializer says 4+4 bytes, the
// program makes it 4+100: the bucket must not be sized from the initializer), one
// passed as a parameter, NULL, one with a wrong layout version, one with a 2 GiB
// key, an element of a const array chosen at run time or by a constant index -
// all "key+value size unknown" (header on the stack only) - and zero-size keys and
// values, through a const pointer to a const descriptor, which are known; and
// another struct type cast to a descriptor, which is not.
// The program runs the same with and without the plugin under ASan.
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
// OUT: 5 0 1
// OUT-NEXT: 0 0 0 5
#include <stdio.h>
#include "gomap.h"
static gomap_type mutable_t = { GOMAP_LAYOUT_VERSION, sizeof(int), sizeof(int), _Alignof(int), _Alignof(int), 0, "map[int]int" };
typedef struct { char b[100]; } v100;
size_t mutated(void)
{
    mutable_t.valsize = sizeof(v100);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(&mutable_t, 0);
    for (int i = 0; i < 5; i++) { v100 *v = gomap_assign(m, &i); for (int j = 0; j < 100; j++) v->b[j] = (char)j; }
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}
// CHECK: {{.*}}:[[@LINE+1]]:37: t does not escape
size_t param_desc(const gomap_type *t)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(t, 0);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}
size_t null_desc(int c)
{
    if (c) return 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(NULL, 0);
    return gomap_len(m);
}
static const gomap_type zero_t = { GOMAP_LAYOUT_VERSION, 0, 0, 1, 1, 0, "map[z]z" };
size_t zero_sizes(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[z]z) does not escape
    gomap *m = gomap_make(&zero_t, 0);
    char k = 0;
    gomap_assign(m, &k);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}
static const gomap_type huge_t = { GOMAP_LAYOUT_VERSION, 1u << 31, 4, 1, 4, 0, "map[huge]int" };
size_t huge_sizes(int c)
{
    if (c) return 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(&huge_t, 0);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}
static const gomap_type badver_t = { 99, 4, 4, 4, 4, 0, "map[int]int" };
size_t bad_version(int c)
{
    if (c) return 0;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(&badver_t, 0);
    return gomap_len(m);
}
static const gomap_type *const tp = &zero_t;
// CHECK: {{.*}}:[[@LINE+1]]:41: make(map[z]z) does not escape
size_t via_const_ptr(void) { gomap *m = gomap_make(tp, 0); size_t n = gomap_len(m); gomap_free(m); return n; }
static const gomap_type arr[2] = { { GOMAP_LAYOUT_VERSION, 4, 4, 4, 4, 0, "map[a]a" }, { GOMAP_LAYOUT_VERSION, 8, 200, 8, 8, 0, "map[b]b" } };
// CHECK: {{.*}}:[[@LINE+1]]:39: make(map[?]?) buckets escape to heap: key+value size unknown
size_t from_array(int i) { gomap *m = gomap_make(&arr[i], 0); size_t n = gomap_len(m); gomap_free(m); return n; }
// CHECK: {{.*}}:[[@LINE+1]]:39: make(map[?]?) buckets escape to heap: key+value size unknown
size_t from_array1(void) { gomap *m = gomap_make(&arr[1], 0); size_t n = gomap_len(m); gomap_free(m); return n; }
/* Another struct cast to a descriptor: its fields by offset (what the runtime reads)
 * say 8 + 8 bytes, by position (how the plugin read initializers) a 0-byte value,
 * and the stack bucket was sized for that (stack-buffer-overflow; found by an attack
 * helper).  Only a struct gomap_type is read now. */
struct other { unsigned version; unsigned short ks, zero; unsigned c, d, e; const char *name; };
static const struct other other_t = { GOMAP_LAYOUT_VERSION, 8, 0, 8, 8, 8, "map[long]long" };
size_t other_struct(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make((const gomap_type *)(const void *)&other_t, 0);
    for (long k = 0; k < 5; k++)
        *(long *)gomap_assign(m, &k) = k * 100;
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}
int main(void)
{
    printf("%zu %zu %zu\n", mutated(), param_desc(GOMAP_TYPE(int, int)), zero_sizes());
    printf("%zu %zu %zu %zu\n", via_const_ptr(), from_array(1), from_array1(), other_struct());
    return 0;
}
