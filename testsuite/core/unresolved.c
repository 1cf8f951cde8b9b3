// An unresolved descriptor: type printed as map[?]?, header on the stack,
// bucket on the heap ("key+value size unknown"), or all on the heap when the
// map escapes.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  gomap *f(const gomap_type *t) {
 * 2      gomap *a = gomap_make(t, 0);
 * 3      gomap *b = gomap_make(t, 3);
 * 4      return b;
 * 5  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 1);
    esc_param(f, 0, "t", at(1, 29), true, false);
    site_kv(f, 2, 16, NULL, 0, 0, -1, 0, NULL);
    esc_loc b = site_kv(f, 3, 16, NULL, 0, 0, 3, 0, NULL);
    esc_flow(f, esc_result(f), b, 0, at(4, 5), "return");
    done(c);
    return 0;
}
// CHECK:      t.c:1:29: t does not escape
// CHECK-NEXT: t.c:2:16: make(map[?]?) buckets escape to heap: key+value size unknown
// CHECK-NEXT: t.c:3:16: make(map[?]?, 3) escapes to heap
// CHECK-NEXT: == end
