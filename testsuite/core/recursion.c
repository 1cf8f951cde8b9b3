// Mutual recursion is one batch (an SCC): b's parameter reaches the heap
// through a's, and so does the map passed in.  A self-recursive function
// that keeps nothing leaves its caller's map on the stack.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  void a(gomap *m, int n);
 *  2  void b(gomap *p, int n) {
 *  3      if (n) a(p, n - 1);
 *  4  }
 *  5  void a(gomap *m, int n) {
 *  6      if (!n) g = m; else b(m, n);
 *  7  }
 *  8  void c(void) {
 *  9      gomap *x = gomap_make(GOMAP_TYPE(int, int), 0);
 * 10      a(x, 3);
 * 11  }
 * 12  void d(gomap *q, int n) { if (n) d(q, n - 1); }
 * 13  void e(void) {
 * 14      gomap *y = gomap_make(GOMAP_TYPE(int, int), 0);
 * 15      d(y, 2);
 * 16  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *a = body(c, "a", 5), *b = body(c, "b", 2);
    esc_loc am = esc_param(a, 0, "m", at(5, 15), true, false);
    esc_param(a, 1, "n", at(5, 22), false, false);
    esc_loc bp = esc_param(b, 0, "p", at(2, 15), true, false);
    esc_param(b, 1, "n", at(2, 22), false, false);
    esc_loc args[2] = { bp, ESC_NOLOC };
    esc_call(b, a, args, 2, ESC_NOLOC, at(3, 12));
    esc_flow(a, esc_heap(c), am, 0, at(6, 15), "assign");
    args[0] = am;
    esc_call(a, b, args, 2, ESC_NOLOC, at(6, 26));

    esc_func *cf = body(c, "c", 8);
    esc_loc x = esc_loc_new(cf, ESC_LOC_VALUE, "x", at(9, 12), 0);
    esc_flow(cf, x, site(cf, 9, 16, 0), 0, at(9, 12), "assign");
    args[0] = x;
    esc_call(cf, a, args, 2, ESC_NOLOC, at(10, 5));

    esc_func *d = body(c, "d", 12);
    esc_loc dq = esc_param(d, 0, "q", at(12, 15), true, false);
    args[0] = dq;
    esc_call(d, d, args, 2, ESC_NOLOC, at(12, 34));
    esc_func *e = body(c, "e", 13);
    esc_loc y = esc_loc_new(e, ESC_LOC_VALUE, "y", at(14, 12), 0);
    esc_flow(e, y, site(e, 14, 16, 0), 0, at(14, 12), "assign");
    args[0] = y;
    esc_call(e, d, args, 2, ESC_NOLOC, at(15, 5));
    done(c);
    return 0;
}
// CHECK:      t.c:2:15: leaking param: p
// CHECK-NEXT: t.c:5:15: leaking param: m
// CHECK-NEXT: t.c:9:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:12:15: q does not escape
// CHECK-NEXT: t.c:14:16: make(map[int]int) does not escape
// CHECK-NEXT: == end
