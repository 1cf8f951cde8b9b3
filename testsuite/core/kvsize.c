// Key+value size above max-kv-size keeps the bucket on the heap (header on the
// stack); raising the limit puts it on the stack; 0 keeps every bucket on the
// heap.  esc_site_decision agrees.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  struct big { char b[128]; };
 * 2  void f(void) {
 * 3      gomap *m = gomap_make(GOMAP_TYPE(long, struct big), 0);
 * 4      gomap *n = gomap_make(GOMAP_TYPE(long, char[120]), 0);
 * 5  }
 */
static const char *pl(esc_placement p)
{
    return p == ESC_STACK_ALL ? "stack" : p == ESC_STACK_HMAP ? "stack-hmap" : "heap";
}

static void run(unsigned max_kv)
{
    esc_options o = esc_options_default();
    o.m = 1;
    o.max_kv_size = max_kv;
    esc_ctx *c = esc_ctx_new(&o);
    esc_func *f = body(c, "f", 2);
    int s1, s2;
    site_kv(f, 3, 16, "map[long]struct big", 8, 128, -1, 0, &s1);
    site_kv(f, 4, 16, "map[long][120]char", 8, 120, -1, 0, &s2);
    esc_solve(c);
    esc_decision d1 = esc_site_decision(c, s1), d2 = esc_site_decision(c, s2);
    printf("max %u: %s %s / %s %s\n", max_kv, pl(d1.placement), d1.reason ? d1.reason : "-",
           pl(d2.placement), d2.reason ? d2.reason : "-");
    done(c);
}

int main(void)
{
    run(128);
    run(256);
    run(127);
    run(0);
    return 0;
}
// CHECK:      max 128: stack-hmap key+value size 136 > 128 / stack -
// CHECK-NEXT: t.c:3:16: make(map[long]struct big) buckets escape to heap: key+value size 136 > 128
// CHECK-NEXT: t.c:4:16: make(map[long][120]char) does not escape
// CHECK-NEXT: == end
// CHECK-NEXT: max 256: stack - / stack -
// CHECK-NEXT: t.c:3:16: make(map[long]struct big) does not escape
// CHECK-NEXT: t.c:4:16: make(map[long][120]char) does not escape
// CHECK-NEXT: == end
// CHECK-NEXT: max 127: stack-hmap key+value size 136 > 127 / stack-hmap key+value size 128 > 127
// CHECK-NEXT: t.c:3:16: make(map[long]struct big) buckets escape to heap: key+value size 136 > 127
// CHECK-NEXT: t.c:4:16: make(map[long][120]char) buckets escape to heap: key+value size 128 > 127
// CHECK-NEXT: == end
// CHECK-NEXT: max 0: stack-hmap key+value size 136 > 0 / stack-hmap key+value size 128 > 0
// CHECK-NEXT: t.c:3:16: make(map[long]struct big) buckets escape to heap: key+value size 136 > 0
// CHECK-NEXT: t.c:4:16: make(map[long][120]char) buckets escape to heap: key+value size 128 > 0
// CHECK-NEXT: == end
