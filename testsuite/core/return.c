// A map returned from its function escapes (~r0 outlives every local).
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  gomap *f(void) {
 * 2      gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
 * 3      return m;
 * 4  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 1);
    esc_loc m = esc_loc_new(f, ESC_LOC_VALUE, "m", at(2, 12), 0);
    esc_flow(f, m, site(f, 2, 16, 0), 0, at(2, 12), "assign");
    esc_flow(f, esc_result(f), m, 0, at(3, 5), "return");
    done(c);
    return 0;
}
// CHECK:      t.c:2:16: make(map[int]int) escapes to heap
// CHECK-NEXT: == end
