// A map that stays in its function: header and bucket on the stack; a constant
// hint shows in the message.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  void f(void) {
 * 2      gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
 * 3      gomap *n = gomap_make(GOMAP_TYPE(int, int), 4);
 * 4      gomap *k = m;
 * 5  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 1);
    esc_loc m = esc_loc_new(f, ESC_LOC_VALUE, "m", at(2, 12), 0);
    esc_flow(f, m, site(f, 2, 16, 0), 0, at(2, 12), "assign");
    esc_loc n = esc_loc_new(f, ESC_LOC_VALUE, "n", at(3, 12), 0);
    esc_flow(f, n, site_kv(f, 3, 16, "map[int]int", 8, 8, 4, 0, NULL), 0, at(3, 12), "assign");
    esc_loc k = esc_loc_new(f, ESC_LOC_VALUE, "k", at(4, 12), 0);
    esc_flow(f, k, m, 0, at(4, 12), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:2:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:3:16: make(map[int]int, 4) does not escape
// CHECK-NEXT: == end
