// The plugin specialises a map call in a static function from the maps its callers
// pass (specialise.cc trace_param), trusting that the unit's call edges are all
// its callers.  A function marked `used` may also be called from asm, where GCC
// shows no edge: get() below is called from C with map[long]long maps only, and
// from the asm trampoline with a map[long]struct v24.  Specialised for the
// former (gomap_small_access_fast64 with 8-byte value slots), it read the 24-byte
// values at the wrong offsets: "0 0 0 10" instead of "0 10 20 30" at -O1..-O3
// (found by an attack helper).  A `used`, preserved or non-local function's
// parameters are not traced now.  x86-64 asm.
//
// RUN: %cc -O2 %s %plugin %gomap -o %t2 && %t2 | %FileCheck %s
// RUN: %cc -O1 %s %plugin %gomap -o %t1 && %t1 | %FileCheck %s
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %ta && %ta | %FileCheck %s
// RUN: %cc -O2 %s %gomap -o %tn && %tn | %FileCheck %s
#include "gomap.h"
#include <stdio.h>

struct v24 { long a, b, c; };

static __attribute__((used, noinline)) long get(gomap *m, long k)
{
    long *v = gomap_access(m, &k);
    return v ? *v : -1;
}

long via_asm(gomap *m, long k);
__asm__(".text\n.globl via_asm\n.type via_asm,@function\nvia_asm:\n\tjmp get\n"
        ".size via_asm,.-via_asm\n");

int main(void)
{
    gomap *a = gomap_make(GOMAP_TYPE(long, long), 0);
    gomap *b = gomap_make(GOMAP_TYPE(long, struct v24), 0);
    for (long k = 0; k < 4; k++) {
        *(long *)gomap_assign(a, &k) = k + 1;
        struct v24 *p = gomap_assign(b, &k);
        p->a = 10 * k;
        p->b = 11 * k;
        p->c = 12 * k;
    }
    long s = 0;
    for (long k = 0; k < 4; k++)
        s += get(a, k);
    // CHECK: 10
    printf("%ld\n", s);
    // CHECK-NEXT: 0 10 20 30
    for (long k = 0; k < 4; k++)
        printf("%ld%s", via_asm(b, k), k < 3 ? " " : "\n");
    gomap_free(a);
    gomap_free(b);
    return 0;
}
