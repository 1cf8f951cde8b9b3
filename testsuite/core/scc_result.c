// Results inside one batch: a call to a function of the same SCC links the
// callee's ~r0 to the call's result directly, and a parameter that reaches
// another function's ~r0 leaks to the heap (Go's leakTo: a result sink only
// counts for its own function).  Go 1.19 prints exactly these lines for the
// same program in Go.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  gomap *a(gomap *m, int n) {
 *  2      if (n > 0) return b(m, n - 1);
 *  3      return m;
 *  4  }
 *  5  gomap *b(gomap *m, int n) { return a(m, n); }
 *  6  size_t c(void) {
 *  7      gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
 *  8      gomap *r = a(m, 3);
 *  9      return gomap_len(r);
 * 10  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *a = body(c, "a", 1), *b = body(c, "b", 5);
    esc_loc am = esc_param(a, 0, "m", at(1, 17), true, false);
    esc_param(a, 1, "n", at(1, 24), false, false);
    esc_loc bm = esc_param(b, 0, "m", at(5, 17), true, false);
    esc_param(b, 1, "n", at(5, 24), false, false);
    esc_loc args[2] = { am, ESC_NOLOC };
    esc_loc r = esc_loc_new(a, ESC_LOC_VALUE, NULL, at(2, 23), 0);
    esc_call(a, b, args, 2, r, at(2, 23));
    esc_flow(a, esc_result(a), r, 0, at(2, 16), "return");
    esc_flow(a, esc_result(a), am, 0, at(3, 5), "return");
    args[0] = bm;
    r = esc_loc_new(b, ESC_LOC_VALUE, NULL, at(5, 38), 0);
    esc_call(b, a, args, 2, r, at(5, 38));
    esc_flow(b, esc_result(b), r, 0, at(5, 31), "return");

    esc_func *cf = body(c, "c", 6);
    esc_loc m = esc_loc_new(cf, ESC_LOC_VALUE, "m", at(7, 12), 0);
    esc_flow(cf, m, site(cf, 7, 16, 0), 0, at(7, 12), "assign");
    args[0] = m;
    r = esc_loc_new(cf, ESC_LOC_VALUE, "r", at(8, 12), 0);
    esc_call(cf, a, args, 2, r, at(8, 16));
    done(c);
    return 0;
}
// CHECK:      t.c:1:17: leaking param: m
// CHECK-NEXT: t.c:5:17: leaking param: m
// CHECK-NEXT: t.c:7:16: make(map[int]int) escapes to heap
// CHECK-NEXT: == end
