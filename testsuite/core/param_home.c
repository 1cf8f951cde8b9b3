// A parameter living in memory (esc_param_home, or a "parameter" flow into a
// VAR): when its address escapes (Go's "moved to heap: i") both "&i escapes to
// heap" and "leaking param: i" are printed, its value does outlive the call,
// and callers see it leak.  When the address stays, the parameter line is
// computed through the variable.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  struct Indir { int ***p; };
 *  2  void param12(struct Indir *r, int **i) { r->p = &i; }
 *  3  int *g(int *p) { int **q = &p; return *q; }
 *  5  void c(void) {
 *  6      int x;
 *  7      struct Indir r;
 *  8      param12(&r, (int *[]){&x});
 *  9  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "param12", 2);
    esc_loc r = esc_param(f, 0, "r", at(2, 28), true, false);
    esc_loc i = esc_param(f, 1, "i", at(2, 37), true, false);
    esc_loc iv = esc_loc_new(f, ESC_LOC_VAR, "i", at(2, 37), 0);
    esc_param_home(f, i, iv, at(2, 37));
    esc_loc ai = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(2, 49), 0);
    esc_flow(f, ai, iv, -1, at(2, 49), "address-of");
    esc_store(f, r, ai, 0, at(2, 47), "assign");

    esc_func *g = body(c, "g", 3);
    esc_loc p = esc_param(g, 0, "p", at(3, 13), true, false);
    esc_loc pv = esc_loc_new(g, ESC_LOC_VAR, "p", at(3, 13), 0);
    esc_flow(g, pv, p, 0, at(3, 13), "parameter");
    esc_loc q = esc_loc_new(g, ESC_LOC_VALUE, "q", at(3, 25), 0);
    esc_flow(g, q, pv, -1, at(3, 30), "address-of");
    esc_flow(g, esc_result(g), q, 1, at(3, 34), "return");

    esc_func *cf = body(c, "c", 5);
    esc_loc x = esc_loc_new(cf, ESC_LOC_VAR, "x", at(6, 9), 0);
    esc_loc arr = esc_loc_new(cf, ESC_LOC_VAR, NULL, at(8, 17), 0);
    esc_loc ax = esc_loc_new(cf, ESC_LOC_VALUE, NULL, at(8, 28), 0);
    esc_flow(cf, ax, x, -1, at(8, 28), "address-of");
    esc_flow(cf, arr, ax, 0, at(8, 17), "assign");
    esc_loc rv = esc_loc_new(cf, ESC_LOC_VAR, "r", at(7, 18), 0);
    esc_loc args[2] = { esc_loc_new(cf, ESC_LOC_VALUE, NULL, at(8, 13), 0),
                        esc_loc_new(cf, ESC_LOC_VALUE, NULL, at(8, 17), 0) };
    esc_flow(cf, args[0], rv, -1, at(8, 13), "address-of");
    esc_flow(cf, args[1], arr, -1, at(8, 17), "address-of");
    esc_call(cf, f, args, 2, ESC_NOLOC, at(8, 5));
    done(c);
    return 0;
}
// CHECK:      t.c:2:28: r does not escape
// CHECK-NEXT: t.c:2:37: leaking param: i
// CHECK-NEXT: t.c:2:37: &i escapes to heap
// CHECK-NEXT: t.c:3:13: leaking param: p to result ~r0 level=0
// CHECK-NEXT: t.c:6:9: &x escapes to heap
// CHECK-NEXT: == end
