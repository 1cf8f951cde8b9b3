// A map kept in a local struct: escapes when the struct is returned, stays
// when the struct is only copied to another local.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  struct S { gomap *m; int x; };
 *  2  struct S f(void) {
 *  3      struct S s;
 *  4      s.m = gomap_make(GOMAP_TYPE(int, int), 0);
 *  5      return s;
 *  6  }
 *  7  void g(void) {
 *  8      struct S t;
 *  9      t.m = gomap_make(GOMAP_TYPE(int, int), 0);
 * 10      struct S u = t;
 * 11  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 2);
    esc_loc s = esc_loc_new(f, ESC_LOC_VAR, "s", at(3, 14), 0);
    esc_flow(f, s, site(f, 4, 11, 0), 0, at(4, 9), "assign");
    esc_flow(f, esc_result(f), s, 0, at(5, 5), "return");
    esc_func *g = body(c, "g", 7);
    esc_loc t = esc_loc_new(g, ESC_LOC_VAR, "t", at(8, 14), 0);
    esc_flow(g, t, site(g, 9, 11, 0), 0, at(9, 9), "assign");
    esc_loc u = esc_loc_new(g, ESC_LOC_VAR, "u", at(10, 14), 0);
    esc_flow(g, u, t, 0, at(10, 14), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:4:11: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:9:11: make(map[int]int) does not escape
// CHECK-NEXT: == end
