// Leaks to the result (Go's leaks to ~r0, level = derefs): a caller's map
// escapes only when the call's result does.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  gomap *id(gomap *p) { return p; }
 *  2  gomap *first(gomap **pp) { return *pp; }
 *  3  gomap *f(void) {
 *  4      gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
 *  5      return id(m);
 *  6  }
 *  7  void g(void) {
 *  8      gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
 *  9      gomap *r = id(m);
 * 10  }
 * 11  gomap *h(void) {
 * 12      gomap *a[1] = { gomap_make(GOMAP_TYPE(int, int), 0) };
 * 13      return first(a);
 * 14  }
 * 15  void k(void) {
 * 16      gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
 * 17      gomap *r = first(&a);
 * 18  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *id = body(c, "id", 1);
    esc_loc p = esc_param(id, 0, "p", at(1, 18), true, false);
    esc_flow(id, esc_result(id), p, 0, at(1, 23), "return");
    esc_func *first = body(c, "first", 2);
    esc_loc pp = esc_param(first, 0, "pp", at(2, 22), true, false);
    esc_flow(first, esc_result(first), pp, 1, at(2, 28), "return");

    esc_func *f = body(c, "f", 3);
    esc_loc m = esc_loc_new(f, ESC_LOC_VALUE, "m", at(4, 12), 0);
    esc_flow(f, m, site(f, 4, 16, 0), 0, at(4, 12), "assign");
    esc_loc r = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(5, 12), 0);
    esc_call(f, id, &m, 1, r, at(5, 12));
    esc_flow(f, esc_result(f), r, 0, at(5, 5), "return");

    esc_func *g = body(c, "g", 7);
    m = esc_loc_new(g, ESC_LOC_VALUE, "m", at(8, 12), 0);
    esc_flow(g, m, site(g, 8, 16, 0), 0, at(8, 12), "assign");
    r = esc_loc_new(g, ESC_LOC_VALUE, "r", at(9, 12), 0);
    esc_call(g, id, &m, 1, r, at(9, 16));

    esc_func *h = body(c, "h", 11);
    esc_loc a = esc_loc_new(h, ESC_LOC_VAR, "a", at(12, 12), 0);
    esc_flow(h, a, site(h, 12, 21, 0), 0, at(12, 12), "assign");
    esc_loc aa = esc_loc_new(h, ESC_LOC_VALUE, NULL, at(13, 18), 0);
    esc_flow(h, aa, a, -1, at(13, 18), "address-of");
    r = esc_loc_new(h, ESC_LOC_VALUE, NULL, at(13, 12), 0);
    esc_call(h, first, &aa, 1, r, at(13, 12));
    esc_flow(h, esc_result(h), r, 0, at(13, 5), "return");

    esc_func *k = body(c, "k", 15);
    a = esc_loc_new(k, ESC_LOC_VAR, "a", at(16, 12), 0);
    esc_flow(k, a, site(k, 16, 16, 0), 0, at(16, 12), "assign");
    aa = esc_loc_new(k, ESC_LOC_VALUE, NULL, at(17, 22), 0);
    esc_flow(k, aa, a, -1, at(17, 22), "address-of");
    r = esc_loc_new(k, ESC_LOC_VALUE, "r", at(17, 12), 0);
    esc_call(k, first, &aa, 1, r, at(17, 16));
    done(c);
    return 0;
}
// CHECK:      t.c:1:18: leaking param: p to result ~r0 level=0
// CHECK-NEXT: t.c:2:22: leaking param: pp to result ~r0 level=1
// CHECK-NEXT: t.c:4:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:8:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:12:21: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:16:16: make(map[int]int) does not escape
// CHECK-NEXT: == end
