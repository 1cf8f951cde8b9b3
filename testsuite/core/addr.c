// "&x escapes to heap" for a named local whose address outlives the function;
// an address that stays local, or an unnamed temporary, gets no line.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  int *f(void) {
 * 2      int x = 1;
 * 3      int y = 2;
 * 4      int *p = &y;
 * 5      return &x;
 * 6  }
 * 7  void g(void) { int z; gp = &z; gp = &(int){0}; }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 1);
    esc_loc x = esc_loc_new(f, ESC_LOC_VAR, "x", at(2, 9), 0);
    esc_loc y = esc_loc_new(f, ESC_LOC_VAR, "y", at(3, 9), 0);
    esc_loc p = esc_loc_new(f, ESC_LOC_VALUE, "p", at(4, 10), 0);
    esc_flow(f, p, y, -1, at(4, 14), "address-of");
    esc_flow(f, esc_result(f), x, -1, at(5, 12), "return");
    esc_func *g = body(c, "g", 7);
    esc_loc z = esc_loc_new(g, ESC_LOC_VAR, "z", at(7, 20), 0);
    esc_flow(g, esc_heap(c), z, -1, at(7, 28), "address-of");
    esc_loc lit = esc_loc_new(g, ESC_LOC_VAR, NULL, at(7, 39), 0);
    esc_flow(g, esc_heap(c), lit, -1, at(7, 39), "address-of");
    done(c);
    return 0;
}
// CHECK:      t.c:2:9: &x escapes to heap
// CHECK-NEXT: t.c:7:20: &z escapes to heap
// CHECK-NEXT: == end
