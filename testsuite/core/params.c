// The four parameter lines (Go's paramTag): to the heap at level 0, only its
// content, to the result, nothing; a result leak at or above the heap level is
// dropped (Go's leaks.Optimize); non-pointer and unnamed parameters get none.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  int *gp;
 * 2  void leak(int *p) { gp = p; }
 * 3  void content(int **pp) { gp = *pp; }
 * 4  int none(int *p, int n) { return *p + n; }
 * 5  int *both(int **pp) { gp = *pp; return *pp; }
 * 6  int **mix(int **pp) { gp = *pp; return pp; }
 * 7  void anon(int *) { }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "leak", 2);
    esc_loc p = esc_param(f, 0, "p", at(2, 16), true, false);
    esc_flow(f, esc_heap(c), p, 0, at(2, 24), "assign");
    f = body(c, "content", 3);
    p = esc_param(f, 0, "pp", at(3, 20), true, false);
    esc_flow(f, esc_heap(c), p, 1, at(3, 29), "assign");
    f = body(c, "none", 4);
    p = esc_param(f, 0, "p", at(4, 15), true, false);
    esc_param(f, 1, "n", at(4, 22), false, false);
    esc_loc t = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(4, 34), 0);
    esc_flow(f, t, p, 1, at(4, 34), "indirection");
    f = body(c, "both", 5);
    p = esc_param(f, 0, "pp", at(5, 17), true, false);
    esc_flow(f, esc_heap(c), p, 1, at(5, 26), "assign");
    esc_flow(f, esc_result(f), p, 1, at(5, 33), "return");
    f = body(c, "mix", 6);
    p = esc_param(f, 0, "pp", at(6, 17), true, false);
    esc_flow(f, esc_heap(c), p, 1, at(6, 26), "assign");
    esc_flow(f, esc_result(f), p, 0, at(6, 33), "return");
    f = body(c, "anon", 7);
    p = esc_param(f, 0, NULL, at(7, 15), true, false);
    esc_flow(f, esc_heap(c), p, 0, at(7, 15), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:2:16: leaking param: p
// CHECK-NEXT: t.c:3:20: leaking param content: pp
// CHECK-NEXT: t.c:4:15: p does not escape
// CHECK-NEXT: t.c:5:17: leaking param content: pp
// CHECK-NEXT: t.c:6:17: leaking param content: pp
// CHECK-NEXT: t.c:6:17: leaking param: pp to result ~r0 level=0
// CHECK-NEXT: == end
