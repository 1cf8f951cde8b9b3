// Rule: what is stored into a map (keys and values, including other maps'
// handles and gostring keys pointing into local buffers) escapes only if the
// map does: an inner map stored in an outer one follows the outer one.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <string.h>
#include "gomap.h"

gomap *gouter;

size_t nested_local(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]gomap*) does not escape
    gomap *outer = gomap_make(GOMAP_TYPE(int, gomap*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) does not escape
    gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(gomap **)gomap_assign(outer, &k) = inner;
    gomap *back = *(gomap **)gomap_access(outer, &k);
    size_t n = gomap_len(back);
    gomap_free(inner);
    gomap_free(outer);
    return n;
}

gomap *nested_outer_returned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]gomap*) escapes to heap
    gomap *outer = gomap_make(GOMAP_TYPE(int, gomap*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
    gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(gomap **)gomap_assign(outer, &k) = inner;
    return outer;
}

// The inner map is read back out of a local outer map and then returned.
gomap *nested_inner_read_back_returned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]gomap*) does not escape
    gomap *outer = gomap_make(GOMAP_TYPE(int, gomap*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
    gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(gomap **)gomap_assign(outer, &k) = inner;
    gomap *r = *(gomap **)gomap_access(outer, &k);
    gomap_free(outer);
    return r;
}

// The inner map is the key of the outer map, and the outer map is global.
void inner_as_key_of_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
    gomap *inner = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(gouter, &inner) = 1;
}

// Three levels: only the outermost is stored globally, all three escape.
void three_levels_global(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]gomap*) escapes to heap
    gomap *a = gomap_make(GOMAP_TYPE(int, gomap*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]gomap*) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, gomap*), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *c = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 0;
    *(gomap **)gomap_assign(b, &k) = c;
    *(gomap **)gomap_assign(a, &k) = b;
    gouter = a;
}

// gostring keys pointing into a local buffer: the buffer stays when the map does.
// (Filled by hand: a libc call such as snprintf is an unknown callee that could
// keep the buffer.)
size_t string_keys_local(void)
{
    char buf[32];
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[gostring]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    memcpy(buf, "key", 3);
    for (int i = 0; i < 3; i++) {
        buf[3] = (char)('0' + i);
        gostring k = { buf, 4 };
        *(int *)gomap_assign(m, &k) = i;
    }
    size_t len = gomap_len(m);
    gomap_free(m);
    return len;
}

// ... and escapes with the map.
gomap *string_keys_returned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:10: &buf escapes to heap
    char buf[8] = "key";
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[gostring]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    gostring k = { buf, 3 };
    *(int *)gomap_assign(m, &k) = 1;
    return m;
}

// ... and escapes with the value read back out of a local map.
const char *string_key_read_back(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:10: &buf escapes to heap
    char buf[8] = "key";
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]gostring) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, gostring), 0);
    int k = 0;
    *(gostring *)gomap_assign(m, &k) = (gostring){ buf, 3 };
    const char *r = ((gostring *)gomap_access(m, &k))->ptr;
    gomap_free(m);
    return r;
}
