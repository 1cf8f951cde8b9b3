// The plugin specialises a map call from the maps a callee returns (specialise.cc
// trace_result), following the callee's return statements.  A function also
// returns through __builtin_return, whose value (what an __builtin_apply call
// returned) no return statement names: mk() below returns a map[uint32_t]int by
// `return` and, when called with a non-zero argument, the map[uint64_t]int that
// mk64 made through __builtin_return.  Seen through its return statement only,
// main's calls were rewritten into gomap_assign_fast32/gomap_access_fast32 with
// the 8-byte key truncated to 4 bytes: k2 (1) was found where k (2^32 + 1) was
// stored, and under ASan the runtime read 8 bytes of the 4-byte key
// (stack-buffer-overflow; found by an attack helper).  A body that calls
// __builtin_return, or leaves by any way but a return statement or a noreturn
// call, is not traced now.
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-json=%t.json -o /dev/null
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
// RUN: %not grep -E '"function": "via_return", "verdict": "specialised"' %t.json
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s
// RUN: %cc -O2 %s %plugin %gomap -o %tp && %tp | %FileCheck %s
// RUN: %cc -O2 %s %gomap -o %tn && %tn | %FileCheck %s
#include "gomap.h"
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) gomap *mk64(void)
{
    return gomap_make(GOMAP_TYPE(uint64_t, int), 0);
}

__attribute__((noinline)) static gomap *mk(int c)
{
    if (c)
        __builtin_return(__builtin_apply((void (*)())mk64, __builtin_apply_args(), 64));
    return gomap_make(GOMAP_TYPE(uint32_t, int), 0);
}

// The calls on mk's map keep their generic entry points; a map traced through
// plain return statements (mk32) is still specialised.
__attribute__((noinline)) static gomap *mk32(void)
{
    return gomap_make(GOMAP_TYPE(uint32_t, int), 0);
}

__attribute__((noinline)) static void via_return(int c)
{
    gomap *m = mk(c);                   /* c == 1: mk64's map[uint64_t]int */
    uint64_t k = 0x100000001ull, k2 = 1;
    *(int *)gomap_assign(m, &k) = 5;
    int *v = gomap_access(m, &k2);
    int *w = gomap_access(m, &k);
    // CHECK: len=1 k2:absent k:5
    printf("len=%zu k2:%s k:%d\n", gomap_len(m), v ? "found" : "absent", w ? *w : -1);
    gomap_free(m);
}

__attribute__((noinline)) static void via_plain(void)
{
    gomap *n = mk32();
    uint32_t j = 7;
    // JSON: "line": [[@LINE+1]], {{.*}}"function": "via_plain", "verdict": "specialised", {{.*}}"entry": "gomap_assign_fast32"
    *(int *)gomap_assign(n, &j) = 9;
    // CHECK: n:9
    printf("n:%d\n", *(int *)gomap_access(n, &j));
    gomap_free(n);
}

int main(int argc, char **argv)
{
    (void)argv;
    via_return(argc);
    via_plain();
    return 0;
}
