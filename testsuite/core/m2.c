// -m=2: each escaping site and leaking parameter is followed by the flow that
// decided it, hop by hop from the location to the walk's root.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines --strict-whitespace
#include "Inputs/drv.h"

/* t.c:
 *  1  gomap *f(void) {
 *  2      gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
 *  3      return m;
 *  4  }
 *  5  int *gp;
 *  6  void leak(int **p) { gp = *p; }
 *  7  void g(void) {
 *  8      gomap *keep;
 *  9      for (;;) {
 * 10          gomap *n = gomap_make(GOMAP_TYPE(int, int), 2);
 * 11          keep = n;
 * 12      }
 * 13  }
 * 14  int *h(void) { int x; int *p = &x; return p; }
 * 15  void copies(char **p) { char *s = *p; s = s; keep = s; }  (SSA: s1 = *p; s2 = s1;
 *                                                               tmp = s2; keep = tmp)
 */
int main(void)
{
    esc_ctx *c = new_ctx(2);
    esc_func *f = body(c, "f", 1);
    esc_loc m = esc_loc_new(f, ESC_LOC_VALUE, "m", at(2, 12), 0);
    esc_flow(f, m, site(f, 2, 16, 0), 0, at(2, 12), "assign");
    esc_flow(f, esc_result(f), m, 0, at(3, 5), "return");
    esc_func *l = body(c, "leak", 6);
    esc_loc p = esc_param(l, 0, "p", at(6, 17), true, false);
    esc_flow(l, esc_heap(c), p, 1, at(6, 25), "assign");
    esc_func *g = body(c, "g", 7);
    esc_loc keep = esc_loc_new(g, ESC_LOC_VALUE, "keep", at(8, 12), 0);
    esc_loc n = esc_loc_new(g, ESC_LOC_VALUE, "n", at(10, 16), 1);
    esc_flow(g, n, site_kv(g, 10, 20, "map[int]int", 4, 4, 2, 1, NULL), 0, at(10, 16), "assign");
    esc_flow(g, keep, n, 0, at(11, 14), "assign");
    esc_func *h = body(c, "h", 14);
    esc_loc x = esc_loc_new(h, ESC_LOC_VAR, "x", at(14, 20), 0);
    esc_loc hp = esc_loc_new(h, ESC_LOC_VALUE, "p", at(14, 28), 0);
    esc_flow(h, hp, x, -1, at(14, 32), "address-of");
    esc_flow(h, esc_result(h), hp, 0, at(14, 36), "return");
    esc_func *k = body(c, "copies", 15);
    esc_loc kp = esc_param(k, 0, "p", at(15, 20), true, false);
    esc_loc s1 = esc_loc_new(k, ESC_LOC_VALUE, "s", at(15, 30), 0);
    esc_loc s2 = esc_loc_new(k, ESC_LOC_VALUE, "s", at(15, 42), 0);
    esc_loc tmp = esc_loc_new(k, ESC_LOC_VALUE, NULL, at(15, 49), 0);
    esc_flow(k, s1, kp, 1, at(15, 34), "assign");
    esc_flow(k, s2, s1, 0, at(15, 42), "assign");
    esc_flow(k, tmp, s2, 0, at(15, 49), "assign");
    esc_escape(k, tmp, 0, at(15, 49), "store to global keep");
    done(c);
    return 0;
}
// CHECK:t.c:2:16: make(map[int]int) escapes to heap
// CHECK-NEXT:t.c:2:16:   flow: m = &{storage for make(map[int]int)}:
// CHECK-NEXT:t.c:2:16:     from make(map[int]int) (assign) at t.c:2:12
// CHECK-NEXT:t.c:2:16:   flow: ~r0 = m:
// CHECK-NEXT:t.c:2:16:     from m (return) at t.c:3:5
// CHECK-NEXT:t.c:6:17: leaking param content: p
// CHECK-NEXT:t.c:6:17:   flow: {heap} = *p:
// CHECK-NEXT:t.c:6:17:     from *p (assign) at t.c:6:25
// CHECK-NEXT:t.c:10:20: make(map[int]int, 2) escapes to heap
// CHECK-NEXT:t.c:10:20:   flow: n = &{storage for make(map[int]int, 2)}:
// CHECK-NEXT:t.c:10:20:     from make(map[int]int, 2) (assign) at t.c:10:16
// CHECK-NEXT:t.c:10:20:   flow: keep = n:
// CHECK-NEXT:t.c:10:20:     from n (assign) at t.c:11:14
// CHECK-NEXT:t.c:14:20: &x escapes to heap
// CHECK-NEXT:t.c:14:20:   flow: p = &x:
// CHECK-NEXT:t.c:14:20:     from &x (address-of) at t.c:14:32
// CHECK-NEXT:t.c:14:20:   flow: ~r0 = p:
// CHECK-NEXT:t.c:14:20:     from p (return) at t.c:14:36
// The copy of s into itself and the temporary fold into one hop s -> {heap}; of the
// notes showing the same value s, the last one (nearest the root) is kept.
// CHECK-NEXT:t.c:15:20: leaking param content: p
// CHECK-NEXT:t.c:15:20:   flow: s = *p:
// CHECK-NEXT:t.c:15:20:     from *p (assign) at t.c:15:34
// CHECK-NEXT:t.c:15:20:   flow: {heap} = s:
// CHECK-NEXT:t.c:15:20:     from s (store to global keep) at t.c:15:49
// CHECK-NEXT:== end
