// Slot pointers point into the map's storage: a pointer stored in a slot
// escapes only if the map does; returning a slot makes the map escape.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  void f(void) {
 *  2      int x, k = 1;
 *  3      gomap *m = gomap_make(GOMAP_TYPE(int, int *), 0);
 *  4      int **slot = gomap_assign(m, &k);
 *  5      *slot = &x;
 *  6  }
 *  7  int **g(void) {
 *  8      gomap *m = gomap_make(GOMAP_TYPE(int, int *), 0);
 *  9      return gomap_assign(m, &(int){1});
 * 10  }
 * 11  void h(void) {
 * 12      int y;
 * 13      gomap *m = gomap_make(GOMAP_TYPE(int, int *), 0);
 * 14      int **s = gomap_assign(m, &(int){1});
 * 15      *s = &y;
 * 16      gm = m;
 * 17  }
 */
static esc_loc mk(esc_func *f, int line)
{
    esc_loc m = esc_loc_new(f, ESC_LOC_VALUE, "m", at(line, 12), 0);
    esc_flow(f, m, site_kv(f, line, 16, "map[int]*int", 8, 8, -1, 0, NULL), 0,
             at(line, 12), "assign");
    return m;
}

int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 1);
    esc_loc x = esc_loc_new(f, ESC_LOC_VAR, "x", at(2, 9), 0);
    esc_loc m = mk(f, 3);
    esc_loc slot = esc_loc_new(f, ESC_LOC_VALUE, "slot", at(4, 11), 0);
    esc_flow(f, slot, m, 0, at(4, 18), "slot");
    esc_loc ax = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(5, 13), 0);
    esc_flow(f, ax, x, -1, at(5, 13), "address-of");
    esc_store(f, slot, ax, 0, at(5, 11), "assign");

    esc_func *g = body(c, "g", 7);
    m = mk(g, 8);
    slot = esc_loc_new(g, ESC_LOC_VALUE, NULL, at(9, 12), 0);
    esc_flow(g, slot, m, 0, at(9, 12), "slot");
    esc_flow(g, esc_result(g), slot, 0, at(9, 5), "return");

    esc_func *h = body(c, "h", 11);
    esc_loc y = esc_loc_new(h, ESC_LOC_VAR, "y", at(12, 9), 0);
    m = mk(h, 13);
    slot = esc_loc_new(h, ESC_LOC_VALUE, "s", at(14, 11), 0);
    esc_flow(h, slot, m, 0, at(14, 15), "slot");
    esc_loc ay = esc_loc_new(h, ESC_LOC_VALUE, NULL, at(15, 10), 0);
    esc_flow(h, ay, y, -1, at(15, 10), "address-of");
    esc_store(h, slot, ay, 0, at(15, 8), "assign");
    esc_flow(h, esc_heap(c), m, 0, at(16, 8), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:3:16: make(map[int]*int) does not escape
// CHECK-NEXT: t.c:8:16: make(map[int]*int) escapes to heap
// CHECK-NEXT: t.c:12:9: &y escapes to heap
// CHECK-NEXT: t.c:13:16: make(map[int]*int) escapes to heap
// CHECK-NEXT: == end
