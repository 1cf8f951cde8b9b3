// Stack buckets for unusual layouts: 1-byte keys, 3-byte keys, 16-byte aligned
// values (long double, __int128) and a 32-byte aligned value.  Every slot the
// runtime hands out must be aligned for its type (UBSan's alignment check on
// every access through a slot aborts the run otherwise; an explicit check would
// turn the slot into an integer, which makes the map escape) and the contents
// must round-trip, with the buckets given by the plugin as with the runtime's.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack0.err
#include <string.h>
#include "phase.h"

typedef struct { char c[3]; } key3;
typedef struct { _Alignas(32) double d[2]; } v32;

static int char_keys(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(char, char), 0);
    int ok = 1;
    for (char c = 'a'; c < 'a' + 8; c++)
        *(char *)gomap_assign(m, &c) = (char)(c - 32);
    for (char c = 'a'; c < 'a' + 8; c++) {
        char *v = gomap_access(m, &c);
        ok &= v && *v == c - 32;
    }
    gomap_free(m);
    return ok;
}

static int three_byte_keys(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(key3, int), 0);
    int ok = 1;
    for (int i = 0; i < 8; i++) {
        key3 k = { { (char)i, (char)(i * 2), (char)(i * 3) } };
        int *v = gomap_assign(m, &k);
        *v = i * 7;
    }
    for (int i = 0; i < 8; i++) {
        key3 k = { { (char)i, (char)(i * 2), (char)(i * 3) } };
        int *v = gomap_access(m, &k);
        ok &= v && *v == i * 7;
    }
    gomap_free(m);
    return ok;
}

static int long_double_values(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(char, long double), 0);
    int ok = 1;
    for (char c = 0; c < 8; c++) {
        long double *v = gomap_assign(m, &c);
        *v = (long double)c / 3;
    }
    for (char c = 0; c < 8; c++) {
        long double *v = gomap_access(m, &c);
        ok &= v && *v == (long double)c / 3;
    }
    gomap_free(m);
    return ok;
}

static int int128_values(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(short, __int128), 0);
    int ok = 1;
    for (short i = 0; i < 8; i++) {
        __int128 *v = gomap_assign(m, &i);
        *v = (__int128)i << 100;
    }
    for (short i = 0; i < 8; i++) {
        __int128 *v = gomap_access(m, &i);
        ok &= v && *v == (__int128)i << 100;
    }
    gomap_free(m);
    return ok;
}

static int aligned32_values(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, v32), 0);
    int ok = 1;
    for (int i = 0; i < 3; i++) {
        v32 *v = gomap_assign(m, &i);
        v->d[0] = i;
        v->d[1] = -i;
    }
    for (int i = 0; i < 3; i++) {
        v32 *v = gomap_access(m, &i);
        ok &= v && v->d[0] == i && v->d[1] == -i;
    }
    gomap_free(m);
    return ok;
}

int main(void)
{
    phase("start");
    printf("char keys %d\n", char_keys());
    printf("3-byte keys %d\n", three_byte_keys());
    printf("long double values %d\n", long_double_values());
    printf("__int128 values %d\n", int128_values());
    printf("32-aligned values %d\n", aligned32_values());
    phase("layouts");
    return 0;
}
// CHECK: char keys 1
// CHECK: 3-byte keys 1
// CHECK: long double values 1
// CHECK: __int128 values 1
// CHECK: 32-aligned values 1
// STACK: layouts: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=5 stack_buckets=5
