// A callee that leaks its parameter's content (level 1) makes the map whose
// holder's address it gets escape, but not the holder itself; a callee that
// only reads through it leaves the map on the stack.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  gomap *gm;
 * 2  void grab(gomap **pp) { gm = *pp; }
 * 3  size_t peek(gomap **pp) { return gomap_len(*pp); }
 * 4  void f(void) {
 * 5      gomap *a = gomap_make(GOMAP_TYPE(int, int), 0); grab(&a);
 * 6      gomap *b = gomap_make(GOMAP_TYPE(int, int), 0); peek(&b);
 * 7  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *grab = body(c, "grab", 2);
    esc_loc pp = esc_param(grab, 0, "pp", at(2, 18), true, false);
    esc_flow(grab, esc_heap(c), pp, 1, at(2, 28), "assign");
    esc_func *peek = body(c, "peek", 3);
    pp = esc_param(peek, 0, "pp", at(3, 20), true, false);
    esc_loc t = esc_loc_new(peek, ESC_LOC_VALUE, NULL, at(3, 43), 0);
    esc_flow(peek, t, pp, 1, at(3, 43), "indirection");
    esc_func *f = body(c, "f", 4);
    esc_loc a = esc_loc_new(f, ESC_LOC_VAR, "a", at(5, 12), 0);
    esc_flow(f, a, site(f, 5, 16, 0), 0, at(5, 12), "assign");
    esc_loc aa = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(5, 58), 0);
    esc_flow(f, aa, a, -1, at(5, 58), "address-of");
    esc_call(f, grab, &aa, 1, ESC_NOLOC, at(5, 53));
    esc_loc b = esc_loc_new(f, ESC_LOC_VAR, "b", at(6, 12), 0);
    esc_flow(f, b, site(f, 6, 16, 0), 0, at(6, 12), "assign");
    esc_loc ab = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(6, 58), 0);
    esc_flow(f, ab, b, -1, at(6, 58), "address-of");
    esc_call(f, peek, &ab, 1, ESC_NOLOC, at(6, 53));
    done(c);
    return 0;
}
// CHECK:      t.c:2:18: leaking param content: pp
// CHECK-NEXT: t.c:3:20: pp does not escape
// CHECK-NEXT: t.c:5:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:6:16: make(map[int]int) does not escape
// CHECK-NEXT: == end
