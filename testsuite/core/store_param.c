// Stored through a pointer parameter (Go's *p = m): the map escapes, p itself
// does not.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  void f(gomap **p) {
 * 2      gomap *m = gomap_make(GOMAP_TYPE(int, int), 4);
 * 3      *p = m;
 * 4  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 1);
    esc_loc p = esc_param(f, 0, "p", at(1, 16), true, false);
    esc_loc m = esc_loc_new(f, ESC_LOC_VALUE, "m", at(2, 12), 0);
    esc_flow(f, m, site_kv(f, 2, 16, "map[int]int", 8, 8, 4, 0, NULL), 0, at(2, 12), "assign");
    esc_store(f, p, m, 0, at(3, 8), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:1:16: p does not escape
// CHECK-NEXT: t.c:2:16: make(map[int]int, 4) escapes to heap
// CHECK-NEXT: == end
