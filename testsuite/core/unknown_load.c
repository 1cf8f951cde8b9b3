// Pointers whose target the core cannot bound: loaded through a parameter,
// loaded from a local whose address was handed to unknown code, returned by a
// call.  Stores through them send the value to the heap.  A pointer to a
// local that nobody else sees is resolved and the map stays.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  void f(gomap ***pp) {
 *  2      gomap **q = *pp;
 *  3      *q = gomap_make(GOMAP_TYPE(int, int), 0);
 *  4  }
 *  5  void opaque_init(gomap ***out);
 *  6  gomap **slot_of(void);
 *  7  void g(void) {
 *  8      gomap *cell, **r;
 *  9      opaque_init(&r);
 * 10      *r = gomap_make(GOMAP_TYPE(int, int), 0);
 * 11      gomap **s = &cell;
 * 12      *s = gomap_make(GOMAP_TYPE(int, int), 0);
 * 13      *slot_of() = gomap_make(GOMAP_TYPE(int, int), 0);
 * 14  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 1);
    esc_loc pp = esc_param(f, 0, "pp", at(1, 17), true, false);
    esc_loc q = esc_loc_new(f, ESC_LOC_VALUE, "q", at(2, 13), 0);
    esc_flow(f, q, pp, 1, at(2, 13), "assign");
    esc_store(f, q, site(f, 3, 10, 0), 0, at(3, 8), "assign");

    esc_func *oi = esc_func_new(c, "opaque_init", at(5, 6), false, true);
    esc_param(oi, 0, "out", at(5, 28), true, false);
    esc_func *so = esc_func_new(c, "slot_of", at(6, 10), false, true);
    esc_func *g = body(c, "g", 7);
    esc_loc cell = esc_loc_new(g, ESC_LOC_VAR, "cell", at(8, 12), 0);
    esc_loc r = esc_loc_new(g, ESC_LOC_VAR, "r", at(8, 20), 0);
    esc_loc ar = esc_loc_new(g, ESC_LOC_VALUE, NULL, at(9, 17), 0);
    esc_flow(g, ar, r, -1, at(9, 17), "address-of");
    esc_call(g, oi, &ar, 1, ESC_NOLOC, at(9, 5));
    esc_loc rv = esc_loc_new(g, ESC_LOC_VALUE, NULL, at(10, 6), 0);
    esc_flow(g, rv, r, 0, at(10, 6), "assign");
    esc_store(g, rv, site(g, 10, 10, 0), 0, at(10, 8), "assign");
    esc_loc s = esc_loc_new(g, ESC_LOC_VALUE, "s", at(11, 13), 0);
    esc_flow(g, s, cell, -1, at(11, 17), "address-of");
    esc_store(g, s, site(g, 12, 10, 0), 0, at(12, 8), "assign");
    esc_loc sl = esc_loc_new(g, ESC_LOC_VALUE, NULL, at(13, 6), 0);
    esc_call(g, so, NULL, 0, sl, at(13, 6));
    esc_store(g, sl, site(g, 13, 18, 0), 0, at(13, 16), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:1:17: pp does not escape
// CHECK-NEXT: t.c:3:10: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:8:20: &r escapes to heap
// CHECK-NEXT: t.c:10:10: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:12:10: make(map[int]int) does not escape
// CHECK-NEXT: t.c:13:18: make(map[int]int) escapes to heap
// CHECK-NEXT: == end
