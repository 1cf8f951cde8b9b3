// The plugin specialises a map call in a static function from the maps its callers
// pass (specialise.cc trace_param), trusting that the unit's call edges are all its
// callers.  specialise-asm-caller.c has a `used` helper called from asm; here the
// helper is not `used` but a top-level asm names it (a label jumping to it, which
// binds no symbol, so nothing else marked it): C calls helper() with a
// map[uint32_t]int, the asm entry with a map[uint64_t]int.  Specialised for the
// former (gomap_assign_fast32 / gomap_access_fast32), the 8-byte map got the key's
// low half: [0x100000001] read -1 instead of 5 at -O2, ASan stack-buffer-overflow in
// the runtime (found by an attack helper).  A function an asm names is not traced now,
// as for callees' results.  x86-64 asm.
//
// RUN: %cc -O2 %s %plugin %gomap -o %t2 && %t2 | %FileCheck %s
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %ta0 && %ta0 | %FileCheck %s
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %ta2 && %ta2 | %FileCheck %s
// RUN: %cc -O2 %s %gomap -o %tn && %tn | %FileCheck %s
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-json=%t.json -o /dev/null
// RUN: %not grep -E '"function": "helper", "verdict": "specialised"' %t.json
#include "gomap.h"
#include <stdint.h>
#include <stdio.h>

__asm__("via_asm: jmp helper");
void via_asm(gomap *m);

__attribute__((noinline, noclone)) static void helper(gomap *m)
{
    uint64_t k = 0x100000001ull;                /* 8 bytes: a 4-byte map reads its low half */
    *(int *)gomap_assign(m, &k) = 5;
    int *v = gomap_access(m, &k);
    printf("len %zu, [k] = %d\n", gomap_len(m), v ? *v : -1);
}

int main(void)
{
    gomap *m32 = gomap_make(GOMAP_TYPE(uint32_t, int), 0);
    // CHECK: len 1, [k] = 5
    helper(m32);
    gomap *m64 = gomap_make(GOMAP_TYPE(uint64_t, int), 0);
    // CHECK-NEXT: len 1, [k] = 5
    via_asm(m64);
    uint64_t one = 1, big = 0x100000001ull;
    int *a = gomap_access(m64, &one), *b = gomap_access(m64, &big);
    // CHECK-NEXT: m64: len 1, [1] = -1, [0x100000001] = 5
    printf("m64: len %zu, [1] = %d, [0x100000001] = %d\n", gomap_len(m64), a ? *a : -1, b ? *b : -1);
    gomap_free(m32);
    gomap_free(m64);
    return 0;
}
