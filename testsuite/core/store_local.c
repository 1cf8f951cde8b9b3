// Stores through pointers to locals are resolved: the map follows the local
// it is stored into (stays with s, escapes with t since t's content goes to
// a global).  Neither local's address escapes.  A pointee that is not memory
// of this function (here a value location, as a front end never makes for an
// addressable object) is not trusted: the store escapes.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  struct S { gomap *m; };
 *  2  void f(void) {
 *  3      struct S s;
 *  4      struct S *q = &s;
 *  5      q->m = gomap_make(GOMAP_TYPE(int, int), 0);
 *  6      struct S t;
 *  7      struct S *r = &t;
 *  8      r->m = gomap_make(GOMAP_TYPE(int, int), 0);
 *  9      g = t.m;
 * 10  }
 * 11  void h(gomap *v) {           (v a value location: &v is not modelled)
 * 12      gomap **pv = &v;
 * 13      *pv = gomap_make(GOMAP_TYPE(int, int), 0);
 * 14  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 2);
    esc_loc s = esc_loc_new(f, ESC_LOC_VAR, "s", at(3, 14), 0);
    esc_loc q = esc_loc_new(f, ESC_LOC_VALUE, "q", at(4, 15), 0);
    esc_flow(f, q, s, -1, at(4, 15), "address-of");
    esc_store(f, q, site(f, 5, 12, 0), 0, at(5, 10), "assign");
    esc_loc t = esc_loc_new(f, ESC_LOC_VAR, "t", at(6, 14), 0);
    esc_loc r = esc_loc_new(f, ESC_LOC_VALUE, "r", at(7, 15), 0);
    esc_flow(f, r, t, -1, at(7, 15), "address-of");
    esc_store(f, r, site(f, 8, 12, 0), 0, at(8, 10), "assign");
    esc_flow(f, esc_heap(c), t, 0, at(9, 7), "assign");
    esc_func *h = body(c, "h", 11);
    esc_loc v = esc_loc_new(h, ESC_LOC_VALUE, "v", at(11, 15), 0);
    esc_loc pv = esc_loc_new(h, ESC_LOC_VALUE, "pv", at(12, 13), 0);
    esc_flow(h, pv, v, -1, at(12, 18), "address-of");
    esc_store(h, pv, site(h, 13, 11, 0), 0, at(13, 9), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:5:12: make(map[int]int) does not escape
// CHECK-NEXT: t.c:8:12: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:13:11: make(map[int]int) escapes to heap
// CHECK-NEXT: == end
