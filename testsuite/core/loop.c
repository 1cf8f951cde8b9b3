// A map made in a loop and kept in a location that lives across iterations
// escapes (Go's loopDepth); one that stays in its iteration does not.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  void f(void) {
 *  2      gomap *keep = 0;
 *  3      for (int i = 0; i < 3; i++) {
 *  4          gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
 *  5          keep = m;
 *  6      }
 *  7      for (int i = 0; i < 3; i++) {
 *  8          gomap *n = gomap_make(GOMAP_TYPE(int, int), 0);
 *  9          gomap *o = n;
 * 10      }
 * 11  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 1);
    esc_loc keep = esc_loc_new(f, ESC_LOC_VALUE, "keep", at(2, 12), 0);
    esc_loc m = esc_loc_new(f, ESC_LOC_VALUE, "m", at(4, 16), 1);
    esc_flow(f, m, site(f, 4, 20, 1), 0, at(4, 16), "assign");
    esc_flow(f, keep, m, 0, at(5, 14), "assign");
    esc_loc n = esc_loc_new(f, ESC_LOC_VALUE, "n", at(8, 16), 1);
    esc_flow(f, n, site(f, 8, 20, 1), 0, at(8, 16), "assign");
    esc_loc o = esc_loc_new(f, ESC_LOC_VALUE, "o", at(9, 16), 1);
    esc_flow(f, o, n, 0, at(9, 16), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:4:20: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:8:20: make(map[int]int) does not escape
// CHECK-NEXT: == end
