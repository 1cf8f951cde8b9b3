// Pointers that have a known target and also an unknown one: the known target
// must not be taken as the only one.  (1) r points to cell, but &r went to
// unknown code that may have re-pointed it (noescape: it keeps &r, but may
// still write through it); (2) p gets &cell from the
// recursive call, but the outside caller's p is unknown; (3) the callee's
// summary says its result is p, but its body may also return a global's
// address, which the summary does not list.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  void reinit(__attribute__((noescape)) gomap ***out);
 *  2  void f(void) {
 *  3      gomap *cell, **r = &cell;
 *  4      reinit(&r);
 *  5      *r = gomap_make(GOMAP_TYPE(int, int), 0);
 *  6  }
 *  7  void rec(gomap **p, int n) {
 *  8      gomap *cell;
 *  9      if (n) rec(&cell, n - 1);
 * 10      *p = gomap_make(GOMAP_TYPE(int, int), 0);
 * 11  }
 * 12  gomap **mine(gomap **p, int n) { return n ? p : &gslot; }
 * 13  void g(void) {
 * 14      gomap *cell;
 * 15      *mine(&cell) = gomap_make(GOMAP_TYPE(int, int), 0);
 * 16  }
 */
static esc_loc addr(esc_func *f, esc_loc v, int line, int col)
{
    esc_loc a = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(line, col), 0);
    esc_flow(f, a, v, -1, at(line, col), "address-of");
    return a;
}

int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *reinit = esc_func_new(c, "reinit", at(1, 6), false, true);
    esc_param(reinit, 0, "out", at(1, 47), true, true);
    esc_func *f = body(c, "f", 2);
    esc_loc cell = esc_loc_new(f, ESC_LOC_VAR, "cell", at(3, 12), 0);
    esc_loc r = esc_loc_new(f, ESC_LOC_VAR, "r", at(3, 20), 0);
    esc_flow(f, r, addr(f, cell, 3, 24), 0, at(3, 20), "assign");
    esc_loc ar = addr(f, r, 4, 12);
    esc_call(f, reinit, &ar, 1, ESC_NOLOC, at(4, 5));
    esc_loc rv = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(5, 6), 0);
    esc_flow(f, rv, r, 0, at(5, 6), "assign");
    esc_store(f, rv, site(f, 5, 10, 0), 0, at(5, 8), "assign");

    esc_func *rec = body(c, "rec", 7);
    esc_loc p = esc_param(rec, 0, "p", at(7, 17), true, false);
    esc_param(rec, 1, "n", at(7, 24), false, false);
    cell = esc_loc_new(rec, ESC_LOC_VAR, "cell", at(8, 12), 0);
    esc_loc args[2] = { addr(rec, cell, 9, 16), ESC_NOLOC };
    esc_call(rec, rec, args, 2, ESC_NOLOC, at(9, 12));
    esc_store(rec, p, site(rec, 10, 10, 0), 0, at(10, 8), "assign");

    esc_func *mine = body(c, "mine", 12);
    p = esc_param(mine, 0, "p", at(12, 22), true, false);
    esc_param(mine, 1, "n", at(12, 29), false, false);
    esc_flow(mine, esc_result(mine), p, 0, at(12, 34), "return");
    esc_flow(mine, esc_result(mine), esc_heap(c), 0, at(12, 34), "return");
    esc_func *g = body(c, "g", 13);
    cell = esc_loc_new(g, ESC_LOC_VAR, "cell", at(14, 12), 0);
    esc_loc ac = addr(g, cell, 15, 11);
    esc_loc res = esc_loc_new(g, ESC_LOC_VALUE, NULL, at(15, 6), 0);
    esc_loc margs[2] = { ac, ESC_NOLOC };
    esc_call(g, mine, margs, 2, res, at(15, 6));
    esc_store(g, res, site(g, 15, 20, 0), 0, at(15, 18), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:5:10: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:7:17: p does not escape
// CHECK-NEXT: t.c:10:10: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:12:22: leaking param: p to result ~r0 level=0
// CHECK-NEXT: t.c:15:20: make(map[int]int) escapes to heap
// CHECK-NEXT: == end
