// Stored to a global, or given to inline asm: escapes.  A third map that only
// meets the global by being read next to it stays.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  gomap *g;
 * 2  void f(void) {
 * 3      gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
 * 4      g = m;
 * 5      gomap *n = gomap_make(GOMAP_TYPE(int, int), 0);
 * 6      __asm__("" :: "r"(n));
 * 7      gomap *k = gomap_make(GOMAP_TYPE(int, int), 0);
 * 8      gomap *old = g;
 * 9  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 2);
    esc_loc m = esc_loc_new(f, ESC_LOC_VALUE, "m", at(3, 12), 0);
    esc_flow(f, m, site(f, 3, 16, 0), 0, at(3, 12), "assign");
    esc_flow(f, esc_heap(c), m, 0, at(4, 7), "assign");
    esc_loc n = esc_loc_new(f, ESC_LOC_VALUE, "n", at(5, 12), 0);
    esc_flow(f, n, site(f, 5, 16, 0), 0, at(5, 12), "assign");
    esc_escape(f, n, 0, at(6, 5), "inline asm");
    esc_loc k = esc_loc_new(f, ESC_LOC_VALUE, "k", at(7, 12), 0);
    esc_flow(f, k, site(f, 7, 16, 0), 0, at(7, 12), "assign");
    esc_loc old = esc_loc_new(f, ESC_LOC_VALUE, "old", at(8, 12), 0);
    esc_flow(f, old, esc_heap(c), 0, at(8, 12), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:3:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:5:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:7:16: make(map[int]int) does not escape
// CHECK-NEXT: == end
