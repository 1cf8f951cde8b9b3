// A callee whose body may be replaced at link time (weak) is analysed for its
// own lines, but its callers cannot use its summary; a trusted one can.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  __attribute__((weak)) void w(gomap *m) { (void)m; }
 * 2  void t(gomap *m) { (void)m; }
 * 3  void f(void) {
 * 4      gomap *a = gomap_make(GOMAP_TYPE(int, int), 0); w(a);
 * 5      gomap *b = gomap_make(GOMAP_TYPE(int, int), 0); t(b);
 * 6  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *w = esc_func_new(c, "w", at(1, 28), true, false);
    esc_param(w, 0, "m", at(1, 37), true, false);
    esc_func *t = body(c, "t", 2);
    esc_param(t, 0, "m", at(2, 15), true, false);
    esc_func *f = body(c, "f", 3);
    esc_loc a = esc_loc_new(f, ESC_LOC_VALUE, "a", at(4, 12), 0);
    esc_flow(f, a, site(f, 4, 16, 0), 0, at(4, 12), "assign");
    esc_call(f, w, &a, 1, ESC_NOLOC, at(4, 53));
    esc_loc b = esc_loc_new(f, ESC_LOC_VALUE, "b", at(5, 12), 0);
    esc_flow(f, b, site(f, 5, 16, 0), 0, at(5, 12), "assign");
    esc_call(f, t, &b, 1, ESC_NOLOC, at(5, 53));
    done(c);
    return 0;
}
// CHECK:      t.c:1:37: m does not escape
// CHECK-NEXT: t.c:2:15: m does not escape
// CHECK-NEXT: t.c:4:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:5:16: make(map[int]int) does not escape
// CHECK-NEXT: == end
