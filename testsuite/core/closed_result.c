// A trusted callee whose result is only ever its own parameters (an accessor
// returning &p->field) gives the call's result exactly: a store through it
// reaches the caller's local and the map stays.  A result one load deep reads
// memory the callee could have changed (unknown); a result from an unknown
// call is unknown; a result that may be the address of the callee's local is
// not closed: those stores escape.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  struct box { gomap *m; int n; };
 *  2  gomap **slot(struct box *b) { return &b->m; }
 *  3  gomap **inner(struct box **bb) { return &(*bb)->m; }
 *  4  gomap **fresh(void) { return malloc(sizeof(gomap *)); }
 *  5  void f(void) {
 *  6      struct box b, *pb = &b;
 *  7      *slot(&b) = gomap_make(GOMAP_TYPE(int, int), 0);
 *  8      *inner(&pb) = gomap_make(GOMAP_TYPE(int, int), 0);
 *  9      *fresh() = gomap_make(GOMAP_TYPE(int, int), 0);
 * 10      *either(&b, 1) = gomap_make(GOMAP_TYPE(int, int), 0);
 * 11  }
 * 12  gomap **either(struct box *b, int n) { gomap *x; return n ? &b->m : &x; }
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
    esc_func *slot = body(c, "slot", 2);
    esc_loc p = esc_param(slot, 0, "b", at(2, 26), true, false);
    esc_flow(slot, esc_result(slot), p, 0, at(2, 31), "return");
    esc_func *inner = body(c, "inner", 3);
    p = esc_param(inner, 0, "bb", at(3, 28), true, false);
    esc_flow(inner, esc_result(inner), p, 1, at(3, 34), "return");
    esc_func *mal = esc_func_new(c, "malloc", at(4, 30), false, true);
    esc_func *fresh = body(c, "fresh", 4);
    esc_loc r = esc_loc_new(fresh, ESC_LOC_VALUE, NULL, at(4, 30), 0);
    esc_call(fresh, mal, NULL, 0, r, at(4, 30));
    esc_flow(fresh, esc_result(fresh), r, 0, at(4, 23), "return");

    esc_func *f = body(c, "f", 5);
    esc_loc b = esc_loc_new(f, ESC_LOC_VAR, "b", at(6, 16), 0);
    esc_loc pb = esc_loc_new(f, ESC_LOC_VAR, "pb", at(6, 20), 0);
    esc_flow(f, pb, addr(f, b, 6, 25), 0, at(6, 20), "assign");
    esc_loc a = addr(f, b, 7, 11);
    esc_loc res = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(7, 6), 0);
    esc_call(f, slot, &a, 1, res, at(7, 6));
    esc_store(f, res, site(f, 7, 17, 0), 0, at(7, 15), "assign");
    a = addr(f, pb, 8, 12);
    res = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(8, 6), 0);
    esc_call(f, inner, &a, 1, res, at(8, 6));
    esc_store(f, res, site(f, 8, 19, 0), 0, at(8, 17), "assign");
    res = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(9, 6), 0);
    esc_call(f, fresh, NULL, 0, res, at(9, 6));
    esc_store(f, res, site(f, 9, 16, 0), 0, at(9, 14), "assign");
    esc_func *either = body(c, "either", 12);
    p = esc_param(either, 0, "b", at(12, 28), true, false);
    esc_param(either, 1, "n", at(12, 35), false, false);
    esc_loc x = esc_loc_new(either, ESC_LOC_VAR, "x", at(12, 47), 0);
    esc_flow(either, esc_result(either), p, 0, at(12, 50), "return");
    esc_flow(either, esc_result(either), x, -1, at(12, 50), "return");
    esc_loc eargs[2] = { addr(f, b, 10, 14), ESC_NOLOC };
    res = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(10, 6), 0);
    esc_call(f, either, eargs, 2, res, at(10, 6));
    esc_store(f, res, site(f, 10, 22, 0), 0, at(10, 20), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:2:26: leaking param: b to result ~r0 level=0
// CHECK-NEXT: t.c:3:28: leaking param: bb to result ~r0 level=1
// CHECK-NEXT: t.c:7:17: make(map[int]int) does not escape
// CHECK-NEXT: t.c:8:19: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:9:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:10:22: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:12:28: leaking param: b to result ~r0 level=0
// CHECK-NEXT: t.c:12:47: &x escapes to heap
// CHECK-NEXT: == end
